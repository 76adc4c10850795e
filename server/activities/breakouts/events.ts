import { z } from 'zod';
import { BreakoutClock, PlanReport } from '../../../shared/breakouts.ts';

const Room = z.object({
  id: z.string(),
  name: z.string(),
  topic: z.string(),
  prompt: z.string(),
  cap: z.number().nullable(),
  label: z.string().nullable(),
});

/** Durable facts about breakouts. Add new event types rather than change the meaning of one. */
export const BREAKOUT_EVENTS = [
  z.object({
    type: z.literal('breakouts.planned'),
    round: z.number().int(),
    rooms: z.array(Room),
    assignment: z.record(z.string(), z.string()),
    visits: z.record(z.string(), z.string()),
    report: PlanReport,
  }),
  z.object({ type: z.literal('breakouts.roomUpdated'), room: Room }),
  /** People placed, moved, choosing or going back to plenary (roomId null). */
  z.object({ type: z.literal('breakouts.moved'), moves: z.array(z.object({ memberId: z.string(), roomId: z.string().nullable() })) }),
  z.object({ type: z.literal('breakouts.discarded') }),
  z.object({ type: z.literal('breakouts.preassigned'), rows: z.array(z.object({ name: z.string(), room: z.string() })), append: z.boolean().optional() }),
  z.object({
    type: z.literal('breakouts.opened'),
    clock: BreakoutClock,
    allowReturn: z.boolean(),
    allowSwitch: z.boolean(),
  }),
  z.object({ type: z.literal('breakouts.adjusted'), endsAt: z.number(), durationMs: z.number() }),
  /** Time is up (or closed early): the grace countdown runs to closesAt. */
  z.object({ type: z.literal('breakouts.ended'), closesAt: z.number() }),
  z.object({ type: z.literal('breakouts.closed') }),
  z.object({ type: z.literal('breakouts.broadcast'), text: z.string(), roomId: z.string().nullable() }),
  z.object({ type: z.literal('breakouts.visited'), memberId: z.string(), roomId: z.string().nullable() }),
  z.object({ type: z.literal('breakouts.helpRequested'), memberId: z.string(), roomId: z.string() }),
  z.object({ type: z.literal('breakouts.helpAcknowledged'), roomId: z.string() }),
  /** Help calls of a room answered (a facilitator came) or withdrawn by the caller. */
  z.object({ type: z.literal('breakouts.helpCleared'), roomId: z.string(), memberId: z.string().nullable() }),
  z.object({ type: z.literal('breakouts.notesEdited'), roomId: z.string(), text: z.string(), by: z.string() }),
] as const;
