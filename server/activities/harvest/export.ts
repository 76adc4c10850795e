import type { HarvestFile, HarvestFormat, HarvestRecord } from '../../../shared/harvest.ts';
import { attendanceCsv, pollsCsv } from './csv.ts';
import { harvestHtml } from './html.ts';
import { harvestMarkdown } from './markdown.ts';

/**
 * One harvest file in the format asked for. Pure: the caller builds the record for the right
 * audience (an export: `harvestRecord(..., { kind: 'export' })`, shareable areas only) and this
 * only renders it. Every format states its levels: Markdown and HTML in words at the top, CSV in
 * a `privacy` column, JSON in the record's `levels` and `omitted`.
 */
export function harvestFile(record: HarvestRecord, format: HarvestFormat, workshopTitle: string): HarvestFile {
  const base = slug(workshopTitle);
  switch (format) {
    case 'markdown':
      return { filename: `${base}-harvest.md`, mime: 'text/markdown', text: harvestMarkdown(record) };
    case 'html':
      return { filename: `${base}-harvest.html`, mime: 'text/html', text: harvestHtml(record) };
    case 'polls.csv':
      return { filename: `${base}-polls.csv`, mime: 'text/csv', text: pollsCsv(record) };
    case 'attendance.csv':
      return { filename: `${base}-attendance.csv`, mime: 'text/csv', text: attendanceCsv(record) };
    case 'json':
      return { filename: `${base}-harvest.json`, mime: 'application/json', text: `${JSON.stringify(record, null, 2)}\n` };
  }
}

/**
 * A file name from the workshop's title: lower case letters and digits joined by dashes, accents
 * dropped, at most 60 characters; "workshop" when nothing is left (a title in another script).
 */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'workshop';
}
