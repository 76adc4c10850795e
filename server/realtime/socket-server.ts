import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { COMMAND_TYPES, Command } from '../../shared/commands.ts';
import { failure, type Ack } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { PollExportRequest } from '../../shared/polls.ts';
import { HarvestExportRequest, WorkshopDeleteRequest } from '../../shared/harvest.ts';
import { SessionRequest, type SessionResult } from '../../shared/session.ts';
import { CLIENT_EVENTS, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/socket.ts';
import { VideoControl, VideoTokenRequest } from '../../shared/video.ts';
import type { WorkshopActor } from '../engine/actor.ts';
import type { Connection } from '../engine/connection.ts';
import type { Engine } from '../engine/engine.ts';
import { parseInbound } from '../parse-inbound.ts';
import { currentVideoRoom } from '../video/current-room.ts';
import { VIDEO_OFF_MESSAGE, type VideoService } from '../video/video-service.ts';
import { JoinRateLimit, SocketRateLimit } from './rate-limit.ts';

type IndabaSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
type Session = { actor: WorkshopActor; memberId: string };

/** A reply function that is safe to call whatever the client sent as its last argument. */
function replyOf(candidate: unknown): (result: Ack<unknown>) => void {
  return typeof candidate === 'function' ? (candidate as (r: Ack<unknown>) => void) : () => undefined;
}

/** A short, safe rendering of whatever a client sent (objects with a broken toString included). */
function shortText(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 40);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeof value;
}


/**
 * The transport edge: Socket.IO in, engine calls, views out. Every inbound payload is parsed with
 * its zod schema; anything else gets `{ok:false}` and changes nothing.
 */
