import type { Problem } from './problem.ts';
import type { LowerBound } from './types.ts';

const choose2 = (k: number) => (k * (k - 1)) / 2;

/** Fewest pairs sharing an earlier table when `size` people come from `tables` earlier tables. */
export function evenSplitPairs(size: number, tables: number): number {
  const q = Math.floor(size / tables);
  const rem = size % tables;
  return rem * choose2(q + 1) + (tables - rem) * choose2(q);
}

/**
 * Counting lower bounds on repeat meetings in the planned rounds (each holds for every schedule
 * with these table sizes and hosts, so the plan's quality can be judged against them):
 * - pairs: pair-slots used minus pairs that have not met yet (host pairs never can);
 * - perPerson: someone who sits with more people than they have left to meet repeats the excess;
 *   each repeat has two ends, so the sum is halved. A non-host meets one host per round, so more
 *   rounds than unmet hosts forces host repeats on its own;
 * - pigeonhole: a table with more seats than there are tables takes two people from one table of
 *   the round before.
 * `alreadyRepeats` (repeats in played rounds) is added to the value.
 */
export function lowerBound(p: Problem, alreadyRepeats = 0): LowerBound {
  const { n, sizes, isHost, prior } = p;
  const rounds = sizes.length;
  const hosts = p.priorVisits !== null;
  let available = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) if (prior[a * n + b] === 0 && !(isHost[a] && isHost[b])) available++;
  }
  let slots = 0;
  for (const round of sizes) for (const s of round) slots += choose2(s);
  const pairs = Math.max(0, slots - available);

  // Per person. Movable people: a base number of tablemates per round (the smaller table) plus
  // extras for sitting at a larger table, spread as kindly as possible (a relaxation, so valid).
  const hostSeat = hosts ? 1 : 0;
  let base = 0;
  let extras = 0;
  for (const round of sizes) {
    const min = Math.min(...round);
    base += Math.max(0, min - 1 - hostSeat);
    for (const s of round) if (s > min) extras += s - hostSeat;
  }
  let ends = 0;
  let freeCapacity = 0;
  for (let i = 0; i < n; i++) {
    let unmetHosts = 0;
    let unmetOthers = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || prior[i * n + j] !== 0) continue;
      if (hosts && isHost[j]) unmetHosts++;
      else unmetOthers++;
    }
    if (isHost[i]) {
      const t = p.host.indexOf(i);
      let meets = 0;
      for (const round of sizes) meets += Math.max(0, (round[t] ?? 1) - 1);
      ends += Math.max(0, meets - unmetOthers);
      continue;
    }
    if (hosts) ends += Math.max(0, rounds - unmetHosts);
    ends += Math.max(0, base - unmetOthers);
    freeCapacity += Math.min(rounds, Math.max(0, unmetOthers - base));
  }
  ends += Math.max(0, extras - freeCapacity);
  const perPerson = Math.ceil(ends / 2);

  let pigeonhole = 0;
  for (let r = 1; r < rounds; r++) for (const s of sizes[r]!) pigeonhole += evenSplitPairs(s, sizes[r - 1]!.length);

  return { pairs, perPerson, pigeonhole, value: alreadyRepeats + Math.max(pairs, perPerson, pigeonhole) };
}
