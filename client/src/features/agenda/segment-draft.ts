import type { Segment, SegmentActivity, SegmentKind } from '../../../../shared/agenda.ts';
import { AGENDA_LIMITS } from '../../../../shared/agenda-limits.ts';
import { BREAKOUT_LIMITS } from '../../../../shared/breakout-limits.ts';
import type { BreakoutStrategy, RoomSpec } from '../../../../shared/breakouts.ts';
import { CAFE_LIMITS } from '../../../../shared/cafe-limits.ts';
import { POLL_LIMITS } from '../../../../shared/poll-limits.ts';
import type { PollDefinition } from '../../../../shared/polls.ts';
import type { MessageKey } from '../../lib/i18n/en.ts';

/**
 * A segment as the facilitator edits it: every kind's settings at once (numbers as typed), so
 * switching the kind loses nothing. `buildSegment` checks the same limits as the server and says
 * what to fix per field. Unit tested in tests/unit/agenda-client-draft.test.ts.
 */

// mirrors shared/agenda.ts and TURN_LIMITS in shared/turns.ts, which the browser does not load (they bring zod)
export const DRAFT_LIMITS = {
  promptChars: 500,
  minTurnSeconds: 5,
  maxTurnSeconds: 600,
  minMoveSeconds: 5,
  maxMoveSeconds: 300,
  roundMinutes: CAFE_LIMITS.maxRoundMs / 60_000,
} as const;

export type TableDraft = { name: string; topic: string; question: string };

export type SegmentDraft = {
  id: string;
  title: string;
  minutes: string;
  notes: string;
  kind: SegmentKind;
  /** checkin / checkout */
  question: string;
  poll: PollDefinition | null;
  // breakouts
  sizingBy: 'count' | 'size';
  rooms: string;
  perRoom: string;
  /** 'random', 'mix:<field>', 'groupBy:<field>', … (see strategyFromValue). */
  strategy: string;
  prompt: string;
  allowReturn: boolean;
  preview: boolean;
  /** Room names and topics from a template or file, kept as they were. */
  roomSpecs: RoomSpec[];
  // café and networking
  tables: TableDraft[];
  rounds: string;
  roundMinutes: string;
  moveSeconds: string;
  hosts: 'none' | 'volunteers';
  prompts: string[];
  // go-around
  order: 'random' | 'alphabetical';
  turnSeconds: string;
};

export type DraftField =
  | 'title'
  | 'minutes'
  | 'notes'
  | 'question'
  | 'poll'
  | 'rooms'
  | 'perRoom'
  | 'prompt'
  | 'tables'
  | 'rounds'
  | 'roundMinutes'
  | 'moveSeconds'
  | 'prompts'
  | 'turnSeconds';

export type DraftProblem = { field: DraftField; key: MessageKey; params?: Record<string, string | number> };

/** Minutes a new segment of each kind starts with. */
const DEFAULT_MINUTES: Record<SegmentKind, number> = {
  plenary: 15,
  checkin: 10,
  checkout: 10,
  poll: 5,
  breakouts: 20,
  cafe: 45,
  networking: 15,
  goAround: 15,
  break: 10,
};

export function newDraft(id: string, kind: SegmentKind = 'plenary'): SegmentDraft {
  return {
    id,
    title: '',
    minutes: String(DEFAULT_MINUTES[kind]),
    notes: '',
    kind,
    question: '',
    poll: null,
    sizingBy: 'size',
    rooms: '4',
    perRoom: '4',
    strategy: 'random',
    prompt: '',
    allowReturn: false,
    preview: false,
    roomSpecs: [],
    tables: [
      { name: '', topic: '', question: '' },
      { name: '', topic: '', question: '' },
      { name: '', topic: '', question: '' },
    ],
    rounds: '3',
    roundMinutes: '12',
    moveSeconds: kind === 'networking' ? '20' : '30',
    hosts: 'none',
    prompts: [],
    order: 'random',
    turnSeconds: '60',
  };
}

export function strategyValue(strategy: BreakoutStrategy): string {
  return strategy.kind === 'mix' || strategy.kind === 'groupBy' ? `${strategy.kind}:${strategy.field}` : strategy.kind;
}

export function strategyFromValue(value: string): BreakoutStrategy {
  const [kind, field] = value.split(':', 2) as [string, string | undefined];
  if ((kind === 'mix' || kind === 'groupBy') && field) return { kind, field };
  switch (kind) {
    case 'avoidPrevious':
    case 'selfSelect':
    case 'preassigned':
    case 'previous':
      return { kind };
    default:
      return { kind: 'random' };
  }
}

