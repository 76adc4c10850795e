import type { LocalTrack, Participant, Room, VideoTrack } from 'livekit-client';
import type { LiveKit } from './livekit.ts';
import type { TrackCarrier } from './room-switcher.ts';

/** One person on the stage, as the tiles draw them. */
export type TileModel = {
  id: string;
  name: string;
  isLocal: boolean;
  speaking: boolean;
  micOn: boolean;
  cameraOn: boolean;
  quality: 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';
  video: VideoTrack | undefined;
  screen: VideoTrack | undefined;
};

/** A LiveKit Room with Indaba's settings: adaptive stream and dynacast on, the devices this device chose. */
export function createStageRoom(lk: LiveKit, devices: { audioInput: string | null; videoInput: string | null }): Room {
  return new lk.Room({
    // receive only the resolution each tile shows, and stop sending layers nobody watches
    adaptiveStream: true,
    dynacast: true,
    videoCaptureDefaults: { resolution: lk.VideoPresets.h540.resolution, ...(devices.videoInput ? { deviceId: devices.videoInput } : {}) },
    audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true, ...(devices.audioInput ? { deviceId: devices.audioInput } : {}) },
    publishDefaults: { simulcast: true },
  });
}

const qualityOf = (p: Participant): TileModel['quality'] => {
  const q = String(p.connectionQuality);
  return q === 'excellent' || q === 'good' || q === 'poor' || q === 'lost' ? q : 'unknown';
};

/** Everyone in the room, the local person first, then speakers, then by name. */
export function tilesOf(lk: LiveKit, room: Room): TileModel[] {
  const speaking = new Set(room.activeSpeakers.map((p) => p.identity));
  const tile = (p: Participant, isLocal: boolean): TileModel => {
    const camera = p.getTrackPublication(lk.Track.Source.Camera);
    const screen = p.getTrackPublication(lk.Track.Source.ScreenShare);
    const mic = p.getTrackPublication(lk.Track.Source.Microphone);
    const cameraOn = Boolean(camera?.track && !camera.isMuted);
    return {
      id: p.identity,
      name: p.name || p.identity,
      isLocal,
      speaking: speaking.has(p.identity),
      micOn: Boolean(mic && !mic.isMuted),
      cameraOn,
      quality: qualityOf(p),
      video: cameraOn ? (camera?.videoTrack ?? undefined) : undefined,
      screen: screen?.track && !screen.isMuted ? (screen.videoTrack ?? undefined) : undefined,
    };
  };
  const others = [...room.remoteParticipants.values()]
    .map((p) => tile(p, false))
    .sort((a, b) => Number(b.speaking) - Number(a.speaking) || Number(Boolean(b.screen)) - Number(Boolean(a.screen)) || a.name.localeCompare(b.name));
  return [tile(room.localParticipant, true), ...others];
}

/** Audio only: subscribe to everyone's sound, and to video only when not saving data. */
export function applySubscriptions(lk: LiveKit, room: Room, lowBandwidth: boolean): void {
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      const want = pub.kind === lk.Track.Kind.Audio || !lowBandwidth;
      if (pub.isDesired !== want) pub.setSubscribed(want);
    }
  }
}

/** Camera and microphone go with the person from one room to the next, without asking again. */
export function trackCarrier(lk: LiveKit): TrackCarrier<Room, LocalTrack> {
  return {
    keep: (from) =>
      [...from.localParticipant.trackPublications.values()]
        .map((pub) => pub.track)
        .filter((t): t is LocalTrack => Boolean(t) && t?.source !== lk.Track.Source.ScreenShare && t?.source !== lk.Track.Source.ScreenShareAudio),
    publish: async (to, tracks) => {
      for (const track of tracks) await to.localParticipant.publishTrack(track);
    },
    stop: (tracks) => {
      for (const track of tracks) track.stop();
    },
  };
}
