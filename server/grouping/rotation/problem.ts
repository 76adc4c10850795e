import { balancedSizes } from '../sizes.ts';

/**
 * The scheduling problem in numbers, shared by the constructions, the greedy start, the tabu search
 * and the bounds: people are 0..n-1, hosts sit at fixed tables, and `prior` holds how often each
 * pair met before the rounds being planned (played rounds and workshop history).
 */
export type Problem = {
  n: number;
  tables: number;
  /** sizes[r][t]: seats at table t in planned round r (balanced within a round). */
  sizes: number[][];
  /** host[t]: the person who hosts table t, or -1. */
  host: Int32Array;
  isHost: Uint8Array;
  /** prior[a * n + b]: meetings of a and b before the planned rounds (symmetric). */
  prior: Uint16Array;
  /** priorVisits[p * tables + t]: times p sat at table t in played rounds (null: table labels are free). */
  priorVisits: Uint8Array | null;
};

/** Planned rounds: schedule[r][t] lists the people at table t in planned round r. */
export type Schedule = number[][][];

/** Repeats weigh more than table revisits, so a revisit is only ever traded for nothing worse. */
export function repeatWeight(p: Problem): number {
  return p.priorVisits ? p.n * Math.max(1, p.sizes.length) + 1 : 1;
}

export function hasHosts(p: Problem): boolean {
  return p.priorVisits !== null;
}

/** Counts after the schedule: meetings per pair and visits per person and table, plus the cost. */
export type Tally = { count: Uint16Array; visits: Uint8Array | null; repeats: number; revisits: number };

export function tally(p: Problem, schedule: Schedule): Tally {
  const n = p.n;
  const count = p.prior.slice();
  const visits = p.priorVisits ? p.priorVisits.slice() : null;
  let repeats = 0;
  let revisits = 0;
  for (const round of schedule) {
    round.forEach((table, t) => {
      for (let i = 0; i < table.length; i++) {
        const a = table[i]!;
        if (visits && !p.isHost[a]) {
          if (visits[a * p.tables + t]! >= 1) revisits++;
          visits[a * p.tables + t]! += 1;
        }
        for (let j = i + 1; j < table.length; j++) {
          const b = table[j]!;
          if (count[a * n + b]! >= 1) repeats++;
          count[a * n + b]! += 1;
          count[b * n + a]! += 1;
        }
      }
    });
  }
  return { count, visits, repeats, revisits };
}

/** Weighted cost of a schedule: what the search minimises. */
export function scheduleCost(p: Problem, schedule: Schedule): number {
  const t = tally(p, schedule);
  return t.repeats * repeatWeight(p) + t.revisits;
}

/** Balanced sizes for a round, the larger tables starting at table `offset` (so extra seats rotate). */
export function roundSizes(people: number, tables: number, offset: number): number[] {
  const sizes = balancedSizes(people, tables);
  const shift = ((offset % tables) + tables) % tables;
  return sizes.map((_, t) => sizes[(t - shift + tables) % tables]!);
}