export function draftFromSegment(segment: Segment): SegmentDraft {
  const d = newDraft(segment.id, segment.activity.kind);
  d.title = segment.title;
  d.minutes = String(segment.minutes);
  d.notes = segment.notes;
  const a = segment.activity;
  switch (a.kind) {
    case 'checkin':
    case 'checkout':
      d.question = a.question;
      break;
    case 'poll':
      d.poll = structuredClone(a.poll);
      break;
    case 'breakouts':
      d.sizingBy = a.sizing.by;
      if (a.sizing.by === 'count') d.rooms = String(a.sizing.rooms);
      else d.perRoom = String(a.sizing.perRoom);
      d.strategy = strategyValue(a.strategy);
      d.prompt = a.prompt;
      d.allowReturn = a.allowReturn;
      d.preview = a.preview;
      d.roomSpecs = structuredClone(a.rooms);
      break;
    case 'cafe':
      d.tables = a.tables.map((t) => ({ name: t.name ?? '', topic: t.topic ?? '', question: t.question ?? '' }));
      d.rounds = String(a.rounds);
      d.roundMinutes = String(a.roundMinutes);
      d.moveSeconds = String(a.moveSeconds);
      d.hosts = a.hosts;
      break;
    case 'networking':
      d.rounds = String(a.rounds);
      d.roundMinutes = String(a.roundMinutes);
      d.moveSeconds = String(a.moveSeconds);
      d.prompts = [...a.prompts];
      break;
    case 'goAround':
      d.order = a.order;
      d.turnSeconds = String(a.turnSeconds);
      break;
  }
  return d;
}

/** A whole number in [min, max] from a form field, or null. */
export function wholeNumber(input: string, min: number, max: number): number | null {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** The segment the server expects, or every problem to fix (in the order the fields appear). */
export function buildSegment(d: SegmentDraft): { ok: true; segment: Segment } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const need = <T>(value: T | null, problem: DraftProblem): T | null => {
    if (value === null) problems.push(problem);
    return value;
  };

  const title = d.title.trim();
  if (!title) problems.push({ field: 'title', key: 'agenda.problems.title' });
  else if (title.length > AGENDA_LIMITS.titleChars) problems.push({ field: 'title', key: 'agenda.problems.titleLong', params: { max: AGENDA_LIMITS.titleChars } });
  const minutes = need(wholeNumber(d.minutes, 1, AGENDA_LIMITS.segmentMinutes), { field: 'minutes', key: 'agenda.problems.minutes', params: { max: AGENDA_LIMITS.segmentMinutes } });

  let activity: SegmentActivity | null = null;
  switch (d.kind) {
    case 'plenary':
    case 'break':
      activity = { kind: d.kind };
      break;
    case 'checkin':
    case 'checkout': {
      const question = d.question.trim();
      if (!question) problems.push({ field: 'question', key: 'agenda.problems.question' });
      else if (question.length > POLL_LIMITS.checkinChars) problems.push({ field: 'question', key: 'agenda.problems.questionLong', params: { max: POLL_LIMITS.checkinChars } });
      else activity = { kind: d.kind, question };
      break;
    }
    case 'poll':
      if (d.poll) activity = { kind: 'poll', poll: d.poll };
      else problems.push({ field: 'poll', key: 'agenda.problems.poll' });
      break;
    case 'breakouts': {
      const sizing =
        d.sizingBy === 'count'
          ? mapOr(need(wholeNumber(d.rooms, 1, BREAKOUT_LIMITS.rooms), { field: 'rooms', key: 'agenda.problems.rooms', params: { max: BREAKOUT_LIMITS.rooms } }), (rooms) => ({ by: 'count' as const, rooms }))
          : mapOr(need(wholeNumber(d.perRoom, 2, BREAKOUT_LIMITS.roomSize), { field: 'perRoom', key: 'agenda.problems.perRoom', params: { max: BREAKOUT_LIMITS.roomSize } }), (perRoom) => ({ by: 'size' as const, perRoom }));
      const prompt = d.prompt.trim();
      if (prompt.length > DRAFT_LIMITS.promptChars) problems.push({ field: 'prompt', key: 'agenda.problems.promptLong', params: { max: DRAFT_LIMITS.promptChars } });
      if (sizing) activity = { kind: 'breakouts', sizing, strategy: strategyFromValue(d.strategy), prompt, rooms: structuredClone(d.roomSpecs), allowReturn: d.allowReturn, preview: d.preview };
      break;
    }
    case 'cafe':
    case 'networking': {
      const rounds = need(wholeNumber(d.rounds, 1, CAFE_LIMITS.rounds), { field: 'rounds', key: 'agenda.problems.rounds', params: { max: CAFE_LIMITS.rounds } });
      const roundMinutes = need(wholeNumber(d.roundMinutes, 1, DRAFT_LIMITS.roundMinutes), { field: 'roundMinutes', key: 'agenda.problems.roundMinutes', params: { max: DRAFT_LIMITS.roundMinutes } });
      const moveSeconds = need(wholeNumber(d.moveSeconds, DRAFT_LIMITS.minMoveSeconds, DRAFT_LIMITS.maxMoveSeconds), { field: 'moveSeconds', key: 'agenda.problems.moveSeconds' });
      if (d.kind === 'cafe') {
        const tables = cafeTables(d.tables, problems);
        if (tables && rounds !== null && roundMinutes !== null && moveSeconds !== null) activity = { kind: 'cafe', tables, rounds, roundMinutes, moveSeconds, hosts: d.hosts };
      } else {
        const prompts = d.prompts.map((p) => p.trim()).filter((p) => p !== '');
        if (prompts.some((p) => p.length > CAFE_LIMITS.questionChars)) problems.push({ field: 'prompts', key: 'agenda.problems.promptsLong', params: { max: CAFE_LIMITS.questionChars } });
        else if (rounds !== null && roundMinutes !== null && moveSeconds !== null) activity = { kind: 'networking', rounds, roundMinutes, moveSeconds, prompts: prompts.slice(0, CAFE_LIMITS.rounds) };
      }
      break;
    }
    case 'goAround': {
      const turnSeconds = need(wholeNumber(d.turnSeconds, DRAFT_LIMITS.minTurnSeconds, DRAFT_LIMITS.maxTurnSeconds), {
        field: 'turnSeconds',
        key: 'agenda.problems.turnSeconds',
        params: { min: DRAFT_LIMITS.minTurnSeconds, max: DRAFT_LIMITS.maxTurnSeconds },
      });
      if (turnSeconds !== null) activity = { kind: 'goAround', order: d.order, turnSeconds };
      break;
    }
  }

  const notes = d.notes.trim();
  if (notes.length > AGENDA_LIMITS.notesChars) problems.push({ field: 'notes', key: 'agenda.problems.notesLong', params: { max: AGENDA_LIMITS.notesChars } });

  if (problems.length || minutes === null || activity === null) return { ok: false, problems };
  return { ok: true, segment: { id: d.id, title, minutes, notes, activity } };
}

