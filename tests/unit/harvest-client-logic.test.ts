import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next from 'i18next';
import { HarvestFormat, HarvestRecord, PrivacyLevel, type HarvestSegment } from '../../shared/harvest.ts';
import en from '../../client/src/lib/i18n/en.ts';
import {
  EXPORT_FORMATS,
  PRIVACY_LEVELS,
  agendaTotals,
  balancePercent,
  codeMatches,
  dateLocale,
  exportSummary,
  harvestAreas,
  isWrittenKind,
  notesInOrder,
  privacyFingerprint,
  segmentRun,
} from '../../client/src/features/harvest/harvest-logic.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 12, 9, 0);

function segment(over: Partial<HarvestSegment>): HarvestSegment {
  return { title: 'Welcome', kind: 'plenary', plannedMinutes: 10, startedAt: null, endedAt: null, skipped: false, present: null, ...over };
}

/** A record as the server sends it (parsed by the protocol's schema, so the fixture cannot drift from it). */
const record = HarvestRecord.parse({
  workshop: { title: 'Peer support circle', description: '', createdAt: T0, madeAt: T0 + 90 * MIN },
  levels: ['room', 'workshop', 'shareable'],
  agenda: [],
  attendance: { area: 'attendance', level: 'workshop', joined: 5, admitted: 5, removed: 0, facilitators: 1, peak: 4, people: [] },
  notes: [
    { area: 'breakouts:1', level: 'room', title: 'Breakout round 1', kind: 'breakouts', closedAt: T0 + 30 * MIN, rooms: [] },
    { area: 'cafe:1', level: 'shareable', title: 'World café 1', kind: 'cafe', closedAt: T0 + 60 * MIN, rooms: [] },
  ],
  polls: [
    {
      area: 'poll:poll_abcd',
      level: 'shareable',
      question: 'What will you take home?',
      kind: 'checkin',
      anonymous: true,
      launchedAt: T0,
      closedAt: T0 + MIN,
      results: { kind: 'checkin', responses: 1, entries: [{ text: 'Courage', name: null }] },
      answers: [{ text: 'Courage', name: null }],
    },
  ],
  speaking: [],
  omitted: [],
});

describe('harvest page: areas and exports', () => {
  it('lists every area in page order with its saved level', () => {
    expect(harvestAreas(record, 'Attendance: names and profiles')).toEqual([
      { area: 'attendance', title: 'Attendance: names and profiles', level: 'workshop' },
      { area: 'breakouts:1', title: 'Breakout round 1', level: 'room' },
      { area: 'cafe:1', title: 'World café 1', level: 'shareable' },
      { area: 'poll:poll_abcd', title: 'What will you take home?', level: 'shareable' },
    ]);
  });

  it('says how many areas an export holds and names the ones it leaves out', () => {
    const summary = exportSummary(harvestAreas(record, 'Attendance'));
    expect(summary.shareable).toBe(2);
    expect(summary.total).toBe(4);
    expect(summary.leftOut.map((a) => a.title)).toEqual(['Attendance', 'Breakout round 1']);
  });

  it('never counts a room-only or workshop area as exported, whatever the mix', () => {
    const areas = fc.array(fc.record({ area: fc.string(), title: fc.string(), level: fc.constantFrom(...PRIVACY_LEVELS) }));
    fc.assert(
      fc.property(areas, (list) => {
        const summary = exportSummary(list);
        expect(summary.shareable + summary.leftOut.length).toBe(list.length);
        expect(summary.leftOut.every((a) => a.level !== 'shareable')).toBe(true);
        expect(summary.shareable).toBe(list.filter((a) => a.level === 'shareable').length);
      }),
    );
  });

  it('offers every export format and every privacy level the protocol has', () => {
    expect(EXPORT_FORMATS.map((f) => f.format).sort()).toEqual([...HarvestFormat.options].sort());
    expect([...PRIVACY_LEVELS].sort()).toEqual([...PrivacyLevel.options].sort());
  });

  it('notices a change in the console’s privacy levels, not the order they arrive in', () => {
    expect(privacyFingerprint({ 'poll:abcd': 'shareable', attendance: 'room' })).toBe(
      privacyFingerprint({ attendance: 'room', 'poll:abcd': 'shareable' }),
    );
    expect(privacyFingerprint({ 'poll:abcd': 'shareable' })).not.toBe(privacyFingerprint({}));
    expect(privacyFingerprint({ 'poll:abcd': 'shareable' })).not.toBe(privacyFingerprint({ 'poll:abcd': 'room' }));
    expect(privacyFingerprint(undefined)).toBe(privacyFingerprint({}));
  });
});

