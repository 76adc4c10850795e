import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRotation, randomRotation, type PersonId } from '../../server/grouping/rotation/index.ts';

type Rounds = readonly (readonly (readonly PersonId[])[])[];

/** Meetings beyond the first, counted independently of the code under test. */
function countRepeats(rounds: Rounds): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const round of rounds) {
    const fresh: string[] = [];
    for (const table of round) {
      for (let i = 0; i < table.length; i++) {
        for (let j = i + 1; j < table.length; j++) {
          const [a, b] = [String(table[i]), String(table[j])].sort();
          const k = `${a}/${b}`;
          if (seen.has(k)) repeats++;
          fresh.push(k);
        }
      }
    }
    for (const k of fresh) seen.add(k);
  }
  return repeats;
}

const instance = fc.record({
  people: fc.integer({ min: 2, max: 70 }),
  tableSize: fc.integer({ min: 2, max: 8 }),
  rounds: fc.integer({ min: 0, max: 6 }),
  hosts: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

// Small effort caps keep the run quick; the wall-clock cap is far away, so plans are deterministic.
const effort = { maxIterations: 400, timeBudgetMs: 60_000 };

describe('rotation properties (any people, table size, rounds, hosts, seed)', () => {
  it('everybody is seated exactly once per round, sizes are balanced, hosts never move', () => {
    fc.assert(
      fc.property(instance, ({ people, tableSize, rounds, hosts, seed }) => {
        const plan = planRotation({ people, tableSize, rounds, hosts, seed, ...effort });
        expect(plan.rounds).toHaveLength(rounds);
        const tables = plan.rounds[0]?.length ?? 0;
        for (const round of plan.rounds) {
          expect(round).toHaveLength(tables);
          const seated = round.flat();
          expect(seated).toHaveLength(people); // nobody in two tables, nobody left out
          expect(new Set(seated).size).toBe(people);
          const sizes = round.map((t) => t.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          if (tableSize > 2 || people % 2 === 0) expect(Math.max(...sizes)).toBeLessThanOrEqual(tableSize);
          if (hosts) round.forEach((table, t) => expect(table[0]).toBe(t));
        }
        if (hosts && rounds > 0) expect(plan.hosts).toEqual([...Array(tables).keys()]);
      }),
      { numRuns: 120 },
    );
  });

  it('the same seed gives the same plan', () => {
    fc.assert(
      fc.property(instance, ({ people, tableSize, rounds, hosts, seed }) => {
        const a = planRotation({ people, tableSize, rounds, hosts, seed, ...effort });
        const b = planRotation({ people, tableSize, rounds, hosts, seed, ...effort });
        expect(a.stoppedBy).not.toBe('time');
        expect(b.rounds).toEqual(a.rounds);
        expect(b.quality).toEqual(a.quality);
      }),
      { numRuns: 40 },
    );
  });

  it('repeats are counted right, never below the lower bound, and never above a random shuffle', () => {
    fc.assert(
      fc.property(instance, fc.integer(), ({ people, tableSize, rounds, hosts, seed }, shuffleSeed) => {
        const plan = planRotation({ people, tableSize, rounds, hosts, seed, ...effort });
        const repeats = countRepeats(plan.rounds);
        expect(plan.quality.repeats).toBe(repeats);
        expect(repeats).toBeGreaterThanOrEqual(plan.quality.lowerBound.value); // the bound is a true bound
        const sizes = plan.rounds.map((round) => round.map((t) => t.length));
        expect(repeats).toBeLessThanOrEqual(countRepeats(randomRotation(people, sizes, hosts, shuffleSeed)));
      }),
      { numRuns: 120 },
    );
  });

  it('re-planning keeps played rounds and seats exactly the people now present', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), (inst, playedRaw, joiners) => {
        const { people, tableSize, rounds, hosts, seed } = inst;
        const ids = [...Array(people).keys()].map((i) => `p${i}`);
        const first = planRotation({ people: ids, tableSize, rounds, hosts, seed, ...effort });
        const played = first.rounds.slice(0, Math.min(playedRaw, rounds));
        const hostIds = first.hosts;
        // one non-host leaves (when there is one to spare), some newcomers arrive
        const leaver = ids.find((id) => !hostIds?.includes(id) && people > (hostIds?.length ?? 1) + 1);
        const now = [...ids.filter((id) => id !== leaver), ...[...Array(joiners).keys()].map((j) => `new${j}`)];
        const plan = planRotation({ people: now, tableSize, rounds, hosts: hostIds ?? undefined, seed, fixedRounds: played, ...effort });
        expect(plan.rounds.slice(0, played.length)).toEqual(played);
        for (const round of plan.rounds.slice(played.length)) {
          expect(new Set(round.flat())).toEqual(new Set(now));
          expect(round.flat()).toHaveLength(now.length);
          if (hostIds) round.forEach((table, t) => expect(table[0]).toBe(hostIds[t]));
        }
        expect(plan.quality.repeats).toBe(countRepeats(plan.rounds));
        expect(plan.quality.repeats).toBeGreaterThanOrEqual(plan.quality.lowerBound.value);
      }),
      { numRuns: 60 },
    );
  });
});
