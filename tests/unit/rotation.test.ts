import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { affineRounds, KNOWN_DESIGNS, lowerBound, planRotation, RotationInputError, type PersonId } from '../../server/grouping/rotation/index.ts';
import { roundSizes, type Problem } from '../../server/grouping/rotation/problem.ts';

type Rounds = readonly (readonly (readonly PersonId[])[])[];

/** Meetings beyond the first, counted independently of the code under test. */
function countRepeats(rounds: Rounds): number {
  const seen = new Map<string, number>();
  let repeats = 0;
  for (const round of rounds) {
    for (const table of round) {
      for (const a of table) {
        for (const b of table) {
          if (String(a) >= String(b)) continue;
          const k = `${String(a)}/${String(b)}`;
          if (seen.has(k)) repeats++;
          seen.set(k, (seen.get(k) ?? 0) + 1);
        }
      }
    }
  }
  return repeats;
}

function expectValidRounds(rounds: Rounds, people: readonly PersonId[]) {
  for (const round of rounds) {
    const seated = round.flat();
    expect(seated.length).toBe(people.length);
    expect(new Set(seated)).toEqual(new Set(people));
    const sizes = round.map((t) => t.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  }
}

const range = (n: number) => [...Array(n).keys()];

describe('named targets', () => {
  it("Kirkman's 15 schoolgirls: tables of 3 for 7 rounds, nobody meets twice", () => {
    const plan = planRotation({ people: 15, tableSize: 3, rounds: 7, seed: 3 });
    expectValidRounds(plan.rounds, range(15));
    expect(plan.rounds.every((r) => r.every((t) => t.length === 3))).toBe(true);
    expect(countRepeats(plan.rounds)).toBe(0);
    // 7 rounds of 5 triples cover all 105 pairs exactly once
    expect(plan.quality.distinctPairs).toBe(105);
    expect(plan.quality.summary).toBe('every pair meets at most once');
  });

  it.each([9, 10])('32 people at tables of 4 for %i rounds with zero repeats', (rounds) => {
    const plan = planRotation({ people: 32, tableSize: 4, rounds, seed: 5 });
    expectValidRounds(plan.rounds, range(32));
    expect(plan.rounds.every((r) => r.length === 8 && r.every((t) => t.length === 4))).toBe(true);
    expect(countRepeats(plan.rounds)).toBe(0);
    expect(plan.quality.repeats).toBe(0);
  });

  it('300 people, 5 rounds: no repeats, with and without hosts (time is measured by npm run bench -- schedule)', () => {
    for (const [tableSize, hosts] of [
      [6, false],
      [8, true],
      [7, true],
    ] as const) {
      const plan = planRotation({ people: 300, tableSize, rounds: 5, hosts, seed: 2 });
      expect(countRepeats(plan.rounds)).toBe(0);
      expectValidRounds(plan.rounds, range(300));
    }
  });
});

describe('realistic cafés: no repeats wherever the rounds fit', () => {
  // N not divisible by the table size, rounds within floor((N-1)/(P-1)), at least as many tables as seats
  // (fewer tables than seats forces repeats from the second round: see the pigeonhole bound)
  const cases: [number, number, number, boolean][] = [
    [10, 3, 3, false],
    [13, 3, 5, true],
    [17, 4, 4, false],
    [22, 4, 4, true],
    [23, 5, 4, false],
    [41, 6, 5, true],
    [38, 5, 5, false],
    [47, 6, 6, true],
    [61, 7, 5, false],
    [83, 8, 6, true],
    [121, 5, 6, false],
    [199, 8, 4, true],
  ];
  it.each(cases)('%i people, tables of %i, %i rounds, hosts %s', (people, tableSize, rounds, hosts) => {
    const plan = planRotation({ people, tableSize, rounds, hosts, seed: 11 });
    expectValidRounds(plan.rounds, range(people));
    expect(Math.max(...plan.rounds.flat().map((t) => t.length))).toBeLessThanOrEqual(tableSize);
    expect(countRepeats(plan.rounds)).toBe(0);
    if (hosts) {
      expect(plan.quality.tableRevisits).toBe(0);
      expect(plan.quality.summary).toBe('every pair meets at most once; nobody visits a table twice');
    }
  });
});

describe('a very large café', () => {
  it('seats 2,000 people at 100 tables for 3 rounds: everyone once per round, sizes even, few repeats', () => {
    const people = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    const plan = planRotation({ people, tableSize: 20, tables: 100, rounds: 3, seed: 3 });
    for (const round of plan.rounds) {
      expect(round).toHaveLength(100);
      expect(new Set(round.flat()).size).toBe(2000);
      expect(round.every((t) => t.length === 20)).toBe(true);
    }
    // 2,000 people meet 19 new people a round; a handful of pairs meeting twice is what greedy seating leaves
    expect(plan.quality.repeats).toBeLessThan(400);
  }, 30_000);
});

describe('counting lower bound', () => {
  const problem = (n: number, tables: number, rounds: number, hosts: boolean): Problem => {
    const host = new Int32Array(tables).fill(-1);
    const isHost = new Uint8Array(n);
    if (hosts) for (let t = 0; t < tables; t++) (host[t] = t), (isHost[t] = 1);
    return {
      n,
      tables,
      sizes: range(rounds).map(() => roundSizes(n, tables, 0)),
      host,
      isHost,
      prior: new Uint16Array(n * n),
      priorVisits: hosts ? new Uint8Array(n * tables) : null,
    };
  };

  it('6 people in 2 tables of 3 for 4 rounds: 24 pair-slots, 15 pairs, so 9 repeats', () => {
    const b = lowerBound(problem(6, 2, 4, false));
    expect(b.pairs).toBe(9);
    expect(b.perPerson).toBe(9); // each meets 8 people but there are only 5: 3 extra each, 6 people, halved
    expect(b.value).toBe(9);
    const plan = planRotation({ people: 6, tableSize: 3, rounds: 4, seed: 1 });
    expect(plan.quality.repeats).toBe(9);
    expect(plan.quality.summary).toBe('9 repeat meetings; all 9 are unavoidable');
  });

  it('10 people at tables of 4: a table of 4 drawn from 3 tables repeats a pair every round after the first', () => {
    const b = lowerBound(problem(10, 3, 3, false));
    expect(b.pairs).toBe(0);
    expect(b.pigeonhole).toBe(2);
    const plan = planRotation({ people: 10, tableSize: 4, rounds: 3, seed: 1 });
    expect(plan.quality.repeats).toBe(2);
  });

  it('hosts: 4 rounds with 3 hosts, every guest sees some host twice', () => {
    const b = lowerBound(problem(12, 3, 4, true));
    // 72 pair-slots; 66 pairs less the 3 host pairs that never meet = 63 available
    expect(b.pairs).toBe(9);
    expect(b.perPerson).toBe(9);
    const plan = planRotation({ people: 12, tableSize: 4, rounds: 4, hosts: true, seed: 1 });
    expect(plan.quality.repeats).toBeGreaterThanOrEqual(9);
    expect(countRepeats(plan.rounds)).toBe(plan.quality.repeats);
  });
});

describe('networking pairs', () => {
  it('round robin: 8 people meet everyone once in 7 rounds', () => {
    const plan = planRotation({ people: 8, tableSize: 2, rounds: 7 });
    expect(plan.method).toBe('round-robin');
    expect(countRepeats(plan.rounds)).toBe(0);
    expect(plan.quality.distinctPairs).toBe(28);
  });

  it('odd numbers: one trio per round, or one person sitting out (bye)', () => {
    const trio = planRotation({ people: 9, tableSize: 2, rounds: 3 });
    for (const round of trio.rounds) expect(round.map((t) => t.length).sort()).toEqual([2, 2, 2, 3]);
    expect(countRepeats(trio.rounds)).toBe(0);
    const bye = planRotation({ people: 9, tableSize: 2, rounds: 9, oddOneOut: 'bye' });
    for (const round of bye.rounds) expect(round.map((t) => t.length).sort()).toEqual([1, 2, 2, 2, 2]);
    expect(countRepeats(bye.rounds)).toBe(0);
    // everyone sits out exactly once in the 9 rounds
    expect(new Set(bye.rounds.map((r) => r.find((t) => t.length === 1)![0]))).toEqual(new Set(range(9)));
  });
});

describe('re-planning after rounds are played', () => {
  it('keeps played rounds, folds in a newcomer, drops a leaver, and avoids everyone met so far', () => {
    const people = range(22).map((i) => `p${i}`);
    const hosts = people.slice(0, 5);
    const first = planRotation({ people, tableSize: 5, rounds: 4, hosts, seed: 4 });
    const played = first.rounds.slice(0, 2);
    const now = [...people.filter((p) => p !== 'p9'), 'late'];
    const plan = planRotation({ people: now, tableSize: 5, rounds: 4, hosts, seed: 4, fixedRounds: played });
    expect(plan.rounds.slice(0, 2)).toEqual(played);
    expectValidRounds(plan.rounds.slice(2), now);
    for (const round of plan.rounds.slice(2)) round.forEach((table, t) => expect(table[0]).toBe(hosts[t]));
    expect(countRepeats(plan.rounds)).toBe(0);
    expect(plan.quality.tableRevisits).toBe(0);
  });

  it('counts history from other activities as meetings already had', () => {
    const history = new Map([['0|1', 1]]);
    const plan = planRotation({ people: 4, tableSize: 2, rounds: 1, history, seed: 1 });
    const together = plan.rounds[0]!.some((t) => t.includes(0) && t.includes(1));
    expect(together).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    [{ people: 10, tableSize: 1, rounds: 2 }, /table size/],
    [{ people: 0, tableSize: 3, rounds: 2 }, /people/],
    [{ people: 10, tableSize: 3, rounds: -1 }, /rounds/],
    [{ people: ['a', 'a'], tableSize: 2, rounds: 1 }, /distinct/],
    [{ people: ['a', 'b'], tableSize: 2, rounds: 1, hosts: ['c'] }, /not among/],
    [{ people: 4, tableSize: 2, rounds: 1, fixedRounds: [[[0, 1]], [[0, 2]]] }, /already played/],
  ])('%j is refused with a clear message', (input, message) => {
    expect(() => planRotation(input as Parameters<typeof planRotation>[0])).toThrow(RotationInputError);
    expect(() => planRotation(input as Parameters<typeof planRotation>[0])).toThrow(message);
  });
});

describe('command line', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/schedule.ts', ...args], { encoding: 'utf8' });

  it('--json prints exactly {"people":N,"rounds":...} with hosts first at their tables', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/schedule.ts', '--people', '14', '--table-size', '4', '--rounds', '3', '--hosts', '--seed', '7', '--json'], {
      encoding: 'utf8',
    });
    expect(out.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(out) as { people: number; rounds: number[][][] };
    expect(Object.keys(parsed)).toEqual(['people', 'rounds']);
    expect(parsed.people).toBe(14);
    expect(parsed.rounds).toHaveLength(3);
    expectValidRounds(parsed.rounds, range(14));
    for (const round of parsed.rounds) round.forEach((table, t) => expect(table[0]).toBe(t));
    expect(countRepeats(parsed.rounds)).toBe(0);
  });

  it('bad arguments: one clear line and exit code 2', () => {
    const r = cli(['--people', 'ten', '--table-size', '4', '--rounds', '3']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--people must be a whole number/);
  });
});

