import { WebhookReceiver } from 'livekit-server-sdk';
import type { PresenceEvent } from './presence.ts';

/** How many recent event ids are remembered to drop LiveKit's retries of the same event. */
const REMEMBERED_IDS = 5_000;

export type WebhookOutcome =
  | { ok: true; duplicate: boolean; event: PresenceEvent | null }
  | { ok: false; reason: string };

/**
 * LiveKit's webhooks: each POST carries a JWT (signed with our API secret) holding the sha256 of the
 * body. Anything unsigned, signed with another key, or with a changed body is refused. LiveKit may
 * send an event more than once: an event id seen before is acknowledged and ignored.
 */
export class VideoWebhooks {
  private readonly receiver: WebhookReceiver;
  private readonly seen = new Set<string>();

  constructor(apiKey: string, apiSecret: string) {
    this.receiver = new WebhookReceiver(apiKey, apiSecret);
  }

  async receive(body: string, authorization: string | undefined): Promise<WebhookOutcome> {
    let event;
    try {
      event = await this.receiver.receive(body, authorization?.replace(/^Bearer\s+/i, ''));
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'not a LiveKit webhook' };
    }
    if (event.id) {
      if (this.seen.has(event.id)) return { ok: true, duplicate: true, event: null };
      this.seen.add(event.id);
      if (this.seen.size > REMEMBERED_IDS) {
        const oldest = this.seen.values().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    }
    const roomName = event.room?.name;
    if (!roomName) return { ok: true, duplicate: false, event: null };
    return {
      ok: true,
      duplicate: false,
      event: {
        event: event.event,
        roomName,
        identity: event.participant?.identity,
        name: event.participant?.name,
        at: Number(event.createdAt) * 1000,
      },
    };
  }
}
