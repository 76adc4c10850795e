import type { KeyValueStore } from '../../lib/storage.ts';

/** What this device remembers about video: low-bandwidth mode and the chosen devices. */
export type VideoPreferences = {
  /** Audio only: no camera sent, no video received (for weak connections and small data plans). */
  lowBandwidth: boolean;
  audioInput: string | null;
  videoInput: string | null;
  audioOutput: string | null;
};

const KEY = 'indaba.video.preferences';
const DEFAULTS: VideoPreferences = { lowBandwidth: false, audioInput: null, videoInput: null, audioOutput: null };

function store(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length < 300 ? v : null);

export function loadPreferences(from: KeyValueStore | null = store()): VideoPreferences {
  try {
    const raw = from?.getItem(KEY);
    if (!raw) return { ...DEFAULTS };
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return {
      lowBandwidth: parsed.lowBandwidth === true,
      audioInput: text(parsed.audioInput),
      videoInput: text(parsed.videoInput),
      audioOutput: text(parsed.audioOutput),
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function savePreferences(prefs: VideoPreferences, to: KeyValueStore | null = store()): void {
  try {
    to?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    /* storage full or blocked: remembered for this visit only */
  }
}
