import { describe, expect, it } from 'vitest';
import { HarvestRecord, type HarvestNotes } from '../../shared/harvest.ts';
import type { CommandInput } from '../../shared/commands.ts';
import { nextDeadline } from '../../server/engine/decide.ts';
import { apply } from '../../server/engine/reducer.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { buildTallies } from '../../server/activities/polls/aggregate.ts';
import { harvestRecord, type HarvestAudience } from '../../server/activities/harvest/record.ts';
import { act, crowd, tick, workshopWith } from './activity-helpers.ts';
import { HOST, stamp } from './helpers.ts';

/**
 * The record built from a workshop run through the real engine: decide + apply for every command,
 * deadlines by tick. Expected values come from what the scenario did, not from the code under test.
 */

const MIN = 60_000;
const FACILITATORS: HarvestAudience = { kind: 'facilitators' };
const EXPORT: HarvestAudience = { kind: 'export' };

type Built = { s: WorkshopState; polls: Record<'text' | 'checkout' | 'single' | 'draft', string>; roomOf: Record<string, string> };

const lastPollId = (s: WorkshopState) => Object.keys(s.polls.polls).at(-1)!;

function createPoll(s: WorkshopState, poll: Extract<CommandInput, { type: 'poll.create' }>['poll'], at: number, launch = true): [WorkshopState, string] {
  s = act(s, HOST, { type: 'poll.create', poll }, at);
  const id = lastPollId(s);
  if (launch) s = act(s, HOST, { type: 'poll.launch', pollId: id, scope: 'plenary' }, at + 1);
  return [s, id];
}

function finishCafe(s: WorkshopState): WorkshopState {
  for (let d = nextDeadline(s); s.cafe && d !== null; d = nextDeadline(s)) s = tick(s, d);
  return s;
}