describe('harvest page: the agenda as run', () => {
  const now = T0 + 100 * MIN;

  it('gives planned and actual minutes and the drift of a finished segment', () => {
    expect(segmentRun(segment({ plannedMinutes: 10, startedAt: T0, endedAt: T0 + 14 * MIN }), now)).toEqual({
      status: 'done',
      planned: 10,
      actual: 14,
      drift: 4,
    });
    expect(segmentRun(segment({ plannedMinutes: 20, startedAt: T0, endedAt: T0 + 15 * MIN + 20_000 }), now)).toMatchObject({ actual: 15, drift: -5 });
  });

  it('tells skipped, never reached and still running apart', () => {
    expect(segmentRun(segment({ skipped: true, startedAt: null }), now).status).toBe('skipped');
    expect(segmentRun(segment({}), now).status).toBe('notReached');
    expect(segmentRun(segment({ startedAt: now - 7 * MIN }), now)).toEqual({ status: 'running', planned: 10, actual: 7 });
  });

  it('adds up the plan without skipped segments, and the time actually run', () => {
    const segments = [
      segment({ plannedMinutes: 10, startedAt: T0, endedAt: T0 + 12 * MIN }),
      segment({ plannedMinutes: 30, skipped: true }),
      segment({ plannedMinutes: 20, startedAt: T0 + 12 * MIN, endedAt: null }),
      segment({ plannedMinutes: 5 }),
    ];
    expect(agendaTotals(segments, T0 + 20 * MIN)).toEqual({ planned: 35, actual: 20 });
  });
});

describe('harvest page: small rules', () => {
  it('puts a café table’s notes in round order', () => {
    const notes = [
      { round: 3, text: 'c' },
      { round: 1, text: 'a' },
      { round: 2, text: 'b' },
    ];
    expect(notesInOrder(notes).map((n) => n.text)).toEqual(['a', 'b', 'c']);
    expect(notes[0]?.text).toBe('c'); // the record itself is left as it was
  });

  it('lists written answers for open text and check-ins, results for the rest', () => {
    expect(isWrittenKind('text')).toBe(true);
    expect(isWrittenKind('checkin')).toBe(true);
    expect(isWrittenKind('single')).toBe(false);
    expect(isWrittenKind('wordcloud')).toBe(false);
  });

  it('shows the balance score as a whole percentage within 0 to 100', () => {
    expect(balancePercent(0.826)).toBe(83);
    expect(balancePercent(0)).toBe(0);
    expect(balancePercent(1)).toBe(100);
    expect(balancePercent(1.2)).toBe(100);
  });

  it('accepts the join code as shown, in any case, with or without the dash, and nothing else', () => {
    expect(codeMatches('K7P-4QX', 'K7P4QX')).toBe(true);
    expect(codeMatches(' k7p4qx ', 'K7P4QX')).toBe(true);
    expect(codeMatches('K7P4Q', 'K7P4QX')).toBe(false);
    expect(codeMatches('', '')).toBe(false);
    expect(codeMatches('delete', 'K7P4QX')).toBe(false);
  });
});

describe('harvest page dates', () => {
  it('uses the browser’s variant of the page’s language, and the page’s language otherwise', () => {
    expect(dateLocale('en', ['en-GB', 'fr'])).toBe('en-GB');
    expect(dateLocale('en', ['fr-FR', 'en-US'])).toBe('en-US');
    expect(dateLocale('en', ['ar'])).toBe('en');
    expect(dateLocale('en', [])).toBe('en');
  });
});

describe('harvest page strings', () => {
  it('has a plain-words meaning for every privacy level and a label for every export', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
    for (const level of PRIVACY_LEVELS) {
      expect(i18n.exists(`harvestPage.privacy.${level}`), level).toBe(true);
      expect(i18n.exists(`harvestPage.privacy.${level}Hint`), level).toBe(true);
    }
    expect(i18n.t('harvestPage.privacy.roomHint')).toMatch(/never exported/i);
    expect(i18n.t('harvestPage.privacy.workshopHint')).toMatch(/never exported/i);
    expect(i18n.t('harvestPage.privacy.shareableHint')).toMatch(/may be exported/i);
    for (const { key } of EXPORT_FORMATS) expect(i18n.exists(`harvestPage.export.${key}`), key).toBe(true);
    expect(i18n.t('harvestPage.export.summary', { shareable: 2, count: 7 })).toBe('Exports contain only areas set to shareable: 2 of 7 areas');
  });
});
