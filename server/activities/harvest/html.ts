import type { HarvestNotes, HarvestPoll, HarvestRecord } from '../../../shared/harvest.ts';
import { actualMinutes, percent, privacyStatement, seconds, segmentStatus, when } from './markdown.ts';
import { pollKindWords } from './record.ts';

/**
 * The record as one self-contained, printable HTML page: inline styles, no scripts, no external
 * resources. Pure. Every string that comes from the record goes through `esc`, numbers are
 * formatted by us; choice results are drawn as bars whose widths we compute.
 */

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A block of user text: paragraphs and line breaks kept. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>')}</p>`)
    .join('\n');
}

const STYLE = `
  :root { color-scheme: light; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; }
  h2 { font-size: 1.35rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
  h3 { font-size: 1.1rem; margin-top: 1.6rem; }
  h4 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
  .meta { color: #555; font-size: .9rem; }
  .privacy { border-left: 4px solid #1f5fa8; background: #eef4fb; padding: .5rem .8rem; margin: 1rem 0; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { background: #e6e6e6; height: .8rem; min-width: 8rem; border-radius: 2px; }
  .bar > div { background: #1f5fa8; height: 100%; border-radius: 2px; }
  .note { margin: .3rem 0 .8rem; }
  .round { font-weight: 600; margin: .6rem 0 0; }
  ul.answers li { margin: .2rem 0; }
  .who { color: #555; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2, h3 { break-after: avoid; }
    section, table, li { break-inside: avoid; }
    .privacy { background: none; }
    .bar { border: 1px solid #999; }
    .bar > div { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;

export function harvestHtml(record: HarvestRecord): string {
  const { workshop } = record;
  const privacy = privacyStatement(record);
  const title = workshop.title.trim() || 'Workshop';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harvest: ${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Harvest: ${esc(title)}</h1>
${workshop.description.trim() ? paragraphs(workshop.description) : ''}
<p class="meta">Made ${esc(when(workshop.madeAt))}. Workshop created ${esc(when(workshop.createdAt))}.</p>
<div class="privacy"><p>${esc(privacy.contains)}</p>${privacy.leftOut ? `<p>${esc(privacy.leftOut)}</p>` : ''}</div>
</header>
${agenda(record)}
${attendance(record)}
${notes(record)}
${polls(record)}
${speaking(record)}
</body>
</html>
`;
}

const cell = (v: string | number, num = false) => `<td${num ? ' class="num"' : ''}>${esc(v)}</td>`;
const head = (cells: readonly string[]) => `<tr>${cells.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr>`;

function agenda(record: HarvestRecord): string {
  if (!record.agenda.length) return '<section><h2>Agenda as run</h2><p>No agenda was planned.</p></section>';
  const rows = record.agenda.map((s) => {
    const actual = actualMinutes(s);
    return `<tr>${cell(s.title)}${cell(s.kind)}${cell(`${s.plannedMinutes} min`, true)}${cell(actual === null ? '–' : `${actual} min`, true)}${cell(
      s.startedAt === null ? '–' : when(s.startedAt),
    )}${cell(segmentStatus(s))}${cell(s.present ?? '–', true)}</tr>`;
  });
  return `<section><h2>Agenda as run</h2><table>${head(['Segment', 'Activity', 'Planned', 'Actual', 'Started', 'Status', 'Present'])}${rows.join('')}</table></section>`;
}

function attendance(record: HarvestRecord): string {
  const a = record.attendance;
  const counts = `<ul>
<li>Joined: ${a.joined} (of whom ${a.facilitators} ${a.facilitators === 1 ? 'facilitator' : 'facilitators'})</li>
<li>Still admitted at the end: ${a.admitted}</li>
<li>Removed: ${a.removed}</li>
<li>Most participants present at the start of a segment: ${a.peak ?? 'not recorded'}</li>
</ul>`;
  if (!a.people) return `<section><h2>Attendance</h2>${counts}</section>`;
  const fields = [...new Set(a.people.flatMap((p) => Object.keys(p.profile)))];
  const rows = a.people.map((p) => `<tr>${cell(p.name)}${cell(p.role)}${cell(p.status)}${cell(when(p.joinedAt))}${fields.map((f) => cell(p.profile[f] ?? '')).join('')}</tr>`);
  return `<section><h2>Attendance</h2>${counts}<table>${head(['Name', 'Role', 'Status', 'Joined', ...fields])}${rows.join('')}</table></section>`;
}

function notes(record: HarvestRecord): string {
  const body = record.notes.length ? record.notes.map(noteSection).join('\n') : '<p>No notes in this document.</p>';
  return `<section><h2>What the rooms wrote</h2>${body}</section>`;
}

