import { failure, type ErrorBody } from '../../../shared/errors.ts';
import type { GoAroundOrder, TurnCommand } from '../../../shared/turns.ts';
import { decideReport, speakingFigures } from './airtime.ts';
import type { TurnEvent } from './events.ts';
import { orderQueue } from './queue.ts';
import { applyToRoom } from './reducer.ts';
import { roomOf, runsRoom, type RoomContext, type RoomTurns, type TurnsState } from './state.ts';
import { endAndContinue, endTurn, extendTurn, pauseTurn, resumeTurn, startTurn } from './turn-machine.ts';

export type TurnDecision = { ok: true; events: TurnEvent[] } | { ok: false; error: ErrorBody };

/** Randomness a decision may need (a random go-around order), made by the caller so deciding stays pure. */
export type TurnFresh = { random: () => number };

const ok = (...events: TurnEvent[]): TurnDecision => ({ ok: true, events });

/**
 * The turn rules for one room: given the turns slice, the room as the engine knows it (`ctx`: who is
 * in it, who runs it), who asks, what, and when, which events happen. The engine has already checked
 * that the sender is admitted to the workshop and found the room named by `command.roomId`.
 * An empty list means "already so": acknowledged, nothing written.
 */
export function decideTurn(
  state: TurnsState,
  ctx: RoomContext,
  actorId: string,
  command: TurnCommand,
  now: number,
  fresh: TurnFresh,
): TurnDecision {
  const { roomId } = command;
  const room = roomOf(state, roomId);
  const inRoom = ctx.members.has(actorId);
  const runs = runsRoom(ctx, actorId);
  if (!inRoom && !runs) return failure('forbidden', 'You are not in this room. Join the room to take part.');
  const nameOf = (id: string) => ctx.members.get(id)?.name ?? 'That person';

  switch (command.type) {
    case 'turn.hand.raise':
      if (!inRoom) return failure('forbidden', 'Only people in this room can raise a hand here.');
      return room.hands.some((h) => h.memberId === actorId) ? ok() : ok({ type: 'turn.handRaised', roomId, memberId: actorId, raisedAt: now });
    case 'turn.hand.lower': {
      const target = command.memberId ?? actorId;
      if (target !== actorId && !runs) return failure('forbidden', 'You can only lower your own hand.');
      return room.hands.some((h) => h.memberId === target) ? ok({ type: 'turn.handLowered', roomId, memberId: target }) : ok();
    }
    case 'turn.settings': {
      if (!runs) return notRunner();
      const order = command.order ?? room.settings.order;
      const turnMs = command.turnMs ?? room.settings.turnMs;
      if (order === room.settings.order && turnMs === room.settings.turnMs) return ok();
      return ok({ type: 'turn.settingsChanged', roomId, order, turnMs });
    }
    case 'turn.next':
      return runs ? callNext(room, ctx, roomId, command.lengthMs, now) : notRunner();
    case 'turn.pick': {
      if (!runs) return notRunner();
      const target = command.memberId;
      if (!ctx.members.has(target)) return failure('not_found', 'That person is not in this room any more. Pick someone else.');
      if (room.current?.memberId === target) return failure('conflict', `${nameOf(target)} is already speaking.`);
      const g = room.goAround;
      if (g && !g.pending.includes(target)) {
        return failure('conflict', `${nameOf(target)} is not waiting in this go-around. Stop the go-around to give the floor to someone else.`);
      }
      const lengthMs = command.lengthMs ?? (g ? g.turnMs : room.settings.turnMs);
      return ok(...startTurn(room, roomId, target, g ? 'goAround' : 'pick', lengthMs, now));
    }
    case 'turn.extend':
      if (!runs) return notRunner();
      return room.current ? ok(extendTurn(room.current, roomId, command.ms, now)) : nobodySpeaking();
    case 'turn.end':
      if (!room.current) return nobodySpeaking();
      if (!runs && room.current.memberId !== actorId) return failure('forbidden', 'Only the speaker or the room’s host can end this turn.');
      return ok(...endAndContinue(room, roomId, 'done', now));
    case 'turn.pause': {
      if (!runs) return notRunner();
      if (!room.current) return nobodySpeaking();
      const paused = pauseTurn(room.current, roomId, now);
      return paused ? ok(paused) : ok();
    }
    case 'turn.resume': {
      if (!runs) return notRunner();
      if (!room.current) return nobodySpeaking();
      const resumed = resumeTurn(room.current, roomId, now);
      return resumed ? ok(resumed) : ok();
    }
    case 'turn.skip': {
      if (!runs) return notRunner();
      const target = command.memberId ?? room.current?.memberId;
      if (target === undefined) return nobodySpeaking();
      if (room.current?.memberId === target) return ok(...endAndContinue(room, roomId, 'skipped', now));
      if (room.goAround?.pending.includes(target)) return ok(...dropFromGoAround(room, roomId, target, 'skipped'));
      return failure('conflict', `${nameOf(target)} is not speaking or waiting to speak. Refresh and try again.`);
    }
    case 'turn.goAround.start':
      return runs ? startGoAround(room, ctx, roomId, command, now, fresh) : notRunner();
    case 'turn.goAround.stop': {
      if (!runs) return notRunner();
      if (!room.goAround) return ok();
      const events: TurnEvent[] = [];
      if (room.current?.source === 'goAround') events.push(endTurn(room.current, roomId, 'done', now));
      events.push({ type: 'turn.goAroundEnded', roomId, reason: 'stopped' });
      return ok(...events);
    }
    case 'turn.pass':
    case 'turn.comeBack': {
      const target = command.memberId ?? actorId;
      if (target !== actorId && !runs) return failure('forbidden', 'You can only pass or ask to come back for yourself.');
      const g = room.goAround;
      if (!g) return failure('conflict', 'There is no go-around on in this room. Lower your hand instead, or end your turn.');
      const speaking = room.current?.memberId === target && room.current.source === 'goAround';
      if (!speaking && !g.pending.includes(target)) {
        return failure('conflict', `${nameOf(target)} is not waiting to speak in this go-around.`);
      }
      if (command.type === 'turn.pass') {
        return ok(...(speaking ? endAndContinue(room, roomId, 'passed', now) : dropFromGoAround(room, roomId, target, 'passed')));
      }
      if (g.deferred.includes(target)) {
        return failure('conflict', 'Coming back is possible once per go-around. Speak now, or pass.');
      }
      const othersWaiting = g.pending.some((id) => id !== target);
      if (!othersWaiting) return failure('conflict', 'Everyone else has had their turn: speak now, or pass.');
      return ok(...(speaking ? endAndContinue(room, roomId, 'comeBack', now) : [{ type: 'turn.goAroundDeferred', roomId, memberId: target } as const]));
    }
    case 'turn.airtime.report':
      return decideReport(room, ctx, roomId, actorId, { from: command.from, to: command.to }, now);
  }
}