describe('constructions', () => {
  it('the stored designs (Kirkman 15, the 32 golfers) seat everyone and never pair anyone twice', () => {
    for (const design of KNOWN_DESIGNS) {
      const rounds = design.rounds();
      expect(rounds).toHaveLength(design.maxRounds);
      expectValidRounds(rounds, range(design.people));
      expect(rounds.flat().every((t) => t.length === design.tableSize)).toBe(true);
      expect(countRepeats(rounds)).toBe(0);
    }
  });

  it.each([2, 3, 4, 5, 7, 8, 9, 16])('affine plane of order %i: q+1 rounds of q tables of q, no repeats', (q) => {
    const rounds = affineRounds(q * q, q, q + 1, false)!;
    expect(rounds).toHaveLength(q + 1);
    expectValidRounds(rounds, range(q * q));
    expect(countRepeats(rounds)).toBe(0);
    expect(countRepeats(affineRounds(q * q - 1, q, q, true)!)).toBe(0);
  });

  it('a few more people than the plane holds: one extra per table, only the forced repeats', () => {
    // 50 people, 7 tables with hosts, 6 rounds: 49 fit the plane of order 7, the 50th makes one
    // table of 8 each round, and a table of 8 drawn from 7 tables must repeat a pair
    const plan = planRotation({ people: 50, tableSize: 8, rounds: 6, hosts: true, seed: 2 });
    expectValidRounds(plan.rounds, range(50));
    for (const round of plan.rounds) round.forEach((table, t) => expect(table[0]).toBe(t));
    expect(plan.quality.lowerBound.pigeonhole).toBe(5);
    expect(countRepeats(plan.rounds)).toBe(5);
    expect(plan.quality.tableRevisits).toBe(0);
  });

  it('is not used where it does not apply', () => {
    expect(affineRounds(36, 6, 3, false)).toBeNull(); // 6 is not a prime power
    expect(affineRounds(25, 5, 6, true)).toBeNull(); // hosts allow q rounds, not q+1
  });
});