export function attachRealtime(
  httpServer: HttpServer,
  engine: Engine,
  log: Logger,
  options: {
    clock: () => number;
    messagesPerSecond: number;
    joinsPerAddressPerMinute: number;
    trustProxy: boolean;
    /** LiveKit video; null when video is off. */
    video?: VideoService | null;
  },
): Server {
  const { clock } = options;
  const video = options.video ?? null;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    maxHttpBufferSize: LIMITS.payloadBytes,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    serveClient: false,
  });
  const limits = new SocketRateLimit(options.messagesPerSecond);
  const joins = new JoinRateLimit(options.joinsPerAddressPerMinute);
  const addressOf = (socket: IndabaSocket): string => {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
    return (options.trustProxy && first) || socket.handshake.address;
  };

  io.on('connection', (raw) => {
    const socket = raw as IndabaSocket;
    let session: Session | null = null;
    let sessionPending = false;

    const connection: Connection = {
      id: socket.id,
      send: (event, ...args) => socket.emit(event, ...args),
      close: () => socket.disconnect(true),
    };

    /** Rate limit, then run; errors become a refusal for this person, never a crash for everyone. */
    const guarded =
      (handler: (reply: (r: Ack<unknown>) => void, args: unknown[]) => Promise<void> | void) =>
      async (...args: unknown[]) => {
        const reply = replyOf(args[args.length - 1]);
        const verdict = await limits.check(socket.id);
        if (verdict === 'disconnect') {
          log.warn({ socket: socket.id }, 'socket disconnected for flooding');
          socket.emit('notice', { kind: 'rate_limited', message: 'Too many messages: you were disconnected. Reload the page to continue.' });
          socket.disconnect(true);
          return;
        }
        if (verdict === 'slow') {
          reply(failure('rate_limited', 'You are sending messages too fast. Wait a second and try again.'));
          return;
        }
        try {
          await handler(reply, args);
        } catch (error) {
          log.error({ err: error, socket: socket.id }, 'handler failed');
          reply(failure('server_error', 'Something went wrong on the server. Please try again.'));
        }
      };

    const unknownEvent = guarded((reply, args) => {
      reply(failure('unknown_event', `The server does not understand "${shortText(args[0])}". Reload the page to update the app.`));
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      if ((CLIENT_EVENTS as readonly string[]).includes(event)) return;
      // the event name goes first so the reply (last argument) stays last
      void unknownEvent(event, ...args);
    });

    socket.on(
      'session',
      guarded(async (reply, [payload]) => {
        if (session || sessionPending) {
          reply(failure('conflict', 'This connection has already joined. Reload the page to join again.'));
          return;
        }
        const parsed = parseInbound(SessionRequest, payload);
        if (!parsed.ok) {
          reply(failure('bad_request', parsed.message));
          return;
        }
        const request = parsed.data;
        if ((request.type === 'join' || request.type === 'cohost') && !(await joins.allow(addressOf(socket)))) {
          reply(failure('rate_limited', 'Too many people joined from this network in the last minute. Wait a minute and try again.'));
          return;
        }
        sessionPending = true;
        try {
          const actor =
            request.type === 'join' ? await engine.findByCode(request.code) : await engine.get(request.workshopId);
          if (!actor) {
            reply(failure('not_found', 'There is no workshop with that code or link. Check it with the facilitator.'));
            return;
          }
          let result: Ack<SessionResult>;
          switch (request.type) {
            case 'join':
              result = await actor.join(request);
              break;
            case 'cohost':
              result = await actor.joinAsCohost(request);
              break;
            case 'resume':
              result = actor.resume(request.token);
              break;
            case 'host':
              result = actor.resume(request.hostKey, { hostOnly: true });
              break;
          }
          if (!result.ok || !socket.connected) {
            reply(result);
            return;
          }
          session = { actor, memberId: result.data.memberId };
          log.debug({ workshopId: actor.id, memberId: result.data.memberId, how: request.type }, 'session started');
          // ack first, so the client knows who it is before its first view arrives
          reply(result);
          actor.attach(connection, result.data.memberId);
        } finally {
          sessionPending = false;
        }
      }),
    );

    socket.on(
      'command',
      guarded(async (reply, [payload]) => {
        if (!session) {
          reply(failure('not_joined', 'Join the workshop first. Reload the page if this keeps happening.'));
          return;
        }
        const parsed = parseInbound(Command, payload);
        const type = (payload as { type?: unknown } | null)?.type;
        if (!parsed.ok && !(COMMAND_TYPES as readonly unknown[]).includes(type)) {
          reply(failure('bad_request', `Unknown command "${shortText(type)}". Reload the page to update the app.`));
          return;
        }
        if (!parsed.ok) {
          reply(failure('bad_request', parsed.message));
          return;
        }
        const current = session;
        const roomBefore = video && parsed.data.type === 'member.remove' ? currentVideoRoom(current.actor.snapshot, parsed.data.memberId) : null;
        const result = await current.actor.command(current.memberId, parsed.data);
        reply(result);
        // someone removed from the workshop is taken out of its video as well
        if (result.ok && video && parsed.data.type === 'member.remove') void video.evict(current.actor.id, parsed.data.memberId, roomBefore?.roomId);
      }),
    );

    socket.on(
      'clock',
      guarded((reply, [t0]) => {
        if (typeof t0 !== 'number' || !Number.isFinite(t0)) {
          reply(failure('bad_request', 'A clock sample needs the sending time as a number.'));
          return;
        }
        reply({ ok: true, data: { t0, server: clock() } });
      }),
    );

    socket.on(
      'refresh',
      guarded((reply) => {
        // keep our own reference: refreshing a removed person's view closes the socket, which clears `session`
        const current = session;
        if (!current) {
          reply(failure('not_joined', 'Join the workshop first.'));
          return;
        }
        current.actor.refresh(socket.id);
        reply({ ok: true, data: { version: current.actor.snapshot.version } });
      }),
    );

    socket.on(
      'poll.export',
      guarded((reply, [payload]) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        const parsed = parseInbound(PollExportRequest, payload);
        if (!parsed.ok) return reply(failure('bad_request', parsed.message));
        reply(current.actor.exportPoll(current.memberId, parsed.data));
      }),
    );

    socket.on(
      'harvest',
      guarded((reply) => {
        const current = session;
        if (!current) {
          reply(failure('not_joined', 'Join the workshop first.'));
          return;
        }
        const harvest = current.actor.harvest(current.memberId);
        reply(harvest ? { ok: true, data: harvest } : failure('waiting', 'The host has not let you in yet. Please wait a moment.'));
      }),
    );

    // ---- the record: facilitators read it, export its shareable parts; the host deletes it all ---

    socket.on(
      'harvest.record',
      guarded((reply) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        reply(current.actor.harvestRecord(current.memberId));
      }),
    );

    socket.on(
      'harvest.export',
      guarded((reply, [payload]) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        const parsed = parseInbound(HarvestExportRequest, payload);
        if (!parsed.ok) return reply(failure('bad_request', parsed.message));
        reply(current.actor.exportHarvest(current.memberId, parsed.data.format));
      }),
    );

    socket.on(
      'workshop.delete',
      guarded(async (reply, [payload]) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        const parsed = parseInbound(WorkshopDeleteRequest, payload);
        if (!parsed.ok) return reply(failure('bad_request', parsed.message));
        const allowed = current.actor.mayDelete(current.memberId, parsed.data.confirm);
        if (!allowed.ok) return reply(allowed);
        const workshopId = current.actor.id;
        // answer first: deleting closes every connection of the workshop, this one included
        reply({ ok: true, data: { deleted: true } });
        await engine.delete(workshopId);
        log.info({ workshopId }, 'workshop deleted by its host');
      }),
    );

    // ---- video: the server decides the room; see server/video/ ----------------------------------

    socket.on(
      'video.token',
      guarded(async (reply, [payload]) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        const parsed = parseInbound(VideoTokenRequest, payload ?? {});
        if (!parsed.ok) return reply(failure('bad_request', parsed.message));
        if (!video) return reply(failure('not_found', VIDEO_OFF_MESSAGE));
        // parsed.data.roomId is ignored on purpose: the token is for the room the state says
        reply(await video.tokenFor(current.actor.snapshot, current.memberId));
      }),
    );

    socket.on(
      'video.control',
      guarded(async (reply, [payload]) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        const parsed = parseInbound(VideoControl, payload);
        if (!parsed.ok) return reply(failure('bad_request', parsed.message));
        if (!video) return reply(failure('not_found', VIDEO_OFF_MESSAGE));
        reply(await video.control(current.actor.snapshot, current.memberId, parsed.data));
      }),
    );

    socket.on(
      'video.presence',
      guarded((reply) => {
        const current = session;
        if (!current) return reply(failure('not_joined', 'Join the workshop first.'));
        if (!video) return reply(failure('not_found', VIDEO_OFF_MESSAGE));
        reply(video.presenceFor(current.actor.snapshot, current.memberId));
      }),
    );

    socket.on('disconnect', () => {
      limits.forget(socket.id);
      session?.actor.detach(socket.id);
      session = null;
    });
  });

  return io;
}
