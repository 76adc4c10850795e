import type { Command } from '../../shared/commands.ts';
import { failure, type ErrorBody } from '../../shared/errors.ts';
import { decideBreakouts } from '../activities/breakouts/decide.ts';
import { breakoutDeadline, breakoutsDue } from '../activities/breakouts/deadlines.ts';
import { cafeDeadline, cafeDue, decideCafe } from '../activities/cafe/decide.ts';
import { decidePoll } from '../activities/polls/decide.ts';
import { roomContext, roomExists } from '../activities/rooms.ts';
import { decideTurn } from '../activities/turns/decide.ts';
import { decideDue as turnsDue, nextDeadline as turnsDeadline } from '../activities/turns/turn-machine.ts';
import { decideAgenda } from '../activities/agenda/decide.ts';
import { DEFAULT_PRIVACY } from '../../shared/harvest.ts';
import { FORGOTTEN_NAME } from '../retention/forget.ts';
import { mayRun } from './authorise.ts';
import type { EventBody } from './events.ts';
import { isFacilitator, type WorkshopState } from './state.ts';

export type Decision = { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };

/** Fresh random values a decision may need, made by the caller so `decide` stays pure. */
export type Fresh = {
  cohostKey: string;
  seed: number;
  /** An id for a poll created by this command. */
  pollId?: string;
  /** Randomness for a random go-around order. */
  random?: () => number;
  /** Who is around now (presence is not in the log); defaults to everyone. */
  here?: (memberId: string) => boolean;
};

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

/**
 * The rules: given the workshop as it is, who is asking, what they ask and the time, which events
 * happen. Pure, so every rule is unit tested without sockets or storage. An empty list means
 * "already so" (raising a raised hand): acknowledged, nothing written.
 */
