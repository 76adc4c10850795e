import type { Logger } from 'pino';
import { failure, type Ack } from '../../shared/errors.ts';
import type { VideoControl, VideoControlResult, VideoPresence as PresenceView, VideoToken } from '../../shared/video.ts';
import { isFacilitator, type WorkshopState } from '../engine/state.ts';
import { PLENARY_ROOM, currentVideoRoom, livekitRoomName } from './current-room.ts';
import { VideoPresence } from './presence.ts';
import { DEFAULT_ROOM_POLICY, VideoRooms, type RoomPolicy } from './room-service.ts';
import { TOKEN_TTL_SECONDS, issueJoinToken, permissionsFor } from './tokens.ts';
import { VideoWebhooks, type WebhookOutcome } from './webhooks.ts';

export type VideoConfig = {
  /** What browsers connect to, e.g. ws://localhost:7880 or wss://<project>.livekit.cloud */
  url: string;
  apiKey: string;
  apiSecret: string;
  ttlSeconds?: number;
  policy?: RoomPolicy;
};

/** Told to anyone asking for video on a server without LiveKit. */
export const VIDEO_OFF_MESSAGE =
  'Video is off on this Indaba server: the workshop works without it. Whoever runs the server can turn it on with LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (README, section "Video").';

const LIVEKIT_DOWN_MESSAGE =
  'The video server did not answer. Try again in a minute; the workshop goes on without video meanwhile.';

/**
 * Video for every room: tokens for the room the workshop state says a person is in, facilitator
 * controls through LiveKit's RoomService, and who is actually in each room (from webhooks).
 *
 * Removal is remembered here, in memory: after a server restart a removed person can get a token
 * again (LiveKit itself still refuses tokens issued before the removal, through revokeTokenTs).
 */
export class VideoService {
  readonly rooms: VideoRooms;
  readonly presence = new VideoPresence();
  private readonly webhooks: VideoWebhooks;
  /** LiveKit room name → member ids refused video there. */
  private readonly revoked = new Map<string, Set<string>>();

  constructor(
    private readonly config: VideoConfig,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.rooms = new VideoRooms(config.url, config.apiKey, config.apiSecret, config.policy ?? DEFAULT_ROOM_POLICY, clock);
    this.webhooks = new VideoWebhooks(config.apiKey, config.apiSecret);
  }

  /** A join token for the person's current room, and only that room. */
  async tokenFor(state: Readonly<WorkshopState>, memberId: string): Promise<Ack<VideoToken>> {
    const member = state.members[memberId];
    const room = currentVideoRoom(state, memberId);
    if (!member || !room) {
      return failure('forbidden', 'You are not in a room with video yet. Wait until the facilitator lets you in.');
    }
    const roomName = livekitRoomName(state.id, room.roomId);
    if (this.revoked.get(roomName)?.has(memberId)) {
      return failure('forbidden', 'A facilitator removed you from the video in this room. You can still follow the workshop here; ask them to let you back in.');
    }
    try {
      await this.rooms.ensureRoom(roomName);
    } catch (error) {
      this.log.warn({ err: error, roomName }, 'LiveKit createRoom failed');
      return failure('server_error', LIVEKIT_DOWN_MESSAGE);
    }
    const ttlSeconds = this.config.ttlSeconds ?? TOKEN_TTL_SECONDS;
    const token = await issueJoinToken({
      apiKey: this.config.apiKey,
      apiSecret: this.config.apiSecret,
      roomName,
      member: { id: member.id, name: member.name, role: member.role },
      ttlSeconds,
    });
    return {
      ok: true,
      data: {
        url: this.config.url,
        token,
        roomId: room.roomId,
        roomLabel: room.label,
        roomName,
        expiresAt: this.clock() + ttlSeconds * 1000,
        permissions: permissionsFor(member.role),
      },
    };
  }

