/** Small pure formatting helpers that return i18n keys and numbers, not text. */

export type Ago = { key: 'time.justNow' } | { key: 'time.secondsAgo' | 'time.minutesAgo' | 'time.hoursAgo'; count: number };

/** "just now", "40 seconds ago", "3 minutes ago", "2 hours ago". */
export function agoParts(elapsedMs: number): Ago {
  const s = Math.max(0, Math.floor(elapsedMs / 1000));
  if (s < 10) return { key: 'time.justNow' };
  if (s < 60) return { key: 'time.secondsAgo', count: Math.floor(s / 10) * 10 };
  const m = Math.floor(s / 60);
  if (m < 60) return { key: 'time.minutesAgo', count: m };
  return { key: 'time.hoursAgo', count: Math.floor(m / 60) };
}

/**
 * Parses the facilitator's "minutes" input ("5", "2.5", "1,5", " 10 ") into milliseconds.
 * Returns null when it is not a positive number of minutes within the limit.
 */
export function parseMinutes(input: string, maxMs: number): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const ms = Math.round(Number(text) * 60_000);
  if (!Number.isFinite(ms) || ms < 1_000 || ms > maxMs) return null;
  return ms;
}

/** Which spoken warning a countdown is at, so a screen reader hears each one once, not every second. */
export type CountdownWarning = 'none' | 'oneMinute' | 'timeUp';

export function countdownWarning(remainingMs: number, running: boolean, durationMs: number): CountdownWarning {
  if (remainingMs <= 0) return 'timeUp';
  // only warn at one minute for timers long enough for the warning to mean something
  if (running && remainingMs <= 60_000 && durationMs > 120_000) return 'oneMinute';
  return 'none';
}
