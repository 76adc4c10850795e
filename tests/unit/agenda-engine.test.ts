import { describe, expect, it } from 'vitest';
import type { SegmentInput } from '../../shared/agenda.ts';
import { agendaTiming, driftMinutes } from '../../shared/agenda-time.ts';
import { FORGOTTEN_NAME } from '../../server/retention/forget.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { consoleView } from '../../server/engine/views.ts';
import { act, attempt, crowd, extras, tick, viewOf, workshopWith } from './activity-helpers.ts';
import { HOST } from './helpers.ts';

const minute = 60_000;

const SEGMENTS: SegmentInput[] = [
  { id: 's1', title: 'Welcome and check-in', minutes: 10, notes: 'Greet people by name.', activity: { kind: 'checkin', question: 'How are you arriving today?' } },
  { id: 's2', title: 'Breakouts by organisation', minutes: 15, notes: 'Watch for quiet rooms.', activity: { kind: 'breakouts', sizing: { by: 'size', perRoom: 3 }, strategy: { kind: 'mix', field: 'org' }, prompt: 'What made it work?' } },
  { id: 's3', title: 'World café', minutes: 20, activity: { kind: 'cafe', tables: [{ topic: 'Funding' }, { topic: 'Trust' }], rounds: 2, roundMinutes: 8, moveSeconds: 30 } },
  { id: 's4', title: 'Go-around', minutes: 10, activity: { kind: 'goAround', order: 'alphabetical', turnSeconds: 60 } },
  { id: 's5', title: 'Break', minutes: 5, activity: { kind: 'break' } },
  { id: 's6', title: 'Check-out', minutes: 5, activity: { kind: 'checkout', question: 'One word for today?' } },
];

function planned(n = 9): WorkshopState {
  return act(workshopWith(crowd(n)), HOST, { type: 'agenda.set', segments: SEGMENTS }, 5_000);
}

const next = (s: WorkshopState, now: number) => act(s, HOST, { type: 'agenda.next', from: s.agenda.currentId }, now);

