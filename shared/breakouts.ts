import { z } from 'zod';
import { MemberId } from './ids.ts';
import { BREAKOUT_LIMITS } from './breakout-limits.ts';
import { Role } from './session.ts';

/**
 * Breakout rooms: the commands a facilitator and a participant send, and what each of them sees.
 * A set of rooms is planned (a preview only facilitators see), adjusted, opened with a duration,
 * and closed; each close adds one round to the workshop's history and its notes to the harvest.
 */

export { BREAKOUT_LIMITS } from './breakout-limits.ts';

const text = (max: number) => z.string().trim().max(max);
const RoomId = z.string().regex(/^r[0-9]{1,4}$/, 'not a room id');

export const RoomSpec = z
  .object({
    name: text(BREAKOUT_LIMITS.roomNameChars).optional(),
    topic: text(BREAKOUT_LIMITS.topicChars).optional(),
    prompt: text(BREAKOUT_LIMITS.promptChars).optional(),
    /** Self-select only: the most people this room takes. */
    cap: z.number().int().min(1).max(BREAKOUT_LIMITS.roomSize).optional(),
  })
  .strict();
export type RoomSpec = z.infer<typeof RoomSpec>;

export const Sizing = z.discriminatedUnion('by', [
  z.object({ by: z.literal('count'), rooms: z.number().int().min(1).max(BREAKOUT_LIMITS.rooms) }).strict(),
  z.object({ by: z.literal('size'), perRoom: z.number().int().min(2).max(BREAKOUT_LIMITS.roomSize) }).strict(),
]);
export type Sizing = z.infer<typeof Sizing>;

const FieldId = z.string().min(1).max(60);

export const BreakoutStrategy = z.discriminatedUnion('kind', [
  /** Balanced: room sizes differ by at most one. */
  z.object({ kind: z.literal('random') }).strict(),
  /** As many different values of the field per room as possible (e.g. organisation). */
  z.object({ kind: z.literal('mix'), field: FieldId }).strict(),
  /** Same value together (e.g. language); big groups split evenly, small ones pooled. */
  z.object({ kind: z.literal('groupBy'), field: FieldId }).strict(),
  /** Fewest repeat meetings with anyone met earlier in this workshop. */
  z.object({ kind: z.literal('avoidPrevious') }).strict(),
  /** Participants choose a room themselves. */
  z.object({ kind: z.literal('selfSelect') }).strict(),
  /** From the pasted list (name → room); people not on it are placed in the smallest rooms. */
  z.object({ kind: z.literal('preassigned') }).strict(),
  /** The last round's rooms as they were. */
  z.object({ kind: z.literal('previous') }).strict(),
]);
export type BreakoutStrategy = z.infer<typeof BreakoutStrategy>;
export type StrategyKind = BreakoutStrategy['kind'];

const MemberGroups = z.array(z.array(MemberId).min(2).max(BREAKOUT_LIMITS.roomSize)).max(100);

