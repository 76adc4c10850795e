import { t, type MessageKey } from '../../lib/i18n/index.svelte.ts';
import type { QueueReason } from '../../../../shared/turns.ts';

/** Every key of the turns catalogue (turns-en.ts, merged into en.ts under `turns`). */
export type TurnsKey = Extract<MessageKey, `turns.${string}`>;

/** t() for the turns strings: the one i18n function, limited to the `turns.` keys. */
export function tt(key: TurnsKey, params?: Record<string, string | number | boolean | undefined>): string {
  return t(key, params);
}

/** Why a hand has its place in the queue: "hand up first", "has not spoken yet", "spoke 2 times". */
export function queueReason(reason: QueueReason): string {
  switch (reason.code) {
    case 'raised':
      return tt('turns.queue.raised');
    case 'not_spoken':
      return tt('turns.queue.notSpoken');
    case 'turns':
      return tt('turns.queue.turns', { count: reason.count });
  }
}