export function decide(state: WorkshopState, actorId: string, command: Command, now: number, fresh: Fresh): Decision {
  const actor = state.members[actorId];
  if (!actor) return failure('not_joined', 'You are not part of this workshop. Open the join link again.');
  if (actor.status !== 'admitted') {
    return failure('waiting', 'The host has not let you in yet. Please wait a moment.');
  }
  if (!mayRun(actor.role, command.type)) {
    return failure('forbidden', 'Only the facilitators can do that. Ask a host if you need it done.');
  }

  if (isBreakoutCommand(command)) return decideBreakouts(state, actor, command, now, fresh.seed);
  if (isCafeCommand(command)) return decideCafe(state, actor, command, now, fresh.seed, fresh.here);
  if (isTurnCommand(command)) {
    if (!roomExists(state, command.roomId)) return failure('not_found', 'That room is not open now. Go back to where you are and try again.');
    return decideTurn(state.turns, roomContext(state, command.roomId), actorId, command, now, { random: fresh.random ?? Math.random });
  }
  if (isPollCommand(command)) {
    const open = state.breakouts !== null && state.breakouts.phase !== 'draft';
    return decidePoll(state.polls, command, {
      actorId,
      roomId: open ? (state.breakouts?.assignment[actorId] ?? null) : null,
      roomsOpen: open,
      freshPollId: fresh.pollId ?? `poll-${state.version + 1}`,
    });
  }
  if (isAgendaCommand(command)) {
    // one id for the poll a segment launches, whichever intermediate state creates it
    const pollId = fresh.pollId ?? `poll-${state.version + 1}`;
    const steady: Fresh = { cohostKey: fresh.cohostKey, seed: fresh.seed, pollId, random: fresh.random ?? Math.random, here: fresh.here ?? (() => true) };
    return decideAgenda(state, command, {
      decideOne: (s, c) => decide(s, actorId, c, now, steady),
      here: steady.here ?? (() => true),
      pollId,
      seed: steady.seed,
      now,
    });
  }
  switch (command.type) {
    case 'harvest.privacy': {
      const current = state.privacy[command.area] ?? DEFAULT_PRIVACY;
      return current === command.level ? ok() : ok({ type: 'harvest.privacySet', area: command.area, level: command.level });
    }
    case 'member.forget': {
      const target = state.members[command.memberId];
      if (!target) return unknownPerson();
      if (target.role !== 'participant') return failure('forbidden', 'Only a participant\'s details can be forgotten. Make a co-host a participant first.');
      if (target.name === FORGOTTEN_NAME && Object.keys(target.profile).length === 0) return ok();
      return ok({ type: 'member.forgotten', memberId: target.id, name: FORGOTTEN_NAME });
    }
    case 'hand.raise':
      return state.hands.some((h) => h.memberId === actorId) ? ok() : ok({ type: 'hand.raised', memberId: actorId });
    case 'hand.lower': {
      const target = command.memberId ?? actorId;
      if (target !== actorId && !isFacilitator(actor.role)) {
        return failure('forbidden', 'You can only lower your own hand.');
      }
      return state.hands.some((h) => h.memberId === target) ? ok({ type: 'hand.lowered', memberId: target }) : ok();
    }
    case 'hands.clear':
      return state.hands.length ? ok({ type: 'hands.cleared' }) : ok();
    case 'announcement.set':
      return ok({ type: 'announcement.set', text: command.text });
    case 'now.set':
      return command.text === state.now ? ok() : ok({ type: 'now.set', text: command.text });
    case 'timer.start':
      return ok({
        type: 'timer.started',
        endsAt: now + command.durationMs,
        durationMs: command.durationMs,
        label: command.label ?? '',
      });
    case 'timer.pause':
      if (state.timer?.state !== 'running') return noTimer('running', 'pause');
      return ok({ type: 'timer.paused', remainingMs: Math.max(0, state.timer.endsAt - now) });
    case 'timer.resume':
      if (state.timer?.state !== 'paused') return noTimer('paused', 'resume');
      return ok({ type: 'timer.resumed', endsAt: now + state.timer.remainingMs });
    case 'timer.adjust':
      return adjustTimer(state, command.deltaMs, now);
    case 'timer.stop':
      return state.timer ? ok({ type: 'timer.stopped' }) : ok();
    case 'waitingRoom.set': {
      if (command.enabled === state.settings.waitingRoom) return ok();
      const events: EventBody[] = [{ type: 'waitingRoom.set', enabled: command.enabled }];
      // Turning the waiting room off lets in everyone who was waiting: nobody is left stranded.
      const waiting = waitingIds(state);
      if (!command.enabled && waiting.length) events.push({ type: 'member.admitted', memberIds: waiting });
      return ok(...events);
    }
    case 'lock.set':
      return command.locked === state.settings.locked ? ok() : ok({ type: 'lock.set', locked: command.locked });
    case 'member.admit': {
      const ids = [...new Set(command.memberIds)].filter((id) => state.members[id]?.status === 'waiting');
      return ids.length ? ok({ type: 'member.admitted', memberIds: ids }) : ok();
    }
    case 'member.admitAll': {
      const ids = waitingIds(state);
      return ids.length ? ok({ type: 'member.admitted', memberIds: ids }) : ok();
    }
    case 'member.decline': {
      const target = state.members[command.memberId];
      if (!target) return unknownPerson();
      if (target.status !== 'waiting') {
        return failure('conflict', `${target.name} is not in the waiting room any more. Use Remove instead.`);
      }
      return ok({ type: 'member.declined', memberId: target.id });
    }
    case 'member.remove': {
      const target = state.members[command.memberId];
      if (!target) return unknownPerson();
      if (target.role === 'host') return failure('forbidden', 'The host cannot be removed.');
      if (target.id === actorId) return failure('forbidden', 'You cannot remove yourself.');
      if (target.role === 'cohost' && actor.role !== 'host') {
        return failure('forbidden', 'Only the host can remove a co-host.');
      }
      if (target.status === 'removed') return ok();
      // a removed co-host has seen the co-host link: it must stop working
      return target.role === 'cohost'
        ? ok({ type: 'member.removed', memberId: target.id }, { type: 'cohostKey.rotated', cohostKey: fresh.cohostKey })
        : ok({ type: 'member.removed', memberId: target.id });
    }
    case 'member.readmit': {
      const target = state.members[command.memberId];
      if (!target) return unknownPerson();
      if (target.role === 'cohost' && actor.role !== 'host') {
        return failure('forbidden', 'Only the host can let a co-host back in.');
      }
      if (target.status === 'admitted') return ok();
      return ok({ type: 'member.readmitted', memberId: target.id });
    }
    case 'member.setRole': {
      const target = state.members[command.memberId];
      if (!target) return unknownPerson();
      if (target.role === 'host') return failure('forbidden', 'The host stays the host.');
      if (target.status !== 'admitted') {
        return failure('conflict', `${target.name} is not in the workshop. Let them in first.`);
      }
      if (target.role === command.role) return ok();
      const changed: EventBody = { type: 'member.roleChanged', memberId: target.id, role: command.role };
      // a co-host made a participant again has seen the co-host link: it must stop working
      return command.role === 'participant' ? ok(changed, { type: 'cohostKey.rotated', cohostKey: fresh.cohostKey }) : ok(changed);
    }
  }
}

