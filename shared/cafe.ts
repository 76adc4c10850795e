import { z } from 'zod';
import { CAFE_LIMITS } from './cafe-limits.ts';
import { MemberId } from './ids.ts';
import { Role } from './session.ts';
import { Note } from './breakouts.ts';

/**
 * World café and 1-to-1 networking: rounds at tables (or in pairs) planned up front by the rotation
 * scheduler so people meet as many new people as possible. Café hosts stay at their table; everyone
 * else moves each round, on time, with no clicks.
 */

export { CAFE_LIMITS } from './cafe-limits.ts';

const text = (max: number) => z.string().trim().max(max);
const TableId = z.string().regex(/^t[0-9]{1,4}$/, 'not a table id');

export const TableSpec = z
  .object({
    name: text(CAFE_LIMITS.tableNameChars).optional(),
    topic: text(CAFE_LIMITS.topicChars).optional(),
    question: text(CAFE_LIMITS.questionChars).optional(),
    /** The host who stays at this table; without one a volunteer may take it. */
    hostId: MemberId.nullable().optional(),
  })
  .strict();
export type TableSpec = z.infer<typeof TableSpec>;

export const CafeCommands = [
  /** Plan (or re-plan) the whole rotation; only facilitators see it until `cafe.start`. */
  z
    .object({
      type: z.literal('cafe.plan'),
      kind: z.enum(['cafe', 'networking']),
      /** Café: the tables (their count is the number of tables). Networking: ignored. */
      tables: z.array(TableSpec).max(CAFE_LIMITS.tables).default([]),
      rounds: z.number().int().min(1).max(CAFE_LIMITS.rounds),
      roundMs: z.number().int().min(30_000).max(CAFE_LIMITS.maxRoundMs),
      transitionMs: z.number().int().min(5_000).max(5 * 60_000).default(30_000),
      /** Networking: an odd person out joins a pair (trio) or sits one round out (bye). */
      oddOneOut: z.enum(['trio', 'bye']).default('trio'),
      /** Networking: an optional prompt per round. */
      prompts: z.array(text(CAFE_LIMITS.questionChars)).max(CAFE_LIMITS.rounds).default([]),
    })
    .strict(),
  /** The same settings, a different shuffle. */
  z.object({ type: z.literal('cafe.regenerate') }).strict(),
  z.object({ type: z.literal('cafe.table.update'), tableId: TableId, table: TableSpec }).strict(),
  z.object({ type: z.literal('cafe.discard') }).strict(),
  z.object({ type: z.literal('cafe.start') }).strict(),
  /** Add or remove time from the current round (or the move between rounds). */
  z.object({ type: z.literal('cafe.adjust'), deltaMs: z.number().int().min(-CAFE_LIMITS.maxRoundMs).max(CAFE_LIMITS.maxRoundMs) }).strict(),
  /** End this round now: the move to the next round starts. */
  z.object({ type: z.literal('cafe.next') }).strict(),
  /** End the whole café now; everyone is back in plenary and the notes go to the harvest. */
  z.object({ type: z.literal('cafe.stop') }).strict(),
  // participants
  /** Offer to host a table that has no host (before the café starts). */
  z.object({ type: z.literal('cafe.volunteer'), tableId: TableId }).strict(),
  /** This table's notes for this round, whole (last writer wins). */
  /** `round`: the round the note was written in, so a save that arrives just after a move lands in the right round. */
  z
    .object({ type: z.literal('cafe.notes'), tableId: TableId, text: z.string().max(CAFE_LIMITS.notesChars), round: z.number().int().min(1).max(CAFE_LIMITS.rounds).optional() })
    .strict(),
] as const;

export const PARTICIPANT_CAFE_COMMANDS = ['cafe.volunteer', 'cafe.notes'] as const;

// ---- views ------------------------------------------------------------------------------------

const Person = z.object({ id: MemberId, name: z.string(), role: Role });

/** talking: a round runs to endsAt. moving: the short move to the next round, which starts at endsAt. */
export const CafeClock = z.object({ phase: z.enum(['talking', 'moving']), endsAt: z.number(), roundMs: z.number(), transitionMs: z.number() });
export type CafeClock = z.infer<typeof CafeClock>;

export const CafeQuality = z.object({
  repeats: z.number().int(),
  unavoidable: z.number().int(),
  tableRevisits: z.number().int(),
  /** In plain words: "every pair meets at most once", "3 repeat meetings; at least 2 are unavoidable". */
  summary: z.string(),
});
export type CafeQuality = z.infer<typeof CafeQuality>;

/** Where one person goes in a round. */
export const Seat = z.object({
  round: z.number().int(),
  tableId: TableId,
  tableName: z.string(),
  topic: z.string(),
  host: z.string().nullable(),
  /** Networking: who the person meets next (at most a trio's worth of names). */
  with: z.array(z.string()),
});
export type Seat = z.infer<typeof Seat>;

export const MyTable = z.object({
  id: TableId,
  name: z.string(),
  topic: z.string(),
  question: z.string(),
  host: Person.nullable(),
  members: z.array(Person),
  /** This round's notes. */
  notes: Note.nullable(),
  /** The host's briefing: this table's notes from earlier rounds. Empty for everyone else. */
  earlier: z.array(z.object({ round: z.number().int(), text: z.string() })),
});
export type MyTable = z.infer<typeof MyTable>;

export const ParticipantCafe = z.object({
  kind: z.enum(['cafe', 'networking']),
  /** 1-based. During a move, the round just finished. */
  round: z.number().int(),
  rounds: z.number().int(),
  clock: CafeClock,
  /** null: sitting this round out (a bye), or arrived and waiting for the next round. */
  table: MyTable.nullable(),
  /** Where this person goes next round, or null after the last round. */
  next: Seat.nullable(),
  prompt: z.string(),
});
export type ParticipantCafe = z.infer<typeof ParticipantCafe>;

/** Before a café starts: the tables still without a host, so a participant can offer to host one. */
export const CafeInvite = z.object({
  tables: z.array(z.object({ id: TableId, name: z.string(), topic: z.string(), host: z.string().nullable() })),
  /** The table this person has offered to host, if any. */
  hosting: TableId.nullable(),
});
export type CafeInvite = z.infer<typeof CafeInvite>;

export const ConsoleTable = z.object({ id: TableId, name: z.string(), topic: z.string(), question: z.string(), hostId: MemberId.nullable() });
export type ConsoleTable = z.infer<typeof ConsoleTable>;

/** Table id → round number → notes, for the tables that have any (sent apart from the plan: it changes often). */
export const CafeNotes = z.record(z.string(), z.record(z.string(), Note));
export type CafeNotes = z.infer<typeof CafeNotes>;

export const ConsoleCafe = z.object({
  kind: z.enum(['cafe', 'networking']),
  phase: z.enum(['draft', 'running']),
  tables: z.array(ConsoleTable),
  /** rounds × tables × member ids (a café table's host first). Round r is plan[r - 1]. */
  plan: z.array(z.array(z.array(MemberId))),
  /** Rounds already played (fixed when re-planning). */
  played: z.number().int(),
  round: z.number().int(),
  rounds: z.number().int(),
  clock: CafeClock.nullable(),
  quality: CafeQuality,
  prompts: z.array(z.string()),
  oddOneOut: z.enum(['trio', 'bye']),
});
export type ConsoleCafe = z.infer<typeof ConsoleCafe>;
