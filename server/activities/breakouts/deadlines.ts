import type { EventBody } from '../../engine/events.ts';
import type { BreakoutsState } from './state.ts';

/** The next moment breakouts change by themselves: time up, or the grace countdown over. */
export function breakoutDeadline(b: BreakoutsState | null): number | null {
  if (!b?.clock) return null;
  if (b.phase === 'open') return b.clock.endsAt;
  if (b.phase === 'closing') return b.clock.closesAt;
  return null;
}

/** Events the clock causes. A restart catches up in one go: time up and grace over both happen. */
export function breakoutsDue(b: BreakoutsState | null, now: number): EventBody[] {
  if (!b?.clock) return [];
  if (b.phase === 'open' && b.clock.endsAt <= now) {
    const closesAt = b.clock.endsAt + b.clock.graceMs;
    return closesAt <= now ? [{ type: 'breakouts.ended', closesAt }, { type: 'breakouts.closed' }] : [{ type: 'breakouts.ended', closesAt }];
  }
  if (b.phase === 'closing' && b.clock.closesAt !== null && b.clock.closesAt <= now) return [{ type: 'breakouts.closed' }];
  return [];
}
