/**
 * livekit-client is big: it is loaded only when a video stage appears, in its own chunk, and the
 * rest of the app never waits for it. Every use goes through here.
 */
export type LiveKit = typeof import('livekit-client');

let loading: Promise<LiveKit> | null = null;

export function loadLiveKit(): Promise<LiveKit> {
  loading ??= import('livekit-client').catch((error: unknown) => {
    loading = null; // a failed download (offline) may be tried again
    throw error;
  });
  return loading;
}
