import { io, type Socket } from 'socket.io-client';
import { applyConsolePatch } from '../../shared/console-patch.ts';
import type { HarvestRound } from '../../shared/breakouts.ts';
import type { CommandInput, CommandResult } from '../../shared/commands.ts';
import type { Ack } from '../../shared/errors.ts';
import type { SessionRequest, SessionResult } from '../../shared/session.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket.ts';
import type { ConsoleView, Notice, ParticipantView } from '../../shared/views.ts';

export type SimSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type SimOptions = {
  /** Resume automatically after the connection drops (default true), as the real client does. */
  autoResume?: boolean;
  /** Count the bytes of every message received (benchmarks). */
  countBytes?: boolean;
};

type Waiter = { check: () => boolean; resolve: () => void };

/**
 * One simulated person: a real socket.io-client that joins, keeps its latest view (participant or
 * console, patches applied) and can act. Used by integration tests, the demo and the benchmarks.
 */
export class SimPerson {
  readonly socket: SimSocket;
  session: SessionResult | null = null;
  view: ParticipantView | null = null;
  console: ConsoleView | null = null;
  notices: Notice[] = [];
  viewsReceived = 0;
  bytesReceived = 0;
  gaps = 0;
  private waiters: Waiter[] = [];

  constructor(
    readonly url: string,
    private options: SimOptions = {},
  ) {
    this.socket = io(url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1_000, forceNew: true });
    this.socket.on('view', (v) => {
      if (this.view && v.version < this.view.version) return;
      this.view = v;
      this.viewsReceived++;
      this.settle();
    });
    this.socket.on('console', (v) => {
      this.console = v;
      this.viewsReceived++;
      this.settle();
    });
    this.socket.on('console.patch', (p) => {
      if (!this.console) return;
      const outcome = applyConsolePatch(this.console, p);
      if (outcome.ok) this.console = outcome.view;
      else if (outcome.reason === 'gap') {
        this.gaps++;
        this.socket.emit('refresh', () => undefined);
      }
      this.viewsReceived++;
      this.settle();
    });
    this.socket.on('notice', (n) => {
      this.notices.push(n);
      this.settle();
    });
    if (options.countBytes) {
      this.socket.onAny((event, ...args) => {
        this.bytesReceived += Buffer.byteLength(JSON.stringify([event, ...args]));
      });
    }
    this.socket.on('disconnect', () => this.settle());
    this.socket.on('connect', () => {
      this.settle();
      // after a drop, come back as the same person, like the browser client does
      if (this.session && this.options.autoResume !== false) {
        void this.socket.emitWithAck('session', {
          type: 'resume',
          workshopId: this.session.workshopId,
          token: this.session.resumeToken,
        })
          // closing the person while a resume is on its way is fine
          .catch(() => undefined);
      }
    });
  }

  get id(): string {
    if (!this.session) throw new Error('not joined');
    return this.session.memberId;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  async start(request: SessionRequest): Promise<Ack<SessionResult>> {
    await this.connected();
    const result = await this.socket.timeout(10_000).emitWithAck('session', request);
    if (result.ok) this.session = result.data;
    return result;
  }

  command(command: CommandInput): Promise<Ack<CommandResult>> {
    return this.socket.timeout(10_000).emitWithAck('command', command);
  }

  /** A command that must succeed: throws with the server's message otherwise. */
  async do(command: CommandInput): Promise<CommandResult> {
    const result = await this.command(command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
    return result.data;
  }

  /** "What the rooms said", as the harvest panel fetches it. */
  harvest(): Promise<Ack<HarvestRound[]>> {
    return this.socket.timeout(10_000).emitWithAck('harvest');
  }

  /** Sends a raw, possibly malformed message (bad-input tests and fuzzing). */
  raw(event: string, ...args: unknown[]): Promise<unknown> {
    return (this.socket.timeout(5_000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> }).emitWithAck(
      event,
      ...args,
    );
  }

  /** Resolves when `check` holds (checked now and after every message), or rejects after `ms`. */
  until(check: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  async untilView(check: (v: ParticipantView) => boolean, ms?: number, what = 'participant view'): Promise<ParticipantView> {
    await this.until(() => this.view !== null && check(this.view), ms, what);
    return this.view!;
  }

  async untilConsole(check: (v: ConsoleView) => boolean, ms?: number, what = 'console view'): Promise<ConsoleView> {
    await this.until(() => this.console !== null && check(this.console), ms, what);
    return this.console!;
  }

  close(): void {
    this.socket.close();
  }

  private settle(): void {
    if (!this.waiters.length) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.check()) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }
}
