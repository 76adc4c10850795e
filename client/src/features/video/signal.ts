import type { VideoControl, VideoControlResult, VideoPresence, VideoToken } from '../../../../shared/video.ts';
import type { Result, WorkshopSession } from '../../lib/session.svelte.ts';

/** What the video feature asks the Indaba server, over the workshop's own socket. */
export interface VideoSignal {
  /** A token for the room the server says this person is in (`roomKey` is only a hint). */
  token(roomKey: string): Promise<Result<VideoToken>>;
  control(control: VideoControl): Promise<Result<VideoControlResult>>;
  presence(): Promise<Result<VideoPresence>>;
}

/**
 * The three methods video needs on WorkshopSession, like its `harvest()`: send the acknowledged
 * socket event, with offline and no answer turned into errors. (Listed in the hand-over notes; until
 * the session has them, the video area says the page needs updating instead of failing.)
 */
type VideoAsks = {
  videoToken(roomId: string): Promise<Result<VideoToken>>;
  videoControl(control: VideoControl): Promise<Result<VideoControlResult>>;
  videoPresence(): Promise<Result<VideoPresence>>;
};

function canAsk(session: WorkshopSession): session is WorkshopSession & VideoAsks {
  const s = session as unknown as Partial<Record<keyof VideoAsks, unknown>>;
  return typeof s.videoToken === 'function' && typeof s.videoControl === 'function' && typeof s.videoPresence === 'function';
}

/** The video signal for this session, or null when this build's session cannot carry it. */
export function videoSignalFor(session: WorkshopSession): VideoSignal | null {
  if (!canAsk(session)) return null;
  return {
    token: (roomKey) => session.videoToken(roomKey),
    control: (control) => session.videoControl(control),
    presence: () => session.videoPresence(),
  };
}
