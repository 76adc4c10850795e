import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PollAnswer, PollDefinition } from '../../shared/polls.ts';
import { POLL_LIMITS } from '../../shared/polls.ts';
import {
  bordaOrder,
  buildTallies,
  emptyTally,
  replaceAnswer,
  resultsOf,
  tallyAnswer,
} from '../../server/activities/polls/aggregate.ts';
import { facilitatorPoll } from '../../server/activities/polls/views.ts';
import { answer, definitions, launch, world, type World } from './polls-fixtures.ts';

const defs = definitions();
const total = (w: World, pollId: string) => facilitatorPoll(w.slice.polls[pollId]!, w.tallies.get(pollId), (id) => `Name of ${id}`).results!;

describe('results per kind', () => {
  it('single choice: a bar per option with its count, in the facilitator’s order', () => {
    const w = world();
    const id = launch(w, defs.single);
    answer(w, id, 'm1', { kind: 'single', optionId: 'o2' });
    answer(w, id, 'm2', { kind: 'single', optionId: 'o2' });
    answer(w, id, 'm3', { kind: 'single', optionId: 'o1' });
    expect(total(w, id)).toEqual({
      kind: 'single',
      responses: 3,
      options: [
        { id: 'o1', label: 'Tools', count: 1 },
        { id: 'o2', label: 'Stories', count: 2 },
        { id: 'o3', label: 'Funding', count: 0 },
      ],
    });
  });

  it('multiple choice: ticks per option, responses per person', () => {
    const w = world();
    const id = launch(w, defs.multiple);
    answer(w, id, 'm1', { kind: 'multiple', optionIds: ['o1', 'o3'] });
    answer(w, id, 'm2', { kind: 'multiple', optionIds: ['o3'] });
    const r = total(w, id);
    expect(r.responses).toBe(2);
    expect(r.kind === 'multiple' && r.options.map((o) => o.count)).toEqual([1, 0, 2, 0]);
  });

  it('scale: distribution over every point and the mean', () => {
    const w = world();
    const id = launch(w, defs.scale);
    for (const [m, value] of [['a', 5], ['b', 4], ['c', 4], ['d', 1]] as const) answer(w, id, m, { kind: 'scale', value });
    expect(total(w, id)).toEqual({
      kind: 'scale',
      responses: 4,
      min: 1,
      max: 5,
      minLabel: 'not at all',
      maxLabel: 'very',
      counts: [1, 0, 0, 2, 1],
      mean: 3.5,
    });
  });

  it('scale: no mean before anyone answers', () => {
    const w = world();
    const id = launch(w, defs.scale);
    expect(total(w, id)).toMatchObject({ responses: 0, counts: [0, 0, 0, 0, 0], mean: null });
  });

  it('word cloud: normalised words counted once per person, shown in their most common spelling', () => {
    const w = world();
    const id = launch(w, defs.wordcloud);
    answer(w, id, 'm1', { kind: 'wordcloud', words: ['Trust', 'care'] });
    answer(w, id, 'm2', { kind: 'wordcloud', words: ['trust '] });
    answer(w, id, 'm3', { kind: 'wordcloud', words: ['TRUST', 'Care'] });
    answer(w, id, 'm4', { kind: 'wordcloud', words: ['trust', 'hope'] });
    const r = total(w, id);
    expect(r).toEqual({
      kind: 'wordcloud',
      responses: 4,
      distinctWords: 3,
      words: [
        { text: 'trust', count: 4 },
        { text: 'Care', count: 2 }, // a tie between spellings: the first in code-point order
        { text: 'hope', count: 1 },
      ],
    });
  });

  it('open text and check-in: a wall, newest first, with names on named polls', () => {
    const w = world();
    const id = launch(w, defs.checkin);
    answer(w, id, 'm1', { kind: 'checkin', text: 'Tired but here' });
    answer(w, id, 'm2', { kind: 'checkin', text: 'Curious' });
    expect(total(w, id)).toEqual({
      kind: 'checkin',
      responses: 2,
      entries: [
        { text: 'Curious', name: 'Name of m2' },
        { text: 'Tired but here', name: 'Name of m1' },
      ],
    });
  });

  it('walls keep only the most recent entries, with the total count', () => {
    const w = world();
    const id = launch(w, defs.text);
    const n = POLL_LIMITS.wallEntries + 30;
    for (let i = 0; i < n; i++) answer(w, id, `m${i}`, { kind: 'text', text: `idea ${i}` });
    const r = total(w, id);
    expect(r.responses).toBe(n);
    expect(r.kind === 'text' && r.entries.length).toBe(POLL_LIMITS.wallEntries);
    expect(r.kind === 'text' && r.entries[0]!.text).toBe(`idea ${n - 1}`);
  });
});

