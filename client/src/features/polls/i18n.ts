import { t, type MessageKey } from '../../lib/i18n/index.svelte.ts';
import type { PollMessageKey } from '../../lib/i18n/polls-en.ts';

type Params = Record<string, string | number | boolean | undefined>;

/**
 * t() for poll strings: the one i18n function, with keys checked against polls-en.ts. The cast is
 * there until polls-en.ts is merged into en.ts under `polls` (then `polls.${key}` is a MessageKey).
 */
export function pt(key: PollMessageKey, params?: Params): string {
  return t(`polls.${key}` as MessageKey, params);
}
