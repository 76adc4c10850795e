import { parseArgs } from 'node:util';
import { formatJoinCode } from '../shared/ids.ts';
import { paths } from '../shared/http.ts';
import type { ParticipantPoll, PollAnswer } from '../shared/polls.ts';
import { startServer } from '../server/start.ts';
import { DEMO_FIELDS, SimPerson, createWorkshop, personAt } from '../tests/sim/index.ts';

/**
 * `npm run demo`: a server with one demo workshop and N bots who join, raise hands, drop out and
 * come back, so a newcomer sees a living facilitator console in one command.
 */
const { values } = parseArgs({
  options: {
    bots: { type: 'string', default: process.env.DEMO_BOTS ?? '24' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    data: { type: 'string', default: process.env.DATA_FILE ?? './data/demo.db' },
  },
});
const botCount = Math.max(0, Math.min(2_000, Number(values.bots) || 24));

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

console.log(`
  Indaba demo is running at ${server.url}

  Facilitator console (keep it to yourself):  ${server.url}${paths.host(w.workshopId, w.hostKey)}
  Participant join link:                      ${server.url}${paths.join(w.code)}   (code ${formatJoinCode(w.code)})
  Co-host link:                               ${server.url}${paths.cohost(w.workshopId, w.cohostKey)}

  ${botCount} bots are joining now; they raise hands, drop out and come back. When you open
  breakout rooms they write in their room's notes, now and then ask for help, and pick a room
  themselves when you let people choose. They answer your polls too.
  Open the join link in another browser window to take part yourself. Ctrl+C stops the demo.
`);

const rand = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bots: SimPerson[] = [];
let stopping = false;

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

const IDEAS = [
  'Peer mentors from the community made the biggest difference.',
  'Funding is short-term; we need multi-year commitments.',
  'Translate the intake forms into Dari and Arabic.',
  'Share one referral map between all partners.',
  'Young people want a say in how services are designed.',
  'Mental health support must not wait for legal status.',
];

const WORDS = ['trust', 'funding', 'Trust', 'language', 'safety', 'youth', 'housing', 'networks', 'hope'];

/** A plausible answer to any kind of poll. */
function answerFor(poll: ParticipantPoll): PollAnswer | null {
  const d = poll.definition;
  switch (d.kind) {
    case 'single':
      return { kind: 'single', optionId: d.options[rand(d.options.length)]!.id };
    case 'multiple':
      return { kind: 'multiple', optionIds: [...new Set([d.options[rand(d.options.length)]!.id, d.options[rand(d.options.length)]!.id])].slice(0, d.maxChoices) };
    case 'scale':
      return { kind: 'scale', value: d.min + rand(d.max - d.min + 1) };
    case 'wordcloud':
      return { kind: 'wordcloud', words: [...new Set([WORDS[rand(WORDS.length)]!, WORDS[rand(WORDS.length)]!])].slice(0, d.maxWords) };
    case 'ranking':
      return { kind: 'ranking', order: [...d.options].sort(() => Math.random() - 0.5).map((o) => o.id) };
    case 'text':
    case 'checkin':
      return { kind: d.kind, text: IDEAS[rand(IDEAS.length)]! };
  }
}

/** An open poll not yet answered: answer it (in the room the bot is in, for room polls). */
async function answerPolls(bot: SimPerson): Promise<boolean> {
  const poll = bot.view?.polls.find((p) => p.status === 'open' && !p.myAnswer);
  const answer = poll && answerFor(poll);
  if (!poll || !answer) return false;
  await bot.command({ type: 'poll.answer', pollId: poll.id, answer, roomId: bot.view?.breakout?.room?.id ?? null }).catch(() => null);
  return true;
}

/** In a breakout room: add a line to the notes, or pick a room when choosing is open. */
async function inBreakout(bot: SimPerson, roll: number): Promise<boolean> {
  const breakout = bot.view?.breakout;
  if (!breakout) return false;
  if (!breakout.room && breakout.choices?.length) {
    const open = breakout.choices.filter((c) => c.cap === null || c.count < c.cap);
    const pick = open[rand(open.length)];
    if (pick) await bot.command({ type: 'breakouts.choose', roomId: pick.id }).catch(() => null);
    return true;
  }
  const room = breakout.room;
  if (!room) return false;
  if (roll < 0.05 && room.help === 'none') await bot.command({ type: 'breakouts.help' }).catch(() => null);
  else if (roll < 0.4) {
    const before = room.notes?.text ?? '';
    const line = `- ${IDEAS[rand(IDEAS.length)]}`;
    if (!before.includes(line) && before.length < 1_500) {
      await bot.command({ type: 'breakouts.notes', roomId: room.id, text: before ? `${before}\n${line}` : line }).catch(() => null);
    }
  }
  return true;
}

/** One bot's life: now and then raise or lower a hand, sometimes lose the connection for a while. */
async function live(bot: SimPerson): Promise<void> {
  while (!stopping) {
    await sleep(3_000 + rand(12_000));
    if (stopping) return;
    const roll = Math.random();
    if (!bot.socket.connected) continue;
    if (bot.view?.me.status !== 'admitted') continue;
    if (roll < 0.7 && (await answerPolls(bot))) continue;
    if (await inBreakout(bot, roll)) continue;
    if (roll < 0.25) await bot.command({ type: bot.view.hand.raised ? 'hand.lower' : 'hand.raise' }).catch(() => null);
    else if (roll < 0.3) {
      // a weak connection: gone for a bit, then back as the same person
      bot.socket.disconnect();
      await sleep(5_000 + rand(25_000));
      if (!stopping) bot.socket.connect();
    }
  }
}

for (let i = 0; i < botCount; i++) {
  const bot = await joinBot(i);
  if (bot) {
    bots.push(bot);
    void live(bot);
  }
  await sleep(150 + rand(350));
}

const stop = async () => {
  stopping = true;
  bots.forEach((b) => b.close());
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
