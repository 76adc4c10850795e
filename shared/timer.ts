import { z } from 'zod';

/**
 * A countdown is a deadline in server epoch ms, never a ticking number:
 * clients render `endsAt - serverNow()`. Paused timers keep what was left.
 */
export const TimerView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), endsAt: z.number(), durationMs: z.number(), label: z.string() }),
  z.object({ state: z.literal('paused'), remainingMs: z.number(), durationMs: z.number(), label: z.string() }),
  z.object({ state: z.literal('ended'), endedAt: z.number(), durationMs: z.number(), label: z.string() }),
]);
export type TimerView = z.infer<typeof TimerView>;

export { formatCountdown, timerRemainingMs } from './timer-math.ts';
