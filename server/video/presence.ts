import { parseLivekitRoomName } from './current-room.ts';

export type InRoom = { memberId: string; name: string; joinedAt: number };

/** What one LiveKit webhook says about who is where (already verified and de-duplicated). */
export type PresenceEvent = {
  event: string;
  roomName: string;
  identity?: string | undefined;
  name?: string | undefined;
  /** Server epoch ms LiveKit made the event; older news about a person never overwrites newer. */
  at: number;
};

/**
 * Who LiveKit says is actually connected to each video room, as its webhooks tell it. Ephemeral (not
 * logged): after a restart it fills again as people join and leave.
 */
export class VideoPresence {
  private readonly rooms = new Map<string, Map<string, InRoom>>();
  /** Latest event time per room+person, so a late "joined" does not undo a newer "left". */
  private readonly latest = new Map<string, number>();
  private heardAny = false;

  get webhooksSeen(): boolean {
    return this.heardAny;
  }

  apply(e: PresenceEvent): void {
    this.heardAny = true;
    if (e.event === 'room_finished') {
      this.rooms.delete(e.roomName);
      for (const key of this.latest.keys()) if (key.startsWith(`${e.roomName}\n`)) this.latest.delete(key);
      return;
    }
    if (!e.identity) return;
    const key = `${e.roomName}\n${e.identity}`;
    if ((this.latest.get(key) ?? -Infinity) > e.at) return;
    this.latest.set(key, e.at);
    if (e.event === 'participant_joined') {
      let room = this.rooms.get(e.roomName);
      if (!room) this.rooms.set(e.roomName, (room = new Map()));
      room.set(e.identity, { memberId: e.identity, name: e.name ?? '', joinedAt: e.at });
    } else if (e.event === 'participant_left' || e.event === 'participant_connection_aborted') {
      const room = this.rooms.get(e.roomName);
      room?.delete(e.identity);
      if (room?.size === 0) this.rooms.delete(e.roomName);
    }
  }

  /** This workshop's rooms with the people in them. */
  forWorkshop(workshopId: string): { roomId: string; members: InRoom[] }[] {
    const out: { roomId: string; members: InRoom[] }[] = [];
    for (const [roomName, members] of this.rooms) {
      const parsed = parseLivekitRoomName(roomName);
      if (parsed?.workshopId !== workshopId) continue;
      out.push({ roomId: parsed.roomId, members: [...members.values()] });
    }
    return out;
  }
}
