import type { VideoControl, VideoControlResult, VideoPresence, VideoToken } from '../../../../shared/video.ts';
import type { Result, WorkshopSession } from '../../lib/session.svelte.ts';

/** What the video feature asks the Indaba server, over the workshop's own socket. */
export interface VideoSignal {
  /** A token for the room the server says this person is in (`roomKey` is only a hint). */
  token(roomKey: string): Promise<Result<VideoToken>>;
  control(control: VideoControl): Promise<Result<VideoControlResult>>;
  presence(): Promise<Result<VideoPresence>>;
}

/** The video signal for this session: its acknowledged video requests. */
export function videoSignalFor(session: WorkshopSession): VideoSignal {
  return {
    token: (roomKey) => session.videoToken(roomKey),
    control: (control) => session.videoControl(control),
    presence: () => session.videoPresence(),
  };
}
