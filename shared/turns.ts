import { z } from 'zod';
import { MemberId } from './ids.ts';

/**
 * Fair speaking time, per room (the plenary or one breakout room, table or pair): a hand queue,
 * timed turns, go-arounds and airtime balance. Commands carry the room they are about, because a
 * facilitator in the plenary can run a breakout's turns; the engine checks who is in which room.
 *
 * Times are server epoch ms. A turn is a deadline (`endsAt`) or, while paused, what is left
 * (`remainingMs`, negative once the speaker has gone over): nothing is sent per second.
 */

export const TURN_LIMITS = {
  minTurnMs: 5_000,
  maxTurnMs: 60 * 60_000,
  /** A room's turn length until its host sets another. */
  defaultTurnMs: 2 * 60_000,
  /** The gentle warning comes this long before the end (or halfway through a shorter turn). */
  warnMs: 15_000,
  maxExtendMs: 30 * 60_000,
  /** Largest custom go-around order a host may send. */
  goAroundMax: 500,
  /** A participant's view lists at most this many people of the queue and of the go-around: counts say the rest. */
  viewListMax: 20,
  /**
   * A client turns its own clock into server time by an estimate that can be off by a round trip:
   * reports this close to "now" or to when the person came in are clipped rather than refused.
   */
  reportSlackMs: 2_000,
} as const;

/** Plenary and breakout rooms are named by short url-safe ids the engine makes. */
export const RoomId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a room id');
export type RoomId = z.infer<typeof RoomId>;

/** first_come: in the order hands went up. fewest_turns: a progressive stack, fewer turns first. */
export const QueueOrder = z.enum(['first_come', 'fewest_turns']);
export type QueueOrder = z.infer<typeof QueueOrder>;

export const GoAroundOrder = z.enum(['random', 'alphabetical', 'custom']);
export type GoAroundOrder = z.infer<typeof GoAroundOrder>;

/** How the current speaker got the floor. */
export const TurnSource = z.enum(['queue', 'pick', 'goAround']);
export type TurnSource = z.infer<typeof TurnSource>;

const TurnLength = z.number().int().min(TURN_LIMITS.minTurnMs).max(TURN_LIMITS.maxTurnMs);
const EpochMs = z.number().int().nonnegative();

/**
 * The turn commands, to be spread into the main `Command` union (`...TURN_COMMANDS`). Every one
 * names its room. "Start a turn with a length" is `turn.next` or `turn.pick` with `lengthMs`: the
 * floor is given and the clock starts in one step, so there is no "called but not started" state.
 * Without `memberId`, hand, skip, pass and come-back commands are about the sender.
 */
export const TURN_COMMANDS = [
  z.object({ type: z.literal('turn.hand.raise'), roomId: RoomId }).strict(),
  z.object({ type: z.literal('turn.hand.lower'), roomId: RoomId, memberId: MemberId.optional() }).strict(),
  /** The room's queue order and default turn length. */
  z
    .object({ type: z.literal('turn.settings'), roomId: RoomId, order: QueueOrder.optional(), turnMs: TurnLength.optional() })
    .strict()
    .refine((c) => c.order !== undefined || c.turnMs !== undefined, 'Say which setting to change: order or turn length.'),
  /** The next speaker: next in the go-around if one is on, else first in the queue. */
  z.object({ type: z.literal('turn.next'), roomId: RoomId, lengthMs: TurnLength.optional() }).strict(),
  /** Give the floor to this person now, from the queue or not. */
  z.object({ type: z.literal('turn.pick'), roomId: RoomId, memberId: MemberId, lengthMs: TurnLength.optional() }).strict(),
  z.object({ type: z.literal('turn.extend'), roomId: RoomId, ms: z.number().int().min(1_000).max(TURN_LIMITS.maxExtendMs) }).strict(),
  /** The turn is over (the host, or the speaker saying "I am done"). Counts as a turn. */
  z.object({ type: z.literal('turn.end'), roomId: RoomId }).strict(),
  z.object({ type: z.literal('turn.pause'), roomId: RoomId }).strict(),
  z.object({ type: z.literal('turn.resume'), roomId: RoomId }).strict(),
  /** Move on without it counting as a turn: the current speaker, or someone still to come in a go-around. */
  z.object({ type: z.literal('turn.skip'), roomId: RoomId, memberId: MemberId.optional() }).strict(),
  z
    .object({
      type: z.literal('turn.goAround.start'),
      roomId: RoomId,
      order: GoAroundOrder,
      turnMs: TurnLength,
      autoAdvance: z.boolean(),
      /** The host's order (only with order 'custom'): exactly who speaks, in this order. */
      memberIds: z.array(MemberId).min(1).max(TURN_LIMITS.goAroundMax).optional(),
    })
    .strict()
    .refine((c) => (c.order === 'custom') === (c.memberIds !== undefined), {
      message: 'A custom order needs the list of people, and only a custom order takes one.',
      path: ['memberIds'],
    }),
  z.object({ type: z.literal('turn.goAround.stop'), roomId: RoomId }).strict(),
  /** "Pass": not speaking in this go-around (now, or in advance while waiting). */
  z.object({ type: z.literal('turn.pass'), roomId: RoomId, memberId: MemberId.optional() }).strict(),
  /** "Come back to me": go to the end of this go-around (once per go-around). */
  z.object({ type: z.literal('turn.comeBack'), roomId: RoomId, memberId: MemberId.optional() }).strict(),
  /** "I spoke from..to" (server epoch ms), measured by the sender's client (voice activity). */
  z
    .object({ type: z.literal('turn.airtime.report'), roomId: RoomId, from: EpochMs, to: EpochMs })
    .strict()
    .refine((c) => c.to > c.from, { message: 'The end of a speaking report must come after its start.', path: ['to'] }),
] as const;

