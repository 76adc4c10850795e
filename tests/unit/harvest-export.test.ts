import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HarvestRecord, type HarvestFormat } from '../../shared/harvest.ts';
import { apply } from '../../server/engine/reducer.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { harvestFile, slug } from '../../server/activities/harvest/export.ts';
import { mdInline, mdText } from '../../server/activities/harvest/markdown.ts';
import { harvestRecord, type HarvestAudience } from '../../server/activities/harvest/record.ts';
import { buildTallies } from '../../server/activities/polls/aggregate.ts';
import { act, crowd, workshopWith } from './activity-helpers.ts';
import { HOST, stamp } from './helpers.ts';

/** Each format renders what the record holds, escapes what people typed, and says which levels it holds. */

const MIN = 60_000;
const XSS = '<script>alert(1)</script>';
const SNEAKY = 'See [our site](http://evil.example) <img src=x onerror=alert(2)>\n# Not a heading\n- not a list\n1. not a list either\n| not | a table |\n`code` *bold* _em_';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

function ran(): { s: WorkshopState; roomOf: Record<string, string>; polls: { single: string; text: string; anon: string } } {
  let s = workshopWith(crowd(6));
  // a person whose name and profile are what a spreadsheet or a browser would trip on, joined by a real event
  s = stamp(
    [{ type: 'member.joined', member: { id: 'evil1', name: FORMULA_NAME, role: 'participant', profile: { org: 'Line one\nline "two", three', lang: '@SUM(A1)' }, tokenHash: 't-evil1', status: 'admitted' } }],
    s.version,
    2_000,
  ).reduce(apply, s);
  s = act(
    s,
    HOST,
    {
      type: 'agenda.set',
      segments: [
        { id: 's1', title: 'Welcome & <intro>', minutes: 10, activity: { kind: 'plenary' } },
        { id: 's2', title: 'Stories', minutes: 20, activity: { kind: 'plenary' } },
      ],
    },
    5_000,
  );
  s = act(s, HOST, { type: 'agenda.next', from: null }, 10_000);
  s = act(s, HOST, { type: 'agenda.next', from: 's1' }, 10_000 + 13 * MIN);
  s = act(s, HOST, { type: 'agenda.finish', from: 's2' }, 10_000 + 30 * MIN);

  s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, rooms: [{ name: 'Funding' }, { name: 'Housing' }] }, 3_000_000);
  s = act(s, HOST, { type: 'breakouts.open', durationMs: 10 * MIN }, 3_001_000);
  const roomOf = { ...s.breakouts!.assignment };
  const member = (room: string) => Object.keys(roomOf).find((id) => roomOf[id] === room)!;
  s = act(s, member('r1'), { type: 'breakouts.notes', roomId: 'r1', text: `Watch out: ${XSS}` }, 3_002_000);
  s = act(s, member('r2'), { type: 'breakouts.notes', roomId: 'r2', text: SNEAKY }, 3_003_000);
  s = act(s, HOST, { type: 'breakouts.close', immediately: true }, 3_100_000);

  const launch = (poll: Extract<Parameters<typeof act>[2], { type: 'poll.create' }>['poll'], at: number): string => {
    s = act(s, HOST, { type: 'poll.create', poll }, at);
    const id = Object.keys(s.polls.polls).at(-1)!;
    s = act(s, HOST, { type: 'poll.launch', pollId: id, scope: 'plenary' }, at + 1);
    return id;
  };
  const options = [
    { id: 'o1', label: 'Tools' },
    { id: 'o2', label: '=1+1' },
    { id: 'o3', label: 'Funding, "mostly"' },
  ];
  const single = launch({ kind: 'single', question: 'Which "session" next?', options, settings: { anonymous: false, results: 'live' } }, 4_000_000);
  for (const [who, optionId] of [['p000', 'o1'], ['p001', 'o1'], ['p002', 'o1'], ['p003', 'o2']] as const) {
    s = act(s, who, { type: 'poll.answer', pollId: single, answer: { kind: 'single', optionId } }, 4_001_000);
  }
  const text = launch({ kind: 'text', question: 'What should we change?', settings: { anonymous: false, results: 'live' } }, 4_100_000);
  s = act(s, 'p004', { type: 'poll.answer', pollId: text, answer: { kind: 'text', text: '-1 for long talks, +1 for "circles"' } }, 4_101_000);
  s = act(s, 'evil1', { type: 'poll.answer', pollId: text, answer: { kind: 'text', text: `I say ${XSS}` } }, 4_102_000);
  const anon = launch({ kind: 'checkin', moment: 'checkout', question: 'One word to leave with', settings: { anonymous: true, results: 'live' } }, 4_200_000);
  s = act(s, 'p005', { type: 'poll.answer', pollId: anon, answer: { kind: 'checkin', text: 'Hopeful' } }, 4_201_000);
  return { s, roomOf, polls: { single, text, anon } };
}

