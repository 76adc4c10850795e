/**
 * `npm run bench -- schedule [--seed S] [--shuffles K]`: the rotation scheduler on realistic cafés
 * (10 to 300 people, tables of 3 to 8, 2 to 6 rounds, with and without hosts, mostly not dividing
 * evenly) and the named targets (Kirkman's 15, the 32 golfers, 300 people for 5 rounds), against a
 * random shuffle into the same tables (what Jitsi's breakout rooms do) measured in the same run.
 * One JSON line per instance on stdout, a readable table on stderr; `run` returns the summary.
 */
import { planRotation, randomRotation, rotationQuality } from '../../server/grouping/rotation/index.ts';

type Instance = { name: string; people: number; tableSize: number; rounds: number; hosts: boolean };

const named: Instance[] = [
  { name: 'kirkman-15x3x7', people: 15, tableSize: 3, rounds: 7, hosts: false },
  { name: 'golfers-32x4x9', people: 32, tableSize: 4, rounds: 9, hosts: false },
  { name: 'golfers-32x4x10', people: 32, tableSize: 4, rounds: 10, hosts: false },
  { name: 'cafe-300x6x5', people: 300, tableSize: 6, rounds: 5, hosts: false },
  { name: 'cafe-300x8x5-hosts', people: 300, tableSize: 8, rounds: 5, hosts: true },
];

// [people, table size, rounds, hosts]
const realistic: [number, number, number, boolean][] = [
  [10, 3, 2, false],
  [10, 3, 4, true],
  [10, 4, 3, false],
  [11, 3, 5, false],
  [13, 4, 3, true],
  [14, 3, 6, false],
  [17, 5, 3, false],
  [19, 4, 6, true],
  [22, 6, 4, false],
  [23, 5, 5, true],
  [26, 4, 6, false],
  [29, 6, 5, true],
  [31, 7, 4, false],
  [34, 6, 5, false],
  [36, 6, 4, false],
  [37, 8, 4, true],
  [40, 4, 5, true],
  [41, 6, 6, true],
  [47, 5, 6, false],
  [50, 8, 6, true],
  [58, 7, 5, false],
  [62, 4, 6, true],
  [75, 7, 6, false],
  [83, 8, 5, true],
  [99, 6, 6, false],
  [101, 5, 4, true],
  [120, 6, 6, false],
  [127, 8, 6, false],
  [150, 7, 5, true],
  [173, 6, 6, false],
  [199, 8, 3, true],
  [222, 5, 6, false],
  [250, 7, 6, true],
  [275, 6, 4, false],
  [299, 8, 6, true],
  [300, 7, 5, false],
  [300, 5, 6, true],
];

export const instances: Instance[] = [
  ...named,
  ...realistic.map(([people, tableSize, rounds, hosts]) => ({ name: `${people}x${tableSize}x${rounds}${hosts ? '-hosts' : ''}`, people, tableSize, rounds, hosts })),
];

const round1 = (x: number) => Math.round(x * 10) / 10;
const percentile = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const v = i >= 0 ? Number(args[i + 1]) : NaN;
    return Number.isFinite(v) ? v : fallback;
  };
  const seed = option('seed', 1);
  const shuffles = Math.max(1, option('shuffles', 20));
  const rows: Record<string, unknown>[] = [];
  const table: string[] = [
    `${'instance'.padEnd(20)} ${'tables'.padStart(6)} fits ${'ms'.padStart(7)} ${'repeats'.padStart(7)} ${'bound'.padStart(5)} ${'excess'.padStart(6)} ${'random'.padStart(7)} ${'rnd_ms'.padStart(6)}  method`,
  ];
  for (const inst of instances) {
    const plan = planRotation({ people: inst.people, tableSize: inst.tableSize, rounds: inst.rounds, hosts: inst.hosts, seed });
    const sizes = plan.rounds.map((round) => round.map((t) => t.length));
    let randomRepeats = 0;
    let randomMs = 0;
    for (let k = 0; k < shuffles; k++) {
      const t0 = performance.now();
      const rounds = randomRotation(inst.people, sizes, inst.hosts, seed * 1000 + k);
      randomMs += performance.now() - t0;
      randomRepeats += rotationQuality(rounds, { lowerBound: plan.quality.lowerBound }).repeats;
    }
    const fits = inst.rounds <= Math.floor((inst.people - 1) / (inst.tableSize - 1));
    const row = {
      instance: inst.name,
      people: inst.people,
      table_size: inst.tableSize,
      rounds: inst.rounds,
      hosts: inst.hosts,
      tables: sizes[0]?.length ?? 0,
      fits,
      ms: round1(plan.ms),
      repeats: plan.quality.repeats,
      lower_bound: plan.quality.lowerBound.value,
      excess: plan.quality.repeats - plan.quality.lowerBound.value,
      table_revisits: plan.quality.tableRevisits,
      method: plan.method,
      stopped_by: plan.stoppedBy,
      random_repeats: round1(randomRepeats / shuffles),
      random_ms: round1(randomMs / shuffles),
      summary: plan.quality.summary,
    };
    rows.push(row);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    table.push(
      `${inst.name.padEnd(20)} ${String(row.tables).padStart(6)} ${fits ? 'yes ' : 'no  '} ${row.ms.toFixed(1).padStart(7)} ${String(row.repeats).padStart(7)} ${String(row.lower_bound).padStart(5)} ${String(row.excess).padStart(6)} ${row.random_repeats.toFixed(1).padStart(7)} ${row.random_ms.toFixed(1).padStart(6)}  ${row.method}`,
    );
  }
  process.stderr.write(`${table.join('\n')}\n`);

  const ms = rows.map((r) => r.ms as number);
  const byName = (name: string) => rows.find((r) => r.instance === name)!;
  const fitting = rows.filter((r) => r.fits);
  const mean = (key: string) => round1(rows.reduce((s, r) => s + (r[key] as number), 0) / rows.length);
  return {
    bench: 'schedule',
    n: rows.length,
    instances: rows.length,
    p50_ms: round1(percentile(ms, 50)),
    p99_ms: round1(percentile(ms, 99)),
    worst_ms: round1(Math.max(...ms)),
    worst_instance: rows[ms.indexOf(Math.max(...ms))]!.instance,
    baseline_p99_ms: round1(percentile(rows.map((r) => r.random_ms as number), 99)),
    max_excess_over_bound: Math.max(...rows.map((r) => r.excess as number)),
    rows_at_bound: rows.filter((r) => r.excess === 0).length,
    zero_where_fit: `${fitting.filter((r) => r.repeats === 0).length}/${fitting.length}`,
    random_mean_repeats: mean('random_repeats'),
    scheduler_mean_repeats: mean('repeats'),
    kirkman_15_repeats: byName('kirkman-15x3x7').repeats,
    golfers_32_9_repeats: byName('golfers-32x4x9').repeats,
    golfers_32_10_repeats: byName('golfers-32x4x10').repeats,
    cafe_300_5_ms: Math.max(byName('cafe-300x6x5').ms as number, byName('cafe-300x8x5-hosts').ms as number),
  };
}
