import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POLL_COMMANDS, POLL_KINDS, POLL_LIMITS, PollAnswer, PollDefinition } from '../../shared/polls.ts';
import { POLL_EVENTS } from '../../server/activities/polls/events.ts';
import { definitions } from './polls-fixtures.ts';

describe('poll schemas', () => {
  it('accepts a definition of every kind', () => {
    const defs = definitions();
    expect(Object.keys(defs).sort()).toEqual([...POLL_KINDS].sort());
    for (const def of Object.values(defs)) expect(PollDefinition.parse(def)).toEqual(def);
  });

  it('refuses bad definitions with a message saying what to fix', () => {
    const settings = { anonymous: false, results: 'live' };
    const fail = (d: unknown) => PollDefinition.safeParse(d).error?.issues[0]?.message;
    expect(fail({ kind: 'single', question: 'q', settings, options: [{ id: 'a', label: 'A' }] })).toBe('Give at least 2 options.');
    expect(fail({ kind: 'single', question: 'q', settings, options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] })).toMatch(/same id/);
    expect(
      fail({ kind: 'multiple', question: 'q', settings, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxChoices: 3 }),
    ).toMatch(/cannot be more than the number of options/);
    expect(fail({ kind: 'scale', question: 'q', settings, min: 0, max: 20, minLabel: '', maxLabel: '' })).toMatch(/at most 11 points/);
    expect(fail({ kind: 'text', question: '   ', settings })).toBe('Type a question first.');
    expect(fail({ kind: 'text', question: 'x'.repeat(POLL_LIMITS.questionChars + 1), settings })).toMatch(/at most 300 characters/);
  });

  it('refuses words and text over the limit before they reach the poll', () => {
    expect(PollAnswer.safeParse({ kind: 'wordcloud', words: ['x'.repeat(POLL_LIMITS.wordChars + 1)] }).success).toBe(false);
    expect(PollAnswer.safeParse({ kind: 'checkin', text: 'x'.repeat(POLL_LIMITS.checkinChars + 1) }).success).toBe(false);
    expect(PollAnswer.safeParse({ kind: 'wordcloud', words: Array(POLL_LIMITS.wordsPerPerson + 1).fill('a') }).success).toBe(false);
  });

  it('commands and events spread into a discriminated union on type', () => {
    const Commands = z.discriminatedUnion('type', [z.object({ type: z.literal('hand.raise') }), ...POLL_COMMANDS]);
    expect(Commands.parse({ type: 'poll.launch', pollId: 'poll1', scope: 'rooms' })).toEqual({ type: 'poll.launch', pollId: 'poll1', scope: 'rooms' });
    expect(Commands.safeParse({ type: 'poll.launch', pollId: 'poll1', scope: 'everywhere' }).success).toBe(false);
    expect(Commands.safeParse({ type: 'poll.close', pollId: 'poll1', extra: 1 }).success).toBe(false);
    const Events = z.discriminatedUnion('type', [z.object({ type: z.literal('hands.cleared') }), ...POLL_EVENTS]);
    expect(Events.safeParse({ type: 'poll.closed', pollId: 'poll1' }).success).toBe(true);
  });
});
