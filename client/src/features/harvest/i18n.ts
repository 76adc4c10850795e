import { t, type MessageKey } from '../../lib/i18n/index.svelte.ts';

/** Every key of the harvest page's catalogue (harvest-en.ts, merged into en.ts under `harvestPage`). */
type Strip<T> = T extends `harvestPage.${infer K}` ? K : never;
export type HarvestKey = Strip<MessageKey>;

/** t() for the harvest page's strings: the one i18n function, with the `harvestPage.` prefix. */
export function ht(key: HarvestKey, params?: Record<string, string | number | boolean | undefined>): string {
  return t(`harvestPage.${key}`, params);
}
