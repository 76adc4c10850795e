import { z } from 'zod';
import { MemberId } from './ids.ts';

/**
 * The video protocol: LiveKit tokens issued over the socket, facilitator video controls, and who is
 * actually in each video room (from LiveKit's webhooks). The server decides which room a person is
 * in; a client never chooses its own video room.
 */

/** An Indaba room as video knows it: 'plenary', or a breakout/table/pair id made by the server. */
export const VideoRoomId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a room id');
export type VideoRoomId = z.infer<typeof VideoRoomId>;

/**
 * Ask for a token. `roomId` is only a hint of what the client thinks its room is: the server issues
 * for the room the workshop state says the person is in, whatever is named here.
 */
export const VideoTokenRequest = z.object({ roomId: VideoRoomId.optional() }).strict();
export type VideoTokenRequest = z.infer<typeof VideoTokenRequest>;

/** What this person may publish in this room. */
export const VideoPermissions = z.object({
  camera: z.boolean(),
  microphone: z.boolean(),
  screenShare: z.boolean(),
});
export type VideoPermissions = z.infer<typeof VideoPermissions>;

export const VideoToken = z.object({
  /** The LiveKit server the browser connects to (ws:// or wss://). */
  url: z.string(),
  token: z.string(),
  /** Indaba's room id and its name for people ("Plenary", "Room 3"). */
  roomId: VideoRoomId,
  roomLabel: z.string(),
  /** The LiveKit room name (workshop and room ids). */
  roomName: z.string(),
  /** Server epoch ms after which the token no longer lets anyone join. */
  expiresAt: z.number(),
  permissions: VideoPermissions,
});
export type VideoToken = z.infer<typeof VideoToken>;

/** Facilitator video controls (host and co-hosts only). They act on the person's current room. */
export const VideoControl = z.discriminatedUnion('type', [
  /** Mute the microphone the person publishes (they can unmute themselves). */
  z.object({ type: z.literal('mute'), memberId: MemberId }).strict(),
  /** Disconnect the person from the room's video and refuse them new tokens for that room. */
  z.object({ type: z.literal('remove'), memberId: MemberId }).strict(),
  /** Let a removed person back into the room's video. */
  z.object({ type: z.literal('allow'), memberId: MemberId }).strict(),
  /** End a room's video for everyone in it. */
  z.object({ type: z.literal('end'), roomId: VideoRoomId }).strict(),
]);
export type VideoControl = z.infer<typeof VideoControl>;

export type VideoControlResult = { done: VideoControl['type'] };

/** Who LiveKit says is connected to each of this workshop's video rooms. */
export const VideoPresence = z.object({
  /** False until the first signed webhook arrives: then the lists below are not known. */
  webhooks: z.boolean(),
  rooms: z.array(
    z.object({
      roomId: VideoRoomId,
      members: z.array(z.object({ memberId: z.string(), name: z.string(), joinedAt: z.number() })),
    }),
  ),
  /** Members refused video in a room by a facilitator (until allowed again or the server restarts). */
  removed: z.array(z.object({ roomId: VideoRoomId, memberId: z.string() })),
});
export type VideoPresence = z.infer<typeof VideoPresence>;

/** A stretch of time one person was speaking, in server epoch ms (for the Turns airtime balance). */
export const SpeakingInterval = z
  .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
  .refine((i) => i.to >= i.from, 'a speaking interval ends after it starts');
export type SpeakingInterval = z.infer<typeof SpeakingInterval>;

/** What a client notices of its own voice activity in one room; sent as `turn.airtime.report` commands. */
export const SpeakingReport = z
  .object({ roomId: VideoRoomId, intervals: z.array(SpeakingInterval).max(200) })
  .strict();
export type SpeakingReport = z.infer<typeof SpeakingReport>;
