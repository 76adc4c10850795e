import type { HarvestNotes, HarvestPoll, HarvestRecord, HarvestSegment, PrivacyLevel } from '../../../shared/harvest.ts';
import { pollKindWords } from './record.ts';

/**
 * The record as a Markdown document. Pure. Everything people typed goes through `mdText` (or
 * `mdInline` inside headings, list items and table cells): Markdown and HTML control characters are
 * backslash-escaped, so a note cannot become a link, an image, raw HTML, a heading or a table.
 *
 * The small helpers for dates, durations and the privacy statement are shared with html.ts.
 */

// ---- shared wording -------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-03-04 09:05 UTC": the same for every reader, wherever the server runs. */
export function when(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** Whole minutes between two times, or null when either is missing. */
export function actualMinutes(s: Pick<HarvestSegment, 'startedAt' | 'endedAt'>): number | null {
  return s.startedAt !== null && s.endedAt !== null ? Math.round((s.endedAt - s.startedAt) / 60_000) : null;
}

export function segmentStatus(s: HarvestSegment): string {
  if (s.skipped) return 'skipped';
  if (s.startedAt === null) return 'not run';
  if (s.endedAt === null) return 'running';
  return 'done';
}

const LEVEL_WORDS: Record<PrivacyLevel, string> = { room: 'room', workshop: 'workshop', shareable: 'shareable' };

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What the document contains and what was left out, in plain words (user text is not in these). */
export function privacyStatement(record: HarvestRecord): { contains: string; leftOut: string | null } {
  const levels = record.levels.map((l) => LEVEL_WORDS[l]);
  const contains =
    record.levels.length === 1 && record.levels[0] === 'shareable'
      ? 'Privacy: this document contains shareable parts only.'
      : `Privacy: this document contains ${listWords(levels)} level parts. Do not share it beyond the people allowed to see them.`;
  const leftOut = record.omitted.length
    ? `Left out because of their privacy level: ${record.omitted.map((o) => `${o.title} (${LEVEL_WORDS[o.level]})`).join('; ')}.`
    : null;
  return { contains, leftOut };
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

// ---- escaping -------------------------------------------------------------------------------------

/**
 * Characters with a meaning in Markdown or HTML, escaped wherever they are; `&` only where it would
 * start an entity. `!` and `(` stay as typed: without `[` they cannot make an image or a link.
 */
const SPECIAL = /[\\`*_[\]<>#|~]|&(?=#?[A-Za-z0-9]+;)/g;

function escapeLine(line: string): string {
  const escaped = line.trimStart().replace(SPECIAL, (c) => `\\${c}`);
  // line starts that would make a list, a quote, a setext underline or a thematic break
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of user text (headings, list items, table cells): line breaks become spaces. */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** A block of user text: paragraphs kept, line breaks kept as hard breaks. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => escapeLine(l).trimEnd())
        .filter((l) => l !== '')
        .join('  \n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

// ---- the document ---------------------------------------------------------------------------------

export function harvestMarkdown(record: HarvestRecord): string {
  const { workshop } = record;
  const privacy = privacyStatement(record);
  const out: string[] = [`# Harvest: ${mdInline(workshop.title) || 'Workshop'}`, ''];
  if (workshop.description.trim()) out.push(mdText(workshop.description), '');
  out.push(`Made ${when(workshop.madeAt)}. Workshop created ${when(workshop.createdAt)}.`, '', `> ${privacy.contains}`);
  if (privacy.leftOut) out.push('>', `> ${privacy.leftOut}`);
  out.push('', ...agenda(record), ...attendance(record), ...notes(record), ...polls(record), ...speaking(record));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function agenda(record: HarvestRecord): string[] {
  const out = ['## Agenda as run', ''];
  if (!record.agenda.length) return [...out, 'No agenda was planned.', ''];
  const rows = record.agenda.map((s) => {
    const actual = actualMinutes(s);
    return [mdInline(s.title), s.kind, `${s.plannedMinutes} min`, actual === null ? '–' : `${actual} min`, s.startedAt === null ? '–' : when(s.startedAt), segmentStatus(s), s.present ?? '–'];
  });
  return [...out, ...table(['Segment', 'Activity', 'Planned', 'Actual', 'Started', 'Status', 'Present'], rows), ''];
}

function attendance(record: HarvestRecord): string[] {
  const a = record.attendance;
  const out = [
    '## Attendance',
    '',
    `- Joined: ${a.joined} (of whom ${a.facilitators} ${a.facilitators === 1 ? 'facilitator' : 'facilitators'})`,
    `- Still admitted at the end: ${a.admitted}`,
    `- Removed: ${a.removed}`,
    `- Most participants present at the start of a segment: ${a.peak ?? 'not recorded'}`,
    '',
  ];
  if (!a.people) return out;
  const fields = [...new Set(a.people.flatMap((p) => Object.keys(p.profile)))];
  const rows = a.people.map((p) => [mdInline(p.name), p.role, p.status, when(p.joinedAt), ...fields.map((f) => mdInline(p.profile[f] ?? ''))]);
  return [...out, ...table(['Name', 'Role', 'Status', 'Joined', ...fields.map(mdInline)], rows), ''];
}

function notes(record: HarvestRecord): string[] {
  const out = ['## What the rooms wrote', ''];
  if (!record.notes.length) return [...out, 'No notes in this document.', ''];
  for (const n of record.notes) out.push(...noteSection(n));
  return out;
}

function noteSection(n: HarvestNotes): string[] {
  const out = [`### ${n.title}`, '', `_Closed ${when(n.closedAt)} · privacy: ${n.level}_`, ''];
  for (const room of n.rooms) {
    out.push(`#### ${mdInline(room.name) || 'Room'}${room.topic.trim() ? `: ${mdInline(room.topic)}` : ''}`, '');
    if (!room.notes.length) out.push('_No notes._', '');
    for (const note of room.notes) {
      if (note.round !== null) out.push(`**Round ${note.round}**`, '');
      out.push(mdText(note.text), '');
    }
  }
  return out;
}

function polls(record: HarvestRecord): string[] {
  const out = ['## Polls, check-ins and check-outs', ''];
  if (!record.polls.length) return [...out, 'No polls in this document.', ''];
  for (const p of record.polls) out.push(...pollSection(p));
  return out;
}

function pollSection(p: HarvestPoll): string[] {
  const r = p.results;
  const out = [
    `### ${mdInline(p.question)}`,
    '',
    `_${pollKindWords(p.kind)} · ${p.anonymous ? 'anonymous' : 'named'} · ${r.responses} ${r.responses === 1 ? 'response' : 'responses'} · privacy: ${p.level}_`,
    '',
  ];
  switch (r.kind) {
    case 'single':
    case 'multiple':
      out.push(...table(['Option', 'Count'], r.options.map((o) => [mdInline(o.label), o.count])));
      break;
    case 'scale':
      out.push(
        ...table(
          ['Value', 'Count'],
          r.counts.map((c, i) => {
            const v = r.min + i;
            const label = v === r.min && r.minLabel ? ` (${mdInline(r.minLabel)})` : v === r.max && r.maxLabel ? ` (${mdInline(r.maxLabel)})` : '';
            return [`${v}${label}`, c];
          }),
        ),
        '',
        `Mean: ${r.mean ?? '–'}`,
      );
      break;
    case 'wordcloud':
      out.push(`${r.distinctWords} different words.`, '', ...r.words.map((w) => `- ${mdInline(w.text)}: ${w.count}`));
      break;
    case 'ranking':
      out.push(...table(['Rank', 'Option', 'Points'], r.options.map((o) => [o.rank, mdInline(o.label), o.points])));
      break;
    case 'text':
    case 'checkin':
      if (!p.answers.length) out.push('_No answers._');
      for (const a of p.answers) out.push(`- ${mdInline(a.text)}${a.name !== null && !p.anonymous ? ` (${mdInline(a.name)})` : ''}`);
      break;
  }
  return [...out, ''];
}

function speaking(record: HarvestRecord): string[] {
  const out = ['## Speaking balance', ''];
  if (!record.speaking.length) return [...out, 'No speaking turns were recorded.', ''];
  const rows = record.speaking.map((s) => [
    mdInline(s.label),
    s.turns,
    s.balance.peopleCount,
    s.balance.notSpoken,
    seconds(s.balance.totalMs),
    percent(s.balance.score),
  ]);
  return [
    ...out,
    'Evenness is 100% when everyone spoke for the same time and 0% when one person did all the talking.',
    '',
    ...table(['Room', 'Turns', 'People', 'Did not speak', 'Time spoken', 'Evenness'], rows),
    '',
  ];
}
