import type { HarvestPoll, HarvestRecord } from '../../../shared/harvest.ts';
import { csvRows } from '../polls/export.ts';

/**
 * The record's tables as CSV for spreadsheets. Cells go through the polls export's `csvCell`
 * (RFC 4180 quoting; text starting with = + - @ tab or CR gets a leading apostrophe so a
 * spreadsheet does not run it as a formula). Every row says its privacy level in a `privacy`
 * column, so a file always states what it contains.
 */

type Cell = string | number | null;

/** One row per poll × result line: a `responses` row, then options, values, words or answers. */
export function pollsCsv(record: HarvestRecord): string {
  return csvRows([['poll', 'kind', 'privacy', 'item', 'measure', 'count', 'name'], ...record.polls.flatMap(pollRows)]);
}

function pollRows(p: HarvestPoll): Cell[][] {
  const r = p.results;
  const line = (item: Cell, measure: string, count: Cell, name: Cell = null): Cell[] => [p.question, p.kind, p.level, item, measure, count, name];
  const rows: Cell[][] = [line(null, 'responses', r.responses)];
  switch (r.kind) {
    case 'single':
      rows.push(...r.options.map((o) => line(o.label, 'votes', o.count)));
      break;
    case 'multiple':
      rows.push(...r.options.map((o) => line(o.label, 'ticks', o.count)));
      break;
    case 'scale':
      rows.push(...r.counts.map((c, i) => line(r.min + i, 'people', c)), line(null, 'mean', r.mean));
      break;
    case 'wordcloud':
      rows.push(...r.words.map((w) => line(w.text, 'people', w.count)));
      break;
    case 'ranking':
      // best first: the row order is the ranking
      rows.push(...r.options.map((o) => line(o.label, 'points', o.points)));
      break;
    case 'text':
    case 'checkin':
      rows.push(...p.answers.map((a) => line(a.text, 'answer', null, p.anonymous ? null : a.name)));
      break;
  }
  return rows;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The people who joined, with their profiles, where the record lists them; otherwise the counts. */
export function attendanceCsv(record: HarvestRecord): string {
  const a = record.attendance;
  if (a.people) {
    const fields = [...new Set(a.people.flatMap((p) => Object.keys(p.profile)))];
    return csvRows([
      ['name', 'role', 'status', 'joined at', ...fields, 'privacy'],
      ...a.people.map((p) => [p.name, p.role, p.status, iso(p.joinedAt), ...fields.map((f) => p.profile[f] ?? ''), a.level]),
    ]);
  }
  const note = 'counts only: names left out';
  return csvRows([
    ['measure', 'count', 'privacy'],
    ['joined', a.joined, note],
    ['admitted', a.admitted, note],
    ['removed', a.removed, note],
    ['facilitators', a.facilitators, note],
    ['peak present', a.peak, note],
  ]);
}
