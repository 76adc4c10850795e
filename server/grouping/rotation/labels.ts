import type { Schedule } from './problem.ts';

/**
 * Without hosts, table numbers are free: each round's groups get the tables their members have sat
 * at least (an optimal assignment per round, in round order), so nobody returns to a table when
 * that can be avoided. `priorVisits[p * tables + t]` counts visits in played rounds.
 */
export function relabelTables(schedule: Schedule, priorVisits: Uint8Array, tables: number): Schedule {
  const visits = priorVisits.slice();
  return schedule.map((round) => {
    const cost = round.map((group) => {
      const row = new Array<number>(tables).fill(0);
      for (const a of group) for (let l = 0; l < tables; l++) row[l]! += visits[a * tables + l]!;
      return row;
    });
    const labelOf = assignMinCost(cost);
    const out: number[][] = new Array(tables);
    round.forEach((group, g) => {
      out[labelOf[g]!] = group;
      for (const a of group) visits[a * tables + labelOf[g]!]! += 1;
    });
    return out;
  });
}

/** Hungarian method (O(n^3)) on a square cost matrix: the column for each row. */
export function assignMinCost(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j]: row (1-based) matched to column j
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const colOf = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j]! > 0) colOf[p[j]! - 1] = j - 1;
  return colOf;
}
