import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/commands.ts';
import { decideDue, nextDeadline } from '../../server/engine/decide.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { consoleView } from '../../server/engine/views.ts';
import { harvestOf } from '../../server/activities/harvest.ts';
import { act, attempt, crowd, extras, join, tick, viewOf, workshopWith } from './activity-helpers.ts';
import { HOST } from './helpers.ts';

const sizes = (state: WorkshopState) => {
  const counts = new Map<string, number>();
  for (const r of Object.values(state.breakouts!.assignment)) counts.set(r, (counts.get(r) ?? 0) + 1);
  return state.breakouts!.rooms.map((r) => counts.get(r.id) ?? 0);
};
const roomOf = (state: WorkshopState, id: string) => state.breakouts!.assignment[id];

describe('planning a preview', () => {
  it('puts everyone in exactly one room, sizes within one, and shows participants nothing yet', () => {
    let s = workshopWith(crowd(23));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 5 }, strategy: { kind: 'random' } }, 2_000);
    const all = Object.keys(s.breakouts!.assignment);
    expect(all.sort()).toEqual(Object.keys(crowd(23)).sort());
    expect(Math.max(...sizes(s)) - Math.min(...sizes(s))).toBeLessThanOrEqual(1);
    expect(s.breakouts!.phase).toBe('draft');
    expect(viewOf(s, 'p001').breakout).toBeNull();
    expect(consoleView(s, s.members[HOST]!, 1, extras).members.find((m) => m.id === 'p001')?.roomId).toMatch(/^r\d$/);
  });

  it('sizes rooms by "about 4 per room"', () => {
    const s = act(workshopWith(crowd(22)), HOST, { type: 'breakouts.plan', sizing: { by: 'size', perRoom: 4 }, strategy: { kind: 'random' } }, 2_000);
    expect(s.breakouts!.rooms).toHaveLength(6);
  });

  it('names, topics and prompts rooms as asked, and numbers the rest', () => {
    const s = act(
      workshopWith(crowd(6)),
      HOST,
      { type: 'breakouts.plan', sizing: { by: 'count', rooms: 3 }, strategy: { kind: 'random' }, rooms: [{ name: 'Funding', topic: 'Money', prompt: 'What worked?' }] },
      2_000,
    );
    expect(s.breakouts!.rooms.map((r) => r.name)).toEqual(['Funding', 'Room 2', 'Room 3']);
    expect(s.breakouts!.rooms[0]).toMatchObject({ topic: 'Money', prompt: 'What worked?' });
  });

  it('mixes organisations so nobody sits with a colleague when that can be avoided', () => {
    const s = act(workshopWith(crowd(16)), HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'mix', field: 'org' } }, 2_000);
    expect(s.breakouts!.report.colleaguePairs).toBe(0);
  });

  it('groups by language, labels the rooms, and names leftovers', () => {
    const people = crowd(13, () => 'x', (i) => (i < 8 ? 'Arabic' : i < 12 ? 'English' : 'Tigrinya'));
    const s = act(workshopWith(people), HOST, { type: 'breakouts.plan', sizing: { by: 'size', perRoom: 4 }, strategy: { kind: 'groupBy', field: 'lang' } }, 2_000);
    const b = s.breakouts!;
    expect(b.rooms.map((r) => r.label)).toEqual(['Arabic', 'Arabic', 'English']);
    expect(b.rooms.map((r) => r.name)).toEqual(['Arabic 1', 'Arabic 2', 'English']);
    expect(b.report.leftovers).toEqual(['p012']);
    for (const [id, room] of Object.entries(b.assignment)) {
      if (id === 'p012') continue;
      expect(b.rooms.find((r) => r.id === room)!.label).toBe(s.members[id]!.profile.lang);
    }
  });

  it('refuses a group-by on a question the workshop does not ask', () => {
    const d = attempt(workshopWith(crowd(4)), HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'groupBy', field: 'shoe' } }, 2_000);
    expect(d).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('says exactly which wishes clash, naming the people, and makes no plan', () => {
    const s = workshopWith(crowd(8));
    const d = attempt(
      s,
      HOST,
      { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'random' }, together: [['p000', 'p001', 'p002']] },
      2_000,
    );
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.message).toBe('Person p000, Person p001 and Person p002 are to be kept together, but the largest room holds 2. Make rooms bigger or split that group.');
    const both = attempt(
      s,
      HOST,
      { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, together: [['p000', 'p001']], apart: [['p001', 'p000']] },
      2_000,
    );
    expect(!both.ok && both.error.message).toContain('both together and apart');
  });

  it('keeps people together and apart when it can', () => {
    const s = act(
      workshopWith(crowd(12)),
      HOST,
      { type: 'breakouts.plan', sizing: { by: 'count', rooms: 3 }, strategy: { kind: 'random' }, together: [['p000', 'p005']], apart: [['p001', 'p002', 'p003']] },
      2_000,
    );
    expect(roomOf(s, 'p000')).toBe(roomOf(s, 'p005'));
    expect(new Set([roomOf(s, 'p001'), roomOf(s, 'p002'), roomOf(s, 'p003')]).size).toBe(3);
  });

  it('refuses self-select caps that cannot seat everyone', () => {
    const d = attempt(
      workshopWith(crowd(10)),
      HOST,
      { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'selfSelect' }, rooms: [{ cap: 4 }, { cap: 4 }] },
      2_000,
    );
    expect(!d.ok && d.error.message).toBe('The rooms take 8 people in all, but 10 are here. Raise the caps or add rooms.');
  });

  it('places co-hosts one per room when asked, or leaves them floating', () => {
    const s = workshopWith(crowd(6), ['c1', 'c2']);
    const assigned = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, cohosts: 'assign' }, 2_000);
    expect(assigned.breakouts!.visits).toEqual({ c1: 'r1', c2: 'r2' });
    expect(assigned.breakouts!.assignment.c1).toBeUndefined();
    const floating = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } }, 2_000);
    expect(floating.breakouts!.visits).toEqual({});
  });

  it('lets only facilitators plan', () => {
    const d = attempt(workshopWith(crowd(4)), 'p000', { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } }, 2_000);
    expect(d).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('pre-assigned lists', () => {
  const csv = 'name,room\n  person P000 ,Garden\nPerson p001;x,Kitchen\nPerson p002,Kitchen\nNobody Here,Garden\nperson p002,Garden\n';

  it('matches names without case or spacing, lists unmatched and duplicate rows, and places the rest', () => {
    let s = workshopWith(crowd(5));
    s = act(s, HOST, { type: 'breakouts.preassign', csv }, 2_000);
    expect(s.breakoutRecord.preassigned).toHaveLength(5);
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'preassigned' } }, 3_000);
    const b = s.breakouts!;
    expect(b.rooms.map((r) => r.name)).toEqual(['Garden', 'Kitchen']);
    expect(roomOf(s, 'p000')).toBe('r1');
    expect(roomOf(s, 'p002')).toBe('r2');
    expect(b.report.unmatchedRows).toEqual(['Person p001;x → Kitchen', 'Nobody Here → Garden']);
    expect(b.report.duplicateRows).toEqual(['person p002 → Garden']);
    expect(b.report.leftovers.sort()).toEqual(['p001', 'p003', 'p004']);
    expect(Object.keys(b.assignment)).toHaveLength(5);
  });

  it('keeps the list with the workshop and places a late joiner by it', () => {
    let s = workshopWith(crowd(2));
    s = act(s, HOST, { type: 'breakouts.preassign', csv: 'Person late,Kitchen\nPerson p000,Garden\nPerson p001,Kitchen' }, 2_000);
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'preassigned' } }, 3_000);
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 600_000 }, 4_000);
    s = join(s, 'late', 'o', 'l', 5_000);
    expect(roomOf(s, 'late')).toBe(s.breakouts!.rooms.find((r) => r.name === 'Kitchen')!.id);
  });

  it('refuses a list it cannot read, saying how to write one', () => {
    const d = attempt(workshopWith([] as never), HOST, { type: 'breakouts.preassign', csv: 'just one column\nand another' }, 2_000);
    expect(!d.ok && d.error.message).toContain('Use one line per person: name, room.');
  });
});

