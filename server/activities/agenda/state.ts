import type { Segment, SegmentRun } from '../../../shared/agenda.ts';

/** The run of show: the plan, which segment is running, and how each one ran. Plain data. */
export type AgendaState = {
  /** In running order: segments that have run first, then what is still to come. */
  segments: Segment[];
  currentId: string | null;
  runs: Record<string, SegmentRun>;
  /** Segments still to come that will be passed over. */
  skipped: string[];
  /** When the first segment started, and the plan's length then: the planned end is their sum. */
  startedAt: number | null;
  plannedMs: number | null;
  /** When the last segment ended (by "next" on the last one, or "finish"). */
  finishedAt: number | null;
};

export const EMPTY_AGENDA: AgendaState = {
  segments: [],
  currentId: null,
  runs: {},
  skipped: [],
  startedAt: null,
  plannedMs: null,
  finishedAt: null,
};

/** Segments that have started (done or running), in the order they ran. */
export function startedSegments(agenda: AgendaState): Segment[] {
  return agenda.segments.filter((s) => agenda.runs[s.id] !== undefined);
}

/** The next segment to start: the first one still to come that is not skipped (also after a finish, if more were added). */
export function nextSegment(agenda: AgendaState): Segment | null {
  return agenda.segments.find((s) => agenda.runs[s.id] === undefined && !agenda.skipped.includes(s.id)) ?? null;
}
