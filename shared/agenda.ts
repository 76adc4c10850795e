import { z } from 'zod';
import { AGENDA_LIMITS } from './agenda-limits.ts';
import { BreakoutStrategy, RoomSpec, Sizing } from './breakouts.ts';
import { CAFE_LIMITS } from './cafe-limits.ts';
import { POLL_LIMITS } from './poll-limits.ts';
import { PollDefinition } from './polls.ts';
import { TURN_LIMITS } from './turns.ts';

/**
 * The run of show: the workshop planned ahead as segments, each with a title, a duration, notes for
 * the facilitators and an activity with its settings. "Next" ends the current segment's activity and
 * starts the next one's with those settings; the drift against the plan is worked out from the
 * actual start times (see agenda-time.ts).
 */

export { AGENDA_LIMITS } from './agenda-limits.ts';

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} can be at most ${max} characters. Shorten it and try again.`);

export const SegmentId = z.string().regex(/^s[0-9a-z]{1,16}$/, 'not a segment id');
export type SegmentId = z.infer<typeof SegmentId>;

const Question = text(POLL_LIMITS.checkinChars, 'The question').min(1, 'Type a question first.');

const CafeTable = z
  .object({
    name: text(CAFE_LIMITS.tableNameChars, 'A table name').optional(),
    topic: text(CAFE_LIMITS.topicChars, 'A table topic').optional(),
    question: text(CAFE_LIMITS.questionChars, 'A table question').optional(),
  })
  .strict();
export type AgendaCafeTable = z.infer<typeof CafeTable>;

const Rounds = z.number().int().min(1).max(CAFE_LIMITS.rounds);
const RoundMinutes = z.number().int().min(1).max(CAFE_LIMITS.maxRoundMs / 60_000);
const MoveSeconds = z.number().int().min(5).max(300);

/** What a segment does when it starts. Its timing comes from the segment's minutes unless it has rounds. */
export const SegmentActivity = z.discriminatedUnion('kind', [
  /** Plenary (a talk, a spotlight, a harvest in plenary): a timer for the segment. */
  z.object({ kind: z.literal('plenary') }).strict(),
  /** A check-in question everyone answers in a sentence, shown as a wall. */
  z.object({ kind: z.literal('checkin'), question: Question }).strict(),
  /** A reflective check-out question. */
  z.object({ kind: z.literal('checkout'), question: Question }).strict(),
  /** A prepared poll, launched in plenary. */
  z.object({ kind: z.literal('poll'), poll: PollDefinition }).strict(),
  /** Breakout rooms planned with a strategy and opened for the segment's minutes. */
  z
    .object({
      kind: z.literal('breakouts'),
      sizing: Sizing,
      strategy: BreakoutStrategy,
      /** The same prompt in every room (a room's own prompt in `rooms` wins). */
      prompt: text(500, 'The prompt').default(''),
      rooms: z.array(RoomSpec).max(50).default([]),
      allowReturn: z.boolean().default(false),
      /** true: "next" plans the rooms and waits, so a facilitator checks them and opens them from the Breakout rooms panel. */
      preview: z.boolean().default(false),
    })
    .strict(),
  /** A world café: tables with topics; hosts who stay volunteer before it starts, or there are none. */
  z
    .object({
      kind: z.literal('cafe'),
      tables: z.array(CafeTable).min(1, 'A café needs at least one table.').max(CAFE_LIMITS.tables),
      rounds: Rounds,
      roundMinutes: RoundMinutes,
      moveSeconds: MoveSeconds.default(30),
      /** volunteers: "next" plans the café and invites hosts; it starts from the café panel once every table has one. */
      hosts: z.enum(['none', 'volunteers']).default('none'),
    })
    .strict(),
  /** 1-to-1 networking rounds where nobody meets the same person twice. */
  z
    .object({
      kind: z.literal('networking'),
      rounds: Rounds,
      roundMinutes: RoundMinutes,
      moveSeconds: MoveSeconds.default(20),
      prompts: z.array(text(CAFE_LIMITS.questionChars, 'A prompt')).max(CAFE_LIMITS.rounds).default([]),
    })
    .strict(),
  /** Everyone in plenary speaks in turn, for the same time each. */
  z
    .object({
      kind: z.literal('goAround'),
      order: z.enum(['random', 'alphabetical']),
      turnSeconds: z.number().int().min(TURN_LIMITS.minTurnMs / 1000).max(600),
    })
    .strict(),
  z.object({ kind: z.literal('break') }).strict(),
]);
export type SegmentActivity = z.infer<typeof SegmentActivity>;
export type SegmentKind = SegmentActivity['kind'];
export type SegmentActivityOf<K extends SegmentKind> = Extract<SegmentActivity, { kind: K }>;

export const Segment = z
  .object({
    id: SegmentId,
    title: text(AGENDA_LIMITS.titleChars, 'A segment title').min(1, 'Every segment needs a title.'),
    minutes: z.number().int().min(1, 'A segment lasts at least a minute.').max(AGENDA_LIMITS.segmentMinutes),
    /** For the facilitators only: never in a participant's view. */
    notes: text(AGENDA_LIMITS.notesChars, 'Facilitator notes').default(''),
    activity: SegmentActivity,
  })
  .strict();
export type Segment = z.infer<typeof Segment>;
export type SegmentInput = z.input<typeof Segment>;

export const Segments = z
  .array(Segment)
  .max(AGENDA_LIMITS.segments, `An agenda can have at most ${AGENDA_LIMITS.segments} segments.`)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'Two segments have the same id. Reload and try again.');

/** An agenda as a file: exported from one workshop, imported into another (or kept as a template). */
export const AgendaFile = z
  .object({
    indaba: z.literal('agenda'),
    version: z.literal(1),
    title: text(AGENDA_LIMITS.titleChars, 'The agenda title').default(''),
    segments: Segments,
  })
  .strict();
export type AgendaFile = z.infer<typeof AgendaFile>;

/** Spread into the Command union in shared/commands.ts. Facilitators (host and co-hosts) only. */
export const AGENDA_COMMANDS = [
  /**
   * The whole agenda. Segments that have started stay as they ran: the list must begin with them,
   * in their order (their content here is ignored); everything after is replaced.
   */
  z.object({ type: z.literal('agenda.set'), segments: Segments }).strict(),
  /**
   * End the current segment's activity and start the next segment that is not skipped. `from` is
   * the segment the sender saw as current: when two co-hosts press "next" together, only one moves on.
   */
  z.object({ type: z.literal('agenda.next'), from: SegmentId.nullable() }).strict(),
  /** A segment still to come is skipped (or brought back). */
  z.object({ type: z.literal('agenda.skip'), segmentId: SegmentId, skipped: z.boolean() }).strict(),
  /** Reorder what is left: a segment still to come moves to `toIndex` in the whole list. */
  z.object({ type: z.literal('agenda.move'), segmentId: SegmentId, toIndex: z.number().int().min(0).max(AGENDA_LIMITS.segments) }).strict(),
  /** More (or less) time for the current segment, in minutes. */
  z
    .object({
      type: z.literal('agenda.extend'),
      minutes: z.number().int().min(-AGENDA_LIMITS.extendMinutes).max(AGENDA_LIMITS.extendMinutes).refine((m) => m !== 0, 'Choose how many minutes to add or take away.'),
    })
    .strict(),
  /** End the current segment's activity without starting another: the agenda is done. */
  z.object({ type: z.literal('agenda.finish'), from: SegmentId }).strict(),
] as const;
export type AgendaCommand = z.infer<(typeof AGENDA_COMMANDS)[number]>;

/** How one segment went. Times are server epoch ms. */
export const SegmentRun = z.object({
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  /** Minutes added (or taken away) while it ran, in ms. */
  extendedMs: z.number(),
  /** Participants present when it started. */
  present: z.number().int(),
  /** Why its activity could not start by itself (the facilitator starts it by hand), or null. */
  problem: z.string().nullable(),
  /** The poll this segment launched (check-in, check-out, poll), closed when the segment ends. */
  pollId: z.string().nullable(),
});
export type SegmentRun = z.infer<typeof SegmentRun>;

/** The agenda as the facilitators see it: the whole plan with notes, and how it has run so far. */
export const ConsoleAgenda = z.object({
  segments: z.array(Segment),
  currentId: SegmentId.nullable(),
  runs: z.record(z.string(), SegmentRun),
  skipped: z.array(SegmentId),
  /** When the first segment started, and the plan's whole length then (the planned end is their sum). */
  startedAt: z.number().nullable(),
  plannedMs: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type ConsoleAgenda = z.infer<typeof ConsoleAgenda>;

export const AgendaItemStatus = z.enum(['done', 'current', 'upcoming', 'skipped']);
export type AgendaItemStatus = z.infer<typeof AgendaItemStatus>;

/** What participants see: the headings and where we are, never the facilitators' notes or settings. */
export const ParticipantAgenda = z.object({
  items: z
    .array(z.object({ id: SegmentId, title: z.string(), minutes: z.number().int(), kind: z.string(), status: AgendaItemStatus }))
    .max(AGENDA_LIMITS.segments),
  /** When the current segment is planned to end (server epoch ms), with its extensions; null between segments. */
  currentEndsAt: z.number().nullable(),
});
export type ParticipantAgenda = z.infer<typeof ParticipantAgenda>;
