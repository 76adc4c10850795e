import type { PollAnswer, PollCommand, PollDefinition, PollScope, PollSettings } from '../../shared/polls.ts';
import { applyPollEventTallied, buildTallies, type PollTallies } from '../../server/activities/polls/aggregate.ts';
import { decidePoll, type PollContext } from '../../server/activities/polls/decide.ts';
import { EMPTY_POLLS, type PollsState } from '../../server/activities/polls/state.ts';

/** Polls built through the real decide + reducer + tallies, as the engine will run them. */

export const NAMED: PollSettings = { anonymous: false, results: 'live' };
export const ANONYMOUS: PollSettings = { anonymous: true, results: 'live' };

const opts = (...labels: string[]) => labels.map((label, i) => ({ id: `o${i + 1}`, label }));

export function definitions(settings: PollSettings = NAMED): Record<PollDefinition['kind'], PollDefinition> {
  return {
    single: { kind: 'single', question: 'Which session next?', settings, options: opts('Tools', 'Stories', 'Funding') },
    multiple: { kind: 'multiple', question: 'Which topics interest you?', settings, options: opts('Water', 'Land', 'Seeds', 'Markets'), maxChoices: 2 },
    scale: { kind: 'scale', question: 'How useful was this?', settings, min: 1, max: 5, minLabel: 'not at all', maxLabel: 'very' },
    wordcloud: { kind: 'wordcloud', question: 'One word for today', settings, maxWords: 3 },
    text: { kind: 'text', question: 'What should we change?', settings },
    ranking: { kind: 'ranking', question: 'Order these priorities', settings, options: opts('Access', 'Quality', 'Cost') },
    checkin: { kind: 'checkin', question: 'How are you arriving?', settings, moment: 'checkin' },
  };
}

export type World = { slice: PollsState; tallies: PollTallies; at: number; nextId: number };

export function world(): World {
  return { slice: EMPTY_POLLS, tallies: buildTallies(EMPTY_POLLS), at: 1_000, nextId: 1 };
}

/** decide + apply; throws on refusal. Returns the events written. */
export function play(w: World, actorId: string, command: PollCommand, context: Partial<PollContext> = {}) {
  const decision = tryPlay(w, actorId, command, context);
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.message}`);
  return decision.events;
}

export function tryPlay(w: World, actorId: string, command: PollCommand, context: Partial<PollContext> = {}) {
  const freshPollId = `poll${w.nextId}`;
  const decision = decidePoll(w.slice, command, { actorId, roomId: null, roomsOpen: false, freshPollId, ...context });
  if (decision.ok) {
    if (command.type === 'poll.create') w.nextId++;
    for (const event of decision.events) {
      w.at += 10;
      w.slice = applyPollEventTallied(w.slice, w.tallies, { ...event, at: w.at });
    }
  }
  return decision;
}

/** Creates and launches a poll; returns its id. */
export function launch(w: World, definition: PollDefinition, scope: PollScope = 'plenary'): string {
  const [created] = play(w, 'host', { type: 'poll.create', poll: definition });
  const pollId = created!.pollId;
  play(w, 'host', { type: 'poll.launch', pollId, scope }, { roomsOpen: scope === 'rooms' });
  return pollId;
}

export function answer(w: World, pollId: string, memberId: string, a: PollAnswer, roomId: string | null = null) {
  return play(w, memberId, { type: 'poll.answer', pollId, answer: a }, { roomId });
}