describe('running the agenda with "next"', () => {
  it('starts each segment\'s activity with its settings and wraps up the one before', () => {
    let s = planned();
    expect(s.agenda.currentId).toBeNull();

    s = next(s, 10_000);
    expect(s.agenda.currentId).toBe('s1');
    const checkin = Object.values(s.polls.polls).find((p) => p.status === 'open');
    expect(checkin?.definition).toMatchObject({ kind: 'checkin', moment: 'checkin', question: 'How are you arriving today?' });
    expect(s.now).toBe('Welcome and check-in');
    expect(s.timer).toMatchObject({ state: 'running', endsAt: 10_000 + 10 * minute });
    expect(s.agenda.runs.s1).toMatchObject({ startedAt: 10_000, present: 9, problem: null, pollId: checkin?.id });

    s = next(s, 12 * minute);
    expect(s.polls.polls[checkin!.id]?.status).toBe('closed');
    expect(s.agenda.runs.s1?.endedAt).toBe(12 * minute);
    expect(s.breakouts?.phase).toBe('open');
    expect(s.breakouts?.rooms).toHaveLength(3);
    expect(s.breakouts?.rooms.every((r) => r.prompt === 'What made it work?')).toBe(true);
    // the rooms come back (with grace) by the end of the segment
    expect(s.breakouts?.clock?.endsAt).toBe(12 * minute + 15 * minute - 30_000);
    expect(s.timer).toBeNull();

    s = next(s, 25 * minute);
    expect(s.breakouts).toBeNull();
    expect(s.breakoutRecord.rounds).toHaveLength(1);
    expect(s.cafe).toMatchObject({ kind: 'cafe', phase: 'running', rounds: 2, roundMs: 8 * minute, transitionMs: 30_000 });

    s = next(s, 46 * minute);
    expect(s.cafe).toBeNull();
    expect(s.cafeRecord).toHaveLength(1);
    // the participants speak, in alphabetical order; the facilitator runs it
    const order = s.turns.plenary?.goAround?.speakers ?? [];
    expect(order).toHaveLength(9);
    expect(order).not.toContain(HOST);
    expect(order.map((id) => s.members[id]!.name)).toEqual(Object.values(s.members).filter((m) => m.role === 'participant').map((m) => m.name).sort((a, b) => a.localeCompare(b)));

    s = next(s, 57 * minute);
    expect(s.turns.plenary?.goAround ?? null).toBeNull();
    expect(s.timer).toMatchObject({ state: 'running', label: 'Break', endsAt: 57 * minute + 5 * minute });

    s = next(s, 63 * minute);
    expect(Object.values(s.polls.polls).find((p) => p.status === 'open')?.definition).toMatchObject({ kind: 'checkin', moment: 'checkout' });

    s = next(s, 70 * minute);
    expect(s.agenda.finishedAt).toBe(70 * minute);
    expect(s.agenda.currentId).toBeNull();
    expect(Object.values(s.polls.polls).every((p) => p.status === 'closed')).toBe(true);
    expect(s.timer).toBeNull();
  });

  it('moves on once when two co-hosts press "next" together', () => {
    let s = next(planned(), 10_000);
    const first = attempt(s, HOST, { type: 'agenda.next', from: 's1' }, 20_000);
    expect(first.ok).toBe(true);
    s = next(s, 20_000);
    // the second press still names s1: acknowledged, nothing happens
    const second = attempt(s, HOST, { type: 'agenda.next', from: 's1' }, 20_100);
    expect(second).toEqual({ ok: true, events: [] });
  });

  it('starts the segment even when its activity cannot start, and says what to do', () => {
    const tooSmall: SegmentInput = {
      id: 's2',
      title: 'Choose a room',
      minutes: 10,
      activity: { kind: 'breakouts', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'selfSelect' }, rooms: [{ cap: 1 }, { cap: 1 }] },
    };
    let s = act(workshopWith(crowd(6)), HOST, { type: 'agenda.set', segments: [tooSmall] }, 1_000);
    s = next(s, 2_000);
    expect(s.agenda.currentId).toBe('s2');
    expect(s.breakouts?.phase ?? null).not.toBe('open');
    expect(s.agenda.runs.s2?.problem).toMatch(/^This segment's activity did not start: .+ You can start it from the Breakout rooms panel\.$/);
  });

  it('mixes by a field the workshop does not ask for as "avoid repeat meetings", and says so', () => {
    const other = SEGMENTS[1]!;
    const segment: SegmentInput = { ...other, activity: { kind: 'breakouts', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'mix', field: 'organisation' } } };
    let s = act(workshopWith(crowd(6)), HOST, { type: 'agenda.set', segments: [segment] }, 1_000);
    s = next(s, 2_000);
    expect(s.breakouts?.phase).toBe('open');
    expect(s.breakouts?.report.strategy.kind).toBe('avoidPrevious');
    expect(s.agenda.runs.s2?.problem).toBe('This workshop does not ask people for "organisation", so the rooms avoid repeat meetings instead.');
  });

  it('plans rooms for a preview when the segment asks for one, and discards the preview if the agenda moves on', () => {
    const preview: SegmentInput = { id: 's2', title: 'Rooms', minutes: 10, activity: { kind: 'breakouts', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, preview: true } };
    let s = act(workshopWith(crowd(6)), HOST, { type: 'agenda.set', segments: [preview, SEGMENTS[4]!] }, 1_000);
    s = next(s, 2_000);
    expect(s.breakouts?.phase).toBe('draft');
    expect(s.agenda.runs.s2?.problem).toMatch(/planned and waiting/);
    expect(viewOf(s, 'p001').breakout).toBeNull();
    s = next(s, 3_000);
    expect(s.breakouts).toBeNull();
  });

  it('lets a café with volunteer hosts wait, and discards it if the agenda moves on', () => {
    const cafe: SegmentInput = { id: 's3', title: 'Café', minutes: 20, activity: { kind: 'cafe', tables: [{ topic: 'A' }, { topic: 'B' }], rounds: 2, roundMinutes: 8, hosts: 'volunteers' } };
    let s = act(workshopWith(crowd(8)), HOST, { type: 'agenda.set', segments: [cafe, SEGMENTS[4]!] }, 1_000);
    s = next(s, 2_000);
    expect(s.cafe?.phase).toBe('draft');
    expect(s.agenda.runs.s3?.problem).toMatch(/host at every table/);
    expect(viewOf(s, 'p001').cafeInvite).not.toBeNull();
    s = next(s, 3_000);
    expect(s.cafe).toBeNull();
  });

  it('finishes early with "finish", wrapping up what runs', () => {
    let s = next(next(planned(), 1_000), 2_000);
    expect(s.breakouts?.phase).toBe('open');
    s = act(s, HOST, { type: 'agenda.finish', from: 's2' }, 3_000);
    expect(s.breakouts).toBeNull();
    expect(s.agenda.finishedAt).toBe(3_000);
    expect(attempt(s, HOST, { type: 'agenda.next', from: null }, 4_000)).toMatchObject({ ok: true });
  });
});