export const TurnCommand = z.discriminatedUnion('type', TURN_COMMANDS);
export type TurnCommand = z.infer<typeof TurnCommand>;
export type TurnCommandType = TurnCommand['type'];
export const TURN_COMMAND_TYPES = TURN_COMMANDS.map((o) => o.shape.type.value) as readonly TurnCommandType[];

// ---- views --------------------------------------------------------------------------------------

/**
 * Why someone is where they are in the queue. `raised`: first come, first served (see raisedAt).
 * `not_spoken`: no turn and no measured airtime yet. `turns`: how many turns they have had.
 */
export const QueueReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('raised') }),
  z.object({ code: z.literal('not_spoken') }),
  z.object({ code: z.literal('turns'), count: z.number().int().nonnegative() }),
]);
export type QueueReason = z.infer<typeof QueueReason>;

export const QueueEntryView = z.object({
  memberId: MemberId,
  name: z.string(),
  raisedAt: z.number(),
  /** 1-based place in the queue. */
  position: z.number().int().positive(),
  reason: QueueReason,
});
export type QueueEntryView = z.infer<typeof QueueEntryView>;

/**
 * The clock of the current turn. Running: draw `endsAt - serverNow()`; from `warnAt` on, show the
 * warning; past `endsAt`, show the overrun (`serverNow() - endsAt`): the speaker is not cut off.
 * Paused: what was left (never negative) and how far over the speaker already was.
 */
export const TurnClockView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), endsAt: z.number(), warnAt: z.number(), lengthMs: z.number() }),
  z.object({
    state: z.literal('paused'),
    remainingMs: z.number().nonnegative(),
    overrunMs: z.number().nonnegative(),
    warning: z.boolean(),
    lengthMs: z.number(),
  }),
]);
export type TurnClockView = z.infer<typeof TurnClockView>;

const Person = z.object({ memberId: MemberId, name: z.string() });
export type TurnPerson = z.infer<typeof Person>;

/** What everyone in the room sees. Its size is bounded: lists stop at TURN_LIMITS.viewListMax. */
export const RoomTurnView = z.object({
  roomId: RoomId,
  order: QueueOrder,
  turnMs: z.number(),
  warnMs: z.number(),
  current: Person.extend({ source: TurnSource, startedAt: z.number(), clock: TurnClockView }).nullable(),
  /** Who speaks next, shown in advance: next in the go-around, or first in the queue. */
  next: Person.nullable(),
  queue: z.array(QueueEntryView),
  queueLength: z.number().int().nonnegative(),
  goAround: z
    .object({
      order: GoAroundOrder,
      turnMs: z.number(),
      autoAdvance: z.boolean(),
      /** Still to speak, in order (first is next). */
      upcoming: z.array(Person),
      upcomingCount: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      passed: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type RoomTurnView = z.infer<typeof RoomTurnView>;

/** One person's own figures in a room: their hand, their turn, their share. Only they see this. */
export const MyTurnView = z.object({
  roomId: RoomId,
  hand: z.object({ raised: z.boolean(), position: z.number().int().positive().nullable() }),
  speaking: z.boolean(),
  next: z.boolean(),
  /** In the go-around still to come; may pass or ask to come back (once). */
  inGoAround: z.boolean(),
  mayComeBack: z.boolean(),
  turns: z.number().int().nonnegative(),
  spokenMs: z.number().nonnegative(),
  /** Of all the speaking time in the room, in [0, 1]; 0 while nobody has spoken. */
  share: z.number().min(0).max(1),
});
export type MyTurnView = z.infer<typeof MyTurnView>;

/**
 * A room's balance without names: what the workshop record keeps and what the facilitator sees
 * side by side for every room. score = 1 - Gini of speaking time among the people in the room.
 */
export const RoomBalanceSummary = z.object({
  roomId: RoomId,
  /** People in the room now: the balance is among them. */
  peopleCount: z.number().int().nonnegative(),
  notSpoken: z.number().int().nonnegative(),
  totalMs: z.number().nonnegative(),
  score: z.number().min(0).max(1),
  /** Everyone's share, largest first, without names: enough to draw the spread. */
  shares: z.array(z.number().min(0).max(1)),
});
export type RoomBalanceSummary = z.infer<typeof RoomBalanceSummary>;

export const BalancePerson = Person.extend({
  spokenMs: z.number().nonnegative(),
  share: z.number().min(0).max(1),
  turns: z.number().int().nonnegative(),
  overrunMs: z.number().nonnegative(),
});
export type BalancePerson = z.infer<typeof BalancePerson>;

/**
 * The balance panel. Facilitators get per-person figures (`people`); a room host who is not a
 * facilitator gets the same summary with `people: null`: per-person figures go only to
 * facilitators and to the person.
 */
export const RoomBalanceView = RoomBalanceSummary.extend({ people: z.array(BalancePerson).nullable() });
export type RoomBalanceView = z.infer<typeof RoomBalanceView>;
