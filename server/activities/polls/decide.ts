import { failure, type ErrorBody } from '../../../shared/errors.ts';
import { POLL_LIMITS, type PollCommand } from '../../../shared/polls.ts';
import type { PollEvent } from './events.ts';
import { answerOf, openPollCount, type PollsState } from './state.ts';
import { sameAnswer, validateAnswer } from './validate.ts';

export type PollDecision = { ok: true; events: PollEvent[] } | { ok: false; error: ErrorBody };

/**
 * What the engine knows that the polls slice does not. The role check (participants may only
 * send `poll.answer`, see PARTICIPANT_POLL_COMMANDS) is the engine's, before this is called.
 */
export type PollContext = {
  actorId: string;
  /** The breakout room the actor is in now (open rooms only), or null. */
  roomId: string | null;
  /** Are breakout rooms open, so a poll can be launched in them? */
  roomsOpen: boolean;
  /** A new poll id, made by the caller so this stays pure. */
  freshPollId: string;
};

const ok = (...events: PollEvent[]): PollDecision => ({ ok: true, events });

/**
 * Poll commands → poll events. Pure. An empty list means "already so" (closing a closed poll,
 * sending the same answer again): acknowledged, nothing written, nothing counted twice.
 */
export function decidePoll(slice: PollsState, command: PollCommand, context: PollContext): PollDecision {
  if (command.type === 'poll.create') {
    if (Object.keys(slice.polls).length >= POLL_LIMITS.polls) {
      return failure('conflict', `A workshop keeps at most ${POLL_LIMITS.polls} polls. Delete some you no longer need first.`);
    }
    return ok({ type: 'poll.created', pollId: context.freshPollId, definition: command.poll });
  }

  const poll = slice.polls[command.pollId];
  if (!poll) return failure('not_found', 'This poll is no longer there. It may have been deleted; refresh and try again.');

  switch (command.type) {
    case 'poll.update':
      if (poll.status !== 'draft') {
        return failure('conflict', 'This poll has been launched, so it can no longer change. Create a new poll instead.');
      }
      return ok({ type: 'poll.updated', pollId: poll.id, definition: command.poll });
    case 'poll.launch':
      if (poll.status === 'open') {
        return poll.scope === command.scope ? ok() : failure('conflict', 'This poll is already open. Close it first to run it somewhere else.');
      }
      if (poll.status === 'closed') return failure('conflict', 'This poll has run already. Reopen it, or create a new poll.');
      if (command.scope === 'rooms' && !context.roomsOpen) {
        return failure('conflict', 'No breakout rooms are open. Open rooms first, or launch the poll in plenary.');
      }
      if (openPollCount(slice) >= POLL_LIMITS.openPolls) return tooManyOpen();
      return ok({ type: 'poll.launched', pollId: poll.id, scope: command.scope });
    case 'poll.answer': {
      const roomId = poll.scope === 'rooms' ? context.roomId : null;
      const checked = validateAnswer(poll, command.answer, { roomId, claimedRoomId: command.roomId });
      if (!checked.ok) return checked;
      const previous = answerOf(poll, context.actorId);
      if (previous && previous.roomId === roomId && sameAnswer(previous.answer, checked.answer)) return ok();
      return ok({ type: 'poll.answered', pollId: poll.id, memberId: context.actorId, roomId, answer: checked.answer });
    }
    case 'poll.close':
      if (poll.status === 'draft') return failure('conflict', 'This poll has not been launched, so there is nothing to close.');
      return poll.status === 'closed' ? ok() : ok({ type: 'poll.closed', pollId: poll.id });
    case 'poll.reopen':
      if (poll.status === 'draft') return failure('conflict', 'This poll has not been launched yet. Launch it instead.');
      if (poll.status === 'open') return ok();
      if (openPollCount(slice) >= POLL_LIMITS.openPolls) return tooManyOpen();
      return ok({ type: 'poll.reopened', pollId: poll.id });
    case 'poll.reveal':
      if (poll.status === 'draft') return failure('conflict', 'Launch the poll first: there are no results to show yet.');
      return poll.revealed === command.revealed ? ok() : ok({ type: 'poll.revealed', pollId: poll.id, revealed: command.revealed });
    case 'poll.delete':
      return ok({ type: 'poll.deleted', pollId: poll.id });
  }
}

function tooManyOpen(): PollDecision {
  return failure('conflict', `At most ${POLL_LIMITS.openPolls} polls can be open at once. Close one first.`);
}
