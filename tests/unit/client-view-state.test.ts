import { describe, expect, it } from 'vitest';
import type { ConsoleMember, ConsolePatch, ConsoleView, ParticipantView } from '../../shared/index.ts';
import {
  EMPTY_VIEWS,
  receiveConsolePatch,
  receiveConsoleView,
  receiveParticipantView,
} from '../../client/src/lib/view-state.ts';

const member = (id: string, over: Partial<ConsoleMember> = {}): ConsoleMember => ({
  id,
  name: `Person ${id}`,
  role: 'participant',
  status: 'admitted',
  presence: 'online',
  profile: {},
  joinedAt: 1,
  handRaisedAt: null,
  roomId: null,
  ...over,
});

function consoleView(version: number, seq: number, members: ConsoleMember[]): ConsoleView {
  return {
    kind: 'console',
    version,
    seq,
    settings: { waitingRoom: false, locked: false },
    now: '',
    announcement: null,
    timer: null,
    hands: [],
    workshop: {
      id: 'ws-1234',
      title: 'T',
      description: '',
      code: 'ABC-DEF',
      createdAt: 0,
      profileFields: [],
      cohostKey: 'k'.repeat(24),
    },
    me: { id: 'host', name: 'Host', role: 'host' },
    members,
    video: { enabled: false },
    breakouts: null,
    notes: {},
    record: { preassigned: [], rounds: [] },
    cafe: null,
    cafeNotes: {},
    polls: [],
    turns: [],
    agenda: { segments: [], currentId: null, runs: {}, skipped: [], startedAt: null, plannedMs: null, finishedAt: null },
    privacy: {},
  };
}

function patch(version: number, seq: number, members: ConsoleMember[], over: Partial<ConsolePatch> = {}): ConsolePatch {
  return {
    kind: 'console.patch',
    version,
    seq,
    settings: { waitingRoom: false, locked: false },
    now: '',
    announcement: null,
    timer: null,
    hands: [],
    members,
    ...over,
  };
}

function participantView(version: number, over: Partial<ParticipantView> = {}): ParticipantView {
  return {
    kind: 'participant',
    version,
    workshop: { id: 'ws-1234', title: 'T', description: '', code: 'ABC-DEF' },
    me: { id: 'p1', name: 'Amal', role: 'participant', status: 'admitted' },
    now: '',
    announcement: null,
    timer: null,
    hand: { raised: false, position: null },
    counts: { present: 2, hands: 0 },
    facilitators: [],
    video: { enabled: false },
    breakout: null,
    cafe: null,
    cafeInvite: null,
    polls: [],
    turns: null,
    harvest: null,
    agenda: null,
    ...over,
  };
}

describe('participant views', () => {
  it('keeps the newest view and ignores an older one', () => {
    const a = receiveParticipantView(EMPTY_VIEWS, participantView(5, { now: 'five' }));
    expect(a.changed).toBe(true);
    expect(a.state.participant?.now).toBe('five');
    const older = receiveParticipantView(a.state, participantView(4, { now: 'four' }));
    expect(older.changed).toBe(false);
    expect(older.state.participant?.now).toBe('five');
  });

  it('takes a view of the same version (counts change without a new version)', () => {
    const a = receiveParticipantView(EMPTY_VIEWS, participantView(5)).state;
    const b = receiveParticipantView(a, participantView(5, { counts: { present: 3, hands: 0 } }));
    expect(b.changed).toBe(true);
    expect(b.state.participant?.counts.present).toBe(3);
  });
});

describe('console views and patches', () => {
  it('applies the next patch: small parts replaced, changed members upserted by id', () => {
    const start = receiveConsoleView(EMPTY_VIEWS, consoleView(10, 3, [member('a'), member('b')])).state;
    const next = receiveConsolePatch(
      start,
      patch(11, 4, [member('b', { presence: 'reconnecting' }), member('c')], { now: 'Break' }),
    );
    expect(next.refresh).toBe(false);
    expect(next.state.console?.now).toBe('Break');
    expect(next.state.console?.seq).toBe(4);
    expect(next.state.console?.members.map((m) => [m.id, m.presence])).toEqual([
      ['a', 'online'],
      ['b', 'reconnecting'],
      ['c', 'online'],
    ]);
  });

  it('asks for a whole view after a gap, and changes nothing', () => {
    const start = receiveConsoleView(EMPTY_VIEWS, consoleView(10, 3, [member('a')])).state;
    const gap = receiveConsolePatch(start, patch(12, 5, [member('z')]));
    expect(gap.refresh).toBe(true);
    expect(gap.changed).toBe(false);
    expect(gap.state).toBe(start);
  });

  it('ignores a stale patch without asking for anything', () => {
    const start = receiveConsoleView(EMPTY_VIEWS, consoleView(10, 3, [member('a')])).state;
    const stale = receiveConsolePatch(start, patch(10, 3, [member('z')]));
    expect(stale).toEqual({ state: start, changed: false, refresh: false });
  });

  it('asks for a whole view when a patch arrives before any console view', () => {
    const participant = receiveParticipantView(EMPTY_VIEWS, participantView(3)).state;
    expect(receiveConsolePatch(participant, patch(4, 1, [])).refresh).toBe(true);
    expect(receiveConsolePatch(EMPTY_VIEWS, patch(4, 1, [])).refresh).toBe(true);
  });

  it('switches between console and participant screens when the role changes', () => {
    const asParticipant = receiveParticipantView(EMPTY_VIEWS, participantView(3)).state;
    const promoted = receiveConsoleView(asParticipant, consoleView(4, 0, [member('p1', { role: 'cohost' })])).state;
    expect(promoted.kind).toBe('console');
    expect(promoted.participant).toBeNull();
    const demoted = receiveParticipantView(promoted, participantView(5)).state;
    expect(demoted.kind).toBe('participant');
    expect(demoted.console).toBeNull();
  });

  it('accepts a whole console view after a server restart, whose patch numbers start again', () => {
    const before = receiveConsoleView(EMPTY_VIEWS, consoleView(10, 40, [member('a')])).state;
    const restarted = receiveConsoleView(before, consoleView(10, 0, [member('a', { presence: 'reconnecting' })])).state;
    expect(restarted.console?.seq).toBe(0);
    const next = receiveConsolePatch(restarted, patch(10, 1, [member('a')]));
    expect(next.changed).toBe(true);
    expect(next.state.console?.members[0]?.presence).toBe('online');
  });
});