  /** Mute, remove, allow back, end: hosts and co-hosts only, acting on the target's current room. */
  async control(state: Readonly<WorkshopState>, actorId: string, control: VideoControl): Promise<Ack<VideoControlResult>> {
    const actor = state.members[actorId];
    if (!actor || actor.status !== 'admitted' || !isFacilitator(actor.role)) {
      return failure('forbidden', 'Only the host and co-hosts can do that.');
    }
    const done = { ok: true as const, data: { done: control.type } };
    try {
      if (control.type === 'end') {
        const roomName = livekitRoomName(state.id, control.roomId);
        await this.rooms.deleteRoom(roomName);
        return done;
      }
      const target = state.members[control.memberId];
      if (!target) return failure('not_found', 'That person is not in this workshop. Reload the page to update the list.');
      if (target.role === 'host' && actor.role !== 'host') {
        return failure('forbidden', 'Only the host can do that to the host.');
      }
      const room = currentVideoRoom(state, target.id);
      if (!room) return failure('not_found', `${target.name} is not in a video room.`);
      const roomName = livekitRoomName(state.id, room.roomId);
      switch (control.type) {
        case 'mute': {
          const outcome = await this.rooms.muteMicrophone(roomName, target.id);
          if (outcome === 'not_in_room') return failure('not_found', `${target.name} is not connected to the video in ${room.label}.`);
          if (outcome === 'no_microphone') return failure('not_found', `${target.name} has no microphone on.`);
          return done;
        }
        case 'remove': {
          let refused = this.revoked.get(roomName);
          if (!refused) this.revoked.set(roomName, (refused = new Set()));
          refused.add(target.id);
          await this.rooms.removeParticipant(roomName, target.id);
          return done;
        }
        case 'allow': {
          this.revoked.get(roomName)?.delete(target.id);
          return done;
        }
      }
    } catch (error) {
      this.log.warn({ err: error, control: control.type }, 'LiveKit RoomService call failed');
      return failure('server_error', LIVEKIT_DOWN_MESSAGE);
    }
  }

  /**
   * A person removed from the workshop leaves its video too: from every room the webhooks saw them in,
   * and their current room. They get no new tokens anyway (they are no longer admitted).
   */
  async evict(workshopId: string, memberId: string, lastRoomId: string = PLENARY_ROOM.roomId): Promise<void> {
    const roomIds = new Set([lastRoomId]);
    for (const room of this.presence.forWorkshop(workshopId)) {
      if (room.members.some((m) => m.memberId === memberId)) roomIds.add(room.roomId);
    }
    for (const roomId of roomIds) {
      try {
        await this.rooms.removeParticipant(livekitRoomName(workshopId, roomId), memberId);
      } catch (error) {
        this.log.warn({ err: error, roomId }, 'could not remove a removed member from LiveKit');
      }
    }
  }

  /** Facilitators: who LiveKit says is in each of this workshop's video rooms. */
  presenceFor(state: Readonly<WorkshopState>, askerId: string): Ack<PresenceView> {
    const asker = state.members[askerId];
    if (!asker || asker.status !== 'admitted' || !isFacilitator(asker.role)) {
      return failure('forbidden', 'Only the host and co-hosts can see who is in each video room.');
    }
    const prefix = livekitRoomName(state.id, '');
    const removed: PresenceView['removed'] = [];
    for (const [roomName, members] of this.revoked) {
      if (!roomName.startsWith(prefix)) continue;
      for (const memberId of members) removed.push({ roomId: roomName.slice(prefix.length), memberId });
    }
    return { ok: true, data: { webhooks: this.presence.webhooksSeen, rooms: this.presence.forWorkshop(state.id), removed } };
  }

  /** POST /livekit/webhook: verified, de-duplicated, then applied to presence. */
  async webhook(body: string, authorization: string | undefined): Promise<WebhookOutcome> {
    const outcome = await this.webhooks.receive(body, authorization);
    if (outcome.ok && outcome.event) {
      this.presence.apply(outcome.event);
      if (outcome.event.event === 'room_finished') this.rooms.forget(outcome.event.roomName);
    }
    return outcome;
  }
}

/** The video service when all three LIVEKIT_* settings are there; null means video is off. */
export function createVideoService(
  settings: { LIVEKIT_URL?: string | undefined; LIVEKIT_API_KEY?: string | undefined; LIVEKIT_API_SECRET?: string | undefined },
  log: Logger,
  clock?: () => number,
): VideoService | null {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = settings;
  if (!url || !apiKey || !apiSecret) return null;
  return new VideoService({ url, apiKey, apiSecret }, log, clock);
}
