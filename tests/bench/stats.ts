/** Nearest-rank percentile of unsorted samples (p in 0..100). NaN for no samples. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Rounds to `digits` decimals for the JSON line. */
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A full garbage collection in this process, so one does not land in a measured round. */
export const collectGarbage: () => void = await (async () => {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();
