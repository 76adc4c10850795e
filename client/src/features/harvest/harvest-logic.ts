import type { HarvestFormat, HarvestRecord, HarvestSegment, PrivacyLevel } from '../../../../shared/harvest.ts';
import { normaliseJoinCode } from '../../lib/protocol.ts';

/**
 * The harvest page's pure logic: the record's areas and their levels, what an export leaves out,
 * the agenda's planned and actual minutes, the typed confirmation. Unit tested without a browser.
 * (Types only from shared/harvest.ts: its runtime half is zod, which a phone should not download.)
 */

export const PRIVACY_LEVELS: readonly PrivacyLevel[] = ['room', 'workshop', 'shareable'];

/** The formats, in the order their buttons are shown, and their i18n keys (dots would split an i18n key). */
export const EXPORT_FORMATS: readonly { format: HarvestFormat; key: 'markdown' | 'html' | 'pollsCsv' | 'attendanceCsv' | 'json' }[] = [
  { format: 'markdown', key: 'markdown' },
  { format: 'html', key: 'html' },
  { format: 'polls.csv', key: 'pollsCsv' },
  { format: 'attendance.csv', key: 'attendanceCsv' },
  { format: 'json', key: 'json' },
];

/** One part of the record with its own privacy level. */
export type HarvestArea = { area: string; title: string; level: PrivacyLevel };

/** Every area in the record in page order: attendance, then the notes, then the polls. */
export function harvestAreas(record: HarvestRecord, attendanceTitle: string): HarvestArea[] {
  return [
    { area: record.attendance.area, title: attendanceTitle, level: record.attendance.level },
    ...record.notes.map((n) => ({ area: n.area, title: n.title, level: n.level })),
    ...record.polls.map((p) => ({ area: p.area, title: p.question, level: p.level })),
  ];
}

export type ExportSummary = { shareable: number; total: number; leftOut: HarvestArea[] };

/** "2 of 7 areas are shareable; left out: …" — exports contain shareable areas only. */
export function exportSummary(areas: readonly HarvestArea[]): ExportSummary {
  const leftOut = areas.filter((a) => a.level !== 'shareable');
  return { shareable: areas.length - leftOut.length, total: areas.length, leftOut };
}

/**
 * A fingerprint of the console's privacy levels: when it changes (this facilitator or another set a
 * level), the page fetches the record again.
 */
export function privacyFingerprint(privacy: Readonly<Record<string, string>> | undefined): string {
  if (!privacy) return '';
  return Object.keys(privacy)
    .sort()
    .map((k) => `${k}=${privacy[k]}`)
    .join('&');
}

export type SegmentRun =
  | { status: 'skipped'; planned: number }
  | { status: 'notReached'; planned: number }
  | { status: 'running'; planned: number; actual: number }
  | { status: 'done'; planned: number; actual: number; drift: number };

const minutesBetween = (from: number, to: number) => Math.max(0, Math.round((to - from) / 60_000));

/** A segment as run: skipped, never reached, still running (minutes so far) or done (minutes and drift). */
export function segmentRun(segment: HarvestSegment, now: number): SegmentRun {
  const planned = segment.plannedMinutes;
  if (segment.skipped) return { status: 'skipped', planned };
  if (segment.startedAt === null) return { status: 'notReached', planned };
  if (segment.endedAt === null) return { status: 'running', planned, actual: minutesBetween(segment.startedAt, now) };
  const actual = minutesBetween(segment.startedAt, segment.endedAt);
  return { status: 'done', planned, actual, drift: actual - planned };
}

/** The agenda's planned minutes (skipped segments left out) and the minutes actually run. */
export function agendaTotals(segments: readonly HarvestSegment[], now: number): { planned: number; actual: number } {
  let planned = 0;
  let actual = 0;
  for (const s of segments) {
    const run = segmentRun(s, now);
    if (run.status === 'skipped') continue;
    planned += run.planned;
    if (run.status === 'done' || run.status === 'running') actual += run.actual;
  }
  return { planned, actual };
}

/** A café table's notes round by round; a breakout room's one text (round null) first. */
export function notesInOrder<T extends { round: number | null }>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => (a.round ?? 0) - (b.round ?? 0));
}

/** Poll kinds whose results are a wall of written answers: the page lists every answer instead. */
export function isWrittenKind(kind: string): boolean {
  return kind === 'text' || kind === 'checkin';
}

/** The speaking balance score (0..1) as a whole percentage. */
export function balancePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** Whether what the host typed is this workshop's join code (case, spaces and dashes do not matter). */
export function codeMatches(typed: string, code: string): boolean {
  const wanted = normaliseJoinCode(code);
  return wanted.length > 0 && normaliseJoinCode(typed) === wanted;
}

/**
 * The locale for dates: the browser's own variant of the page's language when it has one ("en-GB"
 * for an English page in a British browser: 14:05, 12 March), else the page's language.
 */
export function dateLocale(language: string, browser: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const primary = language.toLowerCase().split('-')[0];
  const variant = browser.find((l) => l.toLowerCase().split('-')[0] === primary);
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(variant ?? language).length ? (variant ?? language) : language;
  } catch {
    return language;
  }
}

/** Date and time, like "12 March 2025 at 14:05". */
export function formatDateTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeStyle: 'short' }).format(ms);
}

/** Just the time, like "14:05". */
export function formatTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short' }).format(ms);
}
