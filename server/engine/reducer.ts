import { applyBreakoutEvent } from '../activities/breakouts/reducer.ts';
import { applyCafeEvent } from '../activities/cafe/reducer.ts';
import { isPollEvent } from '../activities/polls/events.ts';
import { applyPollEvent } from '../activities/polls/reducer.ts';
import { applyTurnEvent } from '../activities/turns/reducer.ts';
import type { TurnEvent } from '../activities/turns/events.ts';
import { forgetMemberInState } from '../retention/forget.ts';
import { applyAgendaEvent } from '../activities/agenda/reducer.ts';
import { isAgendaEvent } from '../activities/agenda/events.ts';
import type { StoredEvent } from './events.ts';
import type { Member, WorkshopState } from './state.ts';

/**
 * The pure reducer: state + one event → next state. No clocks, no I/O, no randomness: replaying
 * the log always gives the same workshop. Unknown members in an event are ignored, not fatal.
 */
export function apply(state: WorkshopState, event: StoredEvent): WorkshopState {
  const next = { ...state, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'workshop.created':
      return {
        ...next,
        id: event.id,
        code: event.code,
        title: event.title,
        description: event.description,
        profileFields: event.profileFields,
        cohostKey: event.cohostKey,
        createdAt: event.at,
        hostId: event.host.id,
        settings: { waitingRoom: event.waitingRoom, locked: false },
        members: { [event.host.id]: { ...event.host, joinedAt: event.at } },
      };
    case 'member.joined':
      return { ...next, members: { ...state.members, [event.member.id]: { ...event.member, joinedAt: event.at } } };
    case 'member.admitted': {
      // one copy for the whole batch: "admit all" of 2,000 must not copy the roster 2,000 times
      const members = { ...state.members };
      for (const id of event.memberIds) {
        const m = members[id];
        if (m) members[id] = { ...m, status: 'admitted' };
      }
      return { ...next, members };
    }
    case 'member.declined':
      return { ...next, members: patchMember(state.members, event.memberId, { status: 'declined' }) };
    case 'member.removed':
      return {
        ...next,
        members: patchMember(state.members, event.memberId, { status: 'removed' }),
        hands: state.hands.filter((h) => h.memberId !== event.memberId),
      };
    case 'member.readmitted':
      return { ...next, members: patchMember(state.members, event.memberId, { status: 'admitted' }) };
    case 'member.roleChanged':
      return {
        ...next,
        members: patchMember(state.members, event.memberId, { role: event.role }),
        // facilitators run the queue; they are not in it
        hands: event.role === 'participant' ? state.hands : state.hands.filter((h) => h.memberId !== event.memberId),
      };
    case 'hand.raised':
      if (state.hands.some((h) => h.memberId === event.memberId)) return next;
      return { ...next, hands: [...state.hands, { memberId: event.memberId, raisedAt: event.at }] };
    case 'hand.lowered':
      return { ...next, hands: state.hands.filter((h) => h.memberId !== event.memberId) };
    case 'hands.cleared':
      return { ...next, hands: [] };
    case 'announcement.set':
      return { ...next, announcement: event.text ? { text: event.text, at: event.at } : null };
    case 'now.set':
      return { ...next, now: event.text };
    case 'timer.started':
      return {
        ...next,
        timer: { state: 'running', endsAt: event.endsAt, durationMs: event.durationMs, label: event.label },
      };
    case 'timer.paused':
      if (!state.timer) return next;
      return { ...next, timer: { ...timerBase(state), state: 'paused', remainingMs: event.remainingMs } };
    case 'timer.resumed':
      if (!state.timer) return next;
      return { ...next, timer: { ...timerBase(state), state: 'running', endsAt: event.endsAt } };
    case 'timer.adjusted': {
      if (!state.timer) return next;
      const base = { ...timerBase(state), durationMs: event.durationMs };
      if (event.endsAt !== undefined) return { ...next, timer: { ...base, state: 'running', endsAt: event.endsAt } };
      if (event.remainingMs !== undefined) {
        return { ...next, timer: { ...base, state: 'paused', remainingMs: event.remainingMs } };
      }
      return next;
    }
    case 'timer.stopped':
      return { ...next, timer: null };
    case 'timer.ended':
      if (!state.timer) return next;
      return { ...next, timer: { ...timerBase(state), state: 'ended', endedAt: event.at } };
    case 'waitingRoom.set':
      return { ...next, settings: { ...state.settings, waitingRoom: event.enabled } };
    case 'lock.set':
      return { ...next, settings: { ...state.settings, locked: event.locked } };
    case 'cohostKey.rotated':
      return { ...next, cohostKey: event.cohostKey };
    case 'harvest.privacySet': {
      const { [event.area]: _old, ...rest } = state.privacy;
      return { ...next, privacy: event.level === 'workshop' ? rest : { ...rest, [event.area]: event.level } };
    }
    case 'member.forgotten':
      // everywhere the state holds the name (pre-assigned rows, reports, notes' signatures), as the rewritten log will
      return forgetMemberInState(next, event.memberId, state.members[event.memberId]?.name ?? '', event.name);
    default:
      if (isAgendaEvent(event)) return { ...next, agenda: applyAgendaEvent(state.agenda, event) };
      if (isPollEvent(event)) return { ...next, polls: applyPollEvent(state.polls, event) };
      if (event.type.startsWith('turn.')) return { ...next, turns: applyTurnEvent(state.turns, event as TurnEvent) };
      return event.type.startsWith('cafe.')
        ? { ...next, ...applyCafeEvent(next, event as Extract<StoredEvent, { type: `cafe.${string}` }>) }
        : { ...next, ...applyBreakoutEvent(next, event as Extract<StoredEvent, { type: `breakouts.${string}` }>) };
  }
}

export function replay(events: readonly StoredEvent[], from: WorkshopState): WorkshopState {
  return events.reduce(apply, from);
}

function patchMember(members: Record<string, Member>, id: string, patch: Partial<Member>): Record<string, Member> {
  const member = members[id];
  if (!member) return members;
  return { ...members, [id]: { ...member, ...patch } };
}

function timerBase(state: WorkshopState): { durationMs: number; label: string } {
  return { durationMs: state.timer?.durationMs ?? 0, label: state.timer?.label ?? '' };
}