/**
 * Someone left the room (moved, removed, or the engine saw them go): their hand goes down, their
 * turn ends (and a go-around moves on), and they leave the go-around. Call it before the engine
 * changes the room's membership.
 */
export function decideLeave(state: TurnsState, roomId: string, memberId: string, now: number): TurnEvent[] {
  const before = state[roomId];
  if (!before) return [];
  let room: RoomTurns = before;
  const events: TurnEvent[] = [];
  const push = (...es: TurnEvent[]) => {
    for (const e of es) {
      events.push(e);
      room = applyToRoom(room, e);
    }
  };
  if (room.hands.some((h) => h.memberId === memberId)) push({ type: 'turn.handLowered', roomId, memberId });
  if (room.current?.memberId === memberId) push(...endAndContinue(room, roomId, 'left', now));
  if (room.goAround?.pending.includes(memberId)) push(...dropFromGoAround(room, roomId, memberId, 'left'));
  return events;
}

/** The room is closing (breakouts end): the turn in progress is counted, then queue, turn and go-around go. */
export function decideCloseRoom(state: TurnsState, roomId: string, now: number): TurnEvent[] {
  const room = state[roomId];
  if (!room) return [];
  const events: TurnEvent[] = room.current ? [endTurn(room.current, roomId, 'done', now)] : [];
  if (room.current || room.hands.length || room.goAround) events.push({ type: 'turn.roomClosed', roomId });
  return events;
}

