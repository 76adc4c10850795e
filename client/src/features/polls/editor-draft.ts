import type { PollDefinition, PollKind, PollOption } from '../../../../shared/polls.ts';
import type { PollMessageKey } from '../../lib/i18n/polls-en.ts';
import { CLIENT_POLL_LIMITS as L } from './limits.ts';

/** A poll as the facilitator edits it: every kind's fields at once, so switching kind loses nothing. */
export type PollDraft = {
  kind: PollKind;
  question: string;
  options: PollOption[];
  maxChoices: number;
  scaleMin: number;
  scaleMax: number;
  minLabel: string;
  maxLabel: string;
  maxWords: number;
  moment: 'checkin' | 'checkout';
  anonymous: boolean;
  results: 'live' | 'onReveal';
};

export type DraftField = 'question' | 'options' | 'maxChoices' | 'scale' | 'scaleLabels' | 'maxWords';
export type DraftProblem = { field: DraftField; key: PollMessageKey; params?: Record<string, string | number>; option?: number };

export function newPollDraft(kind: PollKind = 'single'): PollDraft {
  return {
    kind,
    question: '',
    options: [
      { id: 'o1', label: '' },
      { id: 'o2', label: '' },
      { id: 'o3', label: '' },
    ],
    maxChoices: 2,
    scaleMin: 1,
    scaleMax: 5,
    minLabel: '',
    maxLabel: '',
    maxWords: 3,
    moment: 'checkin',
    anonymous: true,
    results: 'live',
  };
}

export function draftFromDefinition(def: PollDefinition): PollDraft {
  const draft: PollDraft = {
    ...newPollDraft(def.kind),
    question: def.question,
    anonymous: def.settings.anonymous,
    results: def.settings.results,
  };
  if ('options' in def) draft.options = def.options.map((o) => ({ ...o }));
  if (def.kind === 'multiple') draft.maxChoices = def.maxChoices;
  if (def.kind === 'scale') Object.assign(draft, { scaleMin: def.min, scaleMax: def.max, minLabel: def.minLabel, maxLabel: def.maxLabel });
  if (def.kind === 'wordcloud') draft.maxWords = def.maxWords;
  if (def.kind === 'checkin') draft.moment = def.moment;
  return draft;
}

/** A fresh option id (o1, o2, …): ids stay with their option when others are removed or relabelled. */
export function nextOptionId(options: readonly PollOption[]): string {
  const used = options.map((o) => Number(/^o(\d+)$/.exec(o.id)?.[1] ?? 0));
  return `o${Math.max(0, ...used) + 1}`;
}

export const hasOptions = (kind: PollKind): boolean => kind === 'single' || kind === 'multiple' || kind === 'ranking';
export const maxOptions = (kind: PollKind): number => (kind === 'ranking' ? L.rankingOptions : L.options);

const isInt = (n: number) => Number.isInteger(n);

/** The poll the server expects (blank option rows left out), or every problem to fix. */
export function buildPoll(draft: PollDraft): { ok: true; poll: PollDefinition } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const question = draft.question.trim();
  if (!question) problems.push({ field: 'question', key: 'editorProblems.question' });
  else if (question.length > L.questionChars) problems.push({ field: 'question', key: 'editorProblems.questionLong', params: { max: L.questionChars } });

  const options = draft.options.map((o) => ({ id: o.id, label: o.label.trim() })).filter((o) => o.label !== '');
  if (hasOptions(draft.kind)) {
    const max = maxOptions(draft.kind);
    if (options.length < L.minOptions) problems.push({ field: 'options', key: 'editorProblems.optionsFew', params: { min: L.minOptions } });
    if (options.length > max) problems.push({ field: 'options', key: 'editorProblems.optionsMany', params: { max } });
    const seen = new Set<string>();
    draft.options.forEach((o, i) => {
      const label = o.label.trim();
      if (label.length > L.optionChars) problems.push({ field: 'options', option: i, key: 'editorProblems.optionLong', params: { n: i + 1, max: L.optionChars } });
      const folded = label.toLocaleLowerCase();
      if (label && seen.has(folded)) problems.push({ field: 'options', option: i, key: 'editorProblems.optionDuplicate', params: { label } });
      seen.add(folded);
    });
  }
  if (draft.kind === 'multiple') {
    const max = Math.max(1, Math.min(options.length, L.options));
    if (!isInt(draft.maxChoices) || draft.maxChoices < 1 || draft.maxChoices > max) {
      problems.push({ field: 'maxChoices', key: 'editorProblems.maxChoices', params: { max } });
    }
  }
  if (draft.kind === 'scale') {
    const { scaleMin: lo, scaleMax: hi } = draft;
    if (![lo, hi].every((n) => isInt(n) && Math.abs(n) <= L.scaleBound)) {
      problems.push({ field: 'scale', key: 'editorProblems.scaleBound', params: { bound: L.scaleBound } });
    } else if (hi <= lo || hi - lo + 1 > L.scalePoints) {
      problems.push({ field: 'scale', key: 'editorProblems.scaleRange', params: { max: L.scalePoints } });
    }
    if (draft.minLabel.trim().length > L.scaleLabelChars || draft.maxLabel.trim().length > L.scaleLabelChars) {
      problems.push({ field: 'scaleLabels', key: 'editorProblems.scaleLabelLong', params: { max: L.scaleLabelChars } });
    }
  }
  if (draft.kind === 'wordcloud' && (!isInt(draft.maxWords) || draft.maxWords < 1 || draft.maxWords > L.wordsPerPerson)) {
    problems.push({ field: 'maxWords', key: 'editorProblems.maxWords', params: { max: L.wordsPerPerson } });
  }
  if (problems.length) return { ok: false, problems };

  const base = { question, settings: { anonymous: draft.anonymous, results: draft.results } };
  switch (draft.kind) {
    case 'single':
    case 'ranking':
      return { ok: true, poll: { kind: draft.kind, ...base, options } };
    case 'multiple':
      return { ok: true, poll: { kind: 'multiple', ...base, options, maxChoices: draft.maxChoices } };
    case 'scale':
      return {
        ok: true,
        poll: { kind: 'scale', ...base, min: draft.scaleMin, max: draft.scaleMax, minLabel: draft.minLabel.trim(), maxLabel: draft.maxLabel.trim() },
      };
    case 'wordcloud':
      return { ok: true, poll: { kind: 'wordcloud', ...base, maxWords: draft.maxWords } };
    case 'text':
      return { ok: true, poll: { kind: 'text', ...base } };
    case 'checkin':
      return { ok: true, poll: { kind: 'checkin', ...base, moment: draft.moment } };
  }
}
