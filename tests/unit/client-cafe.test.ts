import { describe, expect, it } from 'vitest';
import type { ConsoleCafe, MyTable } from '../../shared/cafe.ts';
import {
  cafeRemainingMs,
  cafeStage,
  isHosting,
  minutesToMs,
  planCommand,
  plannedPeople,
  roundSeats,
  staysPut,
  tablemates,
  upcomingRound,
  type SetupDraft,
} from '../../client/src/features/cafe/cafe-logic.ts';

const person = (id: string, name: string) => ({ id, name, role: 'participant' as const });

const table = (over: Partial<MyTable> = {}): MyTable => ({
  id: 't2',
  name: 'Funding models',
  topic: 'Grants',
  question: '',
  host: person('amina', 'Amina'),
  members: [person('yusuf', 'Yusuf'), person('amina', 'Amina'), person('chidi', 'Chidi')],
  notes: null,
  earlier: [],
  ...over,
});

const draft = (over: Partial<SetupDraft> = {}): SetupDraft => ({
  kind: 'cafe',
  tables: [
    { name: ' Housing ', topic: '', question: '', host: 'rahel' },
    { name: '', topic: 'Money', question: 'What first?', host: 'amina' },
  ],
  rounds: '3',
  minutes: '10',
  moveSeconds: '30',
  oddOneOut: 'trio',
  prompts: [],
  ...over,
});

describe('café clock', () => {
  it('counts down to the deadline and stops at zero', () => {
    expect(cafeRemainingMs({ endsAt: 10_000 }, 4_000)).toBe(6_000);
    expect(cafeRemainingMs({ endsAt: 10_000 }, 12_000)).toBe(0);
  });
});

describe('what a participant sees', () => {
  it('a table with others, a table of one (sitting out), or no table (waiting)', () => {
    expect(cafeStage({ table: table() })).toBe('table');
    expect(cafeStage({ table: table({ members: [person('yusuf', 'Yusuf')], host: null }) })).toBe('bye');
    expect(cafeStage({ table: null })).toBe('waiting');
  });

  it('lists tablemates without me, the host first', () => {
    expect(tablemates(table(), 'yusuf')).toEqual(['Amina', 'Chidi']);
    expect(tablemates(table(), 'chidi')).toEqual(['Amina', 'Yusuf']);
    expect(tablemates(table(), 'amina')).toEqual(['Yusuf', 'Chidi']);
  });

  it('knows the host, who stays at the same table next round', () => {
    const next = { round: 2, tableId: 't2', tableName: 'Funding models', topic: 'Grants', host: 'Amina', with: [] };
    expect(isHosting({ table: table() }, 'amina')).toBe(true);
    expect(isHosting({ table: table() }, 'yusuf')).toBe(false);
    expect(staysPut({ table: table(), next })).toBe(true);
    expect(staysPut({ table: table(), next: { ...next, tableId: 't1' } })).toBe(false);
    expect(staysPut({ table: table(), next: null })).toBe(false);
    expect(staysPut({ table: null, next })).toBe(false);
  });
});

describe('the plan as names', () => {
  const cafe: Pick<ConsoleCafe, 'kind' | 'tables' | 'plan' | 'round' | 'rounds'> = {
    kind: 'cafe',
    tables: [
      { id: 't1', name: 'Housing', topic: '', question: '', hostId: 'rahel' },
      { id: 't2', name: 'Funding models', topic: '', question: '', hostId: 'amina' },
    ],
    plan: [
      [
        ['rahel', 'yusuf'],
        ['amina', 'chidi'],
      ],
      [
        ['rahel', 'chidi'],
        ['amina', 'yusuf'],
      ],
    ],
    round: 1,
    rounds: 2,
  };
  const names: Record<string, string> = { rahel: 'Rahel', amina: 'Amina', yusuf: 'Yusuf', chidi: 'Chidi' };

  it('names each table and who sits there in a round', () => {
    expect(roundSeats(cafe, 2, (id) => names[id]!)).toEqual([
      { tableId: 't1', name: 'Housing', hostId: 'rahel', people: ['Rahel', 'Chidi'] },
      { tableId: 't2', name: 'Funding models', hostId: 'amina', people: ['Amina', 'Yusuf'] },
    ]);
    expect(roundSeats(cafe, 3, (id) => id)).toEqual([]);
    expect(plannedPeople(cafe)).toBe(4);
  });

  it('names networking pairs by their place, as the server does', () => {
    const pairs = { ...cafe, kind: 'networking' as const, tables: [], plan: [[['a', 'b'], ['c', 'd', 'e']]] };
    expect(roundSeats(pairs, 1, (id) => id).map((r) => [r.tableId, r.name, r.hostId])).toEqual([
      ['t1', 'Pair 1', null],
      ['t2', 'Pair 2', null],
    ]);
  });

  it('has a next round until the last', () => {
    expect(upcomingRound(cafe)).toBe(2);
    expect(upcomingRound({ ...cafe, round: 2 })).toBeNull();
  });
});

