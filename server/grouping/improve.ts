import type { Rng } from './random.ts';

/** Cost of two people (by index) sharing a room: positive keeps them apart, negative draws them together. */
export type PairCost = (a: number, b: number) => number;

/** Sum over rooms of the cost of every pair in the room. */
export function totalCost(rooms: readonly (readonly number[])[], cost: PairCost): number {
  let sum = 0;
  for (const room of rooms) {
    for (let i = 0; i < room.length; i++) for (let j = i + 1; j < room.length; j++) sum += cost(room[i]!, room[j]!);
  }
  return sum;
}

/**
 * Local search by swapping two people between rooms whenever that lowers the total cost. Swaps keep
 * every room's size, so a balanced start stays balanced. Deterministic for a given rng; bounded by
 * `maxPasses` passes over the people who still cost something.
 */
export function improveBySwaps(
  rooms: number[][],
  cost: PairCost,
  rng: Rng,
  options: { candidates?: number; maxPasses?: number; movable?: (p: number) => boolean } = {},
): number[][] {
  const candidates = options.candidates ?? 40;
  const maxPasses = options.maxPasses ?? 30;
  if (rooms.length < 2) return rooms;
  const roomOf = new Map<number, number>();
  rooms.forEach((room, r) => room.forEach((p) => roomOf.set(p, r)));
  const everyone = [...roomOf.keys()].filter((p) => options.movable?.(p) ?? true);
  if (everyone.length < 2) return rooms;

  /** What `p` costs in room r, not counting `skip`. */
  const costIn = (p: number, r: number, skip: number): number => {
    let sum = 0;
    for (const q of rooms[r]!) if (q !== p && q !== skip) sum += cost(p, q);
    return sum;
  };

  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const a of everyone) {
      const ra = roomOf.get(a)!;
      const aHere = costIn(a, ra, -1);
      if (aHere <= 0) continue; // nothing to gain by moving someone who costs nothing
      let best: { b: number; rb: number; delta: number } | null = null;
      for (let k = 0; k < candidates; k++) {
        const b = everyone[Math.floor(rng() * everyone.length)]!;
        const rb = roomOf.get(b)!;
        if (rb === ra) continue;
        const delta = costIn(a, rb, b) + costIn(b, ra, a) - aHere - costIn(b, rb, -1);
        if (delta < 0 && (!best || delta < best.delta)) best = { b, rb, delta };
      }
      if (best) {
        const roomA = rooms[ra]!;
        const roomB = rooms[best.rb]!;
        roomA[roomA.indexOf(a)] = best.b;
        roomB[roomB.indexOf(best.b)] = a;
        roomOf.set(a, best.rb);
        roomOf.set(best.b, ra);
        improved = true;
      }
    }
    if (!improved) break;
  }
  return rooms;
}
