import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assign, colleaguePairs, groupByField, recordEncounters, repeatMeetings, roomCount, seededRng, balancedSizes, type Person, type Rooms } from '../../server/grouping/index.ts';

const peopleArb = (values: string[]) =>
  fc
    .array(fc.constantFrom(...values), { minLength: 1, maxLength: 120 })
    .map((vals): Person[] => vals.map((v, i) => ({ id: `p${i}`, profile: { org: v } })));

function expectEveryoneOnce(rooms: Rooms, people: readonly Person[]) {
  const seated = rooms.flat();
  expect(seated.length).toBe(people.length);
  expect(new Set(seated)).toEqual(new Set(people.map((p) => p.id)));
}

const spread = (rooms: Rooms) => Math.max(...rooms.map((r) => r.length)) - Math.min(...rooms.map((r) => r.length));

describe('room counts and sizes', () => {
  it('turns "about 4 per room" or "6 rooms" into a sensible count', () => {
    expect(roomCount(25, { perRoom: 4 })).toBe(6);
    expect(roomCount(3, { rooms: 10 })).toBe(3);
    expect(roomCount(0, { rooms: 4 })).toBe(1);
    expect(balancedSizes(10, 3)).toEqual([4, 3, 3]);
  });
});

describe('random, balanced', () => {
  it('seats everybody exactly once, sizes differ by at most one, same seed same rooms', () => {
    fc.assert(
      fc.property(peopleArb(['a', 'b', 'c']), fc.integer({ min: 1, max: 30 }), fc.integer(), (people, rooms, seed) => {
        const r = assign({ people, rooms, strategy: { kind: 'random' }, seed });
        if (!r.ok) throw new Error('refused');
        expectEveryoneOnce(r.rooms, people);
        expect(spread(r.rooms)).toBeLessThanOrEqual(1);
        expect(assign({ people, rooms, strategy: { kind: 'random' }, seed })).toEqual(r);
      }),
    );
  });
});

describe('mix by a profile field', () => {
  it('reaches the best possible number of distinct values per room, and the fewest colleague pairs', () => {
    fc.assert(
      fc.property(peopleArb(['UNHCR', 'Caritas', 'JRS', 'Red Cross', 'IRC', 'MSF']), fc.integer({ min: 1, max: 12 }), fc.integer(), (people, wanted, seed) => {
        const r = assign({ people, rooms: wanted, strategy: { kind: 'mix', field: 'org' }, seed });
        if (!r.ok) throw new Error('refused');
        const rooms = r.rooms.length;
        expectEveryoneOnce(r.rooms, people);
        expect(spread(r.rooms)).toBeLessThanOrEqual(1);
        // Bound, computed independently: a value with c people can appear in at most min(c, rooms) rooms,
        // and spreading its c people as evenly as possible gives the fewest pairs of them.
        const counts = new Map<string, number>();
        for (const p of people) counts.set(p.profile.org!, (counts.get(p.profile.org!) ?? 0) + 1);
        let bestDistinct = 0;
        let fewestPairs = 0;
        for (const c of counts.values()) {
          bestDistinct += Math.min(c, rooms);
          const q = Math.floor(c / rooms);
          const rem = c % rooms;
          fewestPairs += rem * ((q + 1) * q) / 2 + (rooms - rem) * (q * (q - 1)) / 2;
        }
        const distinct = r.rooms.reduce((sum, room) => sum + new Set(room.map((id) => people.find((p) => p.id === id)!.profile.org)).size, 0);
        expect(distinct).toBe(bestDistinct);
        expect(colleaguePairs(r.rooms, people, 'org')).toBe(fewestPairs);
      }),
      { numRuns: 60 },
    );
  });
});

describe('avoid previous groupmates', () => {
  it('has fewer repeat meetings than a random split, given the same history', () => {
    const people: Person[] = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, profile: {} }));
    let fewer = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const history = new Map<string, number>();
      for (let round = 0; round < 3; round++) {
        const past = assign({ people, rooms: 12, strategy: { kind: 'random' }, seed: seed * 100 + round });
        if (past.ok) recordEncounters(history, past.rooms);
      }
      const avoid = assign({ people, rooms: 12, strategy: { kind: 'avoidPrevious' }, history, seed });
      const random = assign({ people, rooms: 12, strategy: { kind: 'random' }, history, seed });
      if (!avoid.ok || !random.ok) throw new Error('refused');
      expect(avoid.repeats).toBe(repeatMeetings(avoid.rooms, history));
      expect(avoid.repeats).toBeLessThanOrEqual(random.repeats);
      if (avoid.repeats < random.repeats) fewer++;
      expect(spread(avoid.rooms)).toBeLessThanOrEqual(1);
    }
    expect(fewer).toBeGreaterThanOrEqual(9);
  });
});

