import { failure, type ErrorBody } from '../../../shared/errors.ts';
import { TURN_LIMITS } from '../../../shared/turns.ts';
import type { TurnEvent } from './events.ts';
import { airtimeOf, type RoomContext, type RoomTurns } from './state.ts';
import { overrunMs, spokenMs } from './turn-machine.ts';

/**
 * Speaking time per person per room, from two sources: turns (exact, from the server's own clock)
 * and voice activity reported by each person's client as "I spoke from..to". A report is a claim,
 * so it is checked against what the server knows; time already counted in the person's own turns
 * is left out of it, so talking during your turn is not counted twice.
 */

export type SpeakingFigures = { turns: number; spokenMs: number; overrunMs: number };

/** A person's figures in a room at `now`, including the turn they may be speaking in right now. */
export function speakingFigures(room: RoomTurns, memberId: string, now: number): SpeakingFigures {
  const a = airtimeOf(room, memberId);
  const live = room.current?.memberId === memberId ? room.current : null;
  return {
    turns: a.turns,
    spokenMs: a.turnMs + a.voiceMs + (live ? spokenMs(live, now) : 0),
    overrunMs: a.overrunMs + (live ? overrunMs(live, now) : 0),
  };
}

export type Report = { from: number; to: number };

export type ReportCheck =
  | { ok: true; from: number; to: number; countedMs: number; duplicate: boolean }
  | { ok: false; error: ErrorBody };

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Whether a "spoke from..to" report from `memberId` is possible, and how much of it counts.
 * Refused: a report from someone not in the room; an empty or backwards interval; one ending in
 * the future; one longer than the person has been in the room; one starting before they came in;
 * one overlapping an earlier report of theirs (reports come in time order, so "earlier" is "before
 * the end of the last one"). An exact repeat of the last report is accepted and counts nothing, so
 * a client may safely resend after a lost acknowledgement. Within `TURN_LIMITS.reportSlackMs` of
 * now or of the join time a report is clipped, not refused: client clock estimates are that rough.
 */
export function checkReport(room: RoomTurns, ctx: RoomContext, memberId: string, report: Report, now: number): ReportCheck {
  const slack = TURN_LIMITS.reportSlackMs;
  const member = ctx.members.get(memberId);
  if (!member) {
    return failure('forbidden', 'You are not in this room, so you cannot report speaking time for it. Join the room first.');
  }
  const { from, to } = report;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    return failure('bad_request', 'The end of a speaking report must come after its start. Send the times again.');
  }
  if (to > now + slack) {
    return failure('bad_request', 'This speaking report ends in the future. Sync the clock with the server and send it again.');
  }
  const inRoom = Math.max(0, now - member.joinedAt);
  if (to - from > inRoom + slack) {
    return failure(
      'bad_request',
      `This report claims ${seconds(to - from)} of speaking, but you have been in this room for only ${seconds(inRoom)}. Report only time you spoke here.`,
    );
  }
  if (from < member.joinedAt - slack) {
    return failure('bad_request', 'This speaking report starts before you joined this room. Report only time you spoke here.');
  }
  const last = airtimeOf(room, memberId).lastReport;
  if (last && last.from === from && last.to === to) return { ok: true, from, to, countedMs: 0, duplicate: true };
  if (last && from < last.to) {
    return failure('conflict', 'This speaking report overlaps one you already sent. Send only speaking time after your last report.');
  }
  const clippedTo = Math.min(to, now);
  const clippedFrom = Math.min(Math.max(from, member.joinedAt), clippedTo);
  const countedMs = clippedTo - clippedFrom - ownTurnOverlap(room, memberId, clippedFrom, clippedTo, now);
  return { ok: true, from: clippedFrom, to: clippedTo, countedMs: Math.max(0, countedMs), duplicate: false };
}

/** The report as events: none for a repeat, one `turn.airtimeReported` otherwise. */
export function decideReport(
  room: RoomTurns,
  ctx: RoomContext,
  roomId: string,
  memberId: string,
  report: Report,
  now: number,
): { ok: true; events: TurnEvent[] } | { ok: false; error: ErrorBody } {
  const check = checkReport(room, ctx, memberId, report, now);
  if (!check.ok) return check;
  if (check.duplicate) return { ok: true, events: [] };
  return {
    ok: true,
    events: [{ type: 'turn.airtimeReported', roomId, memberId, from: check.from, to: check.to, countedMs: check.countedMs }],
  };
}

/** How much of [from, to) the person already spent in their own turns (closed spans and a running one). */
function ownTurnOverlap(room: RoomTurns, memberId: string, from: number, to: number, now: number): number {
  const spans = [...airtimeOf(room, memberId).spans];
  const turn = room.current;
  if (turn?.memberId === memberId && turn.clock.state === 'running') spans.push([turn.clock.since, now]);
  let total = 0;
  for (const [a, b] of spans) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return total;
}
