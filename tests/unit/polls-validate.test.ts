import { describe, expect, it } from 'vitest';
import type { PollAnswer, PollDefinition } from '../../shared/polls.ts';
import { POLL_LIMITS } from '../../shared/polls.ts';
import { checkAnswer } from '../../server/activities/polls/validate.ts';
import { answerOf } from '../../server/activities/polls/state.ts';
import { answer, definitions, launch, play, tryPlay, world } from './polls-fixtures.ts';

const defs = definitions();

function refusal(def: PollDefinition, a: PollAnswer) {
  const r = checkAnswer(def, a);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('answers checked against the poll', () => {
  it('refuses option ids that are not in the poll', () => {
    expect(refusal(defs.single, { kind: 'single', optionId: 'o9' })).toEqual({
      code: 'bad_request',
      message: 'One of the options you chose is not in this poll. Reload the page and choose again.',
    });
    expect(refusal(defs.multiple, { kind: 'multiple', optionIds: ['o1', 'zz'] }).code).toBe('bad_request');
    expect(refusal(defs.ranking, { kind: 'ranking', order: ['o1', 'o2', 'x'] }).code).toBe('bad_request');
  });

  it('refuses too many choices, saying how many are allowed', () => {
    expect(refusal(defs.multiple, { kind: 'multiple', optionIds: ['o1', 'o2', 'o3'] }).message).toBe(
      'Choose at most 2 options. Untick some and send again.',
    );
  });

  it('refuses the same option twice', () => {
    expect(refusal(defs.multiple, { kind: 'multiple', optionIds: ['o1', 'o1'] }).message).toMatch(/twice/);
    expect(refusal(defs.ranking, { kind: 'ranking', order: ['o1', 'o1', 'o2'] }).message).toMatch(/appears twice/);
  });

  it('asks for every option in a ranking', () => {
    expect(refusal(defs.ranking, { kind: 'ranking', order: ['o2', 'o1'] }).message).toBe('Put all 3 options in order before sending.');
  });

  it('refuses values off the scale', () => {
    expect(refusal(defs.scale, { kind: 'scale', value: 6 }).message).toBe('Choose a whole number from 1 to 5.');
    expect(refusal(defs.scale, { kind: 'scale', value: 0 }).code).toBe('bad_request');
    expect(checkAnswer(defs.scale, { kind: 'scale', value: 5 }).ok).toBe(true);
  });

  it('refuses too many words, one word twice, and words with nothing in them', () => {
    expect(refusal(defs.wordcloud, { kind: 'wordcloud', words: ['a', 'b', 'c', 'd'] }).message).toBe(
      'Give at most 3 words. Remove some and send again.',
    );
    expect(refusal(defs.wordcloud, { kind: 'wordcloud', words: ['Trust', 'trust '] }).message).toBe(
      'You gave “Trust” twice. Change one of them, or leave it out.',
    );
    expect(refusal(defs.wordcloud, { kind: 'wordcloud', words: ['...'] }).message).toMatch(/no letters/);
    expect(refusal(defs.wordcloud, { kind: 'wordcloud', words: ['  ', ''] }).message).toBe('Type at least one word.');
    expect(refusal(defs.wordcloud, { kind: 'wordcloud', words: ['x'.repeat(POLL_LIMITS.wordChars + 1)] }).message).toMatch(/too long/);
  });

  it('refuses text over the limit, saying the limit', () => {
    const long = 'a'.repeat(POLL_LIMITS.checkinChars + 1);
    expect(refusal(defs.checkin, { kind: 'checkin', text: long }).message).toBe(
      `Your answer is ${POLL_LIMITS.checkinChars + 1} characters; the most is ${POLL_LIMITS.checkinChars}. Shorten it and send again.`,
    );
    expect(refusal(defs.text, { kind: 'text', text: '   ' }).message).toBe('Type an answer first.');
  });

  it('refuses an answer of the wrong kind', () => {
    expect(refusal(defs.single, { kind: 'scale', value: 3 }).message).toMatch(/different kind of question/);
  });

  it('returns a canonical answer: choices in the poll’s order, text tidied', () => {
    expect(checkAnswer(defs.multiple, { kind: 'multiple', optionIds: ['o3', 'o1'] })).toEqual({
      ok: true,
      answer: { kind: 'multiple', optionIds: ['o1', 'o3'] },
    });
    expect(checkAnswer(defs.text, { kind: 'text', text: ' so\n much ' })).toEqual({ ok: true, answer: { kind: 'text', text: 'so much' } });
  });
});

describe('poll commands', () => {
  it('refuses answers to unknown, draft and closed polls with what to do next', () => {
    const w = world();
    const unknown = tryPlay(w, 'm1', { type: 'poll.answer', pollId: 'nope1', answer: { kind: 'single', optionId: 'o1' } });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no longer there/) } });

    const [created] = play(w, 'host', { type: 'poll.create', poll: defs.single });
    const draft = tryPlay(w, 'm1', { type: 'poll.answer', pollId: created!.pollId, answer: { kind: 'single', optionId: 'o1' } });
    expect(draft.ok || draft.error.message).toBe('This poll has not started yet. Wait for the facilitator to open it.');

    const id = launch(w, defs.single);
    play(w, 'host', { type: 'poll.close', pollId: id });
    const closed = tryPlay(w, 'm1', { type: 'poll.answer', pollId: id, answer: { kind: 'single', optionId: 'o1' } });
    expect(closed.ok || closed.error).toEqual({ code: 'conflict', message: expect.stringMatching(/closed.*reopen/) });
  });

  it('writes nothing when the same answer is sent twice, so it is never counted twice', () => {
    const w = world();
    const id = launch(w, defs.multiple);
    expect(answer(w, id, 'm1', { kind: 'multiple', optionIds: ['o2', 'o1'] })).toHaveLength(1);
    expect(answer(w, id, 'm1', { kind: 'multiple', optionIds: ['o1', 'o2'] })).toEqual([]);
    expect(w.tallies.get(id)!.total.responses).toBe(1);
  });

  it('lets people change their answer until the poll closes, and again after it reopens', () => {
    const w = world();
    const id = launch(w, defs.scale);
    answer(w, id, 'm1', { kind: 'scale', value: 2 });
    answer(w, id, 'm1', { kind: 'scale', value: 4 });
    play(w, 'host', { type: 'poll.close', pollId: id });
    expect(tryPlay(w, 'm1', { type: 'poll.answer', pollId: id, answer: { kind: 'scale', value: 5 } }).ok).toBe(false);
    play(w, 'host', { type: 'poll.reopen', pollId: id });
    answer(w, id, 'm1', { kind: 'scale', value: 5 });
    expect(answerOf(w.slice.polls[id]!, 'm1')!.answer).toEqual({ kind: 'scale', value: 5 });
    expect(w.tallies.get(id)!.total.responses).toBe(1);
  });

  it('refuses an answer for a room the person is not in', () => {
    const w = world();
    const id = launch(w, defs.single, 'rooms');
    const r = tryPlay(w, 'm1', { type: 'poll.answer', pollId: id, answer: { kind: 'single', optionId: 'o1' }, roomId: 'r2' }, { roomId: 'r1' });
    expect(r.ok || r.error.code).toBe('forbidden');
    const ok = tryPlay(w, 'm1', { type: 'poll.answer', pollId: id, answer: { kind: 'single', optionId: 'o1' }, roomId: 'r1' }, { roomId: 'r1' });
    expect(ok.ok && ok.events).toEqual([{ type: 'poll.answered', pollId: id, memberId: 'm1', roomId: 'r1', answer: { kind: 'single', optionId: 'o1' } }]);
  });

  it('launches in rooms only when rooms are open', () => {
    const w = world();
    const [created] = play(w, 'host', { type: 'poll.create', poll: defs.single });
    const r = tryPlay(w, 'host', { type: 'poll.launch', pollId: created!.pollId, scope: 'rooms' }, { roomsOpen: false });
    expect(r.ok || r.error.message).toBe('No breakout rooms are open. Open rooms first, or launch the poll in plenary.');
  });

  it('edits drafts only', () => {
    const w = world();
    const id = launch(w, defs.single);
    const r = tryPlay(w, 'host', { type: 'poll.update', pollId: id, poll: defs.scale });
    expect(r.ok || r.error.message).toMatch(/can no longer change/);
  });

  it('limits how many polls are open at once', () => {
    const w = world();
    for (let i = 0; i < POLL_LIMITS.openPolls; i++) launch(w, defs.single);
    const [created] = play(w, 'host', { type: 'poll.create', poll: defs.single });
    const r = tryPlay(w, 'host', { type: 'poll.launch', pollId: created!.pollId, scope: 'plenary' });
    expect(r.ok || r.error.message).toMatch(/Close one first/);
  });

  it('treats closing a closed poll and revealing a revealed one as already done', () => {
    const w = world();
    const id = launch(w, defs.single);
    expect(play(w, 'host', { type: 'poll.close', pollId: id })).toHaveLength(1);
    expect(play(w, 'host', { type: 'poll.close', pollId: id })).toEqual([]);
    expect(play(w, 'host', { type: 'poll.reveal', pollId: id, revealed: true })).toHaveLength(1);
    expect(play(w, 'host', { type: 'poll.reveal', pollId: id, revealed: true })).toEqual([]);
  });

  it('deleting a poll removes it and its tallies', () => {
    const w = world();
    const id = launch(w, defs.single);
    answer(w, id, 'm1', { kind: 'single', optionId: 'o1' });
    play(w, 'host', { type: 'poll.delete', pollId: id });
    expect(w.slice.polls[id]).toBeUndefined();
    expect(w.tallies.has(id)).toBe(false);
  });
});
