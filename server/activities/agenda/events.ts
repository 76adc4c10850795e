import { z } from 'zod';
import { Segment } from '../../../shared/agenda.ts';

/**
 * Durable facts about the run of show. Spread into EventBody in server/engine/events.ts. The events
 * that start a segment's activity (a poll launched, rooms opened) are the activities' own events,
 * written in the same durable batch as `agenda.segmentStarted`.
 */
export const AGENDA_EVENTS = [
  /** The whole plan as it now stands (started segments unchanged, the rest as sent). */
  z.object({ type: z.literal('agenda.planned'), segments: z.array(Segment) }),
  /** `present`: participants around when it started; `problem`: why its activity did not start by itself. */
  z.object({
    type: z.literal('agenda.segmentStarted'),
    segmentId: z.string(),
    present: z.number().int(),
    problem: z.string().nullable(),
    pollId: z.string().nullable().default(null),
  }),
  z.object({ type: z.literal('agenda.segmentEnded'), segmentId: z.string() }),
  z.object({ type: z.literal('agenda.skipped'), segmentId: z.string(), skipped: z.boolean() }),
  z.object({ type: z.literal('agenda.moved'), segmentId: z.string(), toIndex: z.number().int() }),
  z.object({ type: z.literal('agenda.extended'), segmentId: z.string(), ms: z.number().int() }),
  z.object({ type: z.literal('agenda.finished') }),
] as const;

export type AgendaEvent = z.infer<(typeof AGENDA_EVENTS)[number]>;
export const isAgendaEvent = <E extends { type: string }>(e: E): e is E & AgendaEvent => e.type.startsWith('agenda.');
