import { field } from './gf.ts';
import type { Schedule } from './problem.ts';

/**
 * Rounds from the affine plane over GF(q), for q tables where q is a prime power: people are points
 * (x, y) in k = ceil(n/q) columns of q (the last column may be short), person x*q + y. In the round
 * of slope m, table b seats the points on the line y = m*x + b: one per column, so any two people
 * share at most one line and never meet twice. Columns never share a line, so with hosts (column 0,
 * person t) host t is at table t in every round and nobody else comes back to a table. Without
 * hosts, when the columns are full and k divides q, each column cut into tables of k makes one more
 * round (q + 1 in all: the whole affine plane when n = q*q; 9 rounds for 32 people in 8 tables).
 *
 * With up to q people more than q*q, the extra people are added one per table (then there are
 * repeats, which the search reduces). Returns null when the construction does not apply (q not a
 * prime power, more rounds than it has, or tables that would be bigger than the balanced size).
 */
export function affineRounds(n: number, tables: number, rounds: number, hosts: boolean): Schedule | null {
  const q = tables;
  const k = Math.ceil(n / q);
  if (k > q && n - q * q <= q && rounds <= q && q >= 2) {
    // A few more people than the plane holds: each extra person takes a different table each round
    // (the search then smooths out the repeats this forces).
    const plane = affineRounds(q * q, q, rounds, hosts);
    if (!plane) return null;
    plane.forEach((round, r) => {
      for (let e = 0; e < n - q * q; e++) round[(e + r) % q]!.push(q * q + e);
    });
    return plane;
  }
  if (k < 2 || k > q || q > 128) return null;
  const withColumns = !hosts && n === k * q && q % k === 0;
  if (rounds > q + (withColumns ? 1 : 0)) return null;
  const f = field(q);
  if (!f) return null;
  const lastColumn = n - (k - 1) * q; // people in column k-1
  const schedule: Schedule = [];
  for (let m = 0; m < Math.min(rounds, q); m++) {
    const round: number[][] = [];
    for (let b = 0; b < q; b++) {
      const table: number[] = [];
      for (let x = 0; x < k; x++) {
        const y = f.add(f.mul(m, x), b);
        if (x < k - 1 || y < lastColumn) table.push(x * q + y);
      }
      round.push(table);
    }
    schedule.push(round);
  }
  if (rounds > q) schedule.push(Array.from({ length: q }, (_, t) => Array.from({ length: k }, (_, i) => t * k + i)));
  return schedule;
}
