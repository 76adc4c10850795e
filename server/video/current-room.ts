import { tableInfo } from '../activities/cafe/views.ts';
import { tableOf } from '../activities/cafe/state.ts';
import type { WorkshopState } from '../engine/state.ts';

export type VideoRoom = { roomId: string; label: string };

export const PLENARY_ROOM: VideoRoom = { roomId: 'plenary', label: 'Plenary' };

/**
 * The one seam between the workshop state and video: which room is this person in right now?
 * Everything video does (tokens, mute, remove) asks this. Read-only on the state.
 *
 * While breakout rooms are open, a participant is in their room and a facilitator in the room they
 * visit; while a café or networking round runs, people are at their table or pair; otherwise plenary.
 */
export function currentVideoRoom(state: Readonly<WorkshopState>, memberId: string): VideoRoom | null {
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
  return PLENARY_ROOM;
}

/**
 * The LiveKit room for an Indaba room. Workshop and room ids are [A-Za-z0-9_-], so '.' separates
 * them unambiguously (an underscore could be part of either id).
 */
export function livekitRoomName(workshopId: string, roomId: string): string {
  return `indaba.${workshopId}.${roomId}`;
}

/** The reverse of livekitRoomName, for webhooks; null for rooms that are not ours. */
export function parseLivekitRoomName(name: string): { workshopId: string; roomId: string } | null {
  const match = /^indaba\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(name);
  return match?.[1] && match[2] ? { workshopId: match[1], roomId: match[2] } : null;
}