describe('open rooms', () => {
  function opened(n = 8, rooms = 2, options: Partial<Extract<CommandInput, { type: 'breakouts.open' }>> = {}) {
    let s = workshopWith(crowd(n));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms }, strategy: { kind: 'random' } }, 2_000);
    return act(s, HOST, { type: 'breakouts.open', durationMs: 300_000, ...options }, 10_000);
  }

  it('shows each participant their room, roommates and time left, and nothing of other rooms', () => {
    let s = opened();
    s = act(s, 'p000', { type: 'breakouts.notes', roomId: roomOf(s, 'p000')!, text: 'secret of room A' }, 11_000);
    const mine = viewOf(s, 'p000').breakout!;
    expect(mine.clock).toMatchObject({ phase: 'open', endsAt: 310_000, warningMs: 60_000, graceMs: 30_000 });
    expect(mine.room!.members.map((m) => m.id)).toContain('p000');
    const other = Object.keys(s.breakouts!.assignment).find((id) => roomOf(s, id) !== roomOf(s, 'p000'))!;
    const theirs = JSON.stringify(viewOf(s, other));
    expect(theirs).not.toContain('secret of room A');
    for (const m of mine.room!.members) expect(theirs).not.toContain(`"${m.id}"`);
  });

  it('refuses notes, help and moves in a room that is not yours', () => {
    const s = opened();
    const other = s.breakouts!.rooms.find((r) => r.id !== roomOf(s, 'p000'))!.id;
    expect(attempt(s, 'p000', { type: 'breakouts.notes', roomId: other, text: 'hi' }, 11_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(attempt(s, 'p000', { type: 'breakouts.choose', roomId: other }, 11_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(attempt(s, 'p000', { type: 'breakouts.move', memberId: 'p000', roomId: other }, 11_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('warns, ends, counts down the grace and brings everyone back, by deadlines', () => {
    let s = opened(8, 2, { durationMs: 120_000, warningMs: 20_000, graceMs: 15_000 });
    expect(nextDeadline(s)).toBe(130_000);
    expect(decideDue(s, 129_999)).toEqual([]);
    s = tick(s, 130_000);
    expect(s.breakouts!.phase).toBe('closing');
    expect(viewOf(s, 'p001').breakout!.clock).toMatchObject({ phase: 'closing', closesAt: 145_000 });
    expect(nextDeadline(s)).toBe(145_000);
    s = tick(s, 145_000);
    expect(s.breakouts).toBeNull();
    expect(viewOf(s, 'p001').breakout).toBeNull();
    expect(s.breakoutRecord.rounds).toHaveLength(1);
  });

  it('catches up after a restart that slept through both the end and the grace', () => {
    const s = tick(opened(4, 2, { durationMs: 60_000, graceMs: 10_000 }), 500_000);
    expect(s.breakouts).toBeNull();
    expect(s.breakoutRecord.rounds[0]!.closedAt).toBe(500_000);
  });

  it('extends, shortens and closes early with a grace countdown, or at once', () => {
    let s = opened();
    s = act(s, HOST, { type: 'breakouts.adjust', deltaMs: 60_000 }, 20_000);
    expect(s.breakouts!.clock).toMatchObject({ endsAt: 370_000, durationMs: 360_000 });
    s = act(s, HOST, { type: 'breakouts.adjust', deltaMs: -120_000 }, 20_000);
    expect(s.breakouts!.clock!.endsAt).toBe(250_000);
    s = act(s, HOST, { type: 'breakouts.close' }, 30_000);
    expect(s.breakouts!.clock).toMatchObject({ phase: 'closing', closesAt: 60_000 });
    // extending during the grace reopens the rooms
    s = act(s, HOST, { type: 'breakouts.adjust', deltaMs: 120_000 }, 40_000);
    expect(s.breakouts!.clock).toMatchObject({ phase: 'open', endsAt: 160_000, closesAt: null });
    s = act(s, HOST, { type: 'breakouts.close', immediately: true }, 50_000);
    expect(s.breakouts).toBeNull();
  });

  it('queues a help call with the room, acknowledges it, and clears it when a facilitator visits', () => {
    let s = opened();
    const room = roomOf(s, 'p000')!;
    s = act(s, 'p000', { type: 'breakouts.help' }, 11_000);
    expect(s.breakouts!.help).toEqual([{ roomId: room, memberId: 'p000', at: 11_000, acknowledged: false }]);
    expect(viewOf(s, 'p000').breakout!.room!.help).toBe('asked');
    s = act(s, HOST, { type: 'breakouts.help.acknowledge', roomId: room }, 12_000);
    expect(viewOf(s, 'p000').breakout!.room!.help).toBe('acknowledged');
    s = act(s, HOST, { type: 'breakouts.visit', roomId: room }, 13_000);
    expect(s.breakouts!.help).toEqual([]);
    expect(viewOf(s, 'p000').breakout!.room!.visitors).toEqual([{ id: HOST, name: 'Facilitator', role: 'host' }]);
    s = act(s, HOST, { type: 'breakouts.visit', roomId: null }, 14_000);
    expect(viewOf(s, 'p000').breakout!.room!.visitors).toEqual([]);
  });

  it('broadcasts to every room or one room', () => {
    let s = opened();
    const room = roomOf(s, 'p000')!;
    const other = Object.keys(s.breakouts!.assignment).find((id) => roomOf(s, id) !== room)!;
    s = act(s, HOST, { type: 'breakouts.broadcast', text: 'Five minutes left' }, 11_000);
    s = act(s, HOST, { type: 'breakouts.broadcast', text: 'Room A: pick a scribe', roomId: room }, 12_000);
    expect(viewOf(s, 'p000').breakout).toMatchObject({ broadcast: { text: 'Five minutes left' }, room: { message: { text: 'Room A: pick a scribe' } } });
    expect(viewOf(s, other).breakout).toMatchObject({ broadcast: { text: 'Five minutes left' }, room: { message: null } });
  });

  it('harvests each room’s notes on close into the record, labelled by round', () => {
    let s = opened();
    const room = roomOf(s, 'p000')!;
    s = act(s, 'p000', { type: 'breakouts.notes', roomId: room, text: 'We need shared templates' }, 11_000);
    s = act(s, HOST, { type: 'breakouts.close', immediately: true }, 12_000);
    const harvest = harvestOf(s);
    expect(harvest).toHaveLength(1);
    expect(harvest[0]!.round).toBe(1);
    expect(harvest[0]!.rooms.find((r) => r.notes)!.notes).toBe('We need shared templates');
    expect(viewOf(s, 'p003').harvest).toEqual({ round: 1, closedAt: 12_000 });
  });

  it('moves people between open rooms and rebalances with as few moves as possible', () => {
    let s = opened(9, 3);
    const [a, b] = s.breakouts!.rooms.map((r) => r.id);
    for (const id of Object.keys(s.breakouts!.assignment).filter((id) => roomOf(s, id) !== a)) {
      if (sizes(s)[2] === 0) break;
      s = act(s, HOST, { type: 'breakouts.move', memberId: id, roomId: a! }, 20_000);
    }
    expect(Math.max(...sizes(s)) - Math.min(...sizes(s))).toBeGreaterThan(1);
    const before = s.version;
    s = act(s, HOST, { type: 'breakouts.rebalance' }, 21_000);
    expect(sizes(s)).toEqual([3, 3, 3]);
    expect(s.version).toBe(before + 1);
    expect(b).toBeDefined();
  });

  it('lets people go back to plenary on their own only when allowed', () => {
    const strict = opened();
    expect(attempt(strict, 'p000', { type: 'breakouts.return' }, 11_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const relaxed = act(opened(8, 2, { allowReturn: true }), 'p000', { type: 'breakouts.return' }, 11_000);
    expect(viewOf(relaxed, 'p000').breakout).toMatchObject({ room: null, allowReturn: true });
  });
});

describe('self-select', () => {
  it('lets people choose, says a full room is full, and shows counts and caps', () => {
    let s = workshopWith(crowd(3));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'selfSelect' }, rooms: [{ name: 'Small', cap: 1 }, { name: 'Big' }] }, 2_000);
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 300_000 }, 3_000);
    expect(viewOf(s, 'p000').breakout).toMatchObject({ room: null, choices: [{ name: 'Small', count: 0, cap: 1 }, { name: 'Big', count: 0, cap: null }] });
    s = act(s, 'p000', { type: 'breakouts.choose', roomId: 'r1' }, 4_000);
    const full = attempt(s, 'p001', { type: 'breakouts.choose', roomId: 'r1' }, 5_000);
    expect(!full.ok && full.error.message).toBe('Small is full (1 people). Choose another room.');
    s = act(s, 'p001', { type: 'breakouts.choose', roomId: 'r2' }, 5_000);
    // switching is on for self-select: the first chooser may move on
    s = act(s, 'p000', { type: 'breakouts.choose', roomId: 'r2' }, 6_000);
    expect(viewOf(s, 'p002').breakout!.choices!.map((c) => c.count)).toEqual([0, 2]);
  });
});

describe('late joiners and later rounds', () => {
  it('places a late joiner in the smallest room, away from colleagues when mixing', () => {
    let s = workshopWith(crowd(7, (i) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'][i]!));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'mix', field: 'org' } }, 2_000);
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 300_000 }, 3_000);
    const smaller = s.breakouts!.rooms.find((_, i) => sizes(s)[i] === 3)!.id;
    s = join(s, 'late', 'Z', 'English', 4_000);
    expect(roomOf(s, 'late')).toBe(smaller);
  });

  it('places a late joiner with their language group', () => {
    let s = workshopWith(crowd(8, () => 'x', (i) => (i < 4 ? 'Arabic' : 'English')));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'size', perRoom: 4 }, strategy: { kind: 'groupBy', field: 'lang' } }, 2_000);
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 300_000 }, 3_000);
    s = join(s, 'late', 'x', 'english', 4_000);
    expect(s.breakouts!.rooms.find((r) => r.id === roomOf(s, 'late'))!.label).toBe('English');
  });

  it('places people who arrived after the preview when the rooms open', () => {
    let s = workshopWith(crowd(4));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } }, 2_000);
    s = join(s, 'late', 'x', 'y', 2_500);
    expect(roomOf(s, 'late')).toBeUndefined();
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 300_000 }, 3_000);
    expect(roomOf(s, 'late')).toBeDefined();
  });

  it('reopens the last rooms as they were, and avoids previous groupmates when asked', () => {
    let s = workshopWith(crowd(16));
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'random' } }, 2_000);
    const first = { ...s.breakouts!.assignment };
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 60_000 }, 3_000);
    s = act(s, HOST, { type: 'breakouts.close', immediately: true }, 4_000);
    const again = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'previous' } }, 5_000);
    expect(again.breakouts!.assignment).toEqual(first);
    expect(again.breakouts!.round).toBe(2);
    const fresh = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'avoidPrevious' } }, 5_000);
    expect(fresh.breakouts!.report.repeats).toBe(0);
  });

  it('refuses to reopen rooms when there were none', () => {
    const d = attempt(workshopWith(crowd(4)), HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'previous' } }, 2_000);
    expect(!d.ok && d.error.message).toContain('no earlier set of rooms');
  });
});

