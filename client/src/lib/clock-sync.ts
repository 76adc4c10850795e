import { estimateOffset } from './protocol.ts';
import type { ClockEstimate, ClockSample } from '../../../shared/index.ts';

/**
 * Keeps the most recent clock samples and the best estimate from them (lowest round trip wins).
 * A sliding window lets the estimate follow a clock that was adjusted, without forgetting a good
 * sample after one slow round trip.
 */
export class ClockSamples {
  private samples: ClockSample[] = [];

  constructor(private readonly window = 12) {}

  add(sample: ClockSample): ClockEstimate | null {
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.splice(0, this.samples.length - this.window);
    return this.estimate();
  }

  estimate(): ClockEstimate | null {
    return estimateOffset(this.samples);
  }

  get size(): number {
    return this.samples.length;
  }
}

/** When to take samples: a burst at start (and after every reconnect), then one a minute. */
export const CLOCK_SCHEDULE = { burst: 5, burstSpacingMs: 200, everyMs: 60_000 } as const;
