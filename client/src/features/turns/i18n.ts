import { t, type MessageKey } from '../../lib/i18n/index.svelte.ts';
import type { turnsEn } from '../../lib/i18n/turns-en.ts';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the turns catalogue. */
export type TurnsKey = Leaves<typeof turnsEn>;

/**
 * t() for the turns strings. Until turns-en.ts is merged into en.ts, TurnsKey is not yet a
 * MessageKey, hence the cast; after the merge it is one, and this can become plain t().
 */
export function tt(key: TurnsKey, params?: Record<string, string | number | boolean | undefined>): string {
  return t(key as unknown as MessageKey, params);
}
