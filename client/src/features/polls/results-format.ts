/** Small pure helpers for drawing results: numbers, not text. */

/** Whole percent of `part` in `whole` (0 when nobody answered). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A bar's length in percent of the longest bar, with a sliver for non-zero counts so they show. */
export function barLength(count: number, max: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.max(2, Math.round((count / max) * 100));
}

/**
 * A word-cloud word's font size in rem: by the square root of its share of the top count, so
 * the area (not the height) follows the count; 1 rem at least, so every word stays readable.
 */
export function wordSize(count: number, maxCount: number): number {
  if (maxCount <= 0) return 1;
  return Math.round((1 + 1.75 * Math.sqrt(Math.max(0, count) / maxCount)) * 100) / 100;
}

/** The scale's mean to one decimal, in the reader's language. */
export function formatMean(mean: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(mean);
}