/** A workshop of 60 participants (p000…p059), a co-host, and one of everything the record holds. */
function ran(): Built {
  let s = workshopWith(crowd(60), ['co001']);
  // someone still waiting and someone declined never joined
  s = stamp(
    [
      { type: 'member.joined', member: { id: 'wait1', name: 'Waiting Wanjiru', role: 'participant', profile: {}, tokenHash: 't-wait1', status: 'waiting' } },
      { type: 'member.joined', member: { id: 'decl1', name: 'Declined Dawit', role: 'participant', profile: {}, tokenHash: 't-decl1', status: 'waiting' } },
    ],
    s.version,
    2_000,
  ).reduce(apply, s);
  s = act(s, HOST, { type: 'member.decline', memberId: 'decl1' }, 3_000);
  s = act(
    s,
    HOST,
    {
      type: 'agenda.set',
      segments: [
        { id: 's1', title: 'Welcome', minutes: 5, activity: { kind: 'plenary' } },
        { id: 's2', title: 'Pause', minutes: 10, activity: { kind: 'break' } },
        { id: 's3', title: 'Closing circle', minutes: 15, activity: { kind: 'plenary' } },
      ],
    },
    50_000,
  );
  s = act(s, HOST, { type: 'agenda.next', from: null }, 100_000);
  s = act(s, HOST, { type: 'member.remove', memberId: 'p059' }, 200_000);
  s = act(s, HOST, { type: 'agenda.next', from: 's1' }, 100_000 + 7 * MIN);
  s = act(s, HOST, { type: 'agenda.finish', from: 's2' }, 100_000 + 16 * MIN);

  // breakout round 1: two named rooms, one writes notes, one does not; a turn is taken in the first
  s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, rooms: [{ name: 'Funding' }, { name: 'Housing' }] }, 2_000_000);
  s = act(s, HOST, { type: 'breakouts.open', durationMs: 10 * MIN }, 2_010_000);
  const roomOf = { ...s.breakouts!.assignment };
  const inR1 = Object.keys(roomOf).filter((id) => roomOf[id] === 'r1');
  s = act(s, inR1[0]!, { type: 'breakouts.notes', roomId: 'r1', text: 'Pool small grants together' }, 2_020_000);
  s = act(s, inR1[1]!, { type: 'turn.hand.raise', roomId: 'r1' }, 2_030_000);
  s = act(s, inR1[0]!, { type: 'turn.next', roomId: 'r1' }, 2_031_000);
  s = act(s, inR1[1]!, { type: 'turn.end', roomId: 'r1' }, 2_091_000);
  s = act(s, HOST, { type: 'breakouts.close', immediately: true }, 2_100_000);

  // a world café with two tables and two rounds: notes at table 1 in both rounds
  s = act(s, HOST, { type: 'cafe.plan', kind: 'cafe', tables: [{ name: 'Jobs', topic: 'Work permits' }, { name: 'Schools', topic: 'Enrolment' }], rounds: 2, roundMs: 10 * MIN, transitionMs: 30_000 }, 3_000_000);
  s = act(s, HOST, { type: 'cafe.start' }, 3_010_000);
  s = act(s, s.cafe!.plan[0]![0]![0]!, { type: 'cafe.notes', tableId: 't1', text: 'Permits take months' }, 3_020_000);
  s = tick(s, nextDeadline(s)!);
  s = tick(s, nextDeadline(s)!);
  s = act(s, s.cafe!.plan[1]![0]![0]!, { type: 'cafe.notes', tableId: 't1', text: 'Employers need guidance' }, s.updatedAt + 1_000);
  s = finishCafe(s);

  // networking: one pair writes in round 1
  s = act(s, HOST, { type: 'cafe.plan', kind: 'networking', rounds: 2, roundMs: 3 * MIN }, 4_000_000);
  s = act(s, HOST, { type: 'cafe.start' }, 4_010_000);
  s = act(s, s.cafe!.plan[0]![0]![0]!, { type: 'cafe.notes', tableId: 't1', text: 'We both run youth clubs' }, 4_020_000);
  s = finishCafe(s);

  // polls: a named open-text poll answered by every participant still in, an anonymous check-out,
  // an anonymous single choice, and a draft that was never launched
  let text: string;
  [s, text] = createPoll(s, { kind: 'text', question: 'What should we change?', settings: { anonymous: false, results: 'live' } }, 5_000_000);
  for (let i = 0; i < 59; i++) {
    s = act(s, `p${String(i).padStart(3, '0')}`, { type: 'poll.answer', pollId: text, answer: { kind: 'text', text: `Idea number ${i}` } }, 5_001_000 + i);
  }
  s = act(s, HOST, { type: 'poll.close', pollId: text }, 5_100_000);
  let checkout: string;
  [s, checkout] = createPoll(s, { kind: 'checkin', moment: 'checkout', question: 'What do you take home?', settings: { anonymous: true, results: 'live' } }, 5_200_000);
  s = act(s, 'p003', { type: 'poll.answer', pollId: checkout, answer: { kind: 'checkin', text: 'A new friend' } }, 5_201_000);
  s = act(s, 'p004', { type: 'poll.answer', pollId: checkout, answer: { kind: 'checkin', text: 'Courage' } }, 5_202_000);
  let single: string;
  const options = [
    { id: 'o1', label: 'Tools' },
    { id: 'o2', label: 'Stories' },
    { id: 'o3', label: 'Funding' },
  ];
  [s, single] = createPoll(s, { kind: 'single', question: 'Which session next?', options, settings: { anonymous: true, results: 'live' } }, 5_300_000);
  for (const [who, optionId] of [['p001', 'o1'], ['p002', 'o1'], ['p003', 'o2']] as const) {
    s = act(s, who, { type: 'poll.answer', pollId: single, answer: { kind: 'single', optionId } }, 5_301_000);
  }
  let draft: string;
  [s, draft] = createPoll(s, { kind: 'text', question: 'Never asked', settings: { anonymous: false, results: 'live' } }, 5_400_000, false);

  // a turn in plenary
  s = act(s, 'p010', { type: 'turn.hand.raise', roomId: 'plenary' }, 6_000_000);
  s = act(s, HOST, { type: 'turn.next', roomId: 'plenary' }, 6_001_000);
  s = act(s, HOST, { type: 'turn.end', roomId: 'plenary' }, 6_031_000);
  return { s, polls: { text, checkout, single, draft }, roomOf };
}

const built = ran();
const recordFor = (audience: HarvestAudience, s = built.s) => harvestRecord(s, buildTallies(s.polls), 7_000_000, audience);
const withLevels = (levels: Record<string, 'room' | 'workshop' | 'shareable'>) =>
  Object.entries(levels).reduce((s, [area, level]) => act(s, HOST, { type: 'harvest.privacy', area, level }, 6_500_000), built.s);

