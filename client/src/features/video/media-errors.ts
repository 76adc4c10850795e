import type { MessageKey } from '../../lib/i18n/index.svelte.ts';

export type MediaKind = 'camera' | 'microphone' | 'screen';

/** LiveKit's MediaDeviceFailure values (kept as strings so this file does not load livekit-client). */
export type DeviceFailure = 'PermissionDenied' | 'NotFound' | 'DeviceInUse' | 'Other';

/** Which failure a getUserMedia/getDisplayMedia error is, as LiveKit's MediaDeviceFailure.getFailure does. */
export function failureOf(error: unknown): DeviceFailure {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'PermissionDenied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'NotFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'DeviceInUse';
    default:
      return 'Other';
  }
}

/** The message that says what happened and what to do next. The workshop goes on without media. */
export function mediaErrorKey(kind: MediaKind, failure: DeviceFailure): MessageKey {
  if (kind === 'screen') return failure === 'PermissionDenied' ? 'video.errors.screenDenied' : 'video.errors.screenOther';
  switch (failure) {
    case 'PermissionDenied':
      return kind === 'camera' ? 'video.errors.cameraDenied' : 'video.errors.microphoneDenied';
    case 'NotFound':
      return kind === 'camera' ? 'video.errors.cameraMissing' : 'video.errors.microphoneMissing';
    case 'DeviceInUse':
      return kind === 'camera' ? 'video.errors.cameraBusy' : 'video.errors.microphoneBusy';
    default:
      return kind === 'camera' ? 'video.errors.cameraOther' : 'video.errors.microphoneOther';
  }
}
