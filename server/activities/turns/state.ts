import { TURN_LIMITS, type GoAroundOrder, type QueueOrder, type TurnSource } from '../../../shared/turns.ts';

/** The turns slice of a workshop, keyed by room id. Plain data: it goes into snapshots as JSON. */
export type TurnsState = Readonly<Record<string, RoomTurns>>;

export type Hand = { memberId: string; raisedAt: number };

/**
 * The current turn's clock. Running: a deadline, and since when it has been running (for airtime).
 * Paused: what is left, negative when the speaker was already over time.
 */
export type TurnClock = { state: 'running'; endsAt: number; since: number } | { state: 'paused'; remainingMs: number };

export type Turn = {
  memberId: string;
  source: TurnSource;
  startedAt: number;
  /** The time given, extensions included. Spoken so far is always `lengthMs - remaining`. */
  lengthMs: number;
  clock: TurnClock;
};

export type GoAround = {
  order: GoAroundOrder;
  turnMs: number;
  autoAdvance: boolean;
  startedAt: number;
  /** Everyone in it, in the order drawn. */
  speakers: string[];
  /** Still to come, first is next. */
  pending: string[];
  passed: string[];
  /** Asked to come back later; "come back to me" is allowed once per go-around. */
  deferred: string[];
};

/** One person's speaking record in one room. */
export type Airtime = {
  /** Turns taken (outcome `done`). */
  turns: number;
  /** Time spoken in turns, overrun included. */
  turnMs: number;
  overrunMs: number;
  /** Reported voice time outside the person's own turns. */
  voiceMs: number;
  /**
   * The person's own turn spans not yet behind their last report, [from, to): a later report is
   * clipped against them so the same seconds are not counted twice. Older spans are dropped.
   */
  spans: [number, number][];
  /** The last accepted report: the next must start at or after its end. */
  lastReport: { from: number; to: number } | null;
};

export type RoomTurns = {
  settings: { order: QueueOrder; turnMs: number; warnMs: number };
  /** Raised hands in the order they went up. */
  hands: Hand[];
  current: Turn | null;
  goAround: GoAround | null;
  airtime: Record<string, Airtime>;
};

export const EMPTY_TURNS: TurnsState = {};

export const NEW_ROOM: RoomTurns = {
  settings: { order: 'first_come', turnMs: TURN_LIMITS.defaultTurnMs, warnMs: TURN_LIMITS.warnMs },
  hands: [],
  current: null,
  goAround: null,
  airtime: {},
};

export const NO_AIRTIME: Airtime = { turns: 0, turnMs: 0, overrunMs: 0, voiceMs: 0, spans: [], lastReport: null };

/** A room as turns see it; a room nobody has used yet has the defaults. */
export function roomOf(state: TurnsState, roomId: string): RoomTurns {
  return state[roomId] ?? NEW_ROOM;
}

export function airtimeOf(room: RoomTurns, memberId: string): Airtime {
  return room.airtime[memberId] ?? NO_AIRTIME;
}

/**
 * What the engine knows about a room and hands to every turns decision and view: who is in it now
 * (and since when: reports from before that are refused), and who runs it: `runners` are the
 * facilitators (in any room) and the room's host; in a room with no host `anyMemberRuns` lets
 * every member call the next speaker.
 */
export type RoomContext = {
  members: ReadonlyMap<string, { name: string; joinedAt: number }>;
  runners: ReadonlySet<string>;
  anyMemberRuns: boolean;
};

export function runsRoom(ctx: RoomContext, memberId: string): boolean {
  return ctx.runners.has(memberId) || (ctx.anyMemberRuns && ctx.members.has(memberId));
}
