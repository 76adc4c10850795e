import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/** Signs a webhook body the way LiveKit does: a JWT from the API key holding the body's sha256. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

let counter = 0;

/** A webhook body as LiveKit sends it (protobuf JSON). */
export function webhookBody(
  event: 'participant_joined' | 'participant_left' | 'room_finished' | 'room_started',
  roomName: string,
  participant?: { identity: string; name: string },
  options: { id?: string; createdAt?: number } = {},
): string {
  return JSON.stringify({
    event,
    id: options.id ?? `EV_${++counter}`,
    createdAt: String(options.createdAt ?? Math.floor(Date.now() / 1000)),
    room: { sid: 'RM_1', name: roomName },
    ...(participant ? { participant: { sid: `PA_${participant.identity}`, identity: participant.identity, name: participant.name } } : {}),
  });
}