describe('together and apart', () => {
  const people: Person[] = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, profile: { org: i % 2 ? 'A' : 'B' } }));
  const roomOf = (rooms: Rooms, id: string) => rooms.findIndex((r) => r.includes(id));

  it('keeps together-groups in one room and apart-groups in different rooms, whatever the strategy', () => {
    for (const strategy of [{ kind: 'random' }, { kind: 'mix', field: 'org' }, { kind: 'avoidPrevious' }] as const) {
      for (let seed = 0; seed < 20; seed++) {
        const r = assign({
          people,
          rooms: 5,
          strategy,
          seed,
          constraints: { together: [['p0', 'p1', 'p2'], ['p2', 'p9']], apart: [['p3', 'p4', 'p5', 'p6']] },
        });
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        const home = roomOf(r.rooms, 'p0');
        for (const id of ['p1', 'p2', 'p9']) expect(roomOf(r.rooms, id)).toBe(home);
        expect(new Set(['p3', 'p4', 'p5', 'p6'].map((id) => roomOf(r.rooms, id))).size).toBe(4);
        expect(spread(r.rooms)).toBeLessThanOrEqual(1);
        expectEveryoneOnce(r.rooms, people);
      }
    }
  });

  it('says exactly which constraints cannot hold, and opens nothing', () => {
    const tooBig = assign({ people, rooms: 5, strategy: { kind: 'random' }, seed: 1, constraints: { together: [['p0', 'p1', 'p2', 'p3', 'p4']], apart: [] } });
    expect(tooBig).toEqual({ ok: false, problems: [{ kind: 'together_too_big', ids: ['p0', 'p1', 'p2', 'p3', 'p4'], largestRoom: 4 }] });
    const tooMany = assign({ people, rooms: 2, strategy: { kind: 'random' }, seed: 1, constraints: { together: [], apart: [['p0', 'p1', 'p2']] } });
    expect(tooMany).toMatchObject({ ok: false, problems: [{ kind: 'apart_too_many', rooms: 2 }] });
    const contradiction = assign({ people, rooms: 5, strategy: { kind: 'random' }, seed: 1, constraints: { together: [['p0', 'p1']], apart: [['p1', 'p0']] } });
    expect(contradiction).toEqual({ ok: false, problems: [{ kind: 'together_and_apart', ids: ['p0', 'p1'] }] });
  });
});

describe('group by a profile field', () => {
  it('puts the same value together, splits big groups evenly, and pools and reports small ones', () => {
    fc.assert(
      fc.property(peopleArb(['Arabic', 'French', 'Dari', 'Swahili', '']), fc.integer({ min: 2, max: 8 }), fc.integer(), (people, perRoom, seed) => {
        const g = groupByField(people, 'org', perRoom, seededRng(seed));
        expectEveryoneOnce(g.rooms, people);
        const value = (id: string) => people.find((p) => p.id === id)!.profile.org;
        g.rooms.forEach((room, i) => {
          const label = g.labels[i];
          if (label !== null && label !== undefined) {
            // a labelled room holds that value's people, plus at most a stray leftover or two
            const strays = room.filter((id) => value(id) !== label);
            expect(strays.every((id) => g.leftovers.includes(id))).toBe(true);
          }
        });
        // people whose value has a room of its own are never leftovers
        for (const id of people.map((p) => p.id)) {
          if (!g.leftovers.includes(id)) expect(g.labels[g.rooms.findIndex((r) => r.includes(id))]).toBe(value(id));
        }
        // rooms of one value are balanced among themselves
        const byLabel = new Map<string, number[]>();
        g.rooms.forEach((room, i) => {
          const l = g.labels[i];
          if (l) byLabel.set(l, [...(byLabel.get(l) ?? []), room.filter((id) => value(id) === l).length]);
        });
        for (const sizes of byLabel.values()) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
