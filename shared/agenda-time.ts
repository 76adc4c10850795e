/**
 * Drift against the plan, worked out the same way on server and client (zod-free, pure).
 *
 * The planned end is fixed when the first segment starts: start + the plan's length then. The
 * projected end is "now" + what is left of the current segment (never below zero: an overrun is
 * already in "now") + the minutes of every segment still to come that is not skipped. Drift is the
 * difference: positive means running late. Skipping a segment catches up; extending one adds to it.
 */

export type TimedSegment = { id: string; minutes: number };
export type TimedRun = { startedAt: number; endedAt: number | null; extendedMs: number };
export type TimedAgenda = {
  segments: readonly TimedSegment[];
  currentId: string | null;
  runs: Readonly<Record<string, TimedRun>>;
  skipped: readonly string[];
  startedAt: number | null;
  plannedMs: number | null;
  finishedAt: number | null;
};

export type SegmentTiming = {
  id: string;
  /** When it starts (actual once started, otherwise projected from now). */
  startAt: number;
  /** When it ends (actual once ended, otherwise planned with extensions, or projected). */
  endAt: number;
  status: 'done' | 'current' | 'upcoming' | 'skipped';
};

export type AgendaTiming = {
  /** Length of the segments not skipped, as the plan stands now. */
  totalMs: number;
  plannedEndAt: number | null;
  projectedEndAt: number;
  /** projected - planned; 0 before the agenda starts. */
  driftMs: number;
  /** The current segment's planned end with its extensions, or null. */
  currentEndsAt: number | null;
  segments: SegmentTiming[];
};

const MINUTE = 60_000;

export function agendaTiming(agenda: TimedAgenda, now: number): AgendaTiming {
  const skipped = new Set(agenda.skipped);
  const totalMs = agenda.segments.reduce((sum, s) => (skipped.has(s.id) ? sum : sum + s.minutes * MINUTE), 0);
  const segments: SegmentTiming[] = [];
  let cursor = agenda.finishedAt ?? now;
  let currentEndsAt: number | null = null;
  for (const s of agenda.segments) {
    const run = agenda.runs[s.id];
    if (run) {
      const plannedEnd = run.startedAt + s.minutes * MINUTE + run.extendedMs;
      if (run.endedAt !== null) {
        segments.push({ id: s.id, startAt: run.startedAt, endAt: run.endedAt, status: 'done' });
      } else {
        currentEndsAt = plannedEnd;
        cursor = Math.max(now, plannedEnd);
        segments.push({ id: s.id, startAt: run.startedAt, endAt: cursor, status: s.id === agenda.currentId ? 'current' : 'done' });
      }
      continue;
    }
    if (skipped.has(s.id)) {
      segments.push({ id: s.id, startAt: cursor, endAt: cursor, status: 'skipped' });
      continue;
    }
    if (agenda.finishedAt !== null) {
      // the agenda was finished early: what never ran counts as skipped
      segments.push({ id: s.id, startAt: cursor, endAt: cursor, status: 'skipped' });
      continue;
    }
    const startAt = cursor;
    cursor += s.minutes * MINUTE;
    segments.push({ id: s.id, startAt, endAt: cursor, status: 'upcoming' });
  }
  const projectedEndAt = agenda.finishedAt ?? cursor;
  const plannedEndAt = agenda.startedAt !== null && agenda.plannedMs !== null ? agenda.startedAt + agenda.plannedMs : null;
  return {
    totalMs,
    plannedEndAt,
    projectedEndAt,
    driftMs: plannedEndAt === null ? 0 : projectedEndAt - plannedEndAt,
    currentEndsAt,
    segments,
  };
}

/** Drift in whole minutes, rounded towards zero so "on time" shows until a full minute has gone. */
export function driftMinutes(driftMs: number): number {
  return Math.trunc(driftMs / MINUTE);
}
