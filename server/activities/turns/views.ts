import {
  TURN_LIMITS,
  type MyTurnView,
  type RoomBalanceSummary,
  type RoomBalanceView,
  type RoomTurnView,
  type TurnClockView,
} from '../../../shared/turns.ts';
import { speakingFigures } from './airtime.ts';
import { roomBalance } from './balance.ts';
import { orderQueue } from './queue.ts';
import { roomOf, type RoomContext, type Turn, type TurnsState } from './state.ts';
import { inWarning, overrunMs, remainingMs, warnLeadMs } from './turn-machine.ts';

/**
 * Projections of the turns slice for each audience. Pure: the room's membership comes in `ctx`,
 * the time in `now`. Everyone in a room sees whose turn it is, the queue with its reasons and the
 * go-around; per-person airtime goes only to facilitators (`balanceView`) and to the person
 * (`myTurnView`). Turn counts are public in the room: they are the visible reason for the order.
 */

export function turnClockView(turn: Turn, warnMs: number, now: number): TurnClockView {
  const lead = warnLeadMs(turn.lengthMs, warnMs);
  if (turn.clock.state === 'running') {
    return { state: 'running', endsAt: turn.clock.endsAt, warnAt: turn.clock.endsAt - lead, lengthMs: turn.lengthMs };
  }
  return {
    state: 'paused',
    remainingMs: Math.max(0, remainingMs(turn, now)),
    overrunMs: overrunMs(turn, now),
    warning: inWarning(turn, warnMs, now),
    lengthMs: turn.lengthMs,
  };
}

/** The room's view, computed once per change and shared by everyone in the room, plus what personal views need. */
export type RoomTurnsShared = {
  view: RoomTurnView;
  /** 1-based queue place of everyone with a hand up. */
  positions: ReadonlyMap<string, number>;
  /** Speaking time of everyone in the room together, for personal shares. */
  totalMs: number;
};

export function roomTurnsShared(
  state: TurnsState,
  roomId: string,
  ctx: RoomContext,
  now: number,
  listMax: number = TURN_LIMITS.viewListMax,
): RoomTurnsShared {
  const room = roomOf(state, roomId);
  const name = (id: string) => ctx.members.get(id)?.name ?? '';
  const person = (id: string) => ({ memberId: id, name: name(id) });
  const queue = orderQueue(
    room.hands.filter((h) => ctx.members.has(h.memberId)),
    room.settings.order,
    (id) => speakingFigures(room, id, now),
  );
  const positions = new Map(queue.map((e, i) => [e.memberId, i + 1]));
  const g = room.goAround;
  const nextId = g ? g.pending[0] : queue[0]?.memberId;
  let totalMs = 0;
  for (const id of ctx.members.keys()) totalMs += speakingFigures(room, id, now).spokenMs;
  const turn = room.current;
  return {
    positions,
    totalMs,
    view: {
      roomId,
      order: room.settings.order,
      turnMs: room.settings.turnMs,
      warnMs: room.settings.warnMs,
      current: turn
        ? { ...person(turn.memberId), source: turn.source, startedAt: turn.startedAt, clock: turnClockView(turn, room.settings.warnMs, now) }
        : null,
      next: nextId === undefined ? null : person(nextId),
      queue: queue.slice(0, listMax).map((e, i) => ({ ...person(e.memberId), raisedAt: e.raisedAt, position: i + 1, reason: e.reason })),
      queueLength: queue.length,
      goAround: g
        ? {
            order: g.order,
            turnMs: g.turnMs,
            autoAdvance: g.autoAdvance,
            upcoming: g.pending.slice(0, listMax).map(person),
            upcomingCount: g.pending.length,
            total: g.speakers.length,
            passed: g.passed.length,
          }
        : null,
    },
  };
}

/** What the room shows everyone in it. Facilitators may pass `listMax: Infinity` to see the whole queue. */
export function roomTurnView(state: TurnsState, roomId: string, ctx: RoomContext, now: number, listMax?: number): RoomTurnView {
  return roomTurnsShared(state, roomId, ctx, now, listMax).view;
}

/** One person's own figures in the room. Cheap per person once `shared` is made. */
export function myTurnView(state: TurnsState, roomId: string, memberId: string, now: number, shared: RoomTurnsShared): MyTurnView {
  const room = roomOf(state, roomId);
  const mine = speakingFigures(room, memberId, now);
  const g = room.goAround;
  const speaking = room.current?.memberId === memberId;
  const waiting = g?.pending.includes(memberId) ?? false;
  const inGoAround = waiting || (speaking && room.current?.source === 'goAround');
  const othersWaiting = g?.pending.some((id) => id !== memberId) ?? false;
  const position = shared.positions.get(memberId) ?? null;
  return {
    roomId,
    hand: { raised: position !== null, position },
    speaking,
    next: shared.view.next?.memberId === memberId,
    inGoAround,
    mayComeBack: inGoAround && othersWaiting && !(g?.deferred.includes(memberId) ?? false),
    turns: mine.turns,
    spokenMs: mine.spokenMs,
    share: shared.totalMs > 0 ? Math.min(1, mine.spokenMs / shared.totalMs) : 0,
  };
}

/** Who may see a room's balance, and how much of it. Null: not this person. */
export type BalanceAudience = 'facilitator' | 'roomHost';

export function balanceAudience(ctx: RoomContext, viewerId: string, isFacilitator: boolean): BalanceAudience | null {
  if (isFacilitator) return 'facilitator';
  return ctx.runners.has(viewerId) ? 'roomHost' : null;
}

/** The balance panel: per-person figures for facilitators only; a room host gets the summary. */
export function balanceView(state: TurnsState, roomId: string, ctx: RoomContext, audience: BalanceAudience, now: number): RoomBalanceView {
  const { summary, people } = roomBalance(roomOf(state, roomId), ctx, roomId, now);
  return { ...summary, people: audience === 'facilitator' ? people : null };
}

/** The per-room aggregate without names: every room side by side for the facilitator, and the workshop record. */
export function balanceSummary(state: TurnsState, roomId: string, ctx: RoomContext, now: number): RoomBalanceSummary {
  return roomBalance(roomOf(state, roomId), ctx, roomId, now).summary;
}

