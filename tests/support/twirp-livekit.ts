import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';

/**
 * A stand-in for LiveKit's RoomService, speaking its Twirp JSON protocol
 * (`POST /twirp/livekit.RoomService/<Method>`, `Authorization: Bearer <JWT>`), so the real
 * RoomServiceClient can be tested without a LiveKit server. It records every call with the grants
 * of its token (verified with the SDK's TokenVerifier) and keeps a small model of rooms and
 * participants so answers look like LiveKit's.
 */

export type FakeTrack = { sid: string; type: 'AUDIO' | 'VIDEO'; source: 'MICROPHONE' | 'CAMERA' | 'SCREEN_SHARE'; muted: boolean };
export type TwirpCall = {
  method: string;
  body: Record<string, unknown>;
  /** null when the token was missing or did not verify (the call was answered 401). */
  claims: ClaimGrants | null;
};

export class TwirpLiveKit {
  readonly calls: TwirpCall[] = [];
  /** room name → identity → tracks */
  readonly rooms = new Map<string, Map<string, FakeTrack[]>>();
  private readonly server: http.Server;
  private readonly verifier: TokenVerifier;

  private constructor(apiKey: string, apiSecret: string) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(apiKey = 'devkey', apiSecret = 'secret'): Promise<TwirpLiveKit> {
    const twirp = new TwirpLiveKit(apiKey, apiSecret);
    await new Promise<void>((resolve) => twirp.server.listen(0, '127.0.0.1', resolve));
    return twirp;
  }

  /** As LIVEKIT_URL: ws:// like a real deployment; the SDK turns it into http:// for RoomService. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Someone connected to a room with these tracks (what a browser would have published). */
  addParticipant(room: string, identity: string, tracks: FakeTrack[]): void {
    let members = this.rooms.get(room);
    if (!members) this.rooms.set(room, (members = new Map()));
    members.set(identity, tracks);
  }

  callsTo(method: string): TwirpCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/twirp\/livekit\.RoomService\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) return send(res, 404, { code: 'bad_route', msg: 'no such method' });
    const method = match[1];
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return send(res, 400, { code: 'malformed', msg: 'body is not JSON' });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let claims: ClaimGrants | null = null;
    try {
      claims = bearer ? await this.verifier.verify(bearer) : null;
    } catch {
      claims = null;
    }
    this.calls.push({ method, body, claims });
    if (!claims) return send(res, 401, { code: 'unauthenticated', msg: 'invalid token' });
    const answer = this.answer(method, body);
    send(res, answer.status, answer.body);
  }

  private answer(method: string, body: Record<string, unknown>): { status: number; body: unknown } {
    const room = String(body.room ?? body.name ?? '');
    const identity = String(body.identity ?? '');
    const notFound = (what: string) => ({ status: 404, body: { code: 'not_found', msg: `${what} not found` } });
    const members = this.rooms.get(room);
    switch (method) {
      case 'CreateRoom':
        if (!members) this.rooms.set(room, new Map());
        return {
          status: 200,
          body: { sid: `RM_${room.length}`, name: room, emptyTimeout: body.emptyTimeout, maxParticipants: body.maxParticipants },
        };
      case 'DeleteRoom':
        if (!members) return notFound('room');
        this.rooms.delete(room);
        return { status: 200, body: {} };
      case 'GetParticipant': {
        const tracks = members?.get(identity);
        if (!tracks) return notFound('participant');
        return { status: 200, body: { sid: `PA_${identity}`, identity, state: 'ACTIVE', tracks } };
      }
      case 'MutePublishedTrack': {
        const track = members?.get(identity)?.find((t) => t.sid === body.trackSid);
        if (!track) return notFound('track');
        track.muted = body.muted === true;
        return { status: 200, body: { track } };
      }
      case 'RemoveParticipant':
        if (!members?.has(identity)) return notFound('participant');
        members.delete(identity);
        return { status: 200, body: {} };
      default:
        return { status: 404, body: { code: 'bad_route', msg: `${method} is not in this stand-in` } };
    }
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