describe('Borda count', () => {
  it('gives k−1 points for first place down to 0 for last', () => {
    const w = world();
    const id = launch(w, defs.ranking); // o1 Access, o2 Quality, o3 Cost
    answer(w, id, 'a', { kind: 'ranking', order: ['o2', 'o1', 'o3'] }); // Q2 A1 C0
    answer(w, id, 'b', { kind: 'ranking', order: ['o2', 'o3', 'o1'] }); // Q2 C1 A0
    answer(w, id, 'c', { kind: 'ranking', order: ['o1', 'o2', 'o3'] }); // A2 Q1 C0
    expect(total(w, id)).toEqual({
      kind: 'ranking',
      responses: 3,
      options: [
        { id: 'o2', label: 'Quality', points: 5, rank: 1 },
        { id: 'o1', label: 'Access', points: 3, rank: 2 },
        { id: 'o3', label: 'Cost', points: 1, rank: 3 },
      ],
    });
  });

  it('shares a rank between equal scores and keeps the facilitator’s order among them', () => {
    const options = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
      { id: 'd', label: 'D' },
    ];
    const ranked = bordaOrder(options, new Map([['c', 4], ['b', 2], ['d', 2]]));
    expect(ranked.map((o) => [o.id, o.rank])).toEqual([['c', 1], ['b', 2], ['d', 2], ['a', 4]]);
  });

  it('always hands out responses × k(k−1)/2 points in total', () => {
    const def = defs.ranking as Extract<PollDefinition, { kind: 'ranking' }>;
    const order = fc.shuffledSubarray(['o1', 'o2', 'o3'], { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), (orders) => {
        const tally = emptyTally(def);
        orders.forEach((o, i) => tallyAnswer(tally, def, `m${i}`, { kind: 'ranking', order: o }, 1));
        const r = resultsOf(tally, def);
        expect(r.kind === 'ranking' && r.options.reduce((s, o) => s + o.points, 0)).toBe(orders.length * 3);
      }),
    );
  });
});

describe('changing an answer', () => {
  it('replaces the earlier answer rather than adding to it', () => {
    const w = world();
    const id = launch(w, defs.single);
    answer(w, id, 'm1', { kind: 'single', optionId: 'o1' });
    answer(w, id, 'm1', { kind: 'single', optionId: 'o3' });
    const r = total(w, id);
    expect(r.responses).toBe(1);
    expect(r.kind === 'single' && r.options.map((o) => o.count)).toEqual([0, 0, 1]);
  });

  it('moves a changed wall entry to the top and a changed word out of the cloud', () => {
    const w = world();
    const t = launch(w, defs.text);
    answer(w, t, 'm1', { kind: 'text', text: 'first thought' });
    answer(w, t, 'm2', { kind: 'text', text: 'other' });
    answer(w, t, 'm1', { kind: 'text', text: 'second thought' });
    expect(total(w, t)).toMatchObject({ responses: 2, entries: [{ text: 'second thought' }, { text: 'other' }] });

    const c = launch(w, defs.wordcloud);
    answer(w, c, 'm1', { kind: 'wordcloud', words: ['rain'] });
    answer(w, c, 'm1', { kind: 'wordcloud', words: ['sun'] });
    expect(total(w, c)).toMatchObject({ responses: 1, distinctWords: 1, words: [{ text: 'sun', count: 1 }] });
  });

  it('removing every answer leaves an empty tally', () => {
    const def = defs.wordcloud;
    const tally = emptyTally(def);
    replaceAnswer(tally, def, 'm1', null, { kind: 'wordcloud', words: ['a', 'b'] });
    replaceAnswer(tally, def, 'm1', { kind: 'wordcloud', words: ['a', 'b'] }, null);
    expect(resultsOf(tally, def)).toEqual({ kind: 'wordcloud', responses: 0, distinctWords: 0, words: [] });
  });
});

