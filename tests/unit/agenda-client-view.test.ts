import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ConsoleAgenda, ParticipantAgenda, Segment, SegmentActivity } from '../../shared/agenda.ts';
import en from '../../client/src/lib/i18n/en.ts';
import {
  activitySummary,
  driftMessage,
  driftTone,
  durationMessage,
  liveState,
  missingField,
  participantStrip,
  shorten,
  statusOf,
  tookMessage,
  type Message,
} from '../../client/src/features/agenda/agenda-view.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 4, 6, 14, 0);

async function english() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return (m: Message) => i18n.t(m.key, m.params);
}

const seg = (id: string, minutes: number, activity: SegmentActivity = { kind: 'plenary' }): Segment => ({ id, title: `Title ${id}`, minutes, notes: '', activity });

function agenda(over: Partial<ConsoleAgenda> = {}): ConsoleAgenda {
  return { segments: [seg('sa', 10), seg('sb', 20), seg('sc', 30)], currentId: null, runs: {}, skipped: [], startedAt: null, plannedMs: null, finishedAt: null, ...over };
}

const run = (startedAt: number, endedAt: number | null = null, extendedMs = 0) => ({ startedAt, endedAt, extendedMs, present: 5, problem: null, pollId: null });

describe('durations', () => {
  it('reads as minutes under an hour and hours with minutes after', async () => {
    const say = await english();
    expect([1, 45, 60, 90, 150].map((m) => say(durationMessage(m)))).toEqual(['1 min', '45 min', '1 h', '1 h 30 min', '2 h 30 min']);
  });
});

describe('what a segment does, in one line', () => {
  const fields = [{ id: 'organisation', label: 'Organisation' }];
  const line = async (a: SegmentActivity) => {
    const say = await english();
    return activitySummary(a, fields).map(say).join(' · ');
  };

  it('names the rooms, the grouping with the workshop’s own field label, and the options', async () => {
    const text = await line({ kind: 'breakouts', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'mix', field: 'organisation' }, prompt: 'Share one success', rooms: [], allowReturn: true, preview: false });
    expect(text).toContain('4 rooms');
    expect(text).toContain('Mix by Organisation');
    expect(text).toContain('come back');
    expect(text).toContain('Share one success');
  });

  it('says how many tables and rounds a café has, and how hosts are chosen', async () => {
    const text = await line({ kind: 'cafe', tables: [{}, {}, {}], rounds: 3, roundMinutes: 12, moveSeconds: 30, hosts: 'volunteers' });
    expect(text).toContain('3 tables');
    expect(text).toContain('3 rounds of 12 min');
    expect(text).toContain('hosts volunteer');
  });

  it('quotes a question, shortened to fit one line', async () => {
    const question = 'What is one thing from your work this month that you would like the others in this network to know about?';
    const text = await line({ kind: 'checkin', question });
    expect(text.startsWith('“What is one thing')).toBe(true);
    expect(text.length).toBeLessThan(question.length);
    expect(text).toContain('…');
  });

  it('names a poll’s kind', async () => {
    const text = await line({ kind: 'poll', poll: { kind: 'wordcloud', question: 'One word for today', maxWords: 3, settings: { anonymous: true, results: 'live' } } });
    expect(text).toContain('Word cloud');
    expect(text).toContain('“One word for today”');
  });

  it('warns when a template groups by a field this workshop does not ask for', () => {
    const a: SegmentActivity = { kind: 'breakouts', sizing: { by: 'size', perRoom: 4 }, strategy: { kind: 'groupBy', field: 'language' }, prompt: '', rooms: [], allowReturn: false, preview: false };
    expect(missingField(a, fields)).toBe('language');
    expect(missingField({ ...a, strategy: { kind: 'groupBy', field: 'organisation' } }, fields)).toBeNull();
    expect(missingField({ ...a, strategy: { kind: 'random' } }, [])).toBeNull();
  });

  it('shortens on a word boundary', () => {
    expect(shorten('short')).toBe('short');
    const long = shorten('alpha beta gamma delta epsilon', 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long).toBe('alpha beta gamma…');
  });
});

