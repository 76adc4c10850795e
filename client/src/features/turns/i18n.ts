import { t, type MessageKey } from '../../lib/i18n/index.svelte.ts';

/** Every key of the turns catalogue (turns-en.ts, merged into en.ts under `turns`). */
export type TurnsKey = Extract<MessageKey, `turns.${string}`>;

/** t() for the turns strings: the one i18n function, limited to the `turns.` keys. */
export function tt(key: TurnsKey, params?: Record<string, string | number | boolean | undefined>): string {
  return t(key, params);
}
