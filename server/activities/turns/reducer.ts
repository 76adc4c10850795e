import type { TurnEvent } from './events.ts';
import { airtimeOf, roomOf, type Airtime, type RoomTurns, type TurnsState } from './state.ts';

/**
 * The pure reducer of the turns slice: state + one event → next state. No clocks (times are in the
 * events), no randomness (go-around orders are drawn before the event). An event about a turn that
 * is not the current one is ignored, not fatal, as in the engine's reducer.
 */
export function applyTurnEvent(state: TurnsState, event: TurnEvent): TurnsState {
  const room = roomOf(state, event.roomId);
  const next = applyToRoom(room, event);
  return next === room ? state : { ...state, [event.roomId]: next };
}

export function replayTurns(events: readonly TurnEvent[], from: TurnsState): TurnsState {
  return events.reduce(applyTurnEvent, from);
}

export function applyToRoom(room: RoomTurns, event: TurnEvent): RoomTurns {
  switch (event.type) {
    case 'turn.handRaised':
      if (room.hands.some((h) => h.memberId === event.memberId)) return room;
      return { ...room, hands: [...room.hands, { memberId: event.memberId, raisedAt: event.raisedAt }] };
    case 'turn.handLowered':
      return { ...room, hands: room.hands.filter((h) => h.memberId !== event.memberId) };
    case 'turn.settingsChanged':
      return { ...room, settings: { ...room.settings, order: event.order, turnMs: event.turnMs } };
    case 'turn.started': {
      const goAroundTurn = event.source === 'goAround';
      return {
        ...room,
        current: {
          memberId: event.memberId,
          source: event.source,
          startedAt: event.startedAt,
          lengthMs: event.lengthMs,
          clock: { state: 'running', endsAt: event.endsAt, since: event.startedAt },
        },
        // called from the queue or picked: the hand has been answered. A go-around turn is not an
        // answer to a raised hand, which stays up for later.
        hands: goAroundTurn ? room.hands : room.hands.filter((h) => h.memberId !== event.memberId),
        goAround:
          goAroundTurn && room.goAround
            ? { ...room.goAround, pending: room.goAround.pending.filter((id) => id !== event.memberId) }
            : room.goAround,
      };
    }
    case 'turn.extended': {
      const turn = room.current;
      if (!turn) return room;
      if (event.endsAt !== undefined && turn.clock.state === 'running') {
        return { ...room, current: { ...turn, lengthMs: event.lengthMs, clock: { ...turn.clock, endsAt: event.endsAt } } };
      }
      if (event.remainingMs !== undefined && turn.clock.state === 'paused') {
        return { ...room, current: { ...turn, lengthMs: event.lengthMs, clock: { state: 'paused', remainingMs: event.remainingMs } } };
      }
      return room;
    }
    case 'turn.paused': {
      const turn = room.current;
      if (turn?.clock.state !== 'running') return room;
      return {
        ...room,
        current: { ...turn, clock: { state: 'paused', remainingMs: event.remainingMs } },
        airtime: withSpan(room, turn.memberId, turn.clock.since, event.pausedAt),
      };
    }
    case 'turn.resumed': {
      const turn = room.current;
      if (turn?.clock.state !== 'paused') return room;
      return { ...room, current: { ...turn, clock: { state: 'running', endsAt: event.endsAt, since: event.resumedAt } } };
    }
    case 'turn.ended': {
      const turn = room.current;
      if (!turn || turn.memberId !== event.memberId) return room;
      const withLastSpan = turn.clock.state === 'running' ? withSpan(room, turn.memberId, turn.clock.since, event.endedAt) : room.airtime;
      const before = withLastSpan[turn.memberId] ?? airtimeOf(room, turn.memberId);
      const record: Airtime = {
        ...before,
        turns: before.turns + (event.outcome === 'done' ? 1 : 0),
        turnMs: before.turnMs + event.spokenMs,
        overrunMs: before.overrunMs + event.overrunMs,
      };
      const g = room.goAround;
      let goAround = g;
      if (g && turn.source === 'goAround') {
        if (event.outcome === 'passed') goAround = { ...g, passed: [...g.passed, turn.memberId] };
        if (event.outcome === 'comeBack') {
          goAround = { ...g, pending: [...g.pending, turn.memberId], deferred: [...g.deferred, turn.memberId] };
        }
      }
      return { ...room, current: null, goAround, airtime: { ...withLastSpan, [turn.memberId]: record } };
    }
    case 'turn.goAroundStarted':
      return {
        ...room,
        goAround: {
          order: event.order,
          turnMs: event.turnMs,
          autoAdvance: event.autoAdvance,
          startedAt: event.startedAt,
          speakers: event.speakers,
          pending: [...event.speakers],
          passed: [],
          deferred: [],
        },
      };
    case 'turn.goAroundDropped': {
      const g = room.goAround;
      if (!g?.pending.includes(event.memberId)) return room;
      return {
        ...room,
        goAround: {
          ...g,
          pending: g.pending.filter((id) => id !== event.memberId),
          passed: event.reason === 'passed' ? [...g.passed, event.memberId] : g.passed,
        },
      };
    }
    case 'turn.goAroundDeferred': {
      const g = room.goAround;
      if (!g?.pending.includes(event.memberId)) return room;
      return {
        ...room,
        goAround: {
          ...g,
          pending: [...g.pending.filter((id) => id !== event.memberId), event.memberId],
          deferred: [...g.deferred, event.memberId],
        },
      };
    }
    case 'turn.goAroundEnded':
      return { ...room, goAround: null };
    case 'turn.airtimeReported': {
      const before = airtimeOf(room, event.memberId);
      const record: Airtime = {
        ...before,
        voiceMs: before.voiceMs + event.countedMs,
        lastReport: { from: event.from, to: event.to },
        // the next report starts at or after `to`: spans that end by then can never overlap it again
        spans: before.spans.filter(([, end]) => end > event.to),
      };
      return { ...room, airtime: { ...room.airtime, [event.memberId]: record } };
    }
    case 'turn.roomClosed':
      return { ...room, hands: [], current: null, goAround: null };
  }
}

/** Adds [from, to) to the person's turn spans (kept for clipping later voice reports). */
function withSpan(room: RoomTurns, memberId: string, from: number, to: number): Record<string, Airtime> {
  if (to <= from) return room.airtime;
  const before = airtimeOf(room, memberId);
  if (before.lastReport && to <= before.lastReport.to) return room.airtime; // already behind the reports
  return { ...room.airtime, [memberId]: { ...before, spans: [...before.spans, [from, to]] } };
}