export const BreakoutCommands = [
  /** Make (or remake) the preview. Nothing reaches participants until `breakouts.open`. */
  z
    .object({
      type: z.literal('breakouts.plan'),
      sizing: Sizing,
      strategy: BreakoutStrategy,
      rooms: z.array(RoomSpec).max(BREAKOUT_LIMITS.rooms).default([]),
      together: MemberGroups.default([]),
      apart: MemberGroups.default([]),
      /** Co-hosts placed one per room (as visitors), or left floating in plenary. */
      cohosts: z.enum(['float', 'assign']).default('float'),
    })
    .strict(),
  z.object({ type: z.literal('breakouts.room.update'), roomId: RoomId, room: RoomSpec }).strict(),
  /** A person to another room, in the preview or while rooms are open; null takes them to plenary. */
  z.object({ type: z.literal('breakouts.move'), memberId: MemberId, roomId: RoomId.nullable() }).strict(),
  /** Even out room sizes while keeping as many people where they are as possible. */
  z.object({ type: z.literal('breakouts.rebalance') }).strict(),
  z.object({ type: z.literal('breakouts.discard') }).strict(),
  /**
   * The name → room list for the "pre-assigned" strategy, as CSV; kept with the workshop. A long list
   * goes in parts of whole lines: the first replaces the list, the others (`append`) add to it.
   */
  z
    .object({ type: z.literal('breakouts.preassign'), csv: z.string().max(BREAKOUT_LIMITS.csvChars), append: z.boolean().default(false) })
    .strict(),
  z
    .object({
      type: z.literal('breakouts.open'),
      durationMs: z.number().int().min(30_000).max(BREAKOUT_LIMITS.maxDurationMs),
      warningMs: z.number().int().min(0).max(10 * 60_000).default(60_000),
      graceMs: z.number().int().min(0).max(5 * 60_000).default(30_000),
      allowReturn: z.boolean().default(false),
      allowSwitch: z.boolean().default(false),
    })
    .strict(),
  /** Extend (positive) or shorten (negative) the time left. */
  z.object({ type: z.literal('breakouts.adjust'), deltaMs: z.number().int().min(-BREAKOUT_LIMITS.maxDurationMs).max(BREAKOUT_LIMITS.maxDurationMs) }).strict(),
  /** End now: the grace countdown starts, or with `immediately` everyone is back at once. */
  z.object({ type: z.literal('breakouts.close'), immediately: z.boolean().default(false) }).strict(),
  /** To every room, or to one. Empty text clears it. */
  z.object({ type: z.literal('breakouts.broadcast'), text: text(BREAKOUT_LIMITS.messageChars), roomId: RoomId.optional() }).strict(),
  /** A facilitator joins a room (its members see them there); null is back to plenary. */
  z.object({ type: z.literal('breakouts.visit'), roomId: RoomId.nullable() }).strict(),
  z.object({ type: z.literal('breakouts.help.acknowledge'), roomId: RoomId }).strict(),
  // participants
  z.object({ type: z.literal('breakouts.choose'), roomId: RoomId }).strict(),
  z.object({ type: z.literal('breakouts.return') }).strict(),
  z.object({ type: z.literal('breakouts.help') }).strict(),
  z.object({ type: z.literal('breakouts.help.cancel') }).strict(),
  /** The room's shared notes, whole (last writer wins); its members and facilitators may write. */
  z.object({ type: z.literal('breakouts.notes'), roomId: RoomId, text: z.string().max(BREAKOUT_LIMITS.notesChars) }).strict(),
] as const;

/** Which breakout commands a participant may send; every other one is for facilitators. */
export const PARTICIPANT_BREAKOUT_COMMANDS = [
  'breakouts.choose',
  'breakouts.return',
  'breakouts.help',
  'breakouts.help.cancel',
  'breakouts.notes',
] as const;

// ---- views ------------------------------------------------------------------------------------

export const Note = z.object({ text: z.string(), at: z.number(), by: z.string() });
export type Note = z.infer<typeof Note>;

export const Message = z.object({ text: z.string(), at: z.number() });
export type Message = z.infer<typeof Message>;

/** Open: rooms running until endsAt. Closing: the grace countdown to closesAt, then plenary. */
export const BreakoutClock = z.object({
  phase: z.enum(['open', 'closing']),
  endsAt: z.number(),
  closesAt: z.number().nullable(),
  warningMs: z.number(),
  graceMs: z.number(),
  durationMs: z.number(),
});
export type BreakoutClock = z.infer<typeof BreakoutClock>;

export const RoomChoice = z.object({
  id: RoomId,
  name: z.string(),
  topic: z.string(),
  count: z.number().int(),
  cap: z.number().int().nullable(),
});
export type RoomChoice = z.infer<typeof RoomChoice>;

const Person = z.object({ id: MemberId, name: z.string(), role: Role });

