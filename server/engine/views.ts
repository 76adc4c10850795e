import { consoleAgenda, participantAgenda } from '../activities/agenda/views.ts';
import { formatJoinCode } from '../../shared/ids.ts';
import type { ConsoleMember, ConsolePatch, ConsoleView, ParticipantView, Presence } from '../../shared/views.ts';
import { BreakoutViews, consoleBreakouts, consoleRecord } from '../activities/breakouts/views.ts';
import { CafeViews, cafeNotes, consoleCafe } from '../activities/cafe/views.ts';
import { lastHarvest } from '../activities/harvest.ts';
import { buildTallies, type PollTallies } from '../activities/polls/aggregate.ts';
import { facilitatorPolls, participantPolls, participantPollsShared, type ParticipantPollsShared } from '../activities/polls/views.ts';
import { TurnViews, consoleTurns } from '../activities/turns/room-views.ts';
import { isFacilitator, type Member, type WorkshopState } from './state.ts';

/** Projections of the state for each audience. Pure: presence and video status are passed in. */

export type PresenceOf = (memberId: string) => Presence;

export type Extras = {
  presenceOf: PresenceOf;
  presentCount: number;
  videoEnabled: boolean;
  /** Running poll counts (kept by the actor); rebuilt from the state when not given. */
  tallies?: PollTallies;
  /** The server's time, for time spoken so far in turns. */
  now?: number;
};

const nameIn = (state: WorkshopState) => (memberId: string) => state.members[memberId]?.name ?? '';

/** The parts every participant's view shares, computed once per delivery and reused for each person. */
export type ParticipantShared = Omit<ParticipantView, 'me' | 'hand' | 'breakout' | 'cafe' | 'cafeInvite' | 'polls' | 'turns'>;

/** The parts of participant views built once per room or table and shared by its members. */
export class RoomParts {
  readonly breakouts: BreakoutViews;
  readonly cafe: CafeViews;
  readonly polls: ParticipantPollsShared;
  readonly turns: TurnViews;
  /** `now`: turn views show time spoken so far. */
  constructor(state: WorkshopState, tallies: PollTallies = buildTallies(state.polls), now = state.updatedAt) {
    this.turns = new TurnViews(state, now);
    this.breakouts = new BreakoutViews(state);
    this.cafe = new CafeViews(state);
    this.polls = participantPollsShared(state.polls, tallies, nameIn(state));
  }
}

/** The admitted hosts and co-hosts as participants see them (at most 20). Walks the roster: cache it. */
export function facilitatorsOf(state: WorkshopState): ParticipantView['facilitators'] {
  const facilitators: ParticipantView['facilitators'] = [];
  for (const m of Object.values(state.members)) {
    if (isFacilitator(m.role) && m.status === 'admitted' && facilitators.length < 20) {
      facilitators.push({ id: m.id, name: m.name, role: m.role });
    }
  }
  return facilitators;
}

export function participantShared(
  state: WorkshopState,
  extras: Extras,
  facilitators: ParticipantView['facilitators'] = facilitatorsOf(state),
): ParticipantShared {
  return {
    kind: 'participant',
    version: state.version,
    workshop: { id: state.id, title: state.title, description: state.description, code: formatJoinCode(state.code) },
    now: state.now,
    announcement: state.announcement,
    timer: state.timer,
    counts: { present: extras.presentCount, hands: state.hands.length },
    facilitators,
    video: { enabled: extras.videoEnabled },
    harvest: lastHarvest(state),
    agenda: participantAgenda(state.agenda),
  };
}

/** One person's view. Pass the same `breakouts` for everyone in one delivery: room parts are built once per room. */
export function participantView(
  shared: ParticipantShared,
  state: WorkshopState,
  member: Member,
  rooms: RoomParts = new RoomParts(state),
): ParticipantView {
  const inside = member.status === 'admitted';
  const position = inside ? state.hands.findIndex((h) => h.memberId === member.id) : -1;
  const me = { id: member.id, name: member.name, role: member.role, status: member.status };
  if (!inside) {
    // Waiting, removed or declined people see the workshop's name and their own status, nothing more.
    return {
      ...shared,
      me,
      now: '',
      announcement: null,
      timer: null,
      counts: { present: 0, hands: 0 },
      facilitators: [],
      hand: { raised: false, position: null },
      breakout: null,
      cafe: null,
      cafeInvite: null,
      polls: [],
      turns: null,
      harvest: null,
      agenda: null,
    };
  }
  return {
    ...shared,
    me,
    hand: { raised: position >= 0, position: position >= 0 ? position + 1 : null },
    breakout: rooms.breakouts.participant(member),
    cafe: rooms.cafe.participant(member),
    cafeInvite: rooms.cafe.invite(member),
    polls: participantPolls(rooms.polls, { memberId: member.id, roomId: roomOfFor(state, member.id) }),
    turns: rooms.turns.participant(member),
  };
}