const built = ran();
const allShareable = (['attendance', 'breakouts:1', ...Object.values(built.polls).map((id) => `poll:${id}`)] as const).reduce(
  (s, area) => act(s, HOST, { type: 'harvest.privacy', area, level: 'shareable' }, 5_000_000),
  built.s,
);
const MADE = Date.UTC(2025, 2, 4, 9, 5);
const recordOf = (s: WorkshopState, audience: HarvestAudience) => harvestRecord(s, buildTallies(s.polls), MADE, audience);
const file = (format: HarvestFormat, s = allShareable, audience: HarvestAudience = { kind: 'export' }) => harvestFile(recordOf(s, audience), format, 'Café & Co: Peer Learning!');
const rows = (csv: string): string[][] => parse(csv, { bom: true, relaxColumnCount: false });

describe('files', () => {
  it('are named from the title and typed', () => {
    const named = (['markdown', 'html', 'polls.csv', 'attendance.csv', 'json'] as const).map((f) => [file(f).filename, file(f).mime]);
    expect(named).toEqual([
      ['cafe-co-peer-learning-harvest.md', 'text/markdown'],
      ['cafe-co-peer-learning-harvest.html', 'text/html'],
      ['cafe-co-peer-learning-polls.csv', 'text/csv'],
      ['cafe-co-peer-learning-attendance.csv', 'text/csv'],
      ['cafe-co-peer-learning-harvest.json', 'application/json'],
    ]);
    expect(slug('ورشة عمل')).toBe('workshop');
    expect(slug('  --Déjà vu--  ')).toBe('deja-vu');
    expect(slug('x'.repeat(200)).length).toBeLessThanOrEqual(60);
  });

  it('JSON is the record itself', () => {
    const record = recordOf(allShareable, { kind: 'export' });
    const json = harvestFile(record, 'json', 'x').text;
    expect(HarvestRecord.parse(JSON.parse(json))).toEqual(record);
    expect(JSON.parse(json).levels).toEqual(['shareable']);
  });
});