function noteSection(n: HarvestNotes): string {
  const rooms = n.rooms.map((room) => {
    const heading = `<h4>${esc(room.name.trim() || 'Room')}${room.topic.trim() ? `: ${esc(room.topic)}` : ''}</h4>`;
    const texts = room.notes.length
      ? room.notes.map((note) => `${note.round !== null ? `<p class="round">Round ${note.round}</p>` : ''}<div class="note">${paragraphs(note.text)}</div>`).join('')
      : '<p class="meta">No notes.</p>';
    return heading + texts;
  });
  return `<section><h3>${esc(n.title)}</h3><p class="meta">Closed ${esc(when(n.closedAt))} · privacy: ${esc(n.level)}</p>${rooms.join('\n')}</section>`;
}

function polls(record: HarvestRecord): string {
  const body = record.polls.length ? record.polls.map(pollSection).join('\n') : '<p>No polls in this document.</p>';
  return `<section><h2>Polls, check-ins and check-outs</h2>${body}</section>`;
}

/** A bar for `count` out of `max`, as an inline width we compute (never from user text). */
function bar(count: number, max: number): string {
  const width = max > 0 ? Math.round((Math.max(0, count) / max) * 100) : 0;
  return `<td><div class="bar" role="img" aria-label="${width}%"><div style="width:${width}%"></div></div></td>`;
}

function pollSection(p: HarvestPoll): string {
  const r = p.results;
  const meta = `<p class="meta">${esc(pollKindWords(p.kind))} · ${p.anonymous ? 'anonymous' : 'named'} · ${r.responses} ${r.responses === 1 ? 'response' : 'responses'} · privacy: ${esc(p.level)}</p>`;
  let body = '';
  switch (r.kind) {
    case 'single':
    case 'multiple': {
      const max = Math.max(0, ...r.options.map((o) => o.count));
      body = `<table>${head(['Option', 'Count', ''])}${r.options.map((o) => `<tr>${cell(o.label)}${cell(o.count, true)}${bar(o.count, max)}</tr>`).join('')}</table>`;
      break;
    }
    case 'scale': {
      const max = Math.max(0, ...r.counts);
      const label = (v: number) => (v === r.min && r.minLabel ? ` (${r.minLabel})` : v === r.max && r.maxLabel ? ` (${r.maxLabel})` : '');
      body = `<table>${head(['Value', 'Count', ''])}${r.counts.map((c, i) => `<tr>${cell(`${r.min + i}${label(r.min + i)}`)}${cell(c, true)}${bar(c, max)}</tr>`).join('')}</table><p>Mean: ${esc(r.mean ?? '–')}</p>`;
      break;
    }
    case 'wordcloud': {
      const max = Math.max(0, ...r.words.map((w) => w.count));
      body = `<p>${r.distinctWords} different words.</p><table>${head(['Word', 'Count', ''])}${r.words.map((w) => `<tr>${cell(w.text)}${cell(w.count, true)}${bar(w.count, max)}</tr>`).join('')}</table>`;
      break;
    }
    case 'ranking':
      body = `<table>${head(['Rank', 'Option', 'Points'])}${r.options.map((o) => `<tr>${cell(o.rank, true)}${cell(o.label)}${cell(o.points, true)}</tr>`).join('')}</table>`;
      break;
    case 'text':
    case 'checkin':
      body = p.answers.length
        ? `<ul class="answers">${p.answers.map((a) => `<li>${esc(a.text)}${a.name !== null && !p.anonymous ? ` <span class="who">(${esc(a.name)})</span>` : ''}</li>`).join('')}</ul>`
        : '<p class="meta">No answers.</p>';
      break;
  }
  return `<section><h3>${esc(p.question)}</h3>${meta}${body}</section>`;
}

function speaking(record: HarvestRecord): string {
  if (!record.speaking.length) return '<section><h2>Speaking balance</h2><p>No speaking turns were recorded.</p></section>';
  const rows = record.speaking.map(
    (s) =>
      `<tr>${cell(s.label)}${cell(s.turns, true)}${cell(s.balance.peopleCount, true)}${cell(s.balance.notSpoken, true)}${cell(seconds(s.balance.totalMs), true)}${cell(
        percent(s.balance.score),
        true,
      )}</tr>`,
  );
  return `<section><h2>Speaking balance</h2><p>Evenness is 100% when everyone spoke for the same time and 0% when one person did all the talking.</p><table>${head([
    'Room',
    'Turns',
    'People',
    'Did not speak',
    'Time spoken',
    'Evenness',
  ])}${rows.join('')}</table></section>`;
}
