import { tableInfo } from './cafe/views.ts';
import { tableOf } from './cafe/state.ts';
import type { RoomContext } from './turns/state.ts';
import { isFacilitator, type WorkshopState } from '../engine/state.ts';

/** An Indaba room: the plenary, a breakout room (r1…), or a café table or networking pair (t1…). */
export type CurrentRoom = { roomId: string; label: string };

export const PLENARY: CurrentRoom = { roomId: 'plenary', label: 'Plenary' };

/**
 * Where a person is right now: in their breakout room (a facilitator in the room they visit) while
 * rooms are open, at their table while a café round runs, otherwise in plenary. Video, turns and
 * room-scoped polls all ask this one question.
 */
export function currentRoom(state: Readonly<WorkshopState>, memberId: string): CurrentRoom | null {
  const member = state.members[memberId];
  if (!member || member.status !== 'admitted') return null;
  const b = state.breakouts;
  if (b && b.phase !== 'draft') {
    const roomId = b.assignment[memberId] ?? b.visits[memberId];
    const room = roomId ? b.rooms.find((r) => r.id === roomId) : undefined;
    if (room) return { roomId: room.id, label: room.name };
  }
  const c = state.cafe;
  if (c?.phase === 'running') {
    const index = tableOf(c, c.round, memberId);
    if (index >= 0) {
      const table = tableInfo(c, index);
      return { roomId: table.id, label: table.name };
    }
  }
  return PLENARY;
}

/** Everyone in a room now, in a stable order. The plenary is everyone not in another room. */
export function membersOf(state: Readonly<WorkshopState>, roomId: string): string[] {
  const here = (id: string) => state.members[id]?.status === 'admitted';
  const b = state.breakouts;
  const open = b !== null && b.phase !== 'draft';
  if (roomId !== 'plenary') {
    if (open && b.rooms.some((r) => r.id === roomId)) {
      const inRoom = Object.entries(b.assignment).filter(([, r]) => r === roomId).map(([id]) => id);
      const visiting = Object.entries(b.visits).filter(([id, r]) => r === roomId && !b.assignment[id]).map(([id]) => id);
      return [...inRoom, ...visiting].filter(here);
    }
    const c = state.cafe;
    if (c?.phase === 'running') return (c.plan[c.round - 1]?.[Number(roomId.slice(1)) - 1] ?? []).filter(here);
    return [];
  }
  return Object.values(state.members)
    .filter((m) => m.status === 'admitted' && currentRoom(state, m.id)?.roomId === 'plenary')
    .map((m) => m.id);
}

/** Whether a room of that id exists right now. */
export function roomExists(state: Readonly<WorkshopState>, roomId: string): boolean {
  if (roomId === 'plenary') return true;
  const b = state.breakouts;
  if (b && b.phase !== 'draft' && b.rooms.some((r) => r.id === roomId)) return true;
  const c = state.cafe;
  if (c?.phase === 'running') {
    const tables = c.plan[c.round - 1]?.length ?? 0;
    return /^t\d+$/.test(roomId) && Number(roomId.slice(1)) <= tables;
  }
  return false;
}

/**
 * A room as turns see it: its members (and since when, for airtime reports), and who runs it:
 * the facilitators anywhere, a café table's host at their table; in breakout rooms and pairs,
 * which have no host, any member may call the next speaker.
 */
export function roomContext(state: Readonly<WorkshopState>, roomId: string): RoomContext {
  const ids = membersOf(state, roomId);
  const since = roomSince(state, roomId);
  const members = new Map(ids.map((id) => [id, { name: state.members[id]!.name, joinedAt: Math.max(state.members[id]!.joinedAt, since) }]));
  const runners = new Set(Object.values(state.members).filter((m) => m.status === 'admitted' && isFacilitator(m.role)).map((m) => m.id));
  let anyMemberRuns = roomId !== 'plenary';
  const c = state.cafe;
  if (c?.phase === 'running' && c.kind === 'cafe' && roomId.startsWith('t')) {
    const host = c.tables[Number(roomId.slice(1)) - 1]?.hostId;
    if (host) {
      runners.add(host);
      anyMemberRuns = false;
    }
  }
  return { members, runners, anyMemberRuns };
}

/** When the room began, so speaking reports from before it are refused. */
function roomSince(state: Readonly<WorkshopState>, roomId: string): number {
  if (roomId === 'plenary') return 0;
  const b = state.breakouts;
  if (b?.clock && b.rooms.some((r) => r.id === roomId)) return b.clock.endsAt - b.clock.durationMs;
  const c = state.cafe;
  if (c?.clock) return c.clock.phase === 'talking' ? c.clock.endsAt - c.roundMs : c.clock.endsAt - c.transitionMs - c.roundMs;
  return 0;
}