function mapOr<T, U>(value: T | null, f: (v: T) => U): U | null {
  return value === null ? null : f(value);
}

function cafeTables(rows: readonly TableDraft[], problems: DraftProblem[]): Extract<SegmentActivity, { kind: 'cafe' }>['tables'] | null {
  if (rows.length < 1 || rows.length > CAFE_LIMITS.tables) {
    problems.push({ field: 'tables', key: 'agenda.problems.tables', params: { max: CAFE_LIMITS.tables } });
    return null;
  }
  let ok = true;
  const tables = rows.map((row, i) => {
    const name = row.name.trim();
    const topic = row.topic.trim();
    const question = row.question.trim();
    if (name.length > CAFE_LIMITS.tableNameChars || topic.length > CAFE_LIMITS.topicChars || question.length > CAFE_LIMITS.questionChars) {
      problems.push({ field: 'tables', key: 'agenda.problems.tableLong', params: { n: i + 1 } });
      ok = false;
    }
    return { ...(name ? { name } : {}), ...(topic ? { topic } : {}), ...(question ? { question } : {}) };
  });
  return ok ? tables : null;
}

/**
 * When the café or networking rounds (with the moves between them) take longer than the segment:
 * "3 rounds need about 40 min; this segment has 30". Null when they fit or a number is not filled in.
 */
export function roundsFit(d: Pick<SegmentDraft, 'rounds' | 'roundMinutes' | 'moveSeconds' | 'minutes'>): { rounds: number; needed: number; minutes: number } | null {
  const rounds = wholeNumber(d.rounds, 1, CAFE_LIMITS.rounds);
  const roundMinutes = wholeNumber(d.roundMinutes, 1, DRAFT_LIMITS.roundMinutes);
  const move = wholeNumber(d.moveSeconds, 0, DRAFT_LIMITS.maxMoveSeconds) ?? 0;
  const minutes = wholeNumber(d.minutes, 1, AGENDA_LIMITS.segmentMinutes);
  if (rounds === null || roundMinutes === null || minutes === null) return null;
  const needed = Math.ceil(rounds * roundMinutes + ((rounds - 1) * move) / 60);
  return needed > minutes ? { rounds, needed, minutes } : null;
}
