import type { Schedule } from './problem.ts';

/**
 * Pairs by the circle method: one person stays put, the others turn one seat per round, so with an
 * even number of people every pair meets exactly once in n-1 rounds. With an odd number a ghost
 * seat makes n rounds; whoever faces the ghost sits out (`bye`) or joins the first pair (`trio`,
 * which costs a few repeats that the search then removes where it can). Past the last distinct
 * round the rotation starts again, which repeats no more than it must.
 */
export function circleRounds(n: number, rounds: number, oddOneOut: 'trio' | 'bye'): Schedule {
  const m = n % 2 === 0 ? n : n + 1; // with a ghost
  const ring = m - 1;
  const schedule: Schedule = [];
  for (let r = 0; r < rounds; r++) {
    const turn = r % ring;
    const pairs: number[][] = [[turn, m - 1]];
    for (let k = 1; k < m / 2; k++) pairs.push([(turn + k) % ring, (turn - k + ring) % ring]);
    const ghostPair = pairs.findIndex((pair) => pair.includes(n));
    if (ghostPair >= 0) {
      const alone = pairs[ghostPair]!.find((x) => x !== n)!;
      pairs.splice(ghostPair, 1);
      if (oddOneOut === 'bye' || pairs.length === 0) pairs.push([alone]);
      else pairs[0]!.push(alone);
    }
    schedule.push(pairs.sort((a, b) => b.length - a.length));
  }
  return schedule;
}
