import { t } from '../../lib/i18n/index.svelte.ts';
import type { PollMessageKey } from '../../lib/i18n/polls-en.ts';

type Params = Record<string, string | number | boolean | undefined>;

/** t() for poll strings: the one i18n function, with the `polls.` prefix (polls-en.ts is merged into en.ts). */
export function pt(key: PollMessageKey, params?: Params): string {
  return t(`polls.${key}`, params);
}
