import type { StoredPollEvent } from './events.ts';
import { withAnswer, type PollRecord, type PollsState } from './state.ts';

/**
 * Poll events → the polls slice. Pure, like the engine's reducer: no clock, no I/O; events about
 * a poll that is not there (deleted) are ignored, not fatal.
 *
 * An answer copies one shard of that poll's answers (see state.ts), not all of them; the results
 * are kept incrementally in aggregate.ts, outside this slice, so showing them never walks the answers.
 */
export function applyPollEvent(slice: PollsState, event: StoredPollEvent): PollsState {
  const poll = slice.polls[event.pollId];
  switch (event.type) {
    case 'poll.created':
      if (poll) return slice;
      return withPoll(slice, {
        id: event.pollId,
        definition: event.definition,
        status: 'draft',
        scope: null,
        revealed: false,
        createdAt: event.at,
        launchedAt: null,
        closedAt: null,
        answers: {},
        answerSeq: 0,
      });
    case 'poll.updated':
      // drafts only (decide.ts): there are no answers to keep
      return poll ? withPoll(slice, { ...poll, definition: event.definition, answers: {}, answerSeq: 0 }) : slice;
    case 'poll.launched':
      return poll ? withPoll(slice, { ...poll, status: 'open', scope: event.scope, launchedAt: event.at, closedAt: null }) : slice;
    case 'poll.answered':
      if (!poll) return slice;
      return withPoll(slice, {
        ...poll,
        answerSeq: poll.answerSeq + 1,
        answers: withAnswer(poll.answers, event.memberId, {
          answer: event.answer,
          roomId: event.roomId,
          at: event.at,
          seq: poll.answerSeq + 1,
        }),
      });
    case 'poll.closed':
      return poll ? withPoll(slice, { ...poll, status: 'closed', closedAt: event.at }) : slice;
    case 'poll.reopened':
      return poll ? withPoll(slice, { ...poll, status: 'open', closedAt: null }) : slice;
    case 'poll.revealed':
      return poll ? withPoll(slice, { ...poll, revealed: event.revealed }) : slice;
    case 'poll.deleted': {
      if (!poll) return slice;
      const { [event.pollId]: _gone, ...rest } = slice.polls;
      return { polls: rest };
    }
  }
}

function withPoll(slice: PollsState, poll: PollRecord): PollsState {
  return { polls: { ...slice.polls, [poll.id]: poll } };
}
