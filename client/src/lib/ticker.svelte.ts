import { createSubscriber } from 'svelte/reactivity';

/**
 * A local clock for redrawing countdowns. It ticks only while something on screen reads it, and
 * nothing per-second comes from the server: countdowns are deadlines rendered against this.
 */
export class Ticker {
  #subscribe: () => void;

  constructor(intervalMs: number) {
    this.#subscribe = createSubscriber((update) => {
      const id = setInterval(update, intervalMs);
      const onVisible = () => {
        if (document.visibilityState === 'visible') update();
      };
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        clearInterval(id);
        document.removeEventListener('visibilitychange', onVisible);
      };
    });
  }

  /** Date.now(), re-read by any effect or template every tick. */
  get now(): number {
    this.#subscribe();
    return Date.now();
  }
}

/** Countdowns: four redraws a second keep the seconds honest. */
export const fastTicker = new Ticker(250);
/** "raised 2 minutes ago": every few seconds is plenty. */
export const slowTicker = new Ticker(5_000);
