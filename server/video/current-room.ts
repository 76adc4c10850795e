import { currentRoom } from '../activities/rooms.ts';
import type { WorkshopState } from '../engine/state.ts';

export type VideoRoom = { roomId: string; label: string };

export { PLENARY as PLENARY_ROOM } from '../activities/rooms.ts';

/**
 * The one seam between the workshop state and video: which room is this person in right now?
 * Everything video does (tokens, mute, remove) asks this; turns and polls ask the same question.
 */
export function currentVideoRoom(state: Readonly<WorkshopState>, memberId: string): VideoRoom | null {
  return currentRoom(state, memberId);
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
