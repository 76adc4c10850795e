import { RoomServiceClient, TrackSource, TrackType, TwirpError } from 'livekit-server-sdk';

/** How long a video room stays open with nobody in it, and how many people it takes. */
export type RoomPolicy = { emptyTimeoutSeconds: number; departureTimeoutSeconds: number; maxParticipants: number };

export const DEFAULT_ROOM_POLICY: RoomPolicy = {
  // long enough for a breakout to fill after it opens, short enough not to keep empty rooms around
  emptyTimeoutSeconds: 5 * 60,
  // people who drop (a tunnel, a lift) come back into the same room
  departureTimeoutSeconds: 60,
  maxParticipants: 500,
};

/** A room we asked LiveKit to create recently is not created again before this. */
const CREATED_MEMORY_MS = 60_000;

export type MuteOutcome = 'muted' | 'no_microphone' | 'not_in_room';

/** The part of LiveKit's RoomService that Indaba uses, with the answers it cares about. */
export class VideoRooms {
  private readonly client: RoomServiceClient;
  private readonly created = new Map<string, number>();

  constructor(
    url: string,
    apiKey: string,
    apiSecret: string,
    private readonly policy: RoomPolicy = DEFAULT_ROOM_POLICY,
    private readonly clock: () => number = Date.now,
  ) {
    // the SDK speaks HTTP(S) to the same host the browsers reach over WebSocket
    this.client = new RoomServiceClient(url, apiKey, apiSecret, { requestTimeout: 10 });
  }

  /** Creates the room with Indaba's limits, once; LiveKit answers with the existing room if it is there. */
  async ensureRoom(roomName: string): Promise<void> {
    const now = this.clock();
    const at = this.created.get(roomName);
    if (at !== undefined && now - at < CREATED_MEMORY_MS) return;
    await this.client.createRoom({
      name: roomName,
      emptyTimeout: this.policy.emptyTimeoutSeconds,
      departureTimeout: this.policy.departureTimeoutSeconds,
      maxParticipants: this.policy.maxParticipants,
    });
    this.created.set(roomName, now);
    if (this.created.size > 10_000) this.created.clear();
  }

  /** Mutes the microphone track(s) the person publishes. They see it and can unmute themselves. */
  async muteMicrophone(roomName: string, identity: string): Promise<MuteOutcome> {
    let tracks;
    try {
      tracks = (await this.client.getParticipant(roomName, identity)).tracks;
    } catch (error) {
      if (isNotFound(error)) return 'not_in_room';
      throw error;
    }
    const microphones = tracks.filter(
      (t) => t.source === TrackSource.MICROPHONE || (t.source === TrackSource.UNKNOWN && t.type === TrackType.AUDIO),
    );
    const unmuted = microphones.filter((t) => !t.muted);
    for (const track of unmuted) await this.client.mutePublishedTrack(roomName, identity, track.sid, true);
    return microphones.length === 0 ? 'no_microphone' : 'muted';
  }

  /**
   * Disconnects the person from the room. `revokeTokenTs` makes LiveKit refuse any token issued
   * before now for them, so a token they still hold does not bring them back.
   */
  async removeParticipant(roomName: string, identity: string): Promise<'removed' | 'not_in_room'> {
    try {
      await this.client.removeParticipant(roomName, identity, { revokeTokenTs: BigInt(Math.floor(this.clock() / 1000)) });
      return 'removed';
    } catch (error) {
      if (isNotFound(error)) return 'not_in_room';
      throw error;
    }
  }

  /** Ends the room's video for everyone in it. */
  async deleteRoom(roomName: string): Promise<'ended' | 'not_open'> {
    this.created.delete(roomName);
    try {
      await this.client.deleteRoom(roomName);
      return 'ended';
    } catch (error) {
      if (isNotFound(error)) return 'not_open';
      throw error;
    }
  }

  /** LiveKit closed the room (webhook room_finished): create it again next time. */
  forget(roomName: string): void {
    this.created.delete(roomName);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof TwirpError && (error.status === 404 || error.code === 'not_found');
}