describe('Markdown', () => {
  const md = file('markdown', allShareable, { kind: 'facilitators' }).text;

  it('has the title, the agenda with planned and actual minutes, attendance, notes, polls and check-outs', () => {
    expect(md).toMatch(/^# Harvest: Peer learning\n/);
    expect(md).toContain('Made 2025-03-04 09:05 UTC.');
    expect(md).toContain('| Welcome & \\<intro\\> | plenary | 10 min | 13 min |');
    expect(md).toContain('| Stories | plenary | 20 min | 17 min |');
    expect(md).toContain('- Joined: 8 (of whom 1 facilitator)');
    expect(md).toContain('#### Funding');
    expect(md).toContain('Watch out: \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('| Tools | 3 |');
    expect(md).toContain('| \\=1+1 | 1 |');
    expect(md).toContain('- Hopeful');
    expect(md).toContain('(Person p004)');
  });

  it('escapes what people wrote so it cannot make links, images, HTML, headings, lists or tables', () => {
    const lines = md.split('\n');
    // every < and [ in the document comes from user text, and every one is escaped
    expect(md).not.toMatch(/(^|[^\\])[<[]/m);
    expect(md).toContain('See \\[our site\\](http://evil.example) \\<img src=x onerror=alert(2)\\>');
    expect(lines).toContain('\\# Not a heading  ');
    expect(lines).toContain('\\- not a list  ');
    expect(lines).toContain('1\\. not a list either  ');
    expect(md).toContain('\\| not \\| a table \\|');
    expect(md).toContain('\\`code\\` \\*bold\\* \\_em\\_');
    // a name that is all punctuation still reads
    expect(mdInline('Amina (Kakuma) — 5 years!')).toBe('Amina (Kakuma) — 5 years!');
    expect(mdText('a\n\n\nb')).toBe('a\n\nb');
  });

  it('says what it contains and what was left out', () => {
    const exported = file('markdown', built.s).text;
    expect(exported).toContain('this document contains shareable parts only');
    expect(exported).toMatch(/Left out because of their privacy level: .*Breakout round 1 \(workshop\)/);
    expect(exported).not.toContain('Watch out');
    expect(md).toContain('room, workshop and shareable level parts');
  });
});

describe('HTML', () => {
  const html = file('html', allShareable, { kind: 'facilitators' }).text;

  it('is one self-contained printable page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    // user text is escaped, so every tag here is ours: only plain structure, no scripts, no links, no loads
    const tags = html.match(/<\/?[a-zA-Z][^>]*>/g)!;
    const names = new Set(tags.map((t) => /^<\/?([a-zA-Z0-9]+)/.exec(t)![1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'h1', 'h2', 'h3', 'h4', 'p', 'div', 'br', 'ul', 'li', 'span', 'table', 'tr', 'th', 'td'];
    expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
    const attributes = new Set(tags.flatMap((t) => [...t.matchAll(/\s([a-zA-Z-]+)="[^"]*"/g)].map((m) => m[1]!)));
    expect([...attributes].filter((a) => !['lang', 'charset', 'name', 'content', 'class', 'role', 'aria-label', 'style', 'scope'].includes(a))).toEqual([]);
    for (const t of tags) for (const m of t.matchAll(/style="([^"]*)"/g)) expect(m[1]).toMatch(/^width:\d{1,3}%$/);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('escapes every user string', () => {
    expect(html).toContain('Watch out: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('I say &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('See [our site](http://evil.example) &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<h3>Which &quot;session&quot; next?</h3>');
    expect(html).toContain('Welcome &amp; &lt;intro&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
  });

  it('draws choice results as bars in proportion to the counts', () => {
    // Tools 3 of 3 is the longest bar; "=1+1" 1 of 3; the third option none
    expect(html).toMatch(/<td>Tools<\/td><td class="num">3<\/td><td><div class="bar"[^>]*><div style="width:100%">/);
    expect(html).toMatch(/<td>=1\+1<\/td><td class="num">1<\/td><td><div class="bar"[^>]*><div style="width:33%">/);
    expect(html).toMatch(/<td>Funding, &quot;mostly&quot;<\/td><td class="num">0<\/td><td><div class="bar"[^>]*><div style="width:0%">/);
  });

  it('says what it contains and what was left out', () => {
    const exported = file('html', built.s).text;
    expect(exported).toContain('this document contains shareable parts only');
    expect(exported).toContain('Breakout round 1 (workshop)');
    expect(exported).not.toContain('Watch out');
  });
});

describe('CSV', () => {
  it('has one row per poll and option, word or answer, with names for named polls only', () => {
    const table = rows(file('polls.csv').text);
    expect(table[0]).toEqual(['poll', 'kind', 'privacy', 'item', 'measure', 'count', 'name']);
    const q = 'Which "session" next?';
    expect(table).toContainEqual([q, 'single', 'shareable', '', 'responses', '4', '']);
    expect(table).toContainEqual([q, 'single', 'shareable', 'Tools', 'votes', '3', '']);
    expect(table).toContainEqual([q, 'single', 'shareable', 'Funding, "mostly"', 'votes', '0', '']);
    expect(table).toContainEqual(['What should we change?', 'text', 'shareable', `I say ${XSS}`, 'answer', '', `'${FORMULA_NAME}`]);
    expect(table).toContainEqual(['One word to leave with', 'checkout', 'shareable', 'Hopeful', 'answer', '', '']);
  });

  it('quotes per RFC 4180 and defuses formulas', () => {
    const text = file('polls.csv').text;
    const table = rows(text);
    // = + - @ at the start get an apostrophe; quotes are doubled inside quoted cells
    expect(table).toContainEqual(['Which "session" next?', 'single', 'shareable', "'=1+1", 'votes', '1', '']);
    expect(table).toContainEqual(['What should we change?', 'text', 'shareable', `'-1 for long talks, +1 for "circles"`, 'answer', '', 'Person p004']);
    expect(text).toContain('"\'-1 for long talks, +1 for ""circles"""');
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(text.split('\r\n').length).toBeGreaterThan(5);
  });

  it('lists attendance with profiles where allowed, line breaks kept inside quotes', () => {
    const table = rows(file('attendance.csv').text);
    expect(table[0]).toEqual(['name', 'role', 'status', 'joined at', 'Organisation', 'Language', 'privacy']);
    expect(table).toContainEqual([`'${FORMULA_NAME}`, 'participant', 'admitted', new Date(2_000).toISOString(), 'Line one\nline "two", three', "'@SUM(A1)", 'shareable']);
    expect(table).toHaveLength(1 + 8);
  });

  it('gives counts only, without names, when the list is not shareable', () => {
    const text = file('attendance.csv', built.s).text;
    expect(rows(text)).toEqual([
      ['measure', 'count', 'privacy'],
      ['joined', '8', 'counts only: names left out'],
      ['admitted', '8', 'counts only: names left out'],
      ['removed', '0', 'counts only: names left out'],
      ['facilitators', '1', 'counts only: names left out'],
      ['peak present', '7', 'counts only: names left out'],
    ]);
    expect(text).not.toContain('Person p0');
    expect(rows(file('polls.csv', built.s).text)).toEqual([['poll', 'kind', 'privacy', 'item', 'measure', 'count', 'name']]);
  });
});
