import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type { Role } from '../../shared/session.ts';
import type { VideoPermissions } from '../../shared/video.ts';

/** Tokens only let someone *join*; once in, LiveKit refreshes the connection's token by itself. */
export const TOKEN_TTL_SECONDS = 10 * 60;

/**
 * What each role may do in a video room. Hosts and co-hosts publish camera, microphone and their
 * screen; participants publish camera and microphone. Nobody gets room admin in the browser: muting,
 * removing and ending go through the Indaba server, which checks the role first.
 */
export function permissionsFor(role: Role): VideoPermissions {
  const facilitator = role === 'host' || role === 'cohost';
  return { camera: true, microphone: true, screenShare: facilitator };
}

export function grantFor(roomName: string, role: Role): VideoGrant {
  const allowed = permissionsFor(role);
  const sources: TrackSource[] = [];
  if (allowed.camera) sources.push(TrackSource.CAMERA);
  if (allowed.microphone) sources.push(TrackSource.MICROPHONE);
  if (allowed.screenShare) sources.push(TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO);
  const facilitator = role === 'host' || role === 'cohost';
  return {
    room: roomName,
    roomJoin: true,
    canSubscribe: true,
    canPublish: sources.length > 0,
    canPublishSources: sources,
    // data messages are not used by Indaba yet; only facilitators may send them
    canPublishData: facilitator,
    canUpdateOwnMetadata: false,
    roomAdmin: false,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    hidden: false,
  };
}

export type TokenInput = {
  apiKey: string;
  apiSecret: string;
  roomName: string;
  member: { id: string; name: string; role: Role };
  ttlSeconds?: number;
};

/**
 * A join token for exactly one room. Identity is the member id, so a reload replaces the person's
 * old connection instead of showing them twice; metadata carries the role for the other browsers.
 */
export async function issueJoinToken(input: TokenInput): Promise<string> {
  const token = new AccessToken(input.apiKey, input.apiSecret, {
    identity: input.member.id,
    name: input.member.name,
    metadata: JSON.stringify({ role: input.member.role }),
    ttl: input.ttlSeconds ?? TOKEN_TTL_SECONDS,
  });
  token.addGrant(grantFor(input.roomName, input.member.role));
  return token.toJwt();
}