describe('the record for the facilitators', () => {
  const r = recordFor(FACILITATORS);

  it('matches the protocol schema for every audience', () => {
    for (const audience of [FACILITATORS, EXPORT, { kind: 'participant', memberId: 'p001' } as const]) {
      expect(() => HarvestRecord.parse(recordFor(audience))).not.toThrow();
    }
  });

  it('has the agenda as run: planned minutes, actual times, who was there, what was skipped', () => {
    expect(r.agenda).toEqual([
      { title: 'Welcome', kind: 'plenary', plannedMinutes: 5, startedAt: 100_000, endedAt: 100_000 + 7 * MIN, skipped: false, present: 60 },
      { title: 'Pause', kind: 'break', plannedMinutes: 10, startedAt: 100_000 + 7 * MIN, endedAt: 100_000 + 16 * MIN, skipped: false, present: 59 },
      { title: 'Closing circle', kind: 'plenary', plannedMinutes: 15, startedAt: null, endedAt: null, skipped: true, present: null },
    ]);
  });

  it('marks a segment skipped only when it was skipped or the agenda ended without it', () => {
    let s = workshopWith(crowd(3));
    const plenary = { kind: 'plenary' } as const;
    s = act(s, HOST, { type: 'agenda.set', segments: ['s1', 's2', 's3'].map((id) => ({ id, title: id, minutes: 5, activity: plenary })) }, 10_000);
    s = act(s, HOST, { type: 'agenda.next', from: null }, 20_000);
    s = act(s, HOST, { type: 'agenda.skip', segmentId: 's2', skipped: true }, 30_000);
    const running = recordFor(FACILITATORS, s).agenda;
    expect(running.map((a) => [a.skipped, a.startedAt, a.endedAt])).toEqual([
      [false, 20_000, null],
      [true, null, null],
      [false, null, null],
    ]);
  });

  it('counts attendance: joined, still in, removed, facilitators, peak; lists every person who joined', () => {
    const a = r.attendance;
    // host + co-host + 60 participants joined; the waiting and the declined person did not
    expect(a).toMatchObject({ area: 'attendance', level: 'workshop', joined: 62, admitted: 61, removed: 1, facilitators: 2, peak: 60 });
    const names = a.people!.map((p) => p.name);
    expect(names).toHaveLength(62);
    expect(names).toContain('Person p059');
    expect(names).not.toContain('Waiting Wanjiru');
    expect(names).not.toContain('Declined Dawit');
    expect(a.people!.find((p) => p.name === 'Person p059')).toMatchObject({ role: 'participant', status: 'removed' });
    expect(a.people!.find((p) => p.name === 'Cohost co001')).toMatchObject({ role: 'cohost', status: 'admitted' });
    // profile answers under the questions' labels
    expect(a.people!.find((p) => p.name === 'Person p001')!.profile).toEqual({ Organisation: 'org1', Language: 'English' });
  });

  it('has notes per closed breakout round and per café, oldest first, with empty notes skipped', () => {
    expect(r.notes.map((n) => [n.area, n.title, n.kind])).toEqual([
      ['breakouts:1', 'Breakout round 1', 'breakouts'],
      ['cafe:1', 'World café 1', 'cafe'],
      ['cafe:2', 'Networking 2', 'networking'],
    ]);
    const [breakouts, cafe, networking] = r.notes as [HarvestNotes, HarvestNotes, HarvestNotes];
    expect(breakouts.closedAt).toBe(2_100_000);
    expect(breakouts.rooms).toEqual([
      { name: 'Funding', topic: '', notes: [{ round: null, text: 'Pool small grants together' }] },
      { name: 'Housing', topic: '', notes: [] },
    ]);
    expect(cafe.rooms).toEqual([
      {
        name: 'Jobs',
        topic: 'Work permits',
        notes: [
          { round: 1, text: 'Permits take months' },
          { round: 2, text: 'Employers need guidance' },
        ],
      },
      { name: 'Schools', topic: 'Enrolment', notes: [] },
    ]);
    expect(networking.rooms).toEqual([{ name: 'Pair 1', topic: '', notes: [{ round: 1, text: 'We both run youth clubs' }] }]);
  });

  it('has every launched poll, never a draft, with every written answer (beyond the wall cap of the live view)', () => {
    expect(r.polls.map((p) => p.area)).toEqual([`poll:${built.polls.text}`, `poll:${built.polls.checkout}`, `poll:${built.polls.single}`]);
    const text = r.polls[0]!;
    expect(text).toMatchObject({ question: 'What should we change?', kind: 'text', anonymous: false, launchedAt: 5_000_001, closedAt: 5_100_000 });
    expect(text.results.responses).toBe(59);
    expect(text.answers).toHaveLength(59);
    expect(text.answers).toContainEqual({ text: 'Idea number 0', name: 'Person p000' });
    expect(text.answers).toContainEqual({ text: 'Idea number 58', name: 'Person p058' });
  });

  it('says a check-out is a check-out, and keeps anonymous answers without names, in text order rather than answer order', () => {
    const checkout = r.polls[1]!;
    expect(checkout).toMatchObject({ kind: 'checkout', anonymous: true });
    // "Courage" came last: in answer order (newest first) it would lead
    expect(checkout.answers).toEqual([
      { text: 'A new friend', name: null },
      { text: 'Courage', name: null },
    ]);
    const single = r.polls[2]!;
    expect(single.results).toMatchObject({
      kind: 'single',
      responses: 3,
      options: [
        { label: 'Tools', count: 2 },
        { label: 'Stories', count: 1 },
        { label: 'Funding', count: 0 },
      ],
    });
    expect(single.answers).toEqual([]);
  });

  it('has the speaking balance per room, labelled, with turns counted and no names', () => {
    expect(r.speaking.map((s) => [s.label, s.turns])).toEqual([
      ['Plenary', 1],
      ['Funding', 1],
    ]);
    const plenary = r.speaking[0]!.balance;
    expect(plenary).toMatchObject({ roomId: 'plenary', totalMs: 30_000, score: 0 });
    expect(plenary.notSpoken).toBe(plenary.peopleCount - 1);
    expect(JSON.stringify(r.speaking)).not.toMatch(/Person p0/);
  });

  it('contains every level and leaves nothing out', () => {
    expect(r.levels).toEqual(['room', 'workshop', 'shareable']);
    expect(r.omitted).toEqual([]);
    const roomLevel = recordFor(FACILITATORS, withLevels({ 'breakouts:1': 'room', 'cafe:1': 'room' }));
    expect(roomLevel.notes.map((n) => [n.area, n.level, n.rooms.length])).toEqual([
      ['breakouts:1', 'room', 2],
      ['cafe:1', 'room', 2],
      ['cafe:2', 'workshop', 1],
    ]);
  });
});

