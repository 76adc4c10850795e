import { failure, type ErrorBody } from '../../../shared/errors.ts';
import { POLL_LIMITS, type PollAnswer, type PollDefinition } from '../../../shared/polls.ts';
import { normaliseWord, tidyText } from './normalise.ts';
import type { PollRecord } from './state.ts';

/**
 * Is this answer acceptable for this poll, right now? The zod schema has already checked the
 * shape; these are the rules that need the poll. On success the answer comes back in its
 * canonical form (text tidied, multiple choices in the poll's order) so that sending the same
 * answer twice can be recognised and written once.
 */
export type Checked = { ok: true; answer: PollAnswer } | { ok: false; error: ErrorBody };

export type AnswerContext = {
  /** The room the server has this person in (rooms scope), or null. */
  roomId: string | null;
  /** The room the client said it answers for, if it said. */
  claimedRoomId?: string | null | undefined;
};

export function validateAnswer(poll: PollRecord | undefined, answer: PollAnswer, context: AnswerContext = { roomId: null }): Checked {
  if (!poll) return failure('not_found', 'This poll is no longer there. It may have been deleted; wait for the next one.');
  if (poll.status === 'draft') return failure('conflict', 'This poll has not started yet. Wait for the facilitator to open it.');
  if (poll.status === 'closed') {
    return failure('conflict', 'This poll is closed, so answers can no longer be given or changed. Ask the facilitator to reopen it if needed.');
  }
  if (poll.scope === 'rooms' && context.claimedRoomId !== undefined && context.claimedRoomId !== context.roomId) {
    return failure('forbidden', 'You are answering for a room you are no longer in. Your screen will update in a moment; then answer again.');
  }
  return checkAnswer(poll.definition, answer);
}

/** The rules about the answer itself, without the poll's status. */
export function checkAnswer(def: PollDefinition, answer: PollAnswer): Checked {
  if (answer.kind !== def.kind) {
    return failure('bad_request', 'This answer is for a different kind of question. Reload the page and answer again.');
  }
  switch (def.kind) {
    case 'single': {
      if (answer.kind !== 'single') break;
      if (!hasOption(def, answer.optionId)) return unknownOption();
      return { ok: true, answer };
    }
    case 'multiple': {
      if (answer.kind !== 'multiple') break;
      if (new Set(answer.optionIds).size !== answer.optionIds.length) {
        return failure('bad_request', 'The same option was chosen twice. Choose each option at most once.');
      }
      if (answer.optionIds.some((id) => !hasOption(def, id))) return unknownOption();
      if (answer.optionIds.length > def.maxChoices) {
        return failure('bad_request', `Choose at most ${def.maxChoices} ${def.maxChoices === 1 ? 'option' : 'options'}. Untick some and send again.`);
      }
      const chosen = new Set(answer.optionIds);
      return { ok: true, answer: { kind: 'multiple', optionIds: def.options.filter((o) => chosen.has(o.id)).map((o) => o.id) } };
    }
    case 'scale': {
      if (answer.kind !== 'scale') break;
      if (!Number.isInteger(answer.value) || answer.value < def.min || answer.value > def.max) {
        return failure('bad_request', `Choose a whole number from ${def.min} to ${def.max}.`);
      }
      return { ok: true, answer };
    }
    case 'wordcloud': {
      if (answer.kind !== 'wordcloud') break;
      const words = answer.words.map((w) => w.trim()).filter((w) => w !== '');
      if (words.length === 0) return failure('bad_request', 'Type at least one word.');
      if (words.length > def.maxWords) {
        return failure('bad_request', `Give at most ${def.maxWords} ${def.maxWords === 1 ? 'word' : 'words'}. Remove some and send again.`);
      }
      const keys = new Map<string, string>(); // key → the spelling given first
      for (const raw of words) {
        if (raw.length > POLL_LIMITS.wordChars) {
          return failure('bad_request', `“${raw.slice(0, 20)}…” is too long: keep each word under ${POLL_LIMITS.wordChars} characters.`);
        }
        const word = normaliseWord(raw);
        if (!word) return failure('bad_request', `“${raw}” has no letters or numbers. Type a word instead.`);
        const earlier = keys.get(word.key);
        if (earlier !== undefined) return failure('bad_request', `You gave “${earlier}” twice. Change one of them, or leave it out.`);
        keys.set(word.key, word.display);
      }
      return { ok: true, answer: { kind: 'wordcloud', words } };
    }
    case 'text':
    case 'checkin': {
      if (answer.kind !== 'text' && answer.kind !== 'checkin') break;
      const text = tidyText(answer.text);
      const max = def.kind === 'text' ? POLL_LIMITS.textChars : POLL_LIMITS.checkinChars;
      if (!text) return failure('bad_request', 'Type an answer first.');
      if (text.length > max) return failure('bad_request', `Your answer is ${text.length} characters; the most is ${max}. Shorten it and send again.`);
      return { ok: true, answer: { kind: def.kind, text } };
    }
    case 'ranking': {
      if (answer.kind !== 'ranking') break;
      if (new Set(answer.order).size !== answer.order.length) {
        return failure('bad_request', 'An option appears twice in your ranking. Put each option in one place only.');
      }
      if (answer.order.some((id) => !hasOption(def, id))) return unknownOption();
      if (answer.order.length !== def.options.length) {
        return failure('bad_request', `Put all ${def.options.length} options in order before sending.`);
      }
      return { ok: true, answer };
    }
  }
  return failure('bad_request', 'This answer is for a different kind of question. Reload the page and answer again.');
}

/** The same answer as before, in canonical form: acknowledged, nothing written. */
export function sameAnswer(a: PollAnswer | undefined, b: PollAnswer): boolean {
  if (!a || a.kind !== b.kind) return false;
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  switch (a.kind) {
    case 'single':
      return b.kind === 'single' && a.optionId === b.optionId;
    case 'multiple':
      return b.kind === 'multiple' && same(a.optionIds, b.optionIds);
    case 'scale':
      return b.kind === 'scale' && a.value === b.value;
    case 'wordcloud':
      return b.kind === 'wordcloud' && same(a.words, b.words);
    case 'ranking':
      return b.kind === 'ranking' && same(a.order, b.order);
    case 'text':
    case 'checkin':
      return b.kind === a.kind && a.text === b.text;
  }
}

function hasOption(def: { options: readonly { id: string }[] }, id: string): boolean {
  return def.options.some((o) => o.id === id);
}

function unknownOption(): { ok: false; error: ErrorBody } {
  return failure('bad_request', 'One of the options you chose is not in this poll. Reload the page and choose again.');
}
