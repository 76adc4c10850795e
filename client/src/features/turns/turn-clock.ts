import type { TurnClockView } from '../../../../shared/turns.ts';

/** What the turn banner shows at one instant, read off the turn's deadline. Pure, so it is unit tested. */
export type TurnClockReading = {
  /** Never negative. */
  remainingMs: number;
  /** How far past the end the speaker is; they are not cut off. */
  overrunMs: number;
  warning: boolean;
  over: boolean;
  paused: boolean;
};

export function readTurnClock(clock: TurnClockView, serverNow: number): TurnClockReading {
  if (clock.state === 'paused') {
    return {
      remainingMs: clock.remainingMs,
      overrunMs: clock.overrunMs,
      warning: clock.warning,
      over: clock.overrunMs > 0 || clock.remainingMs <= 0,
      paused: true,
    };
  }
  const left = clock.endsAt - serverNow;
  return {
    remainingMs: Math.max(0, left),
    overrunMs: Math.max(0, -left),
    warning: left > 0 && serverNow >= clock.warnAt,
    over: left <= 0,
    paused: false,
  };
}

/** "63%": shares and the balance score as whole percentages. */
export function percent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
