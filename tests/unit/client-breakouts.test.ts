import { describe, expect, it } from 'vitest';
import type { BreakoutClock, PlanReport } from '../../shared/breakouts.ts';
import type { ConsoleMember } from '../../shared/views.ts';
import { clockState, csvParts, listNames, reportLines, roomPeople, roomsFor, strategyOptions, strategyValue, wholeNumber } from '../../client/src/features/breakouts/breakout-logic.ts';

const clock = (over: Partial<BreakoutClock> = {}): BreakoutClock => ({
  phase: 'open',
  endsAt: 100_000,
  closesAt: null,
  warningMs: 60_000,
  graceMs: 30_000,
  durationMs: 300_000,
  ...over,
});

const member = (id: string, name: string, over: Partial<ConsoleMember> = {}): ConsoleMember => ({
  id,
  name,
  role: 'participant',
  status: 'admitted',
  presence: 'online',
  profile: {},
  joinedAt: 0,
  handRaisedAt: null,
  roomId: null,
  ...over,
});

const report = (over: Partial<PlanReport> = {}): PlanReport => ({
  strategy: { kind: 'random' },
  people: 4,
  repeats: 0,
  colleaguePairs: 0,
  leftovers: [],
  unmatchedRows: [],
  duplicateRows: [],
  unknownRooms: [],
  broken: [],
  ...over,
});

describe('breakout clock stages', () => {
  it('runs, warns in the last warningMs, then counts the grace down to plenary', () => {
    expect(clockState(clock(), 0)).toEqual({ stage: 'running', remainingMs: 100_000 });
    expect(clockState(clock(), 40_000)).toEqual({ stage: 'warning', remainingMs: 60_000 });
    expect(clockState(clock(), 99_000)).toEqual({ stage: 'warning', remainingMs: 1_000 });
    expect(clockState(clock({ phase: 'closing', closesAt: 125_000 }), 100_000)).toEqual({ stage: 'grace', remainingMs: 25_000 });
    expect(clockState(clock({ phase: 'closing', closesAt: 125_000 }), 130_000)).toEqual({ stage: 'over', remainingMs: 0 });
  });

  it('without a warning never warns; past endsAt before the server says so, the grace is estimated', () => {
    expect(clockState(clock({ warningMs: 0 }), 99_999).stage).toBe('running');
    expect(clockState(clock(), 105_000)).toEqual({ stage: 'grace', remainingMs: 25_000 });
  });
});

describe('people per room', () => {
  it('puts every participant in their room or plenary, visitors and help calls by room', () => {
    const members = [
      member('m1', 'Zara', { roomId: 'r1' }),
      member('m2', 'amal', { roomId: 'r1' }),
      member('m3', 'Ben', { roomId: 'r2' }),
      member('m4', 'Chen'),
      member('h', 'Host', { role: 'host' }),
      member('w', 'Waiting', { status: 'waiting', roomId: 'r1' }),
      member('x', 'Gone room', { roomId: 'r9' }),
    ];
    const rooms = [{ id: 'r1' }, { id: 'r2' }].map((r) => ({ ...r, name: r.id, topic: '', prompt: '', cap: null, message: null, label: null }));
    const people = roomPeople(members, {
      rooms,
      visits: { h: 'r2' },
      help: [
        { roomId: 'r1', memberId: 'm1', at: 5, acknowledged: false },
        { roomId: 'r1', memberId: 'm2', at: 2, acknowledged: true },
      ],
    });
    expect(people.byRoom.get('r1')!.map((m) => m.name)).toEqual(['amal', 'Zara']);
    expect(people.byRoom.get('r2')!.map((m) => m.name)).toEqual(['Ben']);
    expect(people.plenary.map((m) => m.name)).toEqual(['Chen', 'Gone room']);
    expect(people.visitors.get('r2')!.map((m) => m.id)).toEqual(['h']);
    expect(people.help.get('r1')!.map((h) => h.memberId)).toEqual(['m2', 'm1']);
  });
});

describe('plan report in plain words', () => {
  const names: Record<string, string> = { a: 'Amal', b: 'Bilal', c: 'Chen' };
  const nameOf = (id: string) => names[id] ?? '?';

  it('says nobody meets again, or how many pairs do', () => {
    expect(reportLines(report(), nameOf).map((l) => l.key)).toEqual(['noRepeats']);
    expect(reportLines(report({ repeats: 3 }), nameOf)).toEqual([{ key: 'repeats', tone: 'note', params: { count: 3 } }]);
  });

  it('names leftovers, broken wishes and counts unmatched CSV rows', () => {
    const lines = reportLines(
      report({
        strategy: { kind: 'groupBy', field: 'language' },
        leftovers: ['a', 'b', 'c'],
        broken: [{ kind: 'apart', ids: ['a', 'b'] }],
        unmatchedRows: ['Dina → Room A'],
        duplicateRows: ['Amal → B', 'Amal → C'],
      }),
      nameOf,
    );
    expect(lines).toContainEqual({ key: 'leftoversGroup', tone: 'note', params: { count: 3, names: 'Amal, Bilal and Chen' } });
    expect(lines).toContainEqual({ key: 'apart', tone: 'problem', params: { names: 'Amal and Bilal' } });
    expect(lines).toContainEqual({ key: 'unmatched', tone: 'problem', params: { count: 1 } });
    expect(lines).toContainEqual({ key: 'duplicates', tone: 'problem', params: { count: 2 } });
  });

  it('reports colleagues only for mix, and no repeats for self-select', () => {
    expect(reportLines(report({ strategy: { kind: 'mix', field: 'org' }, colleaguePairs: 2 }), nameOf).map((l) => l.key)).toEqual([
      'noRepeats',
      'colleagues',
    ]);
    expect(reportLines(report({ strategy: { kind: 'selfSelect' } }), nameOf)).toEqual([]);
  });

  it('lists names the way people say them', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'], 'und')).toBe('A, B und C');
  });
});

describe('setup form helpers', () => {
  it('offers mix and group by for each profile field, and "reopen" only after a round', () => {
    const values = strategyOptions([{ id: 'org' }, { id: 'lang' }], false).map((o) => o.value);
    expect(values).toEqual(['random', 'mix:org', 'mix:lang', 'groupBy:org', 'groupBy:lang', 'avoidPrevious', 'selfSelect', 'preassigned']);
    expect(strategyOptions([], true).map((o) => o.value)).toContain('previous');
    for (const o of strategyOptions([{ id: 'org' }], true)) expect(strategyValue(o.strategy)).toBe(o.value);
  });

  it('reads whole numbers within bounds only', () => {
    expect(wholeNumber(' 6 ', 1, 500)).toBe(6);
    expect(wholeNumber('0', 1, 500)).toBeNull();
    expect(wholeNumber('2.5', 1, 500)).toBeNull();
    expect(wholeNumber('501', 1, 500)).toBeNull();
    expect(wholeNumber('', 1, 500)).toBeNull();
  });

  it('counts rooms by number or by size', () => {
    expect(roomsFor({ by: 'count', rooms: 6 }, 20)).toBe(6);
    expect(roomsFor({ by: 'size', perRoom: 4 }, 22)).toBe(6);
    expect(roomsFor({ by: 'size', perRoom: 4 }, 0)).toBe(1);
  });
});

describe('long pre-assigned lists', () => {
  it('splits into parts of whole lines that each fit one message, losing no row', () => {
    const csv = Array.from({ length: 2_000 }, (_, i) => `Person number ${i},Room ${i % 200}`).join('\n');
    const parts = csvParts(csv, 12_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(12_000);
    expect(parts.join('\n')).toBe(csv);
  });
});
