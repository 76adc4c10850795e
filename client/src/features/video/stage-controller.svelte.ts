import type { LocalTrack, RemoteTrack, Room } from 'livekit-client';
import type { SpeakingReport } from '../../../../shared/video.ts';
import { t } from '../../lib/i18n/index.svelte.ts';
import { loadLiveKit, type LiveKit } from './livekit.ts';
import { failureOf, mediaErrorKey, type MediaKind } from './media-errors.ts';
import { loadPreferences, savePreferences, type VideoPreferences } from './preferences.ts';
import { INITIAL_SWITCH_STATE, RoomSwitcher, type SwitchState } from './room-switcher.ts';
import type { VideoSignal } from './signal.ts';
import { SpeakingTracker } from './speaking.ts';
import { applySubscriptions, createStageRoom, tilesOf, trackCarrier, type TileModel } from './stage-room.ts';

export type StageOptions = {
  signal: VideoSignal;
  serverNow: () => number;
  onSpeaking?: ((report: SpeakingReport) => void) | undefined;
};

/**
 * Everything the video stage knows, outside any one component: the LiveKit room (through the
 * RoomSwitcher), the tiles, the local camera and microphone. Pages remount the stage when the layout
 * changes (plenary → breakout); the controller lives on (see acquireStage), so the move is a real
 * room switch ("Moving you to Room 3…", camera kept), not a fresh start.
 */
export class StageController {
  lk = $state.raw<LiveKit | null>(null);
  loadFailed = $state(false);
  sw = $state.raw<SwitchState>(INITIAL_SWITCH_STATE);
  tiles = $state.raw<TileModel[]>([]);
  soundBlocked = $state(false);
  mediaError = $state<string | null>(null);
  prefs = $state<VideoPreferences>(loadPreferences());
  micOn = $state(false);
  cameraOn = $state(false);
  sharing = $state(false);
  busy = $state(false);
  /** The room we are connected to (for the device picker). */
  activeRoom = $state.raw<Room | null>(null);

  #options: StageOptions;
  #switcher: RoomSwitcher<Room, LocalTrack> | null = null;
  #audioBox: HTMLDivElement;
  #speaking: SpeakingTracker;
  #spoken: SpeakingReport['intervals'] = [];
  #flushTimer: ReturnType<typeof setInterval>;
  #wanted: { key: string; label: string } | null = null;
  #closed = false;

  constructor(options: StageOptions) {
    this.#options = options;
    this.#speaking = new SpeakingTracker((interval) => this.#spoken.push(interval), () => this.#options.serverNow());
    this.#audioBox = document.createElement('div');
    this.#audioBox.hidden = true;
    document.body.appendChild(this.#audioBox);
    this.#flushTimer = setInterval(() => this.#flushSpeaking(), 10_000);
    void this.#load();
  }

  /** A remounted stage hands in its (possibly new) props. */
  configure(options: StageOptions): void {
    this.#options = options;
  }

  /** Be in the room the server says; a key we are already in (or going to) changes nothing. */
  go(roomKey: string, label: string): void {
    this.#wanted = { key: roomKey, label };
    if (!this.#switcher) return; // joins once livekit-client has loaded
    const s = this.sw;
    const busy = s.phase === 'joining' || s.phase === 'moving' || s.phase === 'connected';
    if (busy && this.#goingTo === roomKey) return;
    this.#goingTo = roomKey;
    void this.#switcher.switchTo(roomKey, label);
  }
  #goingTo: string | null = null;

  rejoin(): void {
    if (!this.#wanted || !this.#switcher) return;
    this.#goingTo = this.#wanted.key;
    void this.#switcher.switchTo(this.#wanted.key, this.#wanted.label);
  }

  async toggle(kind: MediaKind): Promise<void> {
    const room = this.#current();
    if (!room || this.busy) return;
    this.busy = true;
    this.mediaError = null;
    const lp = room.localParticipant;
    try {
      if (kind === 'microphone') await lp.setMicrophoneEnabled(!lp.isMicrophoneEnabled);
      else if (kind === 'camera') await lp.setCameraEnabled(!lp.isCameraEnabled);
      else await lp.setScreenShareEnabled(!lp.isScreenShareEnabled, { audio: true });
    } catch (error) {
      this.#showMediaError(kind, error);
    } finally {
      this.busy = false;
      this.#refresh(room);
    }
  }

  setPrefs(next: VideoPreferences): void {
    this.prefs = next;
    savePreferences(next);
  }

  async setLowBandwidth(on: boolean): Promise<void> {
    this.setPrefs({ ...this.prefs, lowBandwidth: on });
    const room = this.#current();
    if (!room || !this.lk) return;
    applySubscriptions(this.lk, room, on);
    if (on && room.localParticipant.isCameraEnabled) await room.localParticipant.setCameraEnabled(false).catch(() => undefined);
    this.#refresh(room);
  }

  async enableSound(): Promise<void> {
    const room = this.#current();
    await room?.startAudio().catch(() => undefined);
    if (room) this.#refresh(room);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#flushTimer);
    this.#flushSpeaking(true);
    await this.#switcher?.close();
    this.#audioBox.remove();
  }

  // ---- inside ---------------------------------------------------------------------------------

  #current(): Room | null {
    return this.#switcher?.room ?? null;
  }

  async #load(): Promise<void> {
    let mod: LiveKit;
    try {
      mod = await loadLiveKit();
    } catch {
      this.loadFailed = true;
      return;
    }
    if (this.#closed) return;
    this.#switcher = new RoomSwitcher<Room, LocalTrack>({
      createRoom: () => this.#makeRoom(mod),
      fetchToken: (key) => this.#options.signal.token(key),
      tracks: trackCarrier(mod),
      connectFailed: t('video.connectFailed'),
      onChange: (state) => this.#changed(state),
    });
    this.lk = mod;
    if (this.#wanted) this.go(this.#wanted.key, this.#wanted.label);
  }

  #changed(state: SwitchState): void {
    const before = this.sw;
    if (before.room && state.room !== before.room) this.#flushSpeaking(true);
    this.sw = state;
    const room = this.#current();
    this.activeRoom = room;
    if (state.phase === 'failed' || state.phase === 'ended') this.#goingTo = null;
    if (state.phase === 'connected' && room && state.switches !== before.switches) void this.#settle(room, state);
  }

  #refresh(room: Room): void {
    if (!this.lk || room !== this.#current()) return;
    this.tiles = tilesOf(this.lk, room);
    this.micOn = room.localParticipant.isMicrophoneEnabled;
    this.cameraOn = room.localParticipant.isCameraEnabled;
    this.sharing = room.localParticipant.isScreenShareEnabled;
    this.soundBlocked = !room.canPlaybackAudio;
  }

  #showMediaError(kind: MediaKind, error: unknown): void {
    this.mediaError = t(mediaErrorKey(kind, failureOf(error)));
  }

