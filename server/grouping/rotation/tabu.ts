import type { Rng } from '../random.ts';
import { repeatWeight, tally, type Problem, type Schedule } from './problem.ts';

export type SearchLimits = {
  /** Stop as soon as the cost is at most this (the lower bound: nothing better exists). */
  target: number;
  maxIterations: number;
  /** performance.now() value after which the search stops (checked every few iterations). */
  deadline: number;
};

export type SearchResult = { schedule: Schedule; cost: number; iterations: number; stoppedBy: 'bound' | 'iterations' | 'stalled' | 'time' };

/** Conflicted people looked at per iteration at most (sampled), so big instances stay quick. */
const MAX_CANDIDATES = 16;

/**
 * Tabu search over same-round swaps (after Dotú & Van Hentenryck, "Scheduling social golfers
 * locally"): each step swaps two people at different tables of one round, one of whom is in a
 * conflict (sits with someone they already met, or at a table they already visited), choosing the
 * swap that lowers the cost most, computed incrementally from pair counts. Moving someone back to
 * the table they just left in that round is tabu for a few steps unless it beats the best so far.
 * When the best stops improving, the search restarts from the best with a few random swaps, and
 * every fourth restart from a fresh start (`restart`). The search ends at the lower bound, after
 * `maxIterations`, when ten restarts in a row found nothing better ('stalled'), or at the deadline.
 * Hosts never move; swaps keep table sizes.
 */
