import { describe, expect, it } from 'vitest';
import { matchRows, nameKey, parsePreassignCsv } from '../../server/activities/breakouts/preassign.ts';

describe('pre-assigned lists', () => {
  it('reads commas, semicolons, tabs, quotes and a byte-order mark, and skips a header row', () => {
    expect(parsePreassignCsv('\uFEFFName,Room\n"Okafor, Grace",Kitchen\r\nAli,Garden\n')).toEqual({
      ok: true,
      rows: [
        { name: 'Okafor, Grace', room: 'Kitchen' },
        { name: 'Ali', room: 'Garden' },
      ],
    });
    expect(parsePreassignCsv('Ali;Garden\nNoor;Kitchen')).toMatchObject({ ok: true, rows: [{ name: 'Ali', room: 'Garden' }, { name: 'Noor', room: 'Kitchen' }] });
    expect(parsePreassignCsv('Ali\tGarden')).toMatchObject({ ok: true, rows: [{ name: 'Ali', room: 'Garden' }] });
  });

  it('says what went wrong with a list it cannot use', () => {
    const broken = parsePreassignCsv('"Ali,Garden\nNoor,Kitchen');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/could not be read .* Use one line per person: name, room\.$/);
    expect(parsePreassignCsv('only names\nhere')).toEqual({ ok: false, message: 'No rows with both a name and a room were found. Use one line per person: name, room.' });
    expect(parsePreassignCsv('')).toEqual({ ok: true, rows: [] });
  });

  it('compares names without case, width or extra spaces', () => {
    expect(nameKey('  Amina   K ')).toBe(nameKey('amina k'));
    expect(nameKey('ＡＭＩＮＡ')).toBe(nameKey('amina'));
  });

  it('lists rows naming nobody and second rows for the same name, and seats namesakes together', () => {
    const people = [
      { id: 'a', name: 'Ali' },
      { id: 'b', name: 'ali' },
      { id: 'c', name: 'Noor' },
    ];
    const { roomOf, unmatched, duplicates } = matchRows(
      [
        { name: 'ALI', room: 'Garden' },
        { name: 'Ghost', room: 'Kitchen' },
        { name: 'Noor', room: 'Kitchen' },
        { name: 'noor', room: 'Garden' },
      ],
      people,
    );
    expect(Object.fromEntries(roomOf)).toEqual({ a: 'Garden', b: 'Garden', c: 'Kitchen' });
    expect(unmatched).toEqual(['Ghost → Kitchen']);
    expect(duplicates).toEqual(['noor → Garden']);
  });
});

describe('a long list in parts', () => {
  it('keeps the first part and appends the rest', async () => {
    const { act, crowd, workshopWith } = await import('./activity-helpers.ts');
    let s = workshopWith(crowd(2));
    s = act(s, 'host-1', { type: 'breakouts.preassign', csv: 'old,Room 9' }, 1);
    s = act(s, 'host-1', { type: 'breakouts.preassign', csv: 'Ali,Garden' }, 2);
    s = act(s, 'host-1', { type: 'breakouts.preassign', csv: 'Noor,Kitchen', append: true }, 3);
    expect(s.breakoutRecord.preassigned).toEqual([
      { name: 'Ali', room: 'Garden' },
      { name: 'Noor', room: 'Kitchen' },
    ]);
  });
});
