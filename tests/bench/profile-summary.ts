/**
 * `tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 30] [--focus name]`: self and total
 * time per function from a V8 CPU profile (written by `npm run bench -- fanout --profile`), so a
 * hot path can be read without opening DevTools. With --focus, totals are for that function's
 * subtree only (e.g. --focus flushParticipants).
 */
import fs from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 30] [--focus functionName]\n');
  process.exit(1);
}
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(opt('top') ?? 30);
const focus = opt('focus');

const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => {
  const where = n.callFrame.url.replace(/^.*\/(node_modules|work\/main)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
};

const selfMs = new Map<string, number>();
const totalMs = new Map<string, number>();
let focusMs = 0;
let allMs = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  allMs += dt;
  const chain: Node[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at)!);
  const inFocus = !focus || chain.some((n) => n.callFrame.functionName === focus);
  if (!inFocus) return;
  focusMs += dt;
  const leaf = chain[0]!;
  selfMs.set(label(leaf), (selfMs.get(label(leaf)) ?? 0) + dt);
  for (const l of new Set(chain.map(label))) totalMs.set(l, (totalMs.get(l) ?? 0) + dt);
});

const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${v.toFixed(1).padStart(9)} ms  ${k}\n`);
};
process.stdout.write(`profile: ${allMs.toFixed(0)} ms sampled${focus ? `, ${focusMs.toFixed(0)} ms under ${focus}` : ''}\n`);
print('self time', selfMs);
print('total time (inclusive)', totalMs);