type BreakoutCommand = Extract<Command, { type: `breakouts.${string}` }>;
const isBreakoutCommand = (c: Command): c is BreakoutCommand => c.type.startsWith('breakouts.');
type CafeCommand = Extract<Command, { type: `cafe.${string}` }>;
type PollCommand = Extract<Command, { type: `poll.${string}` }>;
const isPollCommand = (c: Command): c is PollCommand => c.type.startsWith('poll.');
type TurnCommand = Extract<Command, { type: `turn.${string}` }>;
const isTurnCommand = (c: Command): c is TurnCommand => c.type.startsWith('turn.');
const isCafeCommand = (c: Command): c is CafeCommand => c.type.startsWith('cafe.');
type AgendaCommand = Extract<Command, { type: `agenda.${string}` }>;
const isAgendaCommand = (c: Command): c is AgendaCommand => c.type.startsWith('agenda.');


/**
 * Events the clock causes: deadlines in the state that have passed. `here` says who is still around
 * (presence is not in the log): a café re-plans its next rounds for them, and the resulting plan is logged.
 */
export function decideDue(state: WorkshopState, now: number, here: (memberId: string) => boolean = () => true): EventBody[] {
  const events: EventBody[] = [];
  if (state.timer?.state === 'running' && state.timer.endsAt <= now) events.push({ type: 'timer.ended' });
  events.push(...breakoutsDue(state.breakouts, now));
  events.push(...cafeDue(state, now, here));
  events.push(...turnsDue(state.turns, now));
  return events;
}

/** The earliest deadline in the state, or null: the scheduler arms one timer for it. */
export function nextDeadline(state: WorkshopState): number | null {
  const deadlines = [state.timer?.state === 'running' ? state.timer.endsAt : null, breakoutDeadline(state.breakouts), cafeDeadline(state.cafe), turnsDeadline(state.turns)];
  const due = deadlines.filter((d): d is number => d !== null);
  return due.length ? Math.min(...due) : null;
}

function adjustTimer(state: WorkshopState, deltaMs: number, now: number): Decision {
  const timer = state.timer;
  if (!timer) return failure('conflict', 'There is no timer to change. Start one first.');
  if (timer.state === 'running') {
    const endsAt = Math.max(now, timer.endsAt + deltaMs);
    return ok({ type: 'timer.adjusted', endsAt, durationMs: Math.max(0, timer.durationMs + (endsAt - timer.endsAt)) });
  }
  if (timer.state === 'paused') {
    const remainingMs = Math.max(0, timer.remainingMs + deltaMs);
    return ok({
      type: 'timer.adjusted',
      remainingMs,
      durationMs: Math.max(0, timer.durationMs + (remainingMs - timer.remainingMs)),
    });
  }
  // Ended: adding time starts it again with that much left; taking time away changes nothing.
  if (deltaMs <= 0) return ok();
  return ok({ type: 'timer.adjusted', endsAt: now + deltaMs, durationMs: timer.durationMs + deltaMs });
}

function waitingIds(state: WorkshopState): string[] {
  return Object.values(state.members)
    .filter((m) => m.status === 'waiting')
    .map((m) => m.id);
}

function noTimer(needed: 'running' | 'paused', verb: string): Decision {
  return failure('conflict', `There is no ${needed} timer to ${verb}. Start a timer first.`);
}

function unknownPerson(): Decision {
  return failure('not_found', 'That person is not in this workshop. Refresh the console and try again.');
}
