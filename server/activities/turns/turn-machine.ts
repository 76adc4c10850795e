import type { TurnSource } from '../../../shared/turns.ts';
import type { TurnEvent, TurnOutcome } from './events.ts';
import { applyToRoom } from './reducer.ts';
import type { RoomTurns, Turn, TurnsState } from './state.ts';

/**
 * The turn state machine over server-authoritative deadlines.
 *
 *   (none) --start--> running --pause--> paused --resume--> running
 *   running|paused --extend--> same state, more time
 *   running|paused --end|skip|pass|comeBack|left--> (none)
 *
 * Time up is not a state change: the warning (`warnAt`) and the overrun (`now > endsAt`) are read
 * off the deadline by every client, so nothing is sent for them and a 60 s turn is two messages
 * (start, end). The overrun is counted when the turn ends. The one clock-driven change is
 * auto-advance in a go-around, which `nextDeadline`/`decideDue` give the workshop's single timer.
 */

/** Time left on the turn at `now`; negative once the speaker has gone over. */
export function remainingMs(turn: Turn, now: number): number {
  return turn.clock.state === 'running' ? turn.clock.endsAt - now : turn.clock.remainingMs;
}

/** Time the speaker has had the floor (not counting pauses). */
export function spokenMs(turn: Turn, now: number): number {
  return Math.max(0, turn.lengthMs - remainingMs(turn, now));
}

export function overrunMs(turn: Turn, now: number): number {
  return Math.max(0, -remainingMs(turn, now));
}

/** How long before the end the warning shows: the room's setting, but never in the first half of a short turn. */
export function warnLeadMs(lengthMs: number, warnMs: number): number {
  return Math.max(0, Math.min(warnMs, Math.floor(lengthMs / 2)));
}

export function inWarning(turn: Turn, warnMs: number, now: number): boolean {
  const left = remainingMs(turn, now);
  return left > 0 && left <= warnLeadMs(turn.lengthMs, warnMs);
}

// ---- transitions: each returns the events; the reducer makes them so ------------------------------

export function startTurn(room: RoomTurns, roomId: string, memberId: string, source: TurnSource, lengthMs: number, now: number): TurnEvent[] {
  const events: TurnEvent[] = room.current ? [endTurn(room.current, roomId, 'done', now)] : [];
  events.push({ type: 'turn.started', roomId, memberId, source, startedAt: now, lengthMs, endsAt: now + lengthMs });
  return events;
}

export function endTurn(turn: Turn, roomId: string, outcome: TurnOutcome, endedAt: number): TurnEvent {
  return {
    type: 'turn.ended',
    roomId,
    memberId: turn.memberId,
    outcome,
    endedAt,
    spokenMs: spokenMs(turn, endedAt),
    overrunMs: overrunMs(turn, endedAt),
  };
}

export function pauseTurn(turn: Turn, roomId: string, now: number): TurnEvent | null {
  if (turn.clock.state !== 'running') return null;
  return { type: 'turn.paused', roomId, pausedAt: now, remainingMs: turn.clock.endsAt - now };
}

export function resumeTurn(turn: Turn, roomId: string, now: number): TurnEvent | null {
  if (turn.clock.state !== 'paused') return null;
  return { type: 'turn.resumed', roomId, resumedAt: now, endsAt: now + turn.clock.remainingMs };
}

/**
 * More time. A speaker already over time gets the extension from now, not from the old deadline:
 * the host chose to let them go on, so the overrun so far becomes time given, not time taken.
 */
export function extendTurn(turn: Turn, roomId: string, ms: number, now: number): TurnEvent {
  const left = remainingMs(turn, now);
  const added = Math.max(0, -left) + ms;
  if (turn.clock.state === 'running') {
    return { type: 'turn.extended', roomId, lengthMs: turn.lengthMs + added, endsAt: turn.clock.endsAt + added };
  }
  return { type: 'turn.extended', roomId, lengthMs: turn.lengthMs + added, remainingMs: left + added };
}

/**
 * After a go-around turn ended (given the room with that applied): the go-around is finished when
 * nobody is left; with auto-advance the next person starts at once; otherwise the next person is
 * shown and waits for the host's "next".
 */
export function continueGoAround(room: RoomTurns, roomId: string, now: number): TurnEvent[] {
  const g = room.goAround;
  if (!g || room.current) return [];
  const next = g.pending[0];
  if (next === undefined) return [{ type: 'turn.goAroundEnded', roomId, reason: 'finished' }];
  return g.autoAdvance ? startTurn(room, roomId, next, 'goAround', g.turnMs, now) : [];
}

/** Ends the current turn with `outcome`, then lets a go-around carry on. */
export function endAndContinue(room: RoomTurns, roomId: string, outcome: TurnOutcome, now: number): TurnEvent[] {
  if (!room.current) return [];
  const ended = endTurn(room.current, roomId, outcome, now);
  return [ended, ...continueGoAround(applyToRoom(room, ended), roomId, now)];
}

// ---- the clock ----------------------------------------------------------------------------------

function autoAdvanceAt(room: RoomTurns): number | null {
  const turn = room.current;
  if (turn?.clock.state !== 'running' || turn.source !== 'goAround' || !room.goAround?.autoAdvance) return null;
  return turn.clock.endsAt;
}

/** The earliest deadline in the turns slice, or null: the workshop actor arms one timer for the earliest of all. */
export function nextDeadline(state: TurnsState): number | null {
  let earliest: number | null = null;
  for (const room of Object.values(state)) {
    const at = autoAdvanceAt(room);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/**
 * Events the clock causes: go-around turns with auto-advance whose time is up end at their deadline
 * (no overrun: the host chose to move on at time), and the next person starts now. After a restart
 * the deadline may be long past; the next turn still gets its full time from now.
 */
export function decideDue(state: TurnsState, now: number): TurnEvent[] {
  const events: TurnEvent[] = [];
  for (const [roomId, room] of Object.entries(state)) {
    const at = autoAdvanceAt(room);
    if (at === null || at > now || !room.current || room.current.clock.state !== 'running') continue;
    const ended = endTurn(room.current, roomId, 'done', Math.max(at, room.current.clock.since));
    events.push(ended, ...continueGoAround(applyToRoom(room, ended), roomId, now));
  }
  return events;
}
