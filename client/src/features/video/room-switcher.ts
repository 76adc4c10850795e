import type { VideoToken } from '../../../../shared/video.ts';
import type { Result } from '../../lib/session.svelte.ts';

/** The part of a LiveKit Room the switcher drives; a stand-in implements it in the unit tests. */
export interface SwitchableRoom {
  prepareConnection(url: string, token: string): Promise<void>;
  connect(url: string, token: string): Promise<void>;
  /** `false` keeps the local camera and microphone running, to carry them into the next room. */
  disconnect(stopTracks?: boolean): Promise<void>;
}

export type SwitchPhase =
  /** nothing asked yet */
  | 'idle'
  /** first connection */
  | 'joining'
  /** leaving one room for another: "Moving you to Room 3…" */
  | 'moving'
  | 'connected'
  /** the server refused a token, or the connection failed: `problem` says why */
  | 'failed'
  /** the room's video ended or this person was taken out of it: `problem` says why */
  | 'ended';

export type SwitchState = {
  phase: SwitchPhase;
  /** The room we are in (or were last in). */
  room: { id: string; label: string; name: string } | null;
  /** Where we are going, while joining or moving. */
  target: string | null;
  permissions: VideoToken['permissions'] | null;
  /** How long the last join or move took, from asking for a token to connected. */
  lastSwitchMs: number | null;
  switches: number;
  problem: string | null;
  /** The technical reason behind `problem`, for the details panel. */
  detail: string | null;
};

/** Carrying the camera and microphone from one room to the next instead of asking for them again. */
export type TrackCarrier<R, T> = {
  /** Before leaving a room: the local tracks to keep running. */
  keep: (from: R) => T[];
  /** After joining the next room: publish them there. */
  publish: (to: R, tracks: T[]) => Promise<void>;
  /** When they have nowhere to go (the move failed): turn them off. */
  stop: (tracks: T[]) => void;
};

export type SwitcherDeps<R extends SwitchableRoom, T> = {
  createRoom: () => R;
  /** Asks the server for a token; it decides the room. */
  fetchToken: (roomKey: string) => Promise<Result<VideoToken>>;
  tracks?: TrackCarrier<R, T>;
  /** Called with every new state. */
  onChange: (state: SwitchState) => void;
  now?: () => number;
  /** Message when connecting fails without a reason of its own. */
  connectFailed: string;
};

export const INITIAL_SWITCH_STATE: SwitchState = {
  phase: 'idle',
  room: null,
  target: null,
  permissions: null,
  lastSwitchMs: null,
  switches: 0,
  problem: null,
  detail: null,
};

/**
 * Follows the server: whenever the person's room changes, get a fresh token, warm the next
 * connection, leave the old room (keeping the camera and microphone), join the new one and carry
 * the local tracks over. The latest request wins: a switch overtaken by a newer one is abandoned and
 * its room closed. Knows nothing of Svelte or of LiveKit beyond `SwitchableRoom`.
 */
export class RoomSwitcher<R extends SwitchableRoom, T = unknown> {
  private state: SwitchState = INITIAL_SWITCH_STATE;
  private current: R | null = null;
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly deps: SwitcherDeps<R, T>) {
    this.now = deps.now ?? (() => performance.now());
  }

  get room(): R | null {
    return this.current;
  }

  get snapshot(): SwitchState {
    return this.state;
  }

  /** Go to the room the server says is ours (the key is what the view calls it; the token decides). */
  async switchTo(roomKey: string, label: string): Promise<void> {
    const generation = ++this.generation;
    const started = this.now();
    const previous = this.current;
    const moving = previous !== null;
    this.set({ phase: moving ? 'moving' : 'joining', target: label, problem: null, detail: null });

    const answer = await this.deps.fetchToken(roomKey);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      await this.leave(previous);
      if (generation === this.generation) this.set({ phase: 'failed', target: null, problem: answer.error.message, detail: answer.error.code });
      return;
    }
    const { url, token } = answer.data;
    const next = this.deps.createRoom();
    // warm the next connection (DNS, TLS, region) while still in the old room
    await next.prepareConnection(url, token).catch(() => undefined);
    if (generation !== this.generation) return void next.disconnect().catch(() => undefined);

    const kept = previous && this.deps.tracks ? this.deps.tracks.keep(previous) : [];
    if (previous) await previous.disconnect(false).catch(() => undefined);
    if (this.current === previous) this.current = null;
    try {
      await next.connect(url, token);
    } catch (error) {
      await next.disconnect().catch(() => undefined);
      this.deps.tracks?.stop(kept);
      if (generation === this.generation) {
        const detail = error instanceof Error && error.message ? error.message : null;
        this.set({ phase: 'failed', target: null, problem: this.deps.connectFailed, detail });
      }
      return;
    }
    if (generation !== this.generation) {
      // overtaken while connecting: the newer switch already left `previous`; this room is not wanted
      this.deps.tracks?.stop(kept);
      await next.disconnect().catch(() => undefined);
      return;
    }
    this.current = next;
    if (kept.length > 0 && this.deps.tracks) {
      await this.deps.tracks.publish(next, kept).catch(() => this.deps.tracks?.stop(kept));
    }
    this.set({
      phase: 'connected',
      target: null,
      room: { id: answer.data.roomId, label: answer.data.roomLabel, name: answer.data.roomName },
      permissions: answer.data.permissions,
      lastSwitchMs: Math.round(this.now() - started),
      switches: this.state.switches + 1,
    });
  }

  /** The room we are in disconnected by itself (ended by a facilitator, removed, network gone). */
  lost(room: R, problem: string): void {
    if (room !== this.current) return;
    this.current = null;
    this.set({ phase: 'ended', target: null, problem, detail: null });
  }

  /** Leave video altogether (the stage is going away). */
  async close(): Promise<void> {
    this.generation++;
    const room = this.current;
    this.current = null;
    await this.leave(room);
    this.set({ ...INITIAL_SWITCH_STATE });
  }

  private async leave(room: R | null): Promise<void> {
    if (!room) return;
    if (this.current === room) this.current = null;
    await room.disconnect(true).catch(() => undefined);
  }

  private set(patch: Partial<SwitchState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onChange(this.state);
  }
}
