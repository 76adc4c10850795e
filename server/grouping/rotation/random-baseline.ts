import { seededRng, shuffle } from '../random.ts';

/**
 * What Jitsi-style random rooms do, as the baseline the scheduler must beat: every round, shuffle
 * everyone but the hosts into the same table sizes (table t's host is person t and stays put).
 */
export function randomRotation(people: number, sizes: readonly (readonly number[])[], hosts: boolean, seed: number): number[][][] {
  const rng = seededRng(seed);
  const tables = sizes[0]?.length ?? 0;
  const guests = [...Array(people).keys()].slice(hosts ? tables : 0);
  return sizes.map((round) => {
    const order = shuffle(guests, rng);
    return round.map((size, t) => {
      const table = hosts ? [t] : [];
      while (table.length < size) table.push(order.pop()!);
      return table;
    });
  });
}