describe('the record for an export', () => {
  it('holds shareable areas only and lists every other area as left out', () => {
    const s = withLevels({ 'breakouts:1': 'shareable', [`poll:${built.polls.single}`]: 'shareable', 'cafe:1': 'room' });
    const r = recordFor(EXPORT, s);
    expect(r.levels).toEqual(['shareable']);
    expect(r.notes.map((n) => n.area)).toEqual(['breakouts:1']);
    expect(r.polls.map((p) => p.area)).toEqual([`poll:${built.polls.single}`]);
    expect(r.attendance.people).toBeNull();
    expect(r.attendance.joined).toBe(62);
    expect(r.omitted.map((o) => [o.area, o.level]).sort()).toEqual(
      [
        ['attendance', 'workshop'],
        ['cafe:1', 'room'],
        ['cafe:2', 'workshop'],
        [`poll:${built.polls.text}`, 'workshop'],
        [`poll:${built.polls.checkout}`, 'workshop'],
      ].sort(),
    );
    // left-out polls are named by their place, not by their question
    expect(JSON.stringify(r)).not.toContain('What should we change?');
    expect(JSON.stringify(r)).not.toContain('Idea number');
  });

  it('lists people only when attendance is shareable', () => {
    const r = recordFor(EXPORT, withLevels({ attendance: 'shareable' }));
    expect(r.attendance.people).toHaveLength(62);
    expect(r.omitted.map((o) => o.area)).not.toContain('attendance');
  });
});