describe('per room and together', () => {
  it('counts each answer in its room and in the total; a changed room moves the answer', () => {
    const w = world();
    const id = launch(w, defs.single, 'rooms');
    answer(w, id, 'm1', { kind: 'single', optionId: 'o1' }, 'r1');
    answer(w, id, 'm2', { kind: 'single', optionId: 'o2' }, 'r2');
    answer(w, id, 'm3', { kind: 'single', optionId: 'o2' }, 'r2');
    answer(w, id, 'm3', { kind: 'single', optionId: 'o2' }, 'r1'); // moved to room 1, answered again
    const view = facilitatorPoll(w.slice.polls[id]!, w.tallies.get(id), String);
    const counts = (r: typeof view.results) => (r?.kind === 'single' ? r.options.map((o) => o.count) : null);
    expect(counts(view.results)).toEqual([1, 2, 0]);
    expect(view.rooms.map((r) => [r.roomId, counts(r.results)])).toEqual([
      ['r1', [1, 1, 0]],
      ['r2', [0, 1, 0]],
    ]);
  });
});

describe('incremental tallies', () => {
  const kinds = Object.keys(defs) as (keyof typeof defs)[];
  const answerFor = (kind: keyof typeof defs): fc.Arbitrary<PollAnswer> => {
    switch (kind) {
      case 'single':
        return fc.constantFrom('o1', 'o2', 'o3').map((optionId) => ({ kind, optionId }));
      case 'multiple':
        return fc.subarray(['o1', 'o2', 'o3', 'o4'], { minLength: 1, maxLength: 2 }).map((optionIds) => ({ kind, optionIds }));
      case 'scale':
        return fc.integer({ min: 1, max: 5 }).map((value) => ({ kind, value }));
      case 'wordcloud':
        return fc
          .uniqueArray(fc.constantFrom('Trust', 'trust', 'CARE', 'care ', 'hope', 'Hope!', 'joy'), { minLength: 1, maxLength: 3, selector: (s) => s.trim().toLowerCase().replace('!', '') })
          .map((words) => ({ kind, words }));
      case 'ranking':
        return fc.shuffledSubarray(['o1', 'o2', 'o3'], { minLength: 3, maxLength: 3 }).map((order) => ({ kind, order }));
      case 'text':
      case 'checkin':
        return fc.constantFrom('yes', 'no', 'maybe later').map((text) => ({ kind, text }));
    }
  };

  it('match tallies rebuilt from scratch after any sequence of answers and changes', () => {
    for (const kind of kinds) {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('r1', 'r2', null), answerFor(kind)), { maxLength: 40 }),
          (steps) => {
            const w = world();
            const id = launch(w, defs[kind], 'rooms');
            for (const [m, room, a] of steps) answer(w, id, `m${m}`, a, room);
            const fresh = buildTallies(w.slice);
            const show = (tallies: typeof fresh) => facilitatorPoll(w.slice.polls[id]!, tallies.get(id), (x) => x);
            expect(show(w.tallies)).toEqual(show(fresh));
          },
        ),
        { numRuns: 40 },
      );
    }
  }, 30_000);
});

describe('size of results', () => {
  it('a word cloud’s results stop growing with the number of voters (top words only)', () => {
    const w = world();
    const id = launch(w, { ...defs.wordcloud, maxWords: 3 } as PollDefinition);
    const sizes: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      answer(w, id, `m${i}`, { kind: 'wordcloud', words: [`word${i}`, `common${i % 7}`, 'together'] });
      if (i === 199 || i === 1_999) sizes.push(JSON.stringify(total(w, id)).length);
    }
    const r = total(w, id);
    expect(r.kind === 'wordcloud' && r.words.length).toBe(POLL_LIMITS.cloudWords);
    expect(r.kind === 'wordcloud' && r.words[0]).toEqual({ text: 'together', count: 2_000 });
    expect(r.kind === 'wordcloud' && r.distinctWords).toBe(2_000 + 7 + 1);
    // 200 voters or 2,000: the same number of words; only the digits of the counts grow
    expect(sizes[1]! - sizes[0]!).toBeLessThan(200);
    expect(sizes[1]!).toBeLessThan(4_000);
  }, 30_000);

  it('2,000 answers and changes are counted quickly', () => {
    const w = world();
    const id = launch(w, defs.single);
    const start = performance.now();
    for (let i = 0; i < 2_000; i++) answer(w, id, `m${i}`, { kind: 'single', optionId: `o${(i % 3) + 1}` });
    for (let i = 0; i < 2_000; i += 2) answer(w, id, `m${i}`, { kind: 'single', optionId: 'o1' });
    const elapsed = performance.now() - start;
    expect(total(w, id).responses).toBe(2_000);
    // generous for a shared CI core; in practice this is tens of milliseconds
    expect(elapsed).toBeLessThan(2_000);
  }, 30_000);
});
