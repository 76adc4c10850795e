import { z } from 'zod';
import { GoAroundOrder, QueueOrder, TurnSource } from '../../../shared/turns.ts';

/**
 * What the log says about turns, to be spread into the engine's `EventBody` union
 * (`...TURN_EVENTS`). Every event names its room and carries the times it needs, so the reducer
 * never reads a clock and replaying gives the same figures. Never change an event's meaning: add one.
 */
const roomId = z.string();
const memberId = z.string();

/** How a turn ended. Only `done` counts as a turn taken; the time spoken counts whatever the outcome. */
export const TurnOutcome = z.enum(['done', 'skipped', 'passed', 'comeBack', 'left']);
export type TurnOutcome = z.infer<typeof TurnOutcome>;

export const TURN_EVENTS = [
  z.object({ type: z.literal('turn.handRaised'), roomId, memberId, raisedAt: z.number() }),
  z.object({ type: z.literal('turn.handLowered'), roomId, memberId }),
  z.object({ type: z.literal('turn.settingsChanged'), roomId, order: QueueOrder, turnMs: z.number() }),
  /** The speaker's hand (if any) goes down unless the turn is part of a go-around. */
  z.object({
    type: z.literal('turn.started'),
    roomId,
    memberId,
    source: TurnSource,
    startedAt: z.number(),
    lengthMs: z.number(),
    endsAt: z.number(),
  }),
  /** New allotted length, and the new deadline (running) or remainder (paused). */
  z.object({
    type: z.literal('turn.extended'),
    roomId,
    lengthMs: z.number(),
    endsAt: z.number().optional(),
    remainingMs: z.number().optional(),
  }),
  /** `remainingMs` is negative when the speaker was already over time. */
  z.object({ type: z.literal('turn.paused'), roomId, pausedAt: z.number(), remainingMs: z.number() }),
  z.object({ type: z.literal('turn.resumed'), roomId, resumedAt: z.number(), endsAt: z.number() }),
  z.object({
    type: z.literal('turn.ended'),
    roomId,
    memberId,
    outcome: TurnOutcome,
    endedAt: z.number(),
    spokenMs: z.number(),
    overrunMs: z.number(),
  }),
  /** `speakers` is the resolved order (random already drawn), so replay needs no randomness. */
  z.object({
    type: z.literal('turn.goAroundStarted'),
    roomId,
    order: GoAroundOrder,
    turnMs: z.number(),
    autoAdvance: z.boolean(),
    speakers: z.array(z.string()),
    startedAt: z.number(),
  }),
  /** Someone still to come leaves the go-around: passed in advance, skipped by the host, or left the room. */
  z.object({
    type: z.literal('turn.goAroundDropped'),
    roomId,
    memberId,
    reason: z.enum(['passed', 'skipped', 'left']),
  }),
  /** "Come back to me" from someone still to come: they move to the end. */
  z.object({ type: z.literal('turn.goAroundDeferred'), roomId, memberId }),
  z.object({ type: z.literal('turn.goAroundEnded'), roomId, reason: z.enum(['finished', 'stopped']) }),
  /** An accepted "I spoke from..to"; `countedMs` leaves out time already counted in the person's own turns. */
  z.object({
    type: z.literal('turn.airtimeReported'),
    roomId,
    memberId,
    from: z.number(),
    to: z.number(),
    countedMs: z.number(),
  }),
  /** The room closed (breakouts ended): queue, turn and go-around go; the airtime record stays. */
  z.object({ type: z.literal('turn.roomClosed'), roomId }),
] as const;

export const TurnEvent = z.discriminatedUnion('type', TURN_EVENTS);
export type TurnEvent = z.infer<typeof TurnEvent>;
export type TurnEventType = TurnEvent['type'];