describe('the record for a participant', () => {
  const inR1 = Object.keys(built.roomOf).find((id) => built.roomOf[id] === 'r1')!;
  const inR2 = Object.keys(built.roomOf).find((id) => built.roomOf[id] === 'r2')!;

  it('has workshop and shareable areas, never the attendance list', () => {
    const r = recordFor({ kind: 'participant', memberId: inR2 }, withLevels({ attendance: 'shareable' }));
    expect(r.levels).toEqual(['workshop', 'shareable']);
    expect(r.attendance.people).toBeNull();
    expect(r.notes.map((n) => n.area)).toEqual(['breakouts:1', 'cafe:1', 'cafe:2']);
    expect(r.notes[0]!.rooms.map((room) => room.name)).toEqual(['Funding', 'Housing']);
  });

  it('has a room-level round only for their own room', () => {
    const s = withLevels({ 'breakouts:1': 'room' });
    const mine = recordFor({ kind: 'participant', memberId: inR1 }, s);
    expect(mine.levels).toContain('room');
    expect(mine.notes[0]).toMatchObject({ area: 'breakouts:1', level: 'room', rooms: [{ name: 'Funding', notes: [{ text: 'Pool small grants together' }] }] });
    const other = recordFor({ kind: 'participant', memberId: inR2 }, s);
    expect(other.notes[0]).toMatchObject({ area: 'breakouts:1', rooms: [{ name: 'Housing', notes: [] }] });
    expect(JSON.stringify(other)).not.toContain('Pool small grants together');
  });

  it('has a room-level café only for the tables they sat at, every round of them', () => {
    const s = withLevels({ 'cafe:1': 'room' });
    const past = s.cafeRecord[0]!;
    const sat = (id: string) => past.rounds.map((round) => round.findIndex((t) => t.includes(id)));
    const atTable1Once = Object.keys(built.roomOf).find((id) => sat(id).includes(0) && sat(id).includes(1))!;
    const neverAtTable1 = Object.keys(built.roomOf).find((id) => !sat(id).includes(0))!;
    const mixed = recordFor({ kind: 'participant', memberId: atTable1Once }, s).notes.find((n) => n.area === 'cafe:1')!;
    expect(mixed.rooms.map((t) => [t.name, t.notes.length])).toEqual([
      ['Jobs', 2],
      ['Schools', 0],
    ]);
    const never = recordFor({ kind: 'participant', memberId: neverAtTable1 }, s).notes.find((n) => n.area === 'cafe:1')!;
    expect(never.rooms.map((t) => t.name)).toEqual(['Schools']);
  });

  it('has a room-level networking session only for their pair in the round they were in it', () => {
    const s = withLevels({ 'cafe:2': 'room' });
    const past = s.cafeRecord[1]!;
    const writer = past.rounds[0]![0]![0]!;
    const laterPartner = past.rounds[1]![0]!.find((id) => !past.rounds[0]![0]!.includes(id))!;
    expect(recordFor({ kind: 'participant', memberId: writer }, s).notes.find((n) => n.area === 'cafe:2')!.rooms).toEqual([
      { name: 'Pair 1', topic: '', notes: [{ round: 1, text: 'We both run youth clubs' }] },
    ]);
    const later = recordFor({ kind: 'participant', memberId: laterPartner }, s);
    expect(later.notes.find((n) => n.area === 'cafe:2')).toBeUndefined();
    expect(later.omitted).toContainEqual({ area: 'cafe:2', level: 'room', title: 'Networking 2' });
  });

  it('drops room-level polls, and polls whose results were never revealed to them', () => {
    let s = withLevels({ [`poll:${built.polls.single}`]: 'room' });
    let hidden: string;
    [s, hidden] = createPoll(s, { kind: 'text', question: 'Kept back', settings: { anonymous: false, results: 'onReveal' } }, 6_600_000);
    s = act(s, 'p001', { type: 'poll.answer', pollId: hidden, answer: { kind: 'text', text: 'Only the hosts see this' } }, 6_600_100);
    const r = recordFor({ kind: 'participant', memberId: 'p002' }, s);
    expect(r.polls.map((p) => p.area)).toEqual([`poll:${built.polls.text}`, `poll:${built.polls.checkout}`]);
    expect(JSON.stringify(r)).not.toContain('Only the hosts see this');
    s = act(s, HOST, { type: 'poll.reveal', pollId: hidden, revealed: true }, 6_700_000);
    expect(recordFor({ kind: 'participant', memberId: 'p002' }, s).polls.map((p) => p.area)).toContain(`poll:${hidden}`);
  });
});