describe('properties over any crowd and plan', () => {
  it('seats every participant once, keeps sizes within one (except group-by), and shows each person only their own room', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<'random' | 'mix' | 'avoidPrevious' | 'groupBy'>('random', 'mix', 'avoidPrevious', 'groupBy'),
        fc.integer({ min: 0, max: 1_000 }),
        (n, rooms, kind, salt) => {
          const people = crowd(n, (i) => `org${(i * 7 + salt) % 5}`, (i) => ['Arabic', 'English', 'Dari'][(i + salt) % 3]!);
          let s = workshopWith(people);
          const strategy = kind === 'mix' ? { kind, field: 'org' } : kind === 'groupBy' ? { kind, field: 'lang' } : { kind };
          s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms }, strategy } as CommandInput, 2_000);
          s = act(s, HOST, { type: 'breakouts.open', durationMs: 60_000 }, 3_000);
          const b = s.breakouts!;
          expect(Object.keys(b.assignment).sort()).toEqual(Object.keys(people).sort());
          if (kind !== 'groupBy') expect(Math.max(...sizes(s)) - Math.min(...sizes(s))).toBeLessThanOrEqual(1);
          for (const id of Object.keys(people)) {
            const view = viewOf(s, id);
            const text = JSON.stringify(view);
            expect(view.breakout!.room!.members.every((m) => b.assignment[m.id] === b.assignment[id])).toBe(true);
            for (const other of Object.keys(people)) if (b.assignment[other] !== b.assignment[id]) expect(text).not.toContain(`"${other}"`);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