export function tabuSearch(p: Problem, start: Schedule, restart: () => Schedule, rng: Rng, limits: SearchLimits): SearchResult {
  const { n, tables: T } = p;
  const R = start.length;
  const W = repeatWeight(p);
  const movable = [...Array(n).keys()].filter((a) => !p.isHost[a]);
  const tabu = new Int32Array(R * n * T);
  const selfCost = new Int32Array(R * n);
  const stallLimit = Math.max(300, 20 * n);

  let tables: Schedule = [];
  let pos = new Int32Array(R * n);
  let count = p.prior;
  let visits: Uint8Array | null = null;
  let cost = 0;
  const load = (s: Schedule) => {
    tables = s.map((round) => round.map((table) => table.slice()));
    pos = new Int32Array(R * n).fill(-1);
    tables.forEach((round, r) => round.forEach((table, t) => table.forEach((a) => (pos[r * n + a] = t))));
    const t = tally(p, tables);
    count = t.count;
    visits = t.visits;
    cost = t.repeats * W + t.revisits;
    tabu.fill(0);
  };
  load(start);
  let best = tables.map((round) => round.map((table) => table.slice()));
  let bestCost = cost;
  let iteration = 0;
  let stall = 0;
  let restarts = 0;
  let lastBest = 0;
  const swap = (r: number, a: number, b: number) => {
    const A = pos[r * n + a]!;
    const B = pos[r * n + b]!;
    const ta = tables[r]![A]!;
    const tb = tables[r]![B]!;
    for (const x of ta) {
      if (x === a) continue;
      count[a * n + x]! -= 1;
      count[x * n + a]! -= 1;
      count[b * n + x]! += 1;
      count[x * n + b]! += 1;
    }
    for (const y of tb) {
      if (y === b) continue;
      count[b * n + y]! -= 1;
      count[y * n + b]! -= 1;
      count[a * n + y]! += 1;
      count[y * n + a]! += 1;
    }
    if (visits) {
      visits[a * T + A]! -= 1;
      visits[a * T + B]! += 1;
      visits[b * T + B]! -= 1;
      visits[b * T + A]! += 1;
    }
    ta[ta.indexOf(a)] = b;
    tb[tb.indexOf(b)] = a;
    pos[r * n + a] = B;
    pos[r * n + b] = A;
  };

  let stoppedBy: SearchResult['stoppedBy'] = 'iterations';
  while (true) {
    if (bestCost <= limits.target) {
      stoppedBy = 'bound';
      break;
    }
    if (iteration >= limits.maxIterations) break;
    if (iteration - lastBest > 10 * stallLimit) {
      stoppedBy = 'stalled';
      break;
    }
    if ((iteration & 31) === 0 && performance.now() > limits.deadline) {
      stoppedBy = 'time';
      break;
    }
    iteration++;

    // What each person costs where they sit now (repeats with tablemates, a revisit): the swaps
    // looked at move someone who costs something.
    const cnt = count;
    const candidates: number[] = []; // r * n + a
    for (let r = 0; r < R; r++) {
      const round = tables[r]!;
      for (const a of movable) {
        const t = pos[r * n + a]!;
        let own = visits !== null && visits[a * T + t]! >= 2 ? 1 : 0;
        const row = a * n;
        for (const x of round[t]!) if (x !== a && cnt[row + x]! >= 2) own += W;
        selfCost[r * n + a] = own;
        if (own > 0) candidates.push(r * n + a);
      }
    }
    while (candidates.length > MAX_CANDIDATES) candidates.splice(Math.floor(rng() * candidates.length), 1);

    let bestDelta = Infinity;
    let moveR = -1;
    let moveA = -1;
    let moveB = -1;
    let ties = 0;
    for (const c of candidates) {
      const r = Math.floor(c / n);
      const a = c - r * n;
      const A = pos[c]!;
      const round = tables[r]!;
      const ta = round[A]!;
      const rowA = a * n;
      const lossA = selfCost[c]!;
      for (let B = 0; B < T; B++) {
        if (B === A) continue;
        const tb = round[B]!;
        let gainA = visits !== null && visits[a * T + B]! >= 1 ? 1 : 0;
        for (const y of tb) if (cnt[rowA + y]! >= 1) gainA += W;
        for (const b of tb) {
          if (p.isHost[b]) continue;
          const rowB = b * n;
          let d = gainA - lossA - selfCost[r * n + b]! - (cnt[rowA + b]! >= 1 ? W : 0);
          if (d > bestDelta) continue; // what b meets at A only adds
          for (const x of ta) if (x !== a && cnt[rowB + x]! >= 1) d += W;
          if (visits !== null && visits[b * T + A]! >= 1) d += 1;
          if (d > bestDelta) continue;
          const isTabu = tabu[(r * n + a) * T + B]! > iteration || tabu[(r * n + b) * T + A]! > iteration;
          if (isTabu && cost + d >= bestCost) continue;
          if (d < bestDelta) {
            bestDelta = d;
            ties = 1;
            moveR = r;
            moveA = a;
            moveB = b;
          } else if (rng() * ++ties < 1) {
            moveR = r;
            moveA = a;
            moveB = b;
          }
        }
      }
    }

    if (moveR >= 0) {
      const A = pos[moveR * n + moveA]!;
      const B = pos[moveR * n + moveB]!;
      swap(moveR, moveA, moveB);
      cost += bestDelta;
      const tenure = 4 + Math.floor(rng() * 8);
      tabu[(moveR * n + moveA) * T + A] = iteration + tenure;
      tabu[(moveR * n + moveB) * T + B] = iteration + tenure;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = tables.map((round) => round.map((table) => table.slice()));
      stall = 0;
      lastBest = iteration;
    } else if (++stall > stallLimit || moveR < 0) {
      stall = 0;
      restarts++;
      if (restarts % 4 === 0) load(restart());
      else {
        load(best);
        for (let k = 0; k < 2 + (restarts % 5); k++) randomSwap(rng);
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = tables.map((round) => round.map((table) => table.slice()));
      }
    }
  }
  return { schedule: best, cost: bestCost, iterations: iteration, stoppedBy };

  function randomSwap(random: Rng) {
    if (movable.length < 2 || T < 2) return;
    const r = Math.floor(random() * R);
    const a = movable[Math.floor(random() * movable.length)]!;
    const b = movable[Math.floor(random() * movable.length)]!;
    if (pos[r * n + a] === pos[r * n + b]) return;
    swap(r, a, b);
    const t = tally(p, tables);
    cost = t.repeats * W + t.revisits;
  }
}
