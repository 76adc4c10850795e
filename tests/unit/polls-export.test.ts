import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PollDefinition } from '../../shared/polls.ts';
import { csvCell, pollExport, pollResponsesCsv, pollResultsCsv } from '../../server/activities/polls/export.ts';
import { answer, definitions, launch, world } from './polls-fixtures.ts';

const names: Record<string, string> = { m1: '=HYPERLINK("x")', m2: 'Bongani, Jr.', m3: 'Chipo' };
const nameOf = (id: string) => names[id] ?? id;

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('CSV cells', () => {
  it('defuses formulas and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+27 82')).toBe("'+27 82");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5'); // our own numbers stay numbers
    expect(csvCell(null)).toBe('');
  });

  it('round-trips any text, and no cell starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = `${cells.map(csvCell).join(',')}\r\n`;
        const [parsed] = parseCsv(line);
        expect(parsed).toHaveLength(cells.length);
        parsed!.forEach((cell, i) => {
          const original = cells[i]!;
          expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
    );
  });
});

describe('poll exports', () => {
  it('named poll: responses with names (escaped), rooms and times, in answer order', () => {
    const w = world();
    const id = launch(w, definitions().multiple, 'rooms');
    answer(w, id, 'm1', { kind: 'multiple', optionIds: ['o1', 'o2'] }, 'r1');
    answer(w, id, 'm2', { kind: 'multiple', optionIds: ['o3'] }, 'r2');
    const rows = parseCsv(pollResponsesCsv(w.slice.polls[id]!, nameOf, (r) => `Room ${r.slice(1)}`));
    expect(rows[0]).toEqual(['name', 'room', 'answered at', 'answer']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ["'=HYPERLINK(\"x\")", 'Room 1', 'Water; Land'],
      ['Bongani, Jr.', 'Room 2', 'Seeds'],
    ]);
    expect(rows[1]![2]).toMatch(/^1970-01-01T00:00:01\.\d{3}Z$/);
  });

  it('results CSV: all together, then each room', () => {
    const w = world();
    const id = launch(w, definitions().ranking, 'rooms');
    answer(w, id, 'm1', { kind: 'ranking', order: ['o3', 'o1', 'o2'] }, 'r1');
    answer(w, id, 'm2', { kind: 'ranking', order: ['o1', 'o3', 'o2'] }, 'r2');
    const rows = parseCsv(pollResultsCsv(w.slice.polls[id]!, nameOf));
    expect(rows).toEqual([
      ['room', 'rank', 'option', 'points', 'responses'],
      ['all', '1', 'Access', '3', '2'],
      ['all', '1', 'Cost', '3', '2'],
      ['all', '3', 'Quality', '0', '2'],
      ['r1', '1', 'Cost', '2', '1'],
      ['r1', '2', 'Access', '1', '1'],
      ['r1', '3', 'Quality', '0', '1'],
      ['r2', '1', 'Access', '2', '1'],
      ['r2', '2', 'Cost', '1', '1'],
      ['r2', '3', 'Quality', '0', '1'],
    ]);
  });

  it('anonymous poll: no names, no times, responses in text order rather than answer order', () => {
    const w = world();
    const def = definitions({ anonymous: true, results: 'live' }).checkin as PollDefinition;
    const id = launch(w, def);
    answer(w, id, 'm3', { kind: 'checkin', text: 'zesty' });
    answer(w, id, 'm1', { kind: 'checkin', text: 'calm' });
    answer(w, id, 'm2', { kind: 'checkin', text: 'busy' });
    const poll = w.slice.polls[id]!;
    const data = pollExport(poll, nameOf);
    expect(data.responses).toEqual([
      { roomId: null, answer: { kind: 'checkin', text: 'busy' } },
      { roomId: null, answer: { kind: 'checkin', text: 'calm' } },
      { roomId: null, answer: { kind: 'checkin', text: 'zesty' } },
    ]);
    expect(data.results).toMatchObject({ entries: [{ text: 'busy', name: null }, { text: 'calm', name: null }, { text: 'zesty', name: null }] });
    expect(parseCsv(pollResponsesCsv(poll, nameOf))).toEqual([['room', 'answer'], ['', 'busy'], ['', 'calm'], ['', 'zesty']]);
    expect(parseCsv(pollResultsCsv(poll, nameOf))[0]).toEqual(['room', 'text']);
  });

  it('exports every word, not only the top ones shown live', () => {
    const w = world();
    const id = launch(w, definitions().wordcloud);
    for (let i = 0; i < 80; i++) answer(w, id, `m${i}`, { kind: 'wordcloud', words: [`word${i}`] });
    const data = pollExport(w.slice.polls[id]!, nameOf);
    expect(data.results.kind === 'wordcloud' && data.results.words).toHaveLength(80);
  });
});
