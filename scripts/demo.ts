import { parseArgs } from 'node:util';
import { AGENDA_TEMPLATES } from '../shared/agenda-templates.ts';
import { formatJoinCode } from '../shared/ids.ts';
import { paths } from '../shared/http.ts';
import { startServer } from '../server/start.ts';
import { DEMO_FIELDS, SimPerson, createWorkshop, hostOf, personAt } from '../tests/sim/index.ts';
import { autoFacilitate, live } from './demo-bots.ts';

/**
 * `npm run demo`: a server with one demo workshop, its agenda loaded from the "Community of practice
 * meeting" template, and N bots who join and take part in whatever runs. The facilitator presses
 * "Next" in the console; with `--auto[=seconds]` (or DEMO_AUTO) the demo presses it itself, so the
 * whole agenda runs unattended. Bots and the automatic facilitator use the public protocol only.
 */

/** `--auto` alone means every 45 seconds; `--auto 20` and `--auto=20` give the seconds. */
function normaliseArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--auto') out.push(argv[i]!);
    else if (/^\d+$/.test(argv[i + 1] ?? '')) out.push(`--auto=${argv[++i]}`);
    else out.push('--auto=45');
  }
  return out;
}

const { values } = parseArgs({
  args: normaliseArgs(process.argv.slice(2)),
  options: {
    bots: { type: 'string', default: process.env.DEMO_BOTS ?? '24' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    data: { type: 'string', default: process.env.DATA_FILE ?? './data/demo.db' },
    auto: { type: 'string', default: process.env.DEMO_AUTO },
    /** Another template's id (see shared/agenda-templates.ts), e.g. peer-learning-60. */
    template: { type: 'string', default: process.env.DEMO_TEMPLATE ?? 'community-of-practice-90' },
  },
});
const botCount = Math.max(0, Math.min(2_000, Number(values.bots) || 24));
const autoRaw = values.auto?.trim().toLowerCase();
const autoSeconds =
  autoRaw === undefined || autoRaw === '' || autoRaw === '0' || autoRaw === 'false' ? null : Math.max(5, Number(autoRaw) || 45);

const TEMPLATE = AGENDA_TEMPLATES.find((t) => t.id === values.template);
if (!TEMPLATE) {
  console.error(`No agenda template "${values.template}". Choose one of: ${AGENDA_TEMPLATES.map((t) => t.id).join(', ')}`);
  process.exit(2);
}

const server = await startServer({
  port: Number(values.port),
  host: process.env.HOST ?? '0.0.0.0',
  dataFile: values.data,
  logLevel: process.env.LOG_LEVEL ?? 'warn',
  env: { SOCKET_MESSAGES_PER_SECOND: '50' },
});
const w = await createWorkshop(server.url, {
  title: 'Refugee-led responses: community of practice',
  description: 'Monthly peer-learning meeting of member organisations. This is a demo with bot participants.',
  profileFields: DEMO_FIELDS,
  waitingRoom: false,
});

// the host loads the agenda, as the console's "use a template" would
const host = await hostOf(server.url, w);
await host.do({ type: 'agenda.set', segments: TEMPLATE.segments });

const agendaLines = TEMPLATE.segments.map((s) => `      ${String(s.minutes).padStart(3)} min  ${s.title}`).join('\n');
console.log(`
  Indaba demo is running at ${server.url}

  Facilitator console (keep it to yourself):  ${server.url}${paths.host(w.workshopId, w.hostKey)}
  Participant join link:                      ${server.url}${paths.join(w.code)}   (code ${formatJoinCode(w.code)})
  Co-host link:                               ${server.url}${paths.cohost(w.workshopId, w.cohostKey)}

  Agenda loaded: "${TEMPLATE.name}"
${agendaLines}
  ${
    autoSeconds === null
      ? 'Press "Next" in the facilitator console to start each part (run with --auto to let the demo press it).'
      : `The demo presses "Next" itself every ${autoSeconds} seconds (café rounds move on at the same pace), so you can watch.`
  }

  ${botCount} bots are joining now. They answer the check-in, polls and check-out, offer to host café
  tables and write table notes, write in breakout notes, raise hands, speak (or pass) when it is
  their turn, now and then ask for help, and sometimes drop out and come back.
  Open the join link in another browser window to take part yourself. Ctrl+C stops the demo.
`);

const rand = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bots: SimPerson[] = [];
let stopping = false;
const isStopping = () => stopping;

async function joinBot(i: number): Promise<SimPerson | null> {
  const who = personAt(i);
  const bot = new SimPerson(server.url);
  const result = await bot.start({ type: 'join', code: w.code, name: who.name, profile: who.profile });
  if (!result.ok) {
    bot.close();
    return null;
  }
  return bot;
}

// ---- bots ---------------------------------------------------------------------------------------

for (let i = 0; i < botCount; i++) {
  const bot = await joinBot(i);
  if (bot) {
    bots.push(bot);
    void live(bot, isStopping);
  }
  await sleep(150 + rand(350));
}

const log = (text: string) => console.log(`  [auto ${new Date().toLocaleTimeString('en-GB')}] ${text}`);
if (autoSeconds !== null) void autoFacilitate(host, autoSeconds, isStopping, log);
else host.close(); // the person at the console is the facilitator

const stop = async () => {
  stopping = true;
  bots.forEach((b) => b.close());
  host.close();
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
