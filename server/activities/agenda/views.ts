import type { AgendaItemStatus, ConsoleAgenda, ParticipantAgenda } from '../../../shared/agenda.ts';
import type { AgendaState } from './state.ts';

/** The facilitators see the whole plan with notes and how it ran. */
export function consoleAgenda(agenda: AgendaState): ConsoleAgenda {
  return {
    segments: agenda.segments,
    currentId: agenda.currentId,
    runs: agenda.runs,
    skipped: agenda.skipped,
    startedAt: agenda.startedAt,
    plannedMs: agenda.plannedMs,
    finishedAt: agenda.finishedAt,
  };
}

/** Participants see headings and where we are: no notes, no settings, skipped segments left out. */
export function participantAgenda(agenda: AgendaState): ParticipantAgenda | null {
  if (agenda.segments.length === 0) return null;
  const skipped = new Set(agenda.skipped);
  const items: ParticipantAgenda['items'] = [];
  for (const s of agenda.segments) {
    const run = agenda.runs[s.id];
    let status: AgendaItemStatus;
    if (run) status = run.endedAt === null && s.id === agenda.currentId ? 'current' : 'done';
    else if (skipped.has(s.id) || agenda.finishedAt !== null) continue;
    else status = 'upcoming';
    items.push({ id: s.id, title: s.title, minutes: s.minutes, kind: s.activity.kind, status });
  }
  const current = agenda.currentId ? agenda.runs[agenda.currentId] : undefined;
  const segment = agenda.segments.find((s) => s.id === agenda.currentId);
  const currentEndsAt = current && segment ? current.startedAt + segment.minutes * 60_000 + current.extendedMs : null;
  return { items, currentEndsAt };
}