  #makeRoom(mod: LiveKit): Room {
    const room = createStageRoom(mod, this.prefs);
    const E = mod.RoomEvent;
    const update = () => this.#refresh(room);
    for (const event of [
      E.ParticipantConnected,
      E.ParticipantDisconnected,
      E.TrackPublished,
      E.TrackUnpublished,
      E.TrackMuted,
      E.TrackUnmuted,
      E.LocalTrackPublished,
      E.LocalTrackUnpublished,
      E.ConnectionQualityChanged,
      E.ParticipantNameChanged,
      E.AudioPlaybackStatusChanged,
    ] as const) {
      room.on(event, update);
    }
    room.on(E.TrackPublished, () => applySubscriptions(mod, room, this.prefs.lowBandwidth));
    room.on(E.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === mod.Track.Kind.Audio) this.#audioBox.appendChild(track.attach());
      update();
    });
    room.on(E.TrackUnsubscribed, (track: RemoteTrack) => {
      for (const el of track.detach()) el.remove();
      update();
    });
    room.on(E.ActiveSpeakersChanged, (speakers) => {
      if (room === this.#current()) this.#speaking.update(speakers.some((p) => p.isLocal));
      update();
    });
    room.on(E.MediaDevicesError, (error: Error, kind?: MediaDeviceKind) => {
      this.#showMediaError(kind === 'videoinput' ? 'camera' : 'microphone', error);
    });
    room.on(E.Disconnected, (reason) => {
      const R = mod.DisconnectReason;
      if (reason === R.CLIENT_INITIATED || room !== this.#current()) return;
      const message =
        reason === R.ROOM_DELETED
          ? t('video.endedByHost')
          : reason === R.PARTICIPANT_REMOVED
            ? t('video.removedByHost')
            : reason === R.DUPLICATE_IDENTITY
              ? t('video.elsewhere')
              : t('video.lostConnection');
      this.#switcher?.lost(room, message);
      this.tiles = [];
    });
    return room;
  }

  /** After each join: camera and microphone as this person wants them (mic off on entering the plenary). */
  async #settle(room: Room, state: SwitchState): Promise<void> {
    if (!this.lk) return;
    applySubscriptions(this.lk, room, this.prefs.lowBandwidth);
    const first = state.switches === 1;
    const facilitator = state.permissions?.screenShare ?? false;
    const wantMic = first ? facilitator || state.room?.id !== 'plenary' : this.micOn || room.localParticipant.isMicrophoneEnabled;
    const wantCamera = !this.prefs.lowBandwidth && (first || this.cameraOn || room.localParticipant.isCameraEnabled);
    this.mediaError = null;
    await room.localParticipant.setMicrophoneEnabled(wantMic).catch((e: unknown) => this.#showMediaError('microphone', e));
    await room.localParticipant.setCameraEnabled(wantCamera).catch((e: unknown) => this.#showMediaError('camera', e));
    this.#refresh(room);
  }

  #flushSpeaking(final = false): void {
    this.#speaking.flush(final);
    const roomId = this.sw.room?.id;
    if (this.#spoken.length === 0 || !roomId) return;
    const intervals = this.#spoken;
    this.#spoken = [];
    this.#options.onSpeaking?.({ roomId, intervals });
  }
}

// ---- one stage per page, surviving remounts -----------------------------------------------------

/** How long a stage nobody shows waits for a new component to take it over before leaving video. */
const PARK_MS = 3_000;
let shared: { stage: StageController; holders: number; timer: ReturnType<typeof setTimeout> | null } | null = null;

/**
 * The page's stage: the one already there (a layout change mounts the new component before or after
 * the old one goes; either way they share it), or a new one.
 */
export function acquireStage(options: StageOptions): StageController {
  if (shared) {
    if (shared.timer) clearTimeout(shared.timer);
    shared.timer = null;
    shared.holders++;
    shared.stage.configure(options);
    return shared.stage;
  }
  const stage = new StageController(options);
  shared = { stage, holders: 1, timer: null };
  return stage;
}

/** A component let go of the stage: when nobody holds it, keep it a moment for the next layout, then leave video. */
export function releaseStage(stage: StageController): void {
  if (!shared || shared.stage !== stage) {
    void stage.close();
    return;
  }
  shared.holders--;
  if (shared.holders > 0) return;
  const held = shared;
  held.timer = setTimeout(() => {
    if (shared === held && held.holders === 0) shared = null;
    void stage.close();
  }, PARK_MS);
}
