import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next from 'i18next';
import { PollAnswer, PollDefinition, POLL_KINDS } from '../../shared/polls.ts';
import { checkAnswer } from '../../server/activities/polls/validate.ts';
import pollsEn from '../../client/src/lib/i18n/polls-en.ts';
import { buildAnswer, moveItem, newAnswerDraft } from '../../client/src/features/polls/answer-draft.ts';
import { buildPoll, draftFromDefinition, newPollDraft, nextOptionId, type PollDraft } from '../../client/src/features/polls/editor-draft.ts';
import { barLength, percent, wordSize } from '../../client/src/features/polls/results-format.ts';
import { definitions } from './polls-fixtures.ts';

describe('poll editor draft', () => {
  it('builds a poll the server accepts, for every kind, leaving blank option rows out', () => {
    for (const kind of POLL_KINDS) {
      const draft: PollDraft = { ...newPollDraft(kind), question: '  How did it go? ' };
      draft.options = [
        { id: 'o1', label: 'Well' },
        { id: 'o2', label: '' },
        { id: 'o3', label: 'Badly ' },
      ];
      const built = buildPoll(draft);
      if (!built.ok) throw new Error(`${kind}: ${JSON.stringify(built.problems)}`);
      expect(PollDefinition.parse(built.poll)).toEqual(built.poll);
      expect(built.poll.question).toBe('How did it go?');
      if ('options' in built.poll) expect(built.poll.options).toEqual([{ id: 'o1', label: 'Well' }, { id: 'o3', label: 'Badly' }]);
    }
  });

  it('whatever the facilitator types, it either builds a valid poll or says what to fix', () => {
    const draft = fc.record({
      kind: fc.constantFrom(...POLL_KINDS),
      question: fc.string({ maxLength: 320 }),
      options: fc.array(fc.string({ maxLength: 130 }), { maxLength: 22 }),
      maxChoices: fc.integer({ min: -2, max: 25 }),
      scaleMin: fc.integer({ min: -120, max: 120 }),
      scaleMax: fc.integer({ min: -120, max: 120 }),
      minLabel: fc.string({ maxLength: 45 }),
      maxLabel: fc.string({ maxLength: 45 }),
      maxWords: fc.integer({ min: -1, max: 12 }),
      anonymous: fc.boolean(),
    });
    fc.assert(
      fc.property(draft, (d) => {
        const built = buildPoll({
          ...newPollDraft(d.kind),
          ...d,
          options: d.options.map((label, i) => ({ id: `o${i + 1}`, label })),
        });
        if (built.ok) expect(PollDefinition.safeParse(built.poll).success).toBe(true);
        else expect(built.problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('says what to fix', () => {
    const built = buildPoll({ ...newPollDraft('multiple'), options: [{ id: 'o1', label: 'Same' }, { id: 'o2', label: 'same' }], maxChoices: 5 });
    expect(built.ok || built.problems.map((p) => p.key)).toEqual(['editorProblems.question', 'editorProblems.optionDuplicate', 'editorProblems.maxChoices']);
  });

  it('round-trips a saved poll and numbers new options after the highest', () => {
    for (const def of Object.values(definitions())) {
      const built = buildPoll(draftFromDefinition(def));
      expect(built.ok && built.poll).toEqual(def);
    }
    expect(nextOptionId([{ id: 'o1', label: '' }, { id: 'o7', label: '' }])).toBe('o8');
  });
});

describe('answer draft', () => {
  const defs = definitions();

  it('starts from the saved answer and sends what the server accepts', () => {
    const saved: PollAnswer[] = [
      { kind: 'single', optionId: 'o2' },
      { kind: 'multiple', optionIds: ['o1', 'o3'] },
      { kind: 'scale', value: 4 },
      { kind: 'wordcloud', words: ['trust', 'care'] },
      { kind: 'text', text: 'more breaks' },
      { kind: 'ranking', order: ['o3', 'o1', 'o2'] },
      { kind: 'checkin', text: 'ready' },
    ];
    for (const answer of saved) {
      const def = defs[answer.kind];
      const built = buildAnswer(def, newAnswerDraft(def, answer));
      expect(built).toEqual({ ok: true, answer });
      expect(checkAnswer(def, answer)).toEqual({ ok: true, answer });
    }
  });

  it('asks for what is missing before sending', () => {
    expect(buildAnswer(defs.single, newAnswerDraft(defs.single, null))).toEqual({ ok: false, problem: { key: 'problems.noChoice' } });
    const words = { ...newAnswerDraft(defs.wordcloud, null), words: ['Trust', 'trust', ''] };
    expect(buildAnswer(defs.wordcloud, words)).toEqual({ ok: false, problem: { key: 'problems.duplicateWord', params: { word: 'trust' } } });
    expect(buildAnswer(defs.checkin, newAnswerDraft(defs.checkin, null))).toMatchObject({ ok: false, problem: { key: 'problems.emptyText' } });
  });

  it('a ranking starts in the facilitator’s order and moves one place at a time', () => {
    const draft = newAnswerDraft(defs.ranking, null);
    expect(draft.order).toEqual(['o1', 'o2', 'o3']);
    expect(moveItem(draft.order, 2, -1)).toEqual(['o1', 'o3', 'o2']);
    expect(moveItem(draft.order, 0, -1)).toEqual(['o1', 'o2', 'o3']);
  });
});

describe('drawing results', () => {
  it('percentages, bar lengths and word sizes', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(barLength(0, 10)).toBe(0);
    expect(barLength(1, 1_000)).toBe(2); // a sliver, so a single vote is visible
    expect(barLength(10, 10)).toBe(100);
    expect(wordSize(100, 100)).toBe(2.75);
    expect(wordSize(1, 100)).toBeGreaterThanOrEqual(1);
    expect(wordSize(25, 100)).toBeLessThan(wordSize(50, 100));
  });
});

describe('poll strings', () => {
  it('have no empty strings and work with i18next plurals', async () => {
    const walk = (node: unknown, path: string[] = []): [string, string][] =>
      typeof node === 'string' ? [[path.join('.'), node]] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => walk(v, [...path, k]));
    for (const [key, text] of walk(pollsEn)) expect(text.trim(), key).not.toBe('');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: { polls: pollsEn } } }, interpolation: { escapeValue: false }, showSupportNotice: false });
    expect(i18n.t('polls.results.responses', { count: 1 })).toBe('1 response');
    expect(i18n.t('polls.results.responses', { count: 2_000 })).toBe('2000 responses');
    expect(i18n.t('polls.answer.chooseUpTo', { count: 2 })).toBe('Choose up to 2 options.');
  });
});
