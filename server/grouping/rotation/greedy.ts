import { shuffle, type Rng } from '../random.ts';
import type { Problem, Schedule } from './problem.ts';

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/**
 * A greedy start after Triska & Musliu's "freedom" heuristic: rounds are filled table by table;
 * each seat goes to someone who has met nobody at the table yet (fewest such meetings otherwise)
 * and, among those, to whoever leaves the table the most freedom: the most unseated people who
 * could still join it without a repeat. An empty table starts with the most constrained person
 * (fewest unseated people left to meet). Ties follow a seeded shuffle.
 */
/** Above this many people, each seat considers the next WINDOW people waiting rather than all of them. */
const WINDOW_FROM = 400;
const WINDOW = 64;

export function greedySchedule(p: Problem, rng: Rng): Schedule {
  const { n, tables } = p;
  const words = Math.ceil(n / 32);
  const count = p.prior.slice();
  const visits = p.priorVisits ? p.priorVisits.slice() : null;
  const met = new Uint32Array(n * words); // bit b of person a: a has met b
  const setMet = (a: number, b: number) => (met[a * words + (b >>> 5)]! |= 1 << (b & 31));
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b && count[a * n + b]! > 0) setMet(a, b);

  const movable = [...Array(n).keys()].filter((a) => !p.isHost[a]);
  const schedule: Schedule = [];
  const free = new Uint32Array(words); // unseated people
  const open = new Uint32Array(words); // unseated people who have met nobody at the current table

  for (const sizes of p.sizes) {
    const round: number[][] = sizes.map((_, t) => (p.host[t]! >= 0 ? [p.host[t]!] : []));
    const waiting = Int32Array.from(shuffle(movable, rng)); // unseated, in tie-break order
    let left = waiting.length;
    free.fill(0);
    for (const a of waiting) free[a >>> 5]! |= 1 << (a & 31);

    for (let t = 0; t < tables; t++) {
      const table = round[t]!;
      open.set(free);
      for (const q of table) for (let w = 0; w < words; w++) open[w]! &= ~met[q * words + w]!;
      while (table.length < sizes[t]! && left > 0) {
        let bestAt = 0;
        let bestConflicts = Infinity;
        let bestFreedom = -Infinity;
        const first = table.length === 0;
        // a large café looks at a window of the (shuffled) waiting list, not everyone: each seat
        // otherwise scans n people over n/32 words, seconds at 2,000 people; small ones scan all
        const scan = n > WINDOW_FROM ? Math.min(left, WINDOW) : left;
        for (let i = 0; i < scan; i++) {
          const a = waiting[i]!;
          const row = a * n;
          let conflicts = visits !== null && visits[a * tables + t]! > 0 ? 1 : 0;
          for (let j = 0; j < table.length; j++) if (count[row + table[j]!]! > 0) conflicts++;
          if (conflicts > bestConflicts) continue;
          let freedom = 0;
          const base = a * words;
          if (first) {
            // most constrained first: fewest unseated people left to meet
            for (let w = 0; w < words; w++) freedom -= popcount(free[w]! & ~met[base + w]!);
          } else {
            for (let w = 0; w < words; w++) freedom += popcount(open[w]! & ~met[base + w]!);
          }
          if (conflicts < bestConflicts || freedom > bestFreedom) {
            bestAt = i;
            bestConflicts = conflicts;
            bestFreedom = freedom;
          }
        }
        const best = waiting[bestAt]!;
        waiting.copyWithin(bestAt, bestAt + 1, left); // keep the tie-break order
        left--;
        table.push(best);
        free[best >>> 5]! &= ~(1 << (best & 31));
        open[best >>> 5]! &= ~(1 << (best & 31));
        for (let w = 0; w < words; w++) open[w]! &= ~met[best * words + w]!;
      }
    }

    round.forEach((table, t) => {
      for (let i = 0; i < table.length; i++) {
        const a = table[i]!;
        if (visits && !p.isHost[a]) visits[a * tables + t]! += 1;
        for (let j = i + 1; j < table.length; j++) {
          const b = table[j]!;
          count[a * n + b]! += 1;
          count[b * n + a]! += 1;
          setMet(a, b);
          setMet(b, a);
        }
      }
    });
    schedule.push(round);
  }
  return schedule;
}
