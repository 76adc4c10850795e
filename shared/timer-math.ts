import type { TimerView } from './timer.ts';

/** Timer display math, without zod, so the browser can import it directly. */

/** Milliseconds left on a timer at server time `serverNow`, never negative. */
export function timerRemainingMs(timer: TimerView | null, serverNow: number): number {
  if (!timer) return 0;
  if (timer.state === 'paused') return Math.max(0, timer.remainingMs);
  if (timer.state === 'ended') return 0;
  return Math.max(0, timer.endsAt - serverNow);
}

/** "4:05", "1:02:09"; rounds up so a timer shows 0:00 only when it has really ended. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
