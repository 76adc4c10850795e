/**
 * `npx tsx tests/bench/polls-profile.ts <dir> [--top 25] [--until acked|to] [--server indaba|echo]`:
 * self and inclusive time per function in the server's CPU profile, counting only samples taken
 * during the answer bursts of `npm run bench -- polls --profile` (windows in <dir>/bursts.json,
 * in the monotonic µs V8 profiles use). `--until acked` (default) stops each window at the last
 * ack; `to` also counts the results fan-out that follows. Per burst kind (single, wordcloud).
 */
import fs from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
type Bursts = { indabaPid: number; echoPid: number; windows: { label: string; from: number; acked: number; to: number }[] };

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!dir) {
  process.stderr.write('usage: tsx tests/bench/polls-profile.ts <profile dir> [--top 25] [--until acked|to] [--server indaba|echo]\n');
  process.exit(1);
}
const top = Number(opt('top') ?? 25);
const until = opt('until') === 'to' ? 'to' : 'acked';
const bursts = JSON.parse(fs.readFileSync(path.join(dir, 'bursts.json'), 'utf8')) as Bursts;
const pid = opt('server') === 'echo' ? bursts.echoPid : bursts.indabaPid;
// the main thread's profile (thread 0) of that process
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.0.`));
if (!file) throw new Error(`no main-thread profile for pid ${pid} in ${dir}`);
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|work\/main)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

for (const kind of [...new Set(bursts.windows.map((w) => w.label))]) {
  const windows = bursts.windows.filter((w) => w.label === kind);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (!windows.some((w) => t >= w.from && t <= w[until])) return;
    const chain: Node[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at)!);
    const leaf = chain[0]!;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += dt / 1000;
      return;
    }
    busy += dt / 1000;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt / 1000);
    for (const l of new Set(chain.map(label))) total.set(l, (total.get(l) ?? 0) + dt / 1000);
  });
  const wall = windows.reduce((s, w) => s + (w[until] - w.from) / 1000, 0);
  process.stdout.write(`\n== ${kind}: ${windows.length} burst(s), ${wall.toFixed(0)} ms of windows (to ${until}), ${busy.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle\n`);
  for (const [title, m] of [['self', self], ['inclusive', total]] as const) {
    process.stdout.write(`-- ${title}\n`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${v.toFixed(1).padStart(9)} ms  ${(100 * v / busy).toFixed(1).padStart(5)}%  ${k}\n`);
  }
}