describe('changing the plan', () => {
  it('keeps segments that started as they ran, and refuses an edit made against an older agenda', () => {
    let s = next(planned(), 1_000);
    const edited = SEGMENTS.slice(0, 3).map((seg) => ({ ...seg, title: `${seg.title}!` }));
    s = act(s, HOST, { type: 'agenda.set', segments: edited }, 2_000);
    expect(s.agenda.segments.map((x) => x.title)).toEqual(['Welcome and check-in', 'Breakouts by organisation!', 'World café!']);
    const stale = attempt(s, HOST, { type: 'agenda.set', segments: SEGMENTS.slice(1) }, 3_000);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('skips, brings back and reorders only what is still to come', () => {
    let s = next(planned(), 1_000);
    s = act(s, HOST, { type: 'agenda.skip', segmentId: 's2', skipped: true }, 2_000);
    expect(attempt(s, HOST, { type: 'agenda.skip', segmentId: 's1', skipped: true }, 2_000)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    s = act(s, HOST, { type: 'agenda.move', segmentId: 's6', toIndex: 0 }, 3_000);
    // a segment still to come cannot go above one that has run
    expect(s.agenda.segments.map((x) => x.id)).toEqual(['s1', 's6', 's2', 's3', 's4', 's5']);
    s = next(s, 4_000);
    expect(s.agenda.currentId).toBe('s6');
    s = next(s, 5_000);
    expect(s.agenda.currentId).toBe('s3');
    s = act(s, HOST, { type: 'agenda.skip', segmentId: 's2', skipped: false }, 6_000);
    expect(s.agenda.skipped).toEqual([]);
  });

  it('extends the segment and the activity that runs in it', () => {
    let s = next(next(planned(), 1_000), 2_000);
    const endsAt = s.breakouts!.clock!.endsAt;
    s = act(s, HOST, { type: 'agenda.extend', minutes: 5 }, 3_000);
    expect(s.breakouts?.clock?.endsAt).toBe(endsAt + 5 * minute);
    expect(s.agenda.runs.s2?.extendedMs).toBe(5 * minute);
    expect(attempt(workshopWith({}), HOST, { type: 'agenda.extend', minutes: 5 }, 1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // taking time away ends the segment now at the earliest
    const plannedEnd = s.agenda.runs.s2!.startedAt + 15 * minute + 5 * minute;
    s = act(s, HOST, { type: 'agenda.extend', minutes: -60 }, 4_000);
    expect(s.agenda.runs.s2!.startedAt + 15 * minute + s.agenda.runs.s2!.extendedMs).toBe(4_000);
    expect(plannedEnd).toBeGreaterThan(4_000);
    expect(attempt(s, HOST, { type: 'agenda.extend', minutes: -5 }, 5_000)).toEqual({ ok: true, events: [] });
  });

  it('is for facilitators only', () => {
    const s = planned();
    expect(attempt(s, 'p001', { type: 'agenda.next', from: null }, 1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(attempt(s, 'p001', { type: 'agenda.set', segments: [] }, 1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('what people see of the agenda', () => {
  it('gives participants the headings and where we are, never the notes', () => {
    let s = next(planned(), 1_000);
    s = act(s, HOST, { type: 'agenda.skip', segmentId: 's5', skipped: true }, 2_000);
    const view = viewOf(s, 'p002');
    expect(view.agenda?.items.map((i) => [i.id, i.status])).toEqual([
      ['s1', 'current'],
      ['s2', 'upcoming'],
      ['s3', 'upcoming'],
      ['s4', 'upcoming'],
      ['s6', 'upcoming'],
    ]);
    expect(view.agenda?.currentEndsAt).toBe(1_000 + 10 * minute);
    expect(JSON.stringify(view)).not.toContain('Greet people by name');
    const console = consoleView(s, s.members[HOST]!, 1, { ...extras, now: 2_000 });
    expect(console.agenda.segments[0]?.notes).toBe('Greet people by name.');
  });

  it('has no agenda for participants until one is planned, and none for people not let in', () => {
    expect(viewOf(workshopWith(crowd(2)), 'p001').agenda).toBeNull();
    let s = act(planned(), HOST, { type: 'member.remove', memberId: 'p003' }, 6_000);
    s = next(s, 7_000);
    expect(viewOf(s, 'p003').agenda).toBeNull();
    expect(viewOf(s, 'p004').agenda).not.toBeNull();
  });
});

describe('drift', () => {
  const agenda = (over: Partial<Parameters<typeof agendaTiming>[0]> = {}) => ({
    segments: [
      { id: 'a', minutes: 10 },
      { id: 'b', minutes: 20 },
      { id: 'c', minutes: 30 },
    ],
    currentId: null,
    runs: {},
    skipped: [],
    startedAt: null,
    plannedMs: null,
    finishedAt: null,
    ...over,
  });

  it('is zero before the start, and the total is what is not skipped', () => {
    const t = agendaTiming(agenda({ skipped: ['b'] }), 0);
    expect(t.driftMs).toBe(0);
    expect(t.totalMs).toBe(40 * minute);
    expect(t.plannedEndAt).toBeNull();
  });

  it('counts an overrun of the current segment as it happens, and a late "next" afterwards', () => {
    const running = agenda({ currentId: 'a', startedAt: 0, plannedMs: 60 * minute, runs: { a: { startedAt: 0, endedAt: null, extendedMs: 0 } } });
    expect(agendaTiming(running, 5 * minute).driftMs).toBe(0);
    expect(agendaTiming(running, 16 * minute).driftMs).toBe(6 * minute);
    expect(driftMinutes(agendaTiming(running, 16 * minute + 59_000).driftMs)).toBe(6);
    const moved = agenda({
      currentId: 'b',
      startedAt: 0,
      plannedMs: 60 * minute,
      runs: { a: { startedAt: 0, endedAt: 16 * minute, extendedMs: 0 }, b: { startedAt: 16 * minute, endedAt: null, extendedMs: 0 } },
    });
    const t = agendaTiming(moved, 17 * minute);
    expect(t.driftMs).toBe(6 * minute);
    expect(t.plannedEndAt).toBe(60 * minute);
    expect(t.projectedEndAt).toBe(66 * minute);
    expect(t.segments.map((x) => x.status)).toEqual(['done', 'current', 'upcoming']);
  });

  it('catches up when a segment is skipped, and grows when one is extended', () => {
    const base = { currentId: 'a', startedAt: 0, plannedMs: 60 * minute };
    const skipped = agenda({ ...base, skipped: ['c'], runs: { a: { startedAt: 0, endedAt: null, extendedMs: 0 } } });
    expect(agendaTiming(skipped, minute).driftMs).toBe(-30 * minute);
    const extended = agenda({ ...base, runs: { a: { startedAt: 0, endedAt: null, extendedMs: 5 * minute } } });
    expect(agendaTiming(extended, minute).driftMs).toBe(5 * minute);
    expect(agendaTiming(extended, minute).currentEndsAt).toBe(15 * minute);
  });

  it('ends at the finish when the agenda is finished early', () => {
    const finished = agenda({ startedAt: 0, plannedMs: 60 * minute, finishedAt: 20 * minute, runs: { a: { startedAt: 0, endedAt: 20 * minute, extendedMs: 0 } } });
    const t = agendaTiming(finished, 90 * minute);
    expect(t.projectedEndAt).toBe(20 * minute);
    expect(t.driftMs).toBe(-40 * minute);
    expect(t.segments.map((x) => x.status)).toEqual(['done', 'skipped', 'skipped']);
  });
});

describe('privacy and forgetting', () => {
  it('keeps only levels that differ from "workshop", and sends nothing when unchanged', () => {
    let s = workshopWith(crowd(2));
    expect(attempt(s, HOST, { type: 'harvest.privacy', area: 'breakouts:1', level: 'workshop' }, 1)).toEqual({ ok: true, events: [] });
    s = act(s, HOST, { type: 'harvest.privacy', area: 'breakouts:1', level: 'room' }, 1);
    expect(s.privacy).toEqual({ 'breakouts:1': 'room' });
    s = act(s, HOST, { type: 'harvest.privacy', area: 'breakouts:1', level: 'workshop' }, 2);
    expect(s.privacy).toEqual({});
    expect(attempt(s, 'p000', { type: 'harvest.privacy', area: 'attendance', level: 'shareable' }, 3)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('erases a participant\'s name and profile, and only a participant\'s', () => {
    let s = workshopWith(crowd(2));
    s = act(s, HOST, { type: 'member.forget', memberId: 'p001' }, 1);
    expect(s.members.p001).toMatchObject({ name: FORGOTTEN_NAME, profile: {} });
    expect(attempt(s, HOST, { type: 'member.forget', memberId: HOST }, 2)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

void tick;
