import type { Logger } from 'pino';
import type { EventStore } from '../store/event-store.ts';

const DAY_MS = 24 * 3600 * 1000;

export type SweepDeps = {
  /** Deletes through the engine, so anyone still connected is told and let go. */
  engine: { delete(workshopId: string, reason: 'host' | 'retention'): Promise<boolean> };
  store: Pick<EventStore, 'olderThan'>;
  /** Workshops whose last activity is more than this many days ago are deleted. */
  days: number;
  clock: () => number;
  log: Pick<Logger, 'info' | 'debug' | 'error'>;
};

/** Deletes every workshop with no activity in the last `days` days. Returns how many went. */
export async function sweepOnce({ engine, store, days, clock, log }: SweepDeps): Promise<number> {
  const ids = await store.olderThan(clock() - days * DAY_MS);
  let deleted = 0;
  // one at a time: a sweep after a long pause must not stall the workshops running now
  for (const workshopId of ids) {
    try {
      if (await engine.delete(workshopId, 'retention')) deleted += 1;
    } catch (err) {
      log.error({ err, workshopId }, 'retention: could not delete workshop; will try again at the next sweep');
    }
  }
  if (deleted > 0) log.info({ deleted, days }, `retention: deleted ${deleted} workshop(s) with no activity in ${days} days`);
  else log.debug({ days }, 'retention: nothing to delete');
  return deleted;
}

/**
 * Sweeps once now (resolving when done, so a server starts without the expired workshops) and then
 * every `everyMs`. The timer does not keep the process alive. Resolves to a stop function, which
 * waits for a sweep under way to finish.
 */
export async function startRetentionSweep(deps: SweepDeps & { everyMs?: number }): Promise<() => Promise<void>> {
  const { everyMs = 3_600_000, ...sweepDeps } = deps;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const sweep = () => {
    // a sweep never overlaps the one before it (a slow one just skips a beat)
    running ??= sweepOnce(sweepDeps)
      .catch((err: unknown) => deps.log.error({ err }, 'retention: sweep failed; will try again'))
      .finally(() => (running = null));
    return running;
  };
  await sweep();
  const timer = setInterval(() => {
    if (!stopped) void sweep();
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
