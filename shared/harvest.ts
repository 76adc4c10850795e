import { z } from 'zod';
import { MemberId } from './ids.ts';
import { PollResults, WallEntry } from './polls.ts';
import { RoomBalanceSummary } from './turns.ts';

/**
 * The workshop's record ("harvest"): the agenda as run, what the rooms and tables wrote, poll results,
 * check-in and check-out answers, speaking balance and attendance. Each part that people wrote or
 * answered is an *area* with a privacy level the facilitators set:
 *
 * - room: never leaves the room's members and the facilitators; never exported.
 * - workshop: facilitators and participants of this workshop; never exported.
 * - shareable: may be exported.
 *
 * Exports contain shareable areas only and say so. Anonymous poll answers never carry names.
 */

export const PrivacyLevel = z.enum(['room', 'workshop', 'shareable']);
export type PrivacyLevel = z.infer<typeof PrivacyLevel>;
export const DEFAULT_PRIVACY: PrivacyLevel = 'workshop';

/**
 * Area ids: `attendance`, `breakouts:<round>` (a breakout round's notes), `cafe:<n>` (the n-th café or
 * networking session's notes), `poll:<pollId>` (a poll's answers and results).
 */
export const AreaId = z.string().regex(/^(attendance|breakouts:[0-9]{1,4}|cafe:[0-9]{1,4}|poll:[A-Za-z0-9_-]{4,40})$/, 'not a harvest area');
export type AreaId = z.infer<typeof AreaId>;

export const HARVEST_COMMANDS = [
  /** Facilitators set who may see an area. */
  z.object({ type: z.literal('harvest.privacy'), area: AreaId, level: PrivacyLevel }).strict(),
  /** On a person's request: their name and profile are erased from the workshop and its stored log. */
  z.object({ type: z.literal('member.forget'), memberId: MemberId }).strict(),
] as const;
export type HarvestCommand = z.infer<(typeof HARVEST_COMMANDS)[number]>;

const Area = { area: AreaId, level: PrivacyLevel };

export const HarvestSegment = z.object({
  title: z.string(),
  kind: z.string(),
  plannedMinutes: z.number().int(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  skipped: z.boolean(),
  /** Participants present when it started. */
  present: z.number().int().nullable(),
});
export type HarvestSegment = z.infer<typeof HarvestSegment>;

export const HarvestNotes = z.object({
  ...Area,
  /** "Breakout round 2", "World café 1", "Networking 1". */
  title: z.string(),
  kind: z.enum(['breakouts', 'cafe', 'networking']),
  closedAt: z.number(),
  rooms: z.array(
    z.object({
      name: z.string(),
      topic: z.string(),
      /** Café tables have notes per round; breakout rooms one text (round null). */
      notes: z.array(z.object({ round: z.number().int().nullable(), text: z.string() })),
    }),
  ),
});
export type HarvestNotes = z.infer<typeof HarvestNotes>;

export const HarvestPoll = z.object({
  ...Area,
  question: z.string(),
  kind: z.string(),
  anonymous: z.boolean(),
  launchedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  results: PollResults,
  /** Every written answer (open text, check-in, check-out); names only for named polls. */
  answers: z.array(WallEntry),
});
export type HarvestPoll = z.infer<typeof HarvestPoll>;

export const HarvestAttendance = z.object({
  ...Area,
  joined: z.number().int(),
  admitted: z.number().int(),
  removed: z.number().int(),
  facilitators: z.number().int(),
  /** The most participants present at the start of any segment. */
  peak: z.number().int().nullable(),
  /** Names and profiles; only where the level allows (facilitators always). */
  people: z
    .array(z.object({ name: z.string(), role: z.string(), status: z.string(), joinedAt: z.number(), profile: z.record(z.string(), z.string()) }))
    .nullable(),
});
export type HarvestAttendance = z.infer<typeof HarvestAttendance>;

/** Speaking balance per room, without names. */
export const HarvestSpeaking = z.object({ label: z.string(), turns: z.number().int(), balance: RoomBalanceSummary });
export type HarvestSpeaking = z.infer<typeof HarvestSpeaking>;

export const HarvestRecord = z.object({
  workshop: z.object({ title: z.string(), description: z.string(), createdAt: z.number(), madeAt: z.number() }),
  /** The levels this record contains (an export: shareable only). */
  levels: z.array(PrivacyLevel),
  agenda: z.array(HarvestSegment),
  attendance: HarvestAttendance,
  notes: z.array(HarvestNotes),
  polls: z.array(HarvestPoll),
  speaking: z.array(HarvestSpeaking),
  /** Areas left out of this record because of their level, so a reader knows something is missing. */
  omitted: z.array(z.object({ ...Area, title: z.string() })),
});
export type HarvestRecord = z.infer<typeof HarvestRecord>;

export const HarvestFormat = z.enum(['markdown', 'html', 'polls.csv', 'attendance.csv', 'json']);
export type HarvestFormat = z.infer<typeof HarvestFormat>;
export const HarvestExportRequest = z.object({ format: HarvestFormat }).strict();
export type HarvestExportRequest = z.infer<typeof HarvestExportRequest>;
export type HarvestFile = { filename: string; mime: string; text: string };

/** The host deletes a workshop by typing its join code (with or without the dash), so it never happens by a slip. */
export const WorkshopDeleteRequest = z.object({ confirm: z.string().max(40) }).strict();
export type WorkshopDeleteRequest = z.infer<typeof WorkshopDeleteRequest>;