describe('live', () => {
  it('before the start, the next segment is the first one not skipped', () => {
    const s = liveState(agenda({ skipped: ['sa'] }), T0);
    expect(s.current).toBeNull();
    expect(s.next?.id).toBe('sb');
    expect(s.running).toBe(false);
    expect(s.leftMs).toBeNull();
  });

  it('shows the time left in the current segment, with its extensions, and goes negative when it runs over', () => {
    const a = agenda({ currentId: 'sa', runs: { sa: run(T0, null, 5 * MIN) }, startedAt: T0, plannedMs: 60 * MIN });
    const s = liveState(a, T0 + 3 * MIN);
    expect(s.current?.id).toBe('sa');
    expect(s.next?.id).toBe('sb');
    expect(s.leftMs).toBe(12 * MIN);
    expect(liveState(a, T0 + 17 * MIN).leftMs).toBe(-2 * MIN);
    expect([...s.startedIds]).toEqual(['sa']);
  });

  it('next after the last segment is nothing: the button finishes the agenda', () => {
    const a = agenda({ currentId: 'sc', runs: { sa: run(T0, T0 + 10 * MIN), sb: run(T0 + 10 * MIN, T0 + 30 * MIN), sc: run(T0 + 30 * MIN) }, startedAt: T0, plannedMs: 60 * MIN });
    expect(liveState(a, T0 + 31 * MIN).next).toBeNull();
  });

  it('says running late, on time or ahead in whole minutes', async () => {
    const say = await english();
    expect(say(driftMessage(6 * MIN + 10_000))).toBe('Running 6 minutes late');
    expect(say(driftMessage(1 * MIN))).toBe('Running 1 minute late');
    expect(say(driftMessage(59_000))).toBe('On time');
    expect(say(driftMessage(-3 * MIN))).toBe('3 minutes ahead');
    expect([driftTone(2 * MIN), driftTone(0), driftTone(-2 * MIN)]).toEqual(['late', 'onTime', 'ahead']);
  });

  it('once finished, says how the agenda ended instead', async () => {
    const say = await english();
    expect(say(driftMessage(4 * MIN, true))).toBe('Ended 4 minutes late');
    expect(say(driftMessage(-34 * MIN, true))).toBe('Ended 34 minutes early');
    expect(say(driftMessage(0, true))).toBe('Ended on time');
  });

  it('lists started segments as done or current, and after a finish keeps what never ran to come, so it can still start', () => {
    const a = agenda({ currentId: 'sb', runs: { sa: run(T0, T0 + MIN), sb: run(T0 + MIN) }, skipped: ['sc'] });
    expect(['sa', 'sb', 'sc'].map((id) => statusOf(a, id))).toEqual(['done', 'current', 'skipped']);
    const finished = agenda({ currentId: null, runs: { sa: run(T0, T0 + MIN) }, startedAt: T0, plannedMs: 60 * MIN, finishedAt: T0 + MIN });
    expect(['sa', 'sb', 'sc'].map((id) => statusOf(finished, id))).toEqual(['done', 'upcoming', 'upcoming']);
    expect(liveState(finished, T0 + 2 * MIN).next?.id).toBe('sb');
  });

  it('a segment that overran shows late drift; skipping the next one catches up', () => {
    const base = { currentId: 'sb', runs: { sa: run(T0, T0 + 16 * MIN), sb: run(T0 + 16 * MIN) }, startedAt: T0, plannedMs: 60 * MIN };
    const late = liveState(agenda(base), T0 + 16 * MIN).timing.driftMs;
    expect(late).toBe(6 * MIN);
    const skipped = liveState(agenda({ ...base, skipped: ['sc'] }), T0 + 16 * MIN).timing.driftMs;
    expect(skipped).toBe(-24 * MIN);
  });

  it('says how long a segment took, and the plan when it differs', async () => {
    const say = await english();
    expect(tookMessage({ minutes: 10 }, { startedAt: T0, endedAt: null })).toBeNull();
    const same = tookMessage({ minutes: 10 }, { startedAt: T0, endedAt: T0 + 10 * MIN + 20_000 });
    expect(same?.planned).toBeNull();
    expect(say(same!.took)).toBe('10 min');
    const longer = tookMessage({ minutes: 10 }, { startedAt: T0, endedAt: T0 + 72 * MIN });
    expect([say(longer!.took), say(longer!.planned!)]).toEqual(['1 h 12 min', '10 min']);
    // "next" pressed at once: not "0 min"
    const skippedThrough = tookMessage({ minutes: 10 }, { startedAt: T0, endedAt: T0 + 5_000 });
    expect(say(skippedThrough!.took)).toBe('under a minute');
    expect(say(tookMessage({ minutes: 10 }, { startedAt: T0, endedAt: T0 + 40_000 })!.took)).toBe('1 min');
  });
});

describe('the participant strip', () => {
  const items = (statuses: ParticipantAgenda['items'][number]['status'][]): ParticipantAgenda => ({
    items: statuses.map((status, i) => ({ id: `s${i}`, title: `T${i}`, minutes: 10, kind: 'plenary', status })),
    currentEndsAt: null,
  });

  it('shows now and next, leaving skipped headings out', () => {
    const strip = participantStrip(items(['done', 'current', 'skipped', 'upcoming']));
    expect(strip.items.map((i) => i.id)).toEqual(['s0', 's1', 's3']);
    expect(strip.current?.id).toBe('s1');
    expect(strip.next?.id).toBe('s3');
    expect(strip.allDone).toBe(false);
  });

  it('before the start: nothing now, the first heading comes up', () => {
    const strip = participantStrip(items(['skipped', 'upcoming', 'upcoming']));
    expect(strip.current).toBeNull();
    expect(strip.started).toBe(false);
    expect(strip.next?.id).toBe('s1');
  });

  it('at the end: all done', () => {
    const strip = participantStrip(items(['done', 'done', 'skipped']));
    expect(strip.allDone).toBe(true);
    expect(strip.next).toBeNull();
  });
});