/** The breakout room a person is in while rooms are open: where their room-scoped poll answers count. */
function roomOfFor(state: WorkshopState, memberId: string): string | null {
  const b = state.breakouts;
  return b && b.phase !== 'draft' ? (b.assignment[memberId] ?? null) : null;
}

/** When each raised hand went up, by member: built once per view, not searched per member. */
export const handTimes = (state: WorkshopState): Map<string, number> => new Map(state.hands.map((h) => [h.memberId, h.raisedAt]));

export function consoleMember(member: Member, presenceOf: PresenceOf, hands: ReadonlyMap<string, number>, state: WorkshopState): ConsoleMember {
  return {
    id: member.id,
    name: member.name,
    role: member.role,
    status: member.status,
    presence: presenceOf(member.id),
    profile: member.profile,
    joinedAt: member.joinedAt,
    handRaisedAt: hands.get(member.id) ?? null,
    roomId: state.breakouts?.assignment[member.id] ?? null,
  };
}

function consoleShared(state: WorkshopState, seq: number) {
  return {
    version: state.version,
    seq,
    settings: { ...state.settings },
    now: state.now,
    announcement: state.announcement,
    timer: state.timer,
    hands: state.hands,
  };
}

export function consoleView(state: WorkshopState, viewer: Member, seq: number, extras: Extras): ConsoleView {
  const hands = handTimes(state);
  return {
    kind: 'console',
    ...consoleShared(state, seq),
    workshop: {
      id: state.id,
      title: state.title,
      description: state.description,
      code: formatJoinCode(state.code),
      createdAt: state.createdAt,
      profileFields: state.profileFields,
      cohostKey: state.cohostKey,
    },
    me: { id: viewer.id, name: viewer.name, role: viewer.role },
    members: Object.values(state.members).map((m) => consoleMember(m, extras.presenceOf, hands, state)),
    video: { enabled: extras.videoEnabled },
    breakouts: consoleBreakouts(state),
    notes: state.breakouts?.notes ?? {},
    record: consoleRecord(state),
    cafe: consoleCafe(state),
    cafeNotes: cafeNotes(state),
    polls: facilitatorPolls(state.polls, extras.tallies ?? buildTallies(state.polls), nameIn(state)),
    turns: consoleTurns(state, extras.now ?? state.updatedAt),
    agenda: consoleAgenda(state.agenda),
    privacy: state.privacy,
  };
}

/** What else changed since the last patch, besides members. */
export type PatchParts = {
  breakouts: boolean;
  notesOf: ReadonlySet<string>;
  record: boolean;
  cafe: boolean;
  /** "tableId:round" of café notes that changed. */
  cafeNotesOf: ReadonlySet<string>;
  /** Set when polls changed: the running counts to build them from. */
  polls?: PollTallies | null;
  /** Set when turns changed: the server's time now. */
  turnsAt?: number | null;
  /** The agenda or privacy levels changed (both small: sent whole). */
  agenda?: boolean;
};

export function consolePatch(
  state: WorkshopState,
  seq: number,
  changedMemberIds: Iterable<string>,
  presenceOf: PresenceOf,
  parts: PatchParts = { breakouts: false, notesOf: new Set(), record: false, cafe: false, cafeNotesOf: new Set() },
): ConsolePatch {
  const members: ConsoleMember[] = [];
  const hands = handTimes(state);
  for (const id of changedMemberIds) {
    const m = state.members[id];
    if (m) members.push(consoleMember(m, presenceOf, hands, state));
  }
  const patch: ConsolePatch = { kind: 'console.patch', ...consoleShared(state, seq), members };
  if (parts.breakouts) patch.breakouts = consoleBreakouts(state);
  if (parts.record) patch.record = consoleRecord(state);
  if (parts.notesOf.size) {
    const notes: NonNullable<ConsolePatch['notes']> = {};
    for (const roomId of parts.notesOf) {
      const note = state.breakouts?.notes[roomId];
      if (note) notes[roomId] = note;
    }
    patch.notes = notes;
  }
  if (parts.cafe) patch.cafe = consoleCafe(state);
  if (parts.agenda) {
    patch.agenda = consoleAgenda(state.agenda);
    patch.privacy = state.privacy;
  }
  if (parts.polls) patch.polls = facilitatorPolls(state.polls, parts.polls, nameIn(state));
  if (parts.turnsAt !== undefined && parts.turnsAt !== null) patch.turns = consoleTurns(state, parts.turnsAt);
  if (parts.cafeNotesOf.size) {
    const changed: NonNullable<ConsolePatch['cafeNotes']> = {};
    for (const key of parts.cafeNotesOf) {
      const [tableId = '', round = ''] = key.split(':');
      const note = state.cafe?.notes[tableId]?.[round];
      if (note) changed[tableId] = { ...changed[tableId], [round]: note };
    }
    patch.cafeNotes = changed;
  }
  return patch;
}
