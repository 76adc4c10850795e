import type { PollAnswer, PollDefinition } from '../../../../shared/polls.ts';
import type { PollMessageKey } from '../../lib/i18n/polls-en.ts';
import { CLIENT_POLL_LIMITS as L } from './limits.ts';

/** What a person is filling in, for every kind at once; starts from their saved answer. */
export type AnswerDraft = {
  optionId: string | null;
  optionIds: string[];
  value: number | null;
  words: string[];
  text: string;
  order: string[];
};

export type AnswerProblem = { key: PollMessageKey; params?: Record<string, string | number> };

export function newAnswerDraft(def: PollDefinition, mine: PollAnswer | null): AnswerDraft {
  const maxWords = def.kind === 'wordcloud' ? def.maxWords : 0;
  const draft: AnswerDraft = {
    optionId: null,
    optionIds: [],
    value: null,
    words: Array.from({ length: maxWords }, () => ''),
    text: '',
    order: 'options' in def ? def.options.map((o) => o.id) : [],
  };
  if (!mine || mine.kind !== def.kind) return draft;
  switch (mine.kind) {
    case 'single':
      return { ...draft, optionId: mine.optionId };
    case 'multiple':
      return { ...draft, optionIds: [...mine.optionIds] };
    case 'scale':
      return { ...draft, value: mine.value };
    case 'wordcloud':
      return { ...draft, words: draft.words.map((_, i) => mine.words[i] ?? '') };
    case 'text':
    case 'checkin':
      return { ...draft, text: mine.text };
    case 'ranking': {
      // a saved order, with any option it lacks kept at the end
      const known = new Set(draft.order);
      const saved = mine.order.filter((id) => known.has(id));
      return { ...draft, order: [...saved, ...draft.order.filter((id) => !saved.includes(id))] };
    }
  }
}

export const textLimit = (def: PollDefinition): number => (def.kind === 'checkin' ? L.checkinChars : L.textChars);

/** The answer to send, or the first thing to fix (the server checks again and says the same). */
export function buildAnswer(def: PollDefinition, d: AnswerDraft): { ok: true; answer: PollAnswer } | { ok: false; problem: AnswerProblem } {
  const fail = (key: PollMessageKey, params?: Record<string, string | number>) => ({ ok: false as const, problem: { key, params } });
  switch (def.kind) {
    case 'single':
      return d.optionId && def.options.some((o) => o.id === d.optionId)
        ? { ok: true, answer: { kind: 'single', optionId: d.optionId } }
        : fail('problems.noChoice');
    case 'multiple': {
      const chosen = def.options.filter((o) => d.optionIds.includes(o.id)).map((o) => o.id);
      if (chosen.length === 0) return fail('problems.noChoice');
      if (chosen.length > def.maxChoices) return fail('problems.tooManyChoices', { count: def.maxChoices });
      return { ok: true, answer: { kind: 'multiple', optionIds: chosen } };
    }
    case 'scale':
      return d.value !== null && d.value >= def.min && d.value <= def.max
        ? { ok: true, answer: { kind: 'scale', value: d.value } }
        : fail('problems.noValue');
    case 'wordcloud': {
      const words = d.words.map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => w !== '');
      if (words.length === 0) return fail('problems.noWord');
      if (words.some((w) => w.length > L.wordChars)) return fail('problems.wordLong', { max: L.wordChars });
      const seen = new Set<string>();
      for (const w of words) {
        const key = w.toLocaleLowerCase();
        if (seen.has(key)) return fail('problems.duplicateWord', { word: w });
        seen.add(key);
      }
      return { ok: true, answer: { kind: 'wordcloud', words: words.slice(0, def.maxWords) } };
    }
    case 'text':
    case 'checkin': {
      const text = d.text.trim();
      if (!text) return fail('problems.emptyText');
      if (text.length > textLimit(def)) return fail('problems.textLong', { max: textLimit(def) });
      return { ok: true, answer: { kind: def.kind, text } };
    }
    case 'ranking':
      return { ok: true, answer: { kind: 'ranking', order: [...d.order] } };
  }
}

/** The order with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, index + delta));
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
