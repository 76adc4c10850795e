import type { PollAnswer, PollDefinition, PollResults, PollScope, PollStatus, RoomResults } from '../../../shared/polls.ts';
import { resultsOf, roomIdOfKey, sortedRoomKeys, tallyPoll } from './aggregate.ts';
import { answerEntries, type PollRecord } from './state.ts';
import type { NameOf } from './views.ts';

/**
 * Exports of one poll, as JSON and CSV, for facilitators. Everything is included (all words, the
 * whole wall), since an export is made once, on request.
 *
 * Anonymous polls: no names, no member ids, no answer times, and responses and wall entries are
 * sorted by their text rather than kept in answer order, so the file cannot be lined up with who
 * was speaking or typing when. `nameOf` is never called for them.
 */

export type RoomNameOf = (roomId: string) => string;

export type ExportedResponse = {
  /** Named polls only. */
  name?: string;
  /** Named polls only: when the answer was given or last changed (server epoch ms). */
  at?: number;
  roomId: string | null;
  answer: PollAnswer;
};

export type PollExport = {
  id: string;
  question: string;
  kind: PollDefinition['kind'];
  anonymous: boolean;
  status: PollStatus;
  scope: PollScope | null;
  createdAt: number;
  launchedAt: number | null;
  closedAt: number | null;
  definition: PollDefinition;
  results: PollResults;
  rooms: RoomResults[];
  responses: ExportedResponse[];
};

const ALL = { cloudWords: Number.POSITIVE_INFINITY, wallEntries: Number.POSITIVE_INFINITY };

export function pollExport(poll: PollRecord, nameOf: NameOf): PollExport {
  const def = poll.definition;
  const anonymous = def.settings.anonymous;
  const tally = tallyPoll(poll);
  const named = anonymous ? undefined : nameOf;
  const tidy = (r: PollResults): PollResults => (anonymous ? shuffleFree(r) : r);
  return {
    id: poll.id,
    question: def.question,
    kind: def.kind,
    anonymous,
    status: poll.status,
    scope: poll.scope,
    createdAt: poll.createdAt,
    launchedAt: poll.launchedAt,
    closedAt: poll.closedAt,
    definition: def,
    results: tidy(resultsOf(tally.total, def, { ...ALL, nameOf: named })),
    rooms:
      poll.scope === 'rooms'
        ? sortedRoomKeys(tally.rooms).map((key) => ({
            roomId: roomIdOfKey(key),
            results: tidy(resultsOf(tally.rooms.get(key)!, def, { ...ALL, nameOf: named })),
          }))
        : [],
    responses: responses(poll, nameOf),
  };
}

export function pollExportJson(poll: PollRecord, nameOf: NameOf): string {
  return JSON.stringify(pollExport(poll, nameOf), null, 2);
}

function responses(poll: PollRecord, nameOf: NameOf): ExportedResponse[] {
  const records = answerEntries(poll);
  if (poll.definition.settings.anonymous) {
    const def = poll.definition;
    return records
      .map(([, r]) => ({ roomId: r.roomId, answer: r.answer }))
      .sort((a, b) => compareText(answerText(def, a.answer), answerText(def, b.answer)) || compareText(a.roomId ?? '', b.roomId ?? ''));
  }
  return records
    .sort(([, a], [, b]) => a.seq - b.seq)
    .map(([memberId, r]) => ({ name: nameOf(memberId), at: r.at, roomId: r.roomId, answer: r.answer }));
}

/** Walls of anonymous polls in text order, not answer order. */
function shuffleFree(results: PollResults): PollResults {
  if (results.kind !== 'text' && results.kind !== 'checkin') return results;
  return { ...results, entries: [...results.entries].sort((a, b) => compareText(a.text, b.text)) };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One answer as a spreadsheet cell: option labels rather than ids. */
export function answerText(def: PollDefinition, answer: PollAnswer): string {
  const label = (id: string) => ('options' in def ? (def.options.find((o) => o.id === id)?.label ?? id) : id);
  switch (answer.kind) {
    case 'single':
      return label(answer.optionId);
    case 'multiple':
      return answer.optionIds.map(label).join('; ');
    case 'scale':
      return String(answer.value);
    case 'wordcloud':
      return answer.words.join('; ');
    case 'ranking':
      return answer.order.map(label).join(' > ');
    case 'text':
    case 'checkin':
      return answer.text;
  }
}

// ---- CSV ------------------------------------------------------------------------------------------

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe; quotes, commas and line breaks are quoted (RFC 4180).
 * Numbers we produce ourselves are written as numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names and words in any script).
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The results, all together and per room, one row per option / value / word / entry. */
export function pollResultsCsv(poll: PollRecord, nameOf: NameOf, roomNameOf: RoomNameOf = (id) => id): string {
  const data = pollExport(poll, nameOf);
  const room = (roomId: string | null | 'all') => (roomId === 'all' ? 'all' : roomId === null ? 'no room' : roomNameOf(roomId));
  const sets: [string, PollResults][] = [[room('all'), data.results], ...data.rooms.map((r): [string, PollResults] => [room(r.roomId), r.results])];
  const r0 = data.results;
  switch (r0.kind) {
    case 'single':
    case 'multiple':
      return csvRows([
        ['room', 'option', 'count', 'responses'],
        ...sets.flatMap(([name, r]) => (r.kind === r0.kind ? r.options.map((o) => [name, o.label, o.count, r.responses]) : [])),
      ]);
    case 'scale':
      return csvRows([
        ['room', 'value', 'count', 'mean', 'responses'],
        ...sets.flatMap(([name, r]) => (r.kind === 'scale' ? r.counts.map((c, i) => [name, r.min + i, c, r.mean, r.responses]) : [])),
      ]);
    case 'wordcloud':
      return csvRows([
        ['room', 'word', 'count', 'responses'],
        ...sets.flatMap(([name, r]) => (r.kind === 'wordcloud' ? r.words.map((w) => [name, w.text, w.count, r.responses]) : [])),
      ]);
    case 'ranking':
      return csvRows([
        ['room', 'rank', 'option', 'points', 'responses'],
        ...sets.flatMap(([name, r]) => (r.kind === 'ranking' ? r.options.map((o) => [name, o.rank, o.label, o.points, r.responses]) : [])),
      ]);
    case 'text':
    case 'checkin':
      return data.anonymous
        ? csvRows([['room', 'text'], ...sets.flatMap(([name, r]) => ('entries' in r ? r.entries.map((e) => [name, e.text]) : []))])
        : csvRows([['room', 'name', 'text'], ...sets.flatMap(([name, r]) => ('entries' in r ? r.entries.map((e) => [name, e.name, e.text]) : []))]);
  }
}

/** Every response, one row each; names and times only for named polls. */
export function pollResponsesCsv(poll: PollRecord, nameOf: NameOf, roomNameOf: RoomNameOf = (id) => id): string {
  const data = pollExport(poll, nameOf);
  const room = (roomId: string | null) => (roomId === null ? '' : roomNameOf(roomId));
  const def = poll.definition;
  return data.anonymous
    ? csvRows([['room', 'answer'], ...data.responses.map((r) => [room(r.roomId), answerText(def, r.answer)])])
    : csvRows([
        ['name', 'room', 'answered at', 'answer'],
        ...data.responses.map((r) => [r.name, room(r.roomId), r.at === undefined ? '' : new Date(r.at).toISOString(), answerText(def, r.answer)]),
      ]);
}
