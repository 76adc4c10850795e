import type { EventBody } from '../../engine/events.ts';
import type { Member, WorkshopState } from '../../engine/state.ts';
import { pairKey } from '../../grouping/encounters.ts';
import { encountersOf } from '../history.ts';
import { nameKey } from './preassign.ts';
import { smallestRoom } from './rooms.ts';
import { membersByRoom, type BreakoutsState } from './state.ts';

type Move = { memberId: string; roomId: string | null };

/**
 * Where people who arrive while rooms are open (or who were not placed yet when rooms open) go,
 * by the plan's strategy: their pre-assigned room, a room of their group, the smallest room with the
 * fewest colleagues or people met before. Self-select leaves them to choose.
 */
export function placeNewcomers(state: WorkshopState, b: BreakoutsState, newcomers: readonly Member[]): Move[] {
  const strategy = b.report.strategy;
  if (strategy.kind === 'selfSelect' || !b.rooms.length) return [];
  const byRoom = membersByRoom(b);
  const roomIds = b.rooms.map((r) => r.id);
  const members = roomIds.map((id) => (byRoom.get(id) ?? []).filter((m) => state.members[m]?.status === 'admitted'));
  const sizes = members.map((m) => m.length);
  const history = strategy.kind === 'avoidPrevious' ? encountersOf(state) : null;
  const preassigned = new Map(state.breakoutRecord.preassigned.map((r) => [nameKey(r.name), r.room]));
  const moves: Move[] = [];

  for (const person of newcomers) {
    if (person.role !== 'participant' || b.assignment[person.id]) continue;
    let room = -1;
    if (strategy.kind === 'preassigned') {
      const named = preassigned.get(nameKey(person.name));
      room = named === undefined ? -1 : b.rooms.findIndex((r) => r.name === named);
    } else if (strategy.kind === 'groupBy') {
      const value = (person.profile[strategy.field] ?? '').trim().toLowerCase();
      room = smallestRoom(sizes, (r) => (b.rooms[r]!.label ?? '').toLowerCase() === value && value !== '');
      if (room < 0) room = smallestRoom(sizes, (r) => b.rooms[r]!.label === null);
    } else if (strategy.kind === 'mix' || history) {
      // among the smallest rooms, the one with the fewest colleagues (mix) or people met before
      const least = Math.min(...sizes);
      const cost = (r: number) =>
        members[r]!.reduce((sum, other) => {
          if (history) return sum + (history.get(pairKey(person.id, other)) ?? 0);
          const field = strategy.kind === 'mix' ? strategy.field : '';
          const mine = (person.profile[field] ?? '').trim().toLowerCase();
          return sum + (mine && (state.members[other]?.profile[field] ?? '').trim().toLowerCase() === mine ? 1 : 0);
        }, 0);
      for (let r = 0; r < sizes.length; r++) if (sizes[r] === least && (room < 0 || cost(r) < cost(room))) room = r;
    }
    if (room < 0) room = smallestRoom(sizes);
    moves.push({ memberId: person.id, roomId: roomIds[room]! });
    members[room]!.push(person.id);
    sizes[room]! += 1;
  }
  return moves;
}

/** People admitted by these events who now need a room, if rooms are open. */
export function newcomerEvents(state: WorkshopState, events: readonly EventBody[]): EventBody[] {
  const b = state.breakouts;
  if (!b || b.phase !== 'open') return [];
  const arriving: Member[] = [];
  for (const e of events) {
    if (e.type === 'member.joined' && e.member.status === 'admitted') arriving.push({ ...e.member, joinedAt: 0 });
    if (e.type === 'member.admitted') for (const id of e.memberIds) if (state.members[id]) arriving.push(state.members[id]);
    if (e.type === 'member.readmitted' && state.members[e.memberId]) arriving.push(state.members[e.memberId]!);
  }
  if (!arriving.length) return [];
  const moves = placeNewcomers(state, b, arriving);
  return moves.length ? [{ type: 'breakouts.moved', moves }] : [];
}
