import type { Ack } from '../../shared/errors.ts';
import type { SessionRequest, SessionResult } from '../../shared/session.ts';
import type { ConsolePatch, ConsoleView, ParticipantView } from '../../shared/views.ts';
import { SimPerson } from '../sim/person.ts';
import type { Pool } from './arbitraries.ts';

export type WorkshopKey = 'main' | 'calm' | 'waiting';

/** A rule every view a socket receives must follow; returns what is wrong, or null. */
export type ViewRule = (view: ParticipantView) => string | null;

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

/**
 * One fuzzing socket: a SimPerson (so views and console patches are applied as the app does) that
 * also records what the properties need: whether it has a session, every version it saw, console
 * messages it should never get, disconnects, and answers to hand-written frames.
 */
export class FuzzClient {
  readonly person: SimPerson;
  /** The server has accepted a session on this connection. */
  hasSession = false;
  memberId: string | null = null;
  workshop: WorkshopKey | null = null;
  /** How this person comes back after the connection drops (null: a stranger stays a stranger). */
  resumeWith: SessionRequest | null = null;
  /** Live property violations seen by listeners, collected by the runner after each case. */
  problems: string[] = [];
  /** Disconnects not yet looked at by the runner. */
  disconnects: string[] = [];
  /** Set while running a case that may legitimately close the connection. */
  closeExpected = false;
  consoleMessages = 0;
  viewMessages = 0;
  casesRun = 0;
  /** Counts connections: an answer that arrives as its connection closes must not count for the next one. */
  generation = 0;
  /** The last few things that happened on this socket, for failure reports. */
  readonly recent: string[] = [];
  private lastVersion = -1;
  private lastAckVersion = -1;
  private rawWaiters = new Map<number, (payload: unknown) => void>();

  constructor(
    readonly url: string,
    readonly pool: Pool,
    readonly label: string,
    private readonly rules: { mayGetConsole: boolean; view?: ViewRule },
  ) {
    this.person = new SimPerson(url, { autoResume: false });
    const socket = this.person.socket;
    socket.on('connect', () => {
      this.lastVersion = -1;
      this.lastAckVersion = -1;
    });
    socket.on('disconnect', (reason) => {
      this.note(`disconnect (${reason})${this.closeExpected ? ' expected' : ''}`);
      this.generation++;
      this.hasSession = false;
      if (!this.closeExpected && reason !== 'io client disconnect') this.disconnects.push(reason);
    });
    socket.on('view', (v) => {
      this.viewMessages++;
      this.seeVersion(v.version, 'view');
      const wrong = this.rules.view?.(v);
      if (wrong) this.problems.push(`${this.label}: ${wrong}`);
    });
    const onConsole = (kind: string) => (v: ConsoleView | ConsolePatch) => {
      this.consoleMessages++;
      this.seeVersion(v.version, kind);
      if (!this.rules.mayGetConsole) this.problems.push(`${this.label} (${this.pool}) received a '${kind}' message: private facilitator data`);
    };
    socket.on('console', onConsole('console'));
    socket.on('console.patch', onConsole('console.patch'));
    // answers to hand-written frames come as ACK packets for ids the library does not know
    const hook = () =>
      socket.io.engine?.on('packet', (packet: { type: string; data?: unknown }) => {
        if (packet.type !== 'message' || typeof packet.data !== 'string') return;
        const m = /^3(\d+)([\s\S]*)$/.exec(packet.data);
        const waiter = m && this.rawWaiters.get(Number(m[1]));
        if (!m || !waiter) return;
        try {
          waiter((JSON.parse(m[2]!) as unknown[])[0]);
        } catch {
          waiter(Symbol.for('unparseable'));
        }
      });
    socket.io.on('open', hook);
    if (socket.io.engine) hook();
  }

  get socket() {
    return this.person.socket;
  }

  /** Connected, and (for a known person) back in their session. Returns a problem, or null. */
  async ready(timeoutMs = 10_000): Promise<string | null> {
    const socket = this.socket;
    if (!socket.connected) {
      // after a transport close the library reconnects by itself; connecting again on top of that
      // can send a second CONNECT, which the server answers by closing the connection
      if (!socket.active) socket.connect();
      try {
        await withTimeout(this.person.connected(), timeoutMs, `${this.label} reconnecting`);
      } catch (error) {
        return `${this.label} could not reconnect: ${(error as Error).message}`;
      }
    }
    if (!this.hasSession && this.resumeWith) {
      try {
        const r = await this.session(this.resumeWith, timeoutMs);
        if (!r.ok && this.mustStay) return `${this.label} could not come back: ${r.error.code} ${r.error.message}`;
      } catch (error) {
        if (socket.connected) return `${this.label} resume got no answer: ${(error as Error).message}`;
      }
    }
    return null;
  }

  note(line: string): void {
    this.recent.push(line);
    if (this.recent.length > 8) this.recent.shift();
  }

  /** Hosts, observers and waiting people can never be removed: losing them is a failure. */
  get mustStay(): boolean {
    return this.pool === 'host' || this.pool === 'observer' || this.pool === 'waiting';
  }

  /** Sends a session request and records the outcome. */
  async session(request: SessionRequest, timeoutMs = 10_000): Promise<Ack<SessionResult>> {
    const generation = this.generation;
    const r = (await this.socket.timeout(timeoutMs).emitWithAck('session', request)) as Ack<SessionResult>;
    this.note(`session ${request.type}: ${r.ok ? 'ok' : r.error.code}`);
    if (r.ok) this.accepted(r.data, null, generation);
    return r;
  }

  /**
   * The server accepted a session on connection `generation`. The answer can be handled after that
   * connection closed (the close is processed first, the answer's promise a moment later): then
   * the session is gone with it.
   */
  accepted(result: SessionResult, workshop: WorkshopKey | null, generation: number): void {
    if (generation !== this.generation || !this.socket.connected) return;
    this.hasSession = true;
    this.memberId = result.memberId;
    if (workshop) this.workshop = workshop;
  }

  /** A command's ack version must not go backwards on one connection. */
  seeAckVersion(version: number): string | null {
    const before = this.lastAckVersion;
    this.lastAckVersion = Math.max(before, version);
    return version < before ? `${this.label}: command ack version went back from ${before} to ${version}` : null;
  }

  /** Waits for the answer to a hand-written frame with ack id `id`. */
  rawAnswer(id: number, ms: number): Promise<unknown> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.rawWaiters.delete(id);
        resolve(undefined);
      }, ms);
      this.rawWaiters.set(id, (payload) => {
        clearTimeout(timer);
        this.rawWaiters.delete(id);
        resolve(payload);
      });
    });
  }

  /** Writes frames straight to the transport, past Socket.IO's encoder. */
  writeRaw(frames: Array<string | Uint8Array>): boolean {
    const engine = this.socket.io.engine as unknown as { write(data: string | Uint8Array): void } | undefined;
    if (!engine || !this.socket.connected) return false;
    for (const f of frames) engine.write(f);
    return true;
  }

  /** Starts over as a stranger on a new connection. */
  async reset(): Promise<void> {
    this.socket.disconnect();
    this.hasSession = false;
    if (!this.resumeWith) {
      this.memberId = null;
      this.workshop = null;
    }
    await this.ready();
  }

  close(): void {
    this.person.close();
  }

  private seeVersion(version: number, kind: string): void {
    if (version < this.lastVersion) this.problems.push(`${this.label}: '${kind}' version went back from ${this.lastVersion} to ${version}`);
    this.lastVersion = Math.max(this.lastVersion, version);
  }
}
