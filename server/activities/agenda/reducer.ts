import type { AgendaEvent } from './events.ts';
import type { AgendaState } from './state.ts';

/** The agenda's part of the pure reducer. `at` is the event's server time. */
export function applyAgendaEvent(agenda: AgendaState, event: AgendaEvent & { at: number }): AgendaState {
  switch (event.type) {
    case 'agenda.planned': {
      const ids = new Set(event.segments.map((s) => s.id));
      return { ...agenda, segments: event.segments, skipped: agenda.skipped.filter((id) => ids.has(id)) };
    }
    case 'agenda.segmentStarted': {
      if (!agenda.segments.some((s) => s.id === event.segmentId)) return agenda;
      const first = agenda.startedAt === null;
      return {
        ...agenda,
        currentId: event.segmentId,
        runs: { ...agenda.runs, [event.segmentId]: { startedAt: event.at, endedAt: null, extendedMs: 0, present: event.present, problem: event.problem, pollId: event.pollId } },
        skipped: agenda.skipped.filter((id) => id !== event.segmentId),
        // a started segment moves up to just after the segments already run, so "done" stays on top
        segments: startedFirst(agenda, event.segmentId),
        startedAt: first ? event.at : agenda.startedAt,
        plannedMs: first ? plannedMs(agenda) : agenda.plannedMs,
        finishedAt: null,
      };
    }
    case 'agenda.segmentEnded': {
      const run = agenda.runs[event.segmentId];
      if (!run || run.endedAt !== null) return agenda;
      return {
        ...agenda,
        currentId: agenda.currentId === event.segmentId ? null : agenda.currentId,
        runs: { ...agenda.runs, [event.segmentId]: { ...run, endedAt: event.at } },
      };
    }
    case 'agenda.skipped': {
      const without = agenda.skipped.filter((id) => id !== event.segmentId);
      return { ...agenda, skipped: event.skipped ? [...without, event.segmentId] : without };
    }
    case 'agenda.moved': {
      const from = agenda.segments.findIndex((s) => s.id === event.segmentId);
      if (from < 0) return agenda;
      const segments = [...agenda.segments];
      const [moved] = segments.splice(from, 1);
      if (!moved) return agenda;
      segments.splice(Math.min(event.toIndex, segments.length), 0, moved);
      return { ...agenda, segments };
    }
    case 'agenda.extended': {
      const run = agenda.runs[event.segmentId];
      if (!run) return agenda;
      return { ...agenda, runs: { ...agenda.runs, [event.segmentId]: { ...run, extendedMs: run.extendedMs + event.ms } } };
    }
    case 'agenda.finished':
      return { ...agenda, currentId: null, finishedAt: event.at };
  }
}

function plannedMs(agenda: AgendaState): number {
  return agenda.segments.reduce((sum, s) => (agenda.skipped.includes(s.id) ? sum : sum + s.minutes * 60_000), 0);
}

function startedFirst(agenda: AgendaState, segmentId: string): AgendaState['segments'] {
  const started = agenda.segments.filter((s) => agenda.runs[s.id] !== undefined);
  const segment = agenda.segments.find((s) => s.id === segmentId);
  const rest = agenda.segments.filter((s) => agenda.runs[s.id] === undefined && s.id !== segmentId);
  return segment ? [...started, segment, ...rest] : agenda.segments;
}
