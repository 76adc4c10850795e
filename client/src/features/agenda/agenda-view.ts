import type { AgendaItemStatus, ConsoleAgenda, ParticipantAgenda, Segment, SegmentActivity, SegmentRun } from '../../../../shared/agenda.ts';
import { agendaTiming, driftMinutes, type AgendaTiming } from '../../../../shared/agenda-time.ts';
import type { MessageKey } from '../../lib/i18n/en.ts';

/**
 * What the agenda screens say, worked out without Svelte or i18n: message keys and numbers, and
 * where the run of show stands at a given server time. Unit tested in tests/unit/agenda-client-view.test.ts.
 */

export type Message = { key: MessageKey; params?: Record<string, string | number> };

const MINUTE = 60_000;

/** "45 min", "1 h", "1 h 30 min". */
export function durationMessage(minutes: number): Message {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return { key: 'agenda.duration.minutes', params: { count: m } };
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? { key: 'agenda.duration.hours', params: { hours } } : { key: 'agenda.duration.hoursMinutes', params: { hours, minutes: rest } };
}

/** A long text shortened for a one-line summary, on a word boundary where there is one. */
export function shorten(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

type Field = { id: string; label: string };

/** The profile field a mix/group-by breakout asks for that this workshop does not have, or null. */
export function missingField(activity: SegmentActivity, fields: readonly Field[]): string | null {
  if (activity.kind !== 'breakouts') return null;
  const s = activity.strategy;
  if (s.kind !== 'mix' && s.kind !== 'groupBy') return null;
  return fields.some((f) => f.id === s.field) ? null : s.field;
}

/** The label of a breakout strategy ("Mix by Organisation"), with the workshop's field labels. */
export function strategyMessage(strategy: Extract<SegmentActivity, { kind: 'breakouts' }>['strategy'], fields: readonly Field[]): Message {
  if (strategy.kind === 'mix' || strategy.kind === 'groupBy') {
    const field = fields.find((f) => f.id === strategy.field)?.label ?? strategy.field;
    return { key: `breakouts.strategy.${strategy.kind}`, params: { field } };
  }
  return { key: `breakouts.strategy.${strategy.kind}` };
}

/** One line about what a segment does, as parts joined with " · " ("4 rooms · Mix by Organisation"). */
export function activitySummary(activity: SegmentActivity, fields: readonly Field[]): Message[] {
  switch (activity.kind) {
    case 'plenary':
      return [{ key: 'agenda.summary.plenary' }];
    case 'break':
      return [{ key: 'agenda.summary.break' }];
    case 'checkin':
    case 'checkout':
      return [{ key: 'agenda.summary.question', params: { question: shorten(activity.question) } }];
    case 'poll':
      return [{ key: `polls.kinds.${activity.poll.kind}` }, { key: 'agenda.summary.question', params: { question: shorten(activity.poll.question) } }];
    case 'breakouts': {
      const parts: Message[] = [
        activity.sizing.by === 'count'
          ? { key: 'agenda.summary.rooms', params: { count: activity.sizing.rooms } }
          : { key: 'agenda.summary.perRoom', params: { count: activity.sizing.perRoom } },
        strategyMessage(activity.strategy, fields),
      ];
      if (activity.allowReturn) parts.push({ key: 'agenda.summary.allowReturn' });
      if (activity.preview) parts.push({ key: 'agenda.summary.preview' });
      if (activity.prompt) parts.push({ key: 'agenda.summary.roomPrompt', params: { prompt: shorten(activity.prompt, 50) } });
      return parts;
    }
    case 'cafe':
      return [
        { key: 'agenda.summary.tables', params: { count: activity.tables.length } },
        { key: 'agenda.summary.rounds', params: { count: activity.rounds, minutes: activity.roundMinutes } },
        { key: activity.hosts === 'volunteers' ? 'agenda.summary.hostsVolunteer' : 'agenda.summary.hostsNone' },
      ];
    case 'networking':
      return [{ key: 'agenda.summary.rounds', params: { count: activity.rounds, minutes: activity.roundMinutes } }, { key: 'agenda.summary.pairs' }];
    case 'goAround':
      return [
        { key: 'agenda.summary.turnSeconds', params: { seconds: activity.turnSeconds } },
        { key: activity.order === 'random' ? 'agenda.summary.orderRandom' : 'agenda.summary.orderAlphabetical' },
      ];
  }
}

// ---- live --------------------------------------------------------------------------------------

export type LiveState = {
  timing: AgendaTiming;
  current: Segment | null;
  currentRun: SegmentRun | null;
  /** The segment "Next" starts: the first one still to come that is not skipped. */
  next: Segment | null;
  /** Segments that have started (done or running): they stay where they are. */
  startedIds: Set<string>;
  /** Time left in the current segment (negative once it runs over), or null between segments. */
  leftMs: number | null;
  /** The plan has started (a first segment ran), and has not been finished. */
  running: boolean;
  finished: boolean;
};

export function liveState(agenda: ConsoleAgenda, now: number): LiveState {
  const timing = agendaTiming(agenda, now);
  const current = agenda.segments.find((s) => s.id === agenda.currentId) ?? null;
  const startedIds = new Set(agenda.segments.filter((s) => agenda.runs[s.id]).map((s) => s.id));
  const skipped = new Set(agenda.skipped);
  const next = agenda.segments.find((s) => !startedIds.has(s.id) && !skipped.has(s.id)) ?? null;
  return {
    timing,
    current,
    currentRun: current ? (agenda.runs[current.id] ?? null) : null,
    next,
    startedIds,
    leftMs: timing.currentEndsAt === null ? null : timing.currentEndsAt - now,
    running: agenda.startedAt !== null && agenda.finishedAt === null,
    finished: agenda.finishedAt !== null,
  };
}

/**
 * Where a segment stands in the list: started ones are done (or current), the rest are still to
 * come or skipped. After "Finish agenda" segments that never ran stay "to come": "Next" can still
 * start them (agendaTiming counts them as skipped for the drift, which is about the plan that ran).
 */
export function statusOf(agenda: Pick<ConsoleAgenda, 'runs' | 'currentId' | 'skipped'>, id: string): AgendaItemStatus {
  if (agenda.runs[id]) return id === agenda.currentId && agenda.runs[id].endedAt === null ? 'current' : 'done';
  return agenda.skipped.includes(id) ? 'skipped' : 'upcoming';
}

/** "Running 6 minutes late", "On time", "3 minutes ahead"; once finished, "Ended 4 minutes late". */
export function driftMessage(driftMs: number, finished = false): Message {
  const minutes = driftMinutes(driftMs);
  if (minutes > 0) return { key: finished ? 'agenda.drift.endedLate' : 'agenda.drift.late', params: { count: minutes } };
  if (minutes < 0) return { key: finished ? 'agenda.drift.endedEarly' : 'agenda.drift.ahead', params: { count: -minutes } };
  return { key: finished ? 'agenda.drift.endedOnTime' : 'agenda.drift.onTime' };
}

export type DriftTone = 'late' | 'onTime' | 'ahead';
export const driftTone = (driftMs: number): DriftTone => {
  const minutes = driftMinutes(driftMs);
  return minutes > 0 ? 'late' : minutes < 0 ? 'ahead' : 'onTime';
};

/**
 * How long a finished segment took (whole minutes) and, when that differs, what was planned; null
 * while it has not ended.
 */
export function tookMessage(segment: Pick<Segment, 'minutes'>, run: Pick<SegmentRun, 'startedAt' | 'endedAt'>): { took: Message; planned: Message | null } | null {
  if (run.endedAt === null) return null;
  const ms = run.endedAt - run.startedAt;
  const minutes = Math.round(ms / MINUTE);
  const took: Message = ms < MINUTE / 2 ? { key: 'agenda.duration.underMinute' } : durationMessage(Math.max(1, minutes));
  return { took, planned: minutes === segment.minutes ? null : durationMessage(segment.minutes) };
}

// ---- participants ------------------------------------------------------------------------------

export type ParticipantItem = ParticipantAgenda['items'][number];

export type ParticipantStrip = {
  /** The headings in order, skipped ones left out. */
  items: ParticipantItem[];
  current: ParticipantItem | null;
  /** What comes after the current one (or first, before the agenda starts). */
  next: ParticipantItem | null;
  started: boolean;
  allDone: boolean;
};

export function participantStrip(agenda: ParticipantAgenda): ParticipantStrip {
  const items = agenda.items.filter((i) => i.status !== 'skipped');
  const current = items.find((i) => i.status === 'current') ?? null;
  const next = items.find((i) => i.status === 'upcoming') ?? null;
  const started = items.some((i) => i.status === 'done' || i.status === 'current');
  return { items, current, next, started, allDone: started && !current && !next };
}
