import { io, type Socket } from 'socket.io-client';
import { serverNow } from './protocol.ts';
import type {
  Ack,
  ClientToServerEvents,
  ClockEstimate,
  Command,
  CommandResult,
  ConsolePatch,
  ConsoleView,
  Notice,
  ParticipantView,
  ServerToClientEvents,
  SessionRequest,
  SessionResult,
} from '../../../shared/index.ts';
import type { HarvestRound } from '../../../shared/breakouts.ts';
import type { HarvestFile, HarvestFormat, HarvestRecord } from '../../../shared/harvest.ts';
import type { PollExportFile, PollExportRequest } from '../../../shared/polls.ts';
import type { VideoControl, VideoControlResult, VideoPresence, VideoToken } from '../../../shared/video.ts';
import { CLOCK_SCHEDULE, ClockSamples } from './clock-sync.ts';
import { t } from './i18n/index.svelte.ts';
import { storage } from './storage.ts';
import { LIMITS } from '../../../shared/limits.ts';
import {
  EMPTY_VIEWS,
  receiveConsolePatch,
  receiveConsoleView,
  receiveParticipantView,
  type Received,
  type ViewState,
} from './view-state.ts';

type IndabaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A refusal or failure, with a message for the person (the server's own words when it sent one). */
export type Problem = { code: string; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: Problem };

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'stopped';

/** Why this device stopped talking to the workshop; it does not reconnect by itself after these. */
export type StopReason = Problem & {
  kind: 'removed' | 'declined' | 'not_found' | 'forbidden' | 'gone' | 'disconnected' | 'refused';
};

const ACK_TIMEOUT_MS = 10_000;
/** Refusals worth trying again after a pause when reconnecting (the server was busy or restarting). */
const RETRYABLE = new Set(['rate_limited', 'server_error', 'conflict']);

function stopKind(code: string): StopReason['kind'] {
  switch (code) {
    case 'removed':
    case 'declined':
    case 'not_found':
    case 'forbidden':
      return code;
    default:
      return 'refused';
  }
}

/**
 * One device's live connection to one workshop. It (re)sends its session request after every
 * connect before anything else, keeps the latest view, estimates the server clock, and stops for
 * good when the person is removed, declined or unknown.
 */
export class WorkshopSession {
  connection = $state<ConnectionState>('connecting');
  views = $state.raw<ViewState>(EMPTY_VIEWS);
  me = $state.raw<SessionResult | null>(null);
  stopped = $state.raw<StopReason | null>(null);
  /** The latest one-off notice worth showing (e.g. slow down). */
  notice = $state.raw<Notice | null>(null);
  clock = $state.raw<ClockEstimate | null>(null);

  #socket: IndabaSocket | null = null;
  #request: SessionRequest;
  #samples = new ClockSamples();
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #clockInterval: ReturnType<typeof setInterval> | null = null;
  #first: ((result: Result<SessionResult>) => void) | null = null;
  #joinedOnce = false;
  #closed = false;
  #refreshing = false;
  #lastNotice: Notice | null = null;

  constructor(
    readonly workshopId: string,
    request: SessionRequest,
  ) {
    this.#request = request;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The server's "now" as best this device knows it. */
  serverNow(localNow = Date.now()): number {
    return serverNow(localNow, this.clock);
  }

  /**
   * Connects and sends the session request; resolves with the first answer. With `giveUpAfterMs`,
   * resolves with an error (and closes) when no connection could be made in that time.
   */
  open(options: { giveUpAfterMs?: number } = {}): Promise<Result<SessionResult>> {
    return new Promise((resolve) => {
      this.#first = resolve;
      const socket: IndabaSocket = io({
        path: '/socket.io',
        autoConnect: false,
        reconnectionDelay: 1_000,
        reconnectionDelayMax: 8_000,
        timeout: 10_000,
      });
      this.#socket = socket;
      socket.on('connect', () => void this.#sendSession(socket));
      socket.on('disconnect', (reason) => this.#onDisconnect(reason));
      socket.on('connect_error', () => {
        if (this.#joinedOnce && !this.stopped) this.connection = 'reconnecting';
      });
      socket.on('view', (view) => this.#onParticipantView(view));
      socket.on('console', (view) => this.#onConsoleView(view));
      socket.on('console.patch', (patch) => this.#onConsolePatch(patch));
      socket.on('notice', (notice) => this.#onNotice(notice));
      socket.connect();
      if (options.giveUpAfterMs) {
        this.#later(() => {
          if (!this.#first) return;
          this.#settle({ ok: false, error: { code: 'network', message: t('errors.cannotConnect') } });
          this.close();
        }, options.giveUpAfterMs);
      }
    });
  }

  /** Sends a command; the answer says whether it happened, or why not in the server's words. */
  async command(command: Command): Promise<Result<CommandResult>> {
    const socket = this.#socket;
    if (!socket || this.connection !== 'online') {
      return { ok: false, error: { code: 'offline', message: t('errors.offline') } };
    }
    // the server drops a connection whose message is over the limit: say so here instead
    const bytes = new TextEncoder().encode(JSON.stringify(command)).length;
    if (bytes > LIMITS.payloadBytes - 64) {
      return { ok: false, error: { code: 'too_large', message: t('errors.tooLarge', { kb: Math.ceil(bytes / 1024), max: Math.floor(LIMITS.payloadBytes / 1024) }) } };
    }
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
    } catch {
      return { ok: false, error: { code: 'timeout', message: t('errors.noAnswer') } };
    }
  }

  /** "What the rooms said": every closed breakout round's rooms and notes, asked for on demand. */
  harvest(): Promise<Result<HarvestRound[]>> {
    return this.#ask((s) => s.emitWithAck('harvest'));
  }

  /** Facilitators: the whole workshop record, every privacy level, for the harvest page. */
  harvestRecord(): Promise<Result<HarvestRecord>> {
    return this.#ask((s) => s.emitWithAck('harvest.record'));
  }

  /** Facilitators: the record's shareable areas as a file to download. */
  exportHarvest(format: HarvestFormat): Promise<Result<HarvestFile>> {
    return this.#ask((s) => s.emitWithAck('harvest.export', { format }));
  }

  /** The host: delete the workshop and everything in it. `confirm` is the workshop's join code. */
  deleteWorkshop(confirm: string): Promise<Result<{ deleted: true }>> {
    return this.#ask((s) => s.emitWithAck('workshop.delete', { confirm }));
  }

  /** Facilitators: one poll as a file to download. */
  exportPoll(request: PollExportRequest): Promise<Result<PollExportFile>> {
    return this.#ask((s) => s.emitWithAck('poll.export', request));
  }

  /** A video token for the room the server says this person is in (`roomId` is only a hint). */
  videoToken(roomId: string): Promise<Result<VideoToken>> {
    return this.#ask((s) => s.emitWithAck('video.token', { roomId }));
  }

  videoControl(control: VideoControl): Promise<Result<VideoControlResult>> {
    return this.#ask((s) => s.emitWithAck('video.control', control));
  }

  videoPresence(): Promise<Result<VideoPresence>> {
    return this.#ask((s) => s.emitWithAck('video.presence'));
  }

  /** An acknowledged request; offline and no answer become errors that say what to do. */
  async #ask<T>(emit: (socket: ReturnType<IndabaSocket['timeout']>) => Promise<Ack<T>>): Promise<Result<T>> {
    const socket = this.#socket;
    if (!socket || this.connection !== 'online') {
      return { ok: false, error: { code: 'offline', message: t('errors.offline') } };
    }
    try {
      return await emit(socket.timeout(ACK_TIMEOUT_MS));
    } catch {
      return { ok: false, error: { code: 'timeout', message: t('errors.noAnswer') } };
    }
  }

  /** After a stop: try once more (for example after the facilitator let this person back in). */
  retry(): void {
    if (this.#closed || !this.#socket) return;
    this.stopped = null;
    this.views = EMPTY_VIEWS; // the server sends a whole fresh view once back in
    this.connection = this.#joinedOnce ? 'reconnecting' : 'connecting';
    this.#socket.connect();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopClock();
    for (const id of this.#timers) clearTimeout(id);
    this.#timers.clear();
    this.#socket?.disconnect();
  }

  // ---- connection -----------------------------------------------------------------------------

  async #sendSession(socket: IndabaSocket): Promise<void> {
    if (this.#closed || this.stopped) return;
    this.connection = this.#joinedOnce ? 'reconnecting' : 'connecting';
    let result: Ack<SessionResult>;
    try {
      result = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('session', this.#request);
    } catch {
      // no answer: drop this connection and try a fresh one
      this.#reconnectSoon(socket, 2_000);
      return;
    }
    if (this.#closed || socket !== this.#socket || !socket.connected) return;
    if (result.ok) {
      this.#joined(result.data);
      this.#settle(result);
      return;
    }
    const error = result.error;
    if (this.#first) {
      // the first attempt: whoever opened the session shows the message (a join form, say)
      this.#stop({ ...error, kind: stopKind(error.code) });
      this.#settle({ ok: false, error });
      return;
    }
    if (RETRYABLE.has(error.code)) this.#reconnectSoon(socket, 3_000);
    else this.#stop({ ...error, kind: stopKind(error.code) });
  }

  #joined(data: SessionResult): void {
    this.#joinedOnce = true;
    this.me = data;
    if (this.#request.type === 'join' || this.#request.type === 'cohost') {
      // from now on this device comes back as the same person
      this.#request = { type: 'resume', workshopId: data.workshopId, token: data.resumeToken };
    }
    if (this.#request.type === 'resume') {
      storage.setSession(data.workshopId, { token: data.resumeToken, memberId: data.memberId, role: data.role });
    }
    this.connection = 'online';
    this.#startClock();
  }

  #reconnectSoon(socket: IndabaSocket, delayMs: number): void {
    if (this.#closed) return;
    this.connection = this.#joinedOnce ? 'reconnecting' : 'connecting';
    socket.disconnect();
    this.#later(() => {
      if (!this.#closed && !this.stopped) socket.connect();
    }, delayMs);
  }

  #onDisconnect(reason: Socket.DisconnectReason): void {
    this.#stopClock();
    if (this.#closed || this.stopped) return;
    if (reason === 'io client disconnect') return; // we did it, and decide what follows
    if (reason === 'io server disconnect') {
      // the server ended this connection on purpose: do not knock again by ourselves
      const status = this.views.participant?.me.status;
      if (status === 'removed' || status === 'declined') this.#stopForStatus(status);
      else {
        this.#stop({
          kind: 'disconnected',
          code: this.#lastNotice?.kind ?? 'disconnected',
          message: this.#lastNotice?.message ?? t('errors.disconnected'),
        });
      }
      return;
    }
    this.connection = 'reconnecting';
  }

  #stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.connection = 'stopped';
    this.#stopClock();
    this.#socket?.disconnect();
  }

  #stopForStatus(status: 'removed' | 'declined'): void {
    this.#stop({ kind: status, code: status, message: t(status === 'removed' ? 'stopped.removed' : 'stopped.declined') });
  }

  #settle(result: Result<SessionResult>): void {
    const resolve = this.#first;
    this.#first = null;
    resolve?.(result);
  }

  #later(fn: () => void, ms: number): void {
    const id = setTimeout(() => {
      this.#timers.delete(id);
      fn();
    }, ms);
    this.#timers.add(id);
  }

  // ---- views ----------------------------------------------------------------------------------

  #apply(received: Received): void {
    if (received.changed) this.views = received.state;
    if (received.refresh) void this.#refresh();
  }

  #onParticipantView(view: ParticipantView): void {
    this.#apply(receiveParticipantView(this.views, view));
    if (this.me && this.me.role !== view.me.role) this.me = { ...this.me, role: view.me.role };
    if (view.me.status === 'removed' || view.me.status === 'declined') this.#stopForStatus(view.me.status);
  }

  #onConsoleView(view: ConsoleView): void {
    this.#apply(receiveConsoleView(this.views, view));
    if (this.me && this.me.role !== view.me.role) this.me = { ...this.me, role: view.me.role };
  }

  #onConsolePatch(patch: ConsolePatch): void {
    this.#apply(receiveConsolePatch(this.views, patch));
  }

  async #refresh(): Promise<void> {
    const socket = this.#socket;
    if (!socket || this.#refreshing || this.connection !== 'online') return;
    this.#refreshing = true;
    try {
      await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('refresh');
    } catch {
      /* the next reconnect brings a whole view anyway */
    } finally {
      this.#refreshing = false;
    }
  }

  #onNotice(notice: Notice): void {
    this.#lastNotice = notice;
    switch (notice.kind) {
      case 'removed':
      case 'declined':
        this.#stopForStatus(notice.kind);
        return;
      case 'workshop_gone':
        this.#stop({ kind: 'gone', code: 'workshop_gone', message: notice.message });
        return;
      default:
        this.notice = notice;
        this.#later(() => {
          if (this.notice === notice) this.notice = null;
        }, 8_000);
    }
  }

  // ---- clock ----------------------------------------------------------------------------------

  #startClock(): void {
    this.#stopClock();
    for (let i = 0; i < CLOCK_SCHEDULE.burst; i++) this.#later(() => void this.#sample(), i * CLOCK_SCHEDULE.burstSpacingMs);
    this.#clockInterval = setInterval(() => void this.#sample(), CLOCK_SCHEDULE.everyMs);
  }

  #stopClock(): void {
    if (this.#clockInterval) clearInterval(this.#clockInterval);
    this.#clockInterval = null;
  }

  async #sample(): Promise<void> {
    const socket = this.#socket;
    if (!socket?.connected || this.connection !== 'online') return;
    const t0 = Date.now();
    try {
      const answer = await socket.timeout(5_000).emitWithAck('clock', t0);
      const t1 = Date.now();
      if (answer.ok) this.clock = this.#samples.add({ t0, server: answer.data.server, t1 });
    } catch {
      /* a lost sample is fine: the estimate keeps the ones it has */
    }
  }
}

// ---- handing a session from a join form to the workshop page ----------------------------------

let handedOver: WorkshopSession | null = null;

/** The join and co-host forms open the session; the workshop page takes it over without reconnecting. */
export function handOver(session: WorkshopSession): void {
  if (handedOver && handedOver !== session) handedOver.close();
  handedOver = session;
}

export function takeOver(workshopId: string): WorkshopSession | null {
  const session = handedOver;
  handedOver = null;
  if (session && session.workshopId === workshopId && !session.closed) return session;
  session?.close();
  return null;
}

/** How this browser comes back to a workshop: as host (host key), as itself (token), or not at all. */
export function storedRequest(workshopId: string): SessionRequest | null {
  const hostKey = storage.hostKey(workshopId);
  if (hostKey) return { type: 'host', workshopId, hostKey };
  const session = storage.session(workshopId);
  if (session) return { type: 'resume', workshopId, token: session.token };
  return null;
}
