import { z } from 'zod';
import { PollAnswer, PollDefinition, PollScope } from '../../../shared/polls.ts';

/**
 * Durable facts about polls. Spread into EventBody in server/engine/events.ts.
 * Add new event types rather than change the meaning of one.
 *
 * `poll.answered` carries the member id even for anonymous polls: the log must know whose answer
 * a changed answer replaces ("one response per person, changeable"). It never leaves the server:
 * views and exports are built from tallies and drop the member ids (see views.ts, export.ts).
 */
export const POLL_EVENTS = [
  z.object({ type: z.literal('poll.created'), pollId: z.string(), definition: PollDefinition }),
  z.object({ type: z.literal('poll.updated'), pollId: z.string(), definition: PollDefinition }),
  z.object({ type: z.literal('poll.launched'), pollId: z.string(), scope: PollScope }),
  /** A first answer or a changed one (it replaces the earlier answer). roomId: where it was given, or null. */
  z.object({
    type: z.literal('poll.answered'),
    pollId: z.string(),
    memberId: z.string(),
    roomId: z.string().nullable(),
    answer: PollAnswer,
  }),
  z.object({ type: z.literal('poll.closed'), pollId: z.string() }),
  z.object({ type: z.literal('poll.reopened'), pollId: z.string() }),
  z.object({ type: z.literal('poll.revealed'), pollId: z.string(), revealed: z.boolean() }),
  z.object({ type: z.literal('poll.deleted'), pollId: z.string() }),
] as const;

export type PollEvent = z.infer<(typeof POLL_EVENTS)[number]>;
export type PollEventType = PollEvent['type'];

/** A poll event as stored: `at` is server epoch ms (the engine's StoredEvent has it too). */
export type StoredPollEvent = PollEvent & { at: number };

export const POLL_EVENT_TYPES: ReadonlySet<string> = new Set(POLL_EVENTS.map((e) => e.shape.type.value));

export function isPollEvent<E extends { type: string }>(event: E): event is E & PollEvent {
  return POLL_EVENT_TYPES.has(event.type);
}