describe('the set-up form as a cafe.plan command', () => {
  it('accepts minutes with a decimal point or comma, within the limits', () => {
    expect(minutesToMs('3', 30_000, 3_600_000)).toBe(180_000);
    expect(minutesToMs('0.5', 30_000, 3_600_000)).toBe(30_000);
    expect(minutesToMs('1,5', 30_000, 3_600_000)).toBe(90_000);
    expect(minutesToMs('0.25', 30_000, 3_600_000)).toBeNull();
    expect(minutesToMs('61', 30_000, 3_600_000)).toBeNull();
    expect(minutesToMs('ten', 30_000, 3_600_000)).toBeNull();
  });

  it('makes a café plan with trimmed names and hosts', () => {
    const made = planCommand(draft());
    expect(made).toEqual({
      ok: true,
      command: {
        type: 'cafe.plan',
        kind: 'cafe',
        tables: [
          { name: 'Housing', hostId: 'rahel' },
          { topic: 'Money', question: 'What first?', hostId: 'amina' },
        ],
        rounds: 3,
        roundMs: 600_000,
        transitionMs: 30_000,
        oddOneOut: 'trio',
        prompts: [],
      },
    });
  });

  it('sends a table without a chosen host as waiting for a volunteer', () => {
    const made = planCommand(draft({ tables: [{ name: '', topic: '', question: '', host: '' }] }));
    expect(made.ok && made.command.tables).toEqual([{ hostId: null }]);
  });

  it('points at the field to fix', () => {
    expect(planCommand(draft({ rounds: '0' }))).toMatchObject({ ok: false, problem: { field: 'cafe-rounds', key: 'badRounds' } });
    expect(planCommand(draft({ minutes: '0.2' }))).toMatchObject({ ok: false, problem: { field: 'cafe-minutes', key: 'badMinutes' } });
    expect(planCommand(draft({ moveSeconds: '2' }))).toMatchObject({ ok: false, problem: { field: 'cafe-move', key: 'badMove' } });
    expect(planCommand(draft({ tables: [] }))).toMatchObject({ ok: false, problem: { field: 'cafe-add-table', key: 'noTables' } });
    const twice = draft({ tables: [...draft().tables, { name: '', topic: '', question: '', host: 'rahel' }] });
    expect(planCommand(twice)).toMatchObject({ ok: false, problem: { field: 'cafe-host-2', key: 'sameHost', params: { table: 1 } } });
  });

  it('makes a networking plan: no tables, prompts for the rounds only, trailing blanks dropped', () => {
    const made = planCommand(draft({ kind: 'networking', rounds: '2', minutes: '3', oddOneOut: 'bye', prompts: ['Why here?', '  ', 'Beyond round 2'] }));
    expect(made.ok && made.command).toMatchObject({ kind: 'networking', tables: [], prompts: ['Why here?'], oddOneOut: 'bye', rounds: 2, roundMs: 180_000 });
    const gap = planCommand(draft({ kind: 'networking', rounds: '3', prompts: ['', 'Second'] }));
    expect(gap.ok && gap.command.prompts).toEqual(['', 'Second']);
  });
});