/** One participant's own room: its size follows the room, never the workshop. */
export const MyRoom = z.object({
  id: RoomId,
  name: z.string(),
  topic: z.string(),
  prompt: z.string(),
  members: z.array(Person),
  visitors: z.array(Person),
  notes: Note.nullable(),
  message: Message.nullable(),
  help: z.enum(['none', 'asked', 'acknowledged']),
});
export type MyRoom = z.infer<typeof MyRoom>;

export const ParticipantBreakout = z.object({
  round: z.number().int(),
  clock: BreakoutClock,
  /** null: not in a room (choosing, or back in plenary early). */
  room: MyRoom.nullable(),
  /** The message to every room. */
  broadcast: Message.nullable(),
  /** The rooms to choose from (self-select, or switching allowed); null otherwise. */
  choices: z.array(RoomChoice).nullable(),
  allowReturn: z.boolean(),
});
export type ParticipantBreakout = z.infer<typeof ParticipantBreakout>;

export const ConsoleRoom = z.object({
  id: RoomId,
  name: z.string(),
  topic: z.string(),
  prompt: z.string(),
  cap: z.number().int().nullable(),
  message: Message.nullable(),
  /** For group-by: the shared value, or null for a mixed room. */
  label: z.string().nullable(),
});
export type ConsoleRoom = z.infer<typeof ConsoleRoom>;

export const HelpCall = z.object({ roomId: RoomId, memberId: MemberId, at: z.number(), acknowledged: z.boolean() });
export type HelpCall = z.infer<typeof HelpCall>;

/** What the plan achieved, in facts the console turns into plain words. */
export const PlanReport = z.object({
  strategy: BreakoutStrategy,
  people: z.number().int(),
  /** Pairs in the same room who have met before in this workshop. */
  repeats: z.number().int(),
  /** Pairs sharing a value of the mix field in one room. */
  colleaguePairs: z.number().int(),
  /** Group-by: placed outside their own value's rooms. Pre-assigned: not on the list. */
  leftovers: z.array(MemberId),
  /** Pre-assigned rows naming nobody here, and rows naming someone twice. */
  unmatchedRows: z.array(z.string()),
  duplicateRows: z.array(z.string()),
  /** Rows naming a room the plan does not have. */
  unknownRooms: z.array(z.string()),
  /** Together/apart wishes the rooms do not meet (only strategies that cannot search around them). */
  broken: z.array(z.object({ kind: z.enum(['together', 'apart']), ids: z.tuple([MemberId, MemberId]) })),
});
export type PlanReport = z.infer<typeof PlanReport>;

export const ConsoleBreakouts = z.object({
  phase: z.enum(['draft', 'open', 'closing']),
  round: z.number().int(),
  rooms: z.array(ConsoleRoom),
  clock: BreakoutClock.nullable(),
  allowReturn: z.boolean(),
  allowSwitch: z.boolean(),
  broadcast: Message.nullable(),
  help: z.array(HelpCall),
  /** Facilitators visiting a room, by member id. */
  visits: z.record(z.string(), RoomId),
  report: PlanReport,
});
export type ConsoleBreakouts = z.infer<typeof ConsoleBreakouts>;

/** Kept between rounds: the pasted pre-assignment and what past rounds were. */
export const ConsoleBreakoutRecord = z.object({
  preassigned: z.array(z.object({ name: z.string(), room: z.string() })),
  rounds: z.array(z.object({ round: z.number().int(), closedAt: z.number(), rooms: z.number().int(), people: z.number().int() })),
});
export type ConsoleBreakoutRecord = z.infer<typeof ConsoleBreakoutRecord>;

/** "What the rooms said": each closed round's rooms and their notes. */
export const HarvestRound = z.object({
  /** Breakouts: the round. World café and networking: the session's place among them. */
  round: z.number().int(),
  kind: z.enum(['breakouts', 'cafe', 'networking']),
  closedAt: z.number(),
  rooms: z.array(z.object({ name: z.string(), topic: z.string(), notes: z.string() })),
});
export type HarvestRound = z.infer<typeof HarvestRound>;
