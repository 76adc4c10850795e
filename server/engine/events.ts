import { z } from 'zod';
import { ProfileField, ProfileValues } from '../../shared/profile.ts';
import { Role } from '../../shared/session.ts';
import { BREAKOUT_EVENTS } from '../activities/breakouts/events.ts';
import { CAFE_EVENTS } from '../activities/cafe/events.ts';
import { POLL_EVENTS } from '../activities/polls/events.ts';
import { TURN_EVENTS } from '../activities/turns/events.ts';
import { AGENDA_EVENTS } from '../activities/agenda/events.ts';
import { PrivacyLevel } from '../../shared/harvest.ts';

/**
 * Durable facts about a workshop. Events are the log; state is `events.reduce(apply)`.
 * Never change the meaning of an existing event type: add a new one instead.
 */
const MemberRecord = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  profile: ProfileValues,
  /** sha256 of the member's resume token: the token itself is never stored. */
  tokenHash: z.string(),
  status: z.enum(['waiting', 'admitted']),
});

export const EventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('workshop.created'),
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    profileFields: z.array(ProfileField),
    cohostKey: z.string(),
    waitingRoom: z.boolean(),
    host: MemberRecord,
  }),
  z.object({ type: z.literal('member.joined'), member: MemberRecord }),
  z.object({ type: z.literal('member.admitted'), memberIds: z.array(z.string()) }),
  z.object({ type: z.literal('member.declined'), memberId: z.string() }),
  z.object({ type: z.literal('member.removed'), memberId: z.string() }),
  z.object({ type: z.literal('member.readmitted'), memberId: z.string() }),
  z.object({ type: z.literal('member.roleChanged'), memberId: z.string(), role: Role }),
  z.object({ type: z.literal('hand.raised'), memberId: z.string() }),
  z.object({ type: z.literal('hand.lowered'), memberId: z.string() }),
  z.object({ type: z.literal('hands.cleared') }),
  z.object({ type: z.literal('announcement.set'), text: z.string() }),
  z.object({ type: z.literal('now.set'), text: z.string() }),
  z.object({ type: z.literal('timer.started'), endsAt: z.number(), durationMs: z.number(), label: z.string() }),
  z.object({ type: z.literal('timer.paused'), remainingMs: z.number() }),
  z.object({ type: z.literal('timer.resumed'), endsAt: z.number() }),
  /** Either a new deadline (running) or a new remainder (paused); durationMs grows or shrinks with it. */
  z.object({
    type: z.literal('timer.adjusted'),
    endsAt: z.number().optional(),
    remainingMs: z.number().optional(),
    durationMs: z.number(),
  }),
  z.object({ type: z.literal('timer.stopped') }),
  z.object({ type: z.literal('timer.ended') }),
  z.object({ type: z.literal('waitingRoom.set'), enabled: z.boolean() }),
  z.object({ type: z.literal('lock.set'), locked: z.boolean() }),
  /** A co-host left the role: the old co-host link stops working. */
  z.object({ type: z.literal('cohostKey.rotated'), cohostKey: z.string() }),
  ...BREAKOUT_EVENTS,
  ...CAFE_EVENTS,
  ...POLL_EVENTS,
  ...TURN_EVENTS,
  ...AGENDA_EVENTS,
  z.object({ type: z.literal('harvest.privacySet'), area: z.string(), level: PrivacyLevel }),
  /** On request, a person's name and profile are erased; the stored log is rewritten to match (see server/retention). */
  z.object({ type: z.literal('member.forgotten'), memberId: z.string(), name: z.string() }),
]);
export type EventBody = z.infer<typeof EventBody>;
export type EventType = EventBody['type'];

/** An event as stored: its place in the workshop's log and when it happened (server epoch ms). */
export type StoredEvent = EventBody & { seq: number; at: number };
export type MemberRecord = z.infer<typeof MemberRecord>;