function callNext(room: RoomTurns, ctx: RoomContext, roomId: string, lengthMs: number | undefined, now: number): TurnDecision {
  const events: TurnEvent[] = [];
  let r = room;
  if (r.current) {
    const ended = endTurn(r.current, roomId, 'done', now);
    events.push(ended);
    r = applyToRoom(r, ended);
  }
  if (r.goAround) {
    const next = r.goAround.pending[0];
    if (next === undefined) return ok(...events, { type: 'turn.goAroundEnded', roomId, reason: 'finished' });
    return ok(...events, ...startTurn(r, roomId, next, 'goAround', lengthMs ?? r.goAround.turnMs, now));
  }
  const settled = r;
  const head = orderQueue(settled.hands, settled.settings.order, (id) => speakingFigures(settled, id, now)).find((e) =>
    ctx.members.has(e.memberId),
  );
  if (!head) return events.length ? ok(...events) : failure('conflict', 'Nobody has a hand up. Pick someone, or wait for a hand.');
  return ok(...events, ...startTurn(r, roomId, head.memberId, 'queue', lengthMs ?? r.settings.turnMs, now));
}

function startGoAround(
  room: RoomTurns,
  ctx: RoomContext,
  roomId: string,
  command: Extract<TurnCommand, { type: 'turn.goAround.start' }>,
  now: number,
  fresh: TurnFresh,
): TurnDecision {
  if (room.goAround) return failure('conflict', 'A go-around is already on in this room. Stop it before starting another.');
  const speakers = goAroundOrder(ctx, command.order, command.memberIds, fresh);
  if (!speakers.ok) return speakers;
  const first = speakers.ids[0];
  if (first === undefined) return failure('conflict', 'Nobody is in this room to go around. Wait for people to join.');
  const started: TurnEvent = {
    type: 'turn.goAroundStarted',
    roomId,
    order: command.order,
    turnMs: command.turnMs,
    autoAdvance: command.autoAdvance,
    speakers: speakers.ids,
    startedAt: now,
  };
  const events: TurnEvent[] = [];
  let r = room;
  if (r.current) {
    const ended = endTurn(r.current, roomId, 'done', now);
    events.push(ended);
    r = applyToRoom(r, ended);
  }
  events.push(started);
  r = applyToRoom(r, started);
  return ok(...events, ...startTurn(r, roomId, first, 'goAround', command.turnMs, now));
}

/** Who speaks in a go-around, in order: everyone in the room, or exactly the host's list. */
export function goAroundOrder(
  ctx: RoomContext,
  order: GoAroundOrder,
  custom: readonly string[] | undefined,
  fresh: TurnFresh,
): { ok: true; ids: string[] } | { ok: false; error: ErrorBody } {
  if (order === 'custom') {
    const ids = custom ?? [];
    if (new Set(ids).size !== ids.length) return failure('bad_request', 'Someone is in the order twice. List each person once.');
    const missing = ids.find((id) => !ctx.members.has(id));
    if (missing !== undefined) return failure('not_found', 'Someone in that order is not in this room any more. Refresh and try again.');
    return { ok: true, ids: [...ids] };
  }
  const everyone = [...ctx.members].map(([id, m]) => ({ id, name: m.name }));
  if (order === 'alphabetical') {
    everyone.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ok: true, ids: everyone.map((p) => p.id) };
  }
  const ids = everyone.map((p) => p.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(fresh.random() * (i + 1)));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return { ok: true, ids };
}

/** Someone still to come leaves the go-around; if nobody is left and nobody is speaking, it is over. */
function dropFromGoAround(room: RoomTurns, roomId: string, memberId: string, reason: 'passed' | 'skipped' | 'left'): TurnEvent[] {
  const dropped: TurnEvent = { type: 'turn.goAroundDropped', roomId, memberId, reason };
  const after = applyToRoom(room, dropped);
  const over = after.goAround && after.goAround.pending.length === 0 && !after.current;
  return over ? [dropped, { type: 'turn.goAroundEnded', roomId, reason: 'finished' }] : [dropped];
}

function notRunner(): TurnDecision {
  return failure('forbidden', 'Only the room’s host or a facilitator can do that. Ask them if you need it done.');
}

function nobodySpeaking(): TurnDecision {
  return failure('conflict', 'Nobody is speaking right now. Call the next speaker first.');
}
