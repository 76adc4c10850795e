import type { HarvestRound } from '../../../shared/breakouts.ts';
import { DEFAULT_PRIVACY, type PrivacyLevel } from '../../../shared/harvest.ts';
import type { WorkshopState } from '../../engine/state.ts';
import type { PastRound } from '../breakouts/state.ts';
import { tableIdAt, type PastCafe } from '../cafe/state.ts';
import { cafeHarvest } from '../cafe/views.ts';
import { harvestOf } from '../harvest.ts';
import type { PollRecord } from '../polls/state.ts';

/**
 * Who may see which part of the workshop's record. Pure rules, shared by the record (record.ts) and
 * the participants' "What the rooms said" list, so both always drop the same things.
 *
 * - facilitators: everything, at every level.
 * - export: shareable areas only.
 * - participant: workshop and shareable areas; a room-level area only for the rooms they were in
 *   (a breakout round: their own room; a world café: every round of the tables they sat at; a
 *   networking session: the notes of the pairs they were in, for those rounds only, since pairs
 *   change every round). Room-level polls and attendance are dropped for participants.
 */

export type HarvestAudience = { kind: 'facilitators' } | { kind: 'export' } | { kind: 'participant'; memberId: string };

export const ALL_LEVELS: readonly PrivacyLevel[] = ['room', 'workshop', 'shareable'];

export const breakoutsArea = (round: number): string => `breakouts:${round}`;
/** `n` is 1-based: the n-th finished café or networking session in `state.cafeRecord`. */
export const cafeArea = (n: number): string => `cafe:${n}`;
export const pollArea = (pollId: string): string => `poll:${pollId}`;
export const ATTENDANCE_AREA = 'attendance';

export function levelOf(state: Pick<WorkshopState, 'privacy'>, area: string): PrivacyLevel {
  return state.privacy[area] ?? DEFAULT_PRIVACY;
}

/**
 * How much of an area at `level` an audience sees: all of it, only the rooms the person was in, or
 * nothing.
 */
export type Visibility = 'all' | 'own' | 'none';

export function visibility(level: PrivacyLevel, audience: HarvestAudience): Visibility {
  switch (audience.kind) {
    case 'facilitators':
      return 'all';
    case 'export':
      return level === 'shareable' ? 'all' : 'none';
    case 'participant':
      return level === 'room' ? 'own' : 'all';
  }
}

/** Whether an area's notes (or parts of them) reach this audience. */
export function visibleTo(level: PrivacyLevel, audience: HarvestAudience): boolean {
  return visibility(level, audience) !== 'none';
}

/**
 * Areas that are all or nothing (polls, the attendance list): a participant sees them at workshop
 * and shareable level only, since "their room" does not apply.
 */
export function wholeAreaVisible(level: PrivacyLevel, audience: HarvestAudience): boolean {
  return visibility(level, audience) === 'all';
}

/**
 * Whether a poll's results go to this audience. Besides the level, a participant does not get the
 * results of a poll whose results were to be revealed and never were, unless the facilitators made
 * it shareable: the record must not show people what the facilitators chose to keep back.
 */
export function pollVisible(poll: PollRecord, level: PrivacyLevel, audience: HarvestAudience): boolean {
  if (!wholeAreaVisible(level, audience)) return false;
  if (audience.kind !== 'participant' || level === 'shareable') return true;
  return poll.definition.settings.results === 'live' || poll.revealed;
}

/** A closed breakout round as one member may see it at `visibility`: the rooms kept, as indexes of `round.rooms`. */
export function breakoutRoomsVisible(round: PastRound, seen: Visibility, memberId: string | null): number[] {
  if (seen === 'none') return [];
  const all = round.rooms.map((_, i) => i);
  if (seen === 'all') return all;
  return all.filter((i) => memberId !== null && (round.groups[i] ?? []).includes(memberId));
}

/**
 * A finished café or networking session with only what one member may see at `visibility`: the
 * same shape, so the record and `cafeHarvest` can be built from it unchanged. Café tables keep
 * every round's notes of the tables the member sat at; networking pairs keep only the rounds the
 * member was in that pair. Tables not kept are removed with their notes.
 */
export function cafeVisible(past: PastCafe, seen: Visibility, memberId: string | null): PastCafe | null {
  if (seen === 'none') return null;
  if (seen === 'all') return past;
  const sat = (tableIndex: number, round: number) => memberId !== null && (past.rounds[round - 1]?.[tableIndex] ?? []).includes(memberId);
  if (past.kind === 'cafe') {
    const kept = past.tables.filter((_, i) => past.rounds.some((_, r) => sat(i, r + 1)));
    const ids = new Set(kept.map((t) => t.id));
    return { ...past, tables: kept, notes: Object.fromEntries(Object.entries(past.notes).filter(([id]) => ids.has(id))) };
  }
  const notes: PastCafe['notes'] = {};
  for (const [tableId, byRound] of Object.entries(past.notes)) {
    const index = Number(tableId.slice(1)) - 1;
    const mine = Object.entries(byRound).filter(([round]) => tableIdAt(index) === tableId && sat(index, Number(round)));
    if (mine.length) notes[tableId] = Object.fromEntries(mine);
  }
  const tables = past.tables.filter((t) => notes[t.id]);
  return { ...past, tables, notes };
}

/** The participant's audience for a member id. */
export const participant = (memberId: string): HarvestAudience => ({ kind: 'participant', memberId });

/**
 * "What the rooms said" for one participant: `harvestOf(state)` with the same rules as the record,
 * in the same order and shape. A room-level round shows only the member's own room (or tables);
 * a round where nothing is left for them is left out.
 */
export function participantHarvestRounds(state: WorkshopState, memberId: string): HarvestRound[] {
  const audience = participant(memberId);
  const out: HarvestRound[] = [];
  for (const round of harvestOf(state)) {
    if (round.kind === 'breakouts') {
      const past = state.breakoutRecord.rounds.find((r) => r.round === round.round);
      const seen = visibility(levelOf(state, breakoutsArea(round.round)), audience);
      if (seen === 'all') out.push(round);
      else if (past && seen === 'own') {
        const keep = new Set(breakoutRoomsVisible(past, seen, memberId));
        const rooms = round.rooms.filter((_, i) => keep.has(i));
        if (rooms.length) out.push({ ...round, rooms });
      }
      continue;
    }
    const past = state.cafeRecord[round.round - 1];
    const seen = visibility(levelOf(state, cafeArea(round.round)), audience);
    if (seen === 'all') out.push(round);
    else if (past && seen === 'own') {
      const mine = cafeVisible(past, seen, memberId);
      const shown = mine ? cafeHarvest(mine, round.round) : null;
      if (shown && shown.rooms.length) out.push(shown);
    }
  }
  return out;
}
