import type { QueueOrder, QueueReason } from '../../../shared/turns.ts';
import type { Hand } from './state.ts';

/** What the queue needs to know about a person's speaking so far in the room. */
export type SpeakingRecord = { turns: number; spokenMs: number };

export type QueueEntry = { memberId: string; raisedAt: number; reason: QueueReason };

/**
 * The hand queue in speaking order, each with the reason shown to the room.
 *
 * - first_come: by when the hand went up.
 * - fewest_turns (a progressive stack): fewer turns taken in this room first, then by when the hand
 *   went up. Turns, not milliseconds, because the room can see and check turn counts ("spoke 2
 *   times"); measured airtime stays private to the person and the facilitators.
 *
 * Ties (same raise time) keep the order of `hands`, which is the order of the log: deterministic.
 */
export function orderQueue(hands: readonly Hand[], order: QueueOrder, recordOf: (memberId: string) => SpeakingRecord): QueueEntry[] {
  const rows = hands.map((h, index) => ({ hand: h, index, record: recordOf(h.memberId) }));
  rows.sort((a, b) => {
    if (order === 'fewest_turns' && a.record.turns !== b.record.turns) return a.record.turns - b.record.turns;
    return a.hand.raisedAt - b.hand.raisedAt || a.index - b.index;
  });
  return rows.map(({ hand, record }) => ({
    memberId: hand.memberId,
    raisedAt: hand.raisedAt,
    reason: reasonFor(order, record),
  }));
}

export function reasonFor(order: QueueOrder, record: SpeakingRecord): QueueReason {
  if (order === 'first_come') return { code: 'raised' };
  if (record.turns === 0 && record.spokenMs === 0) return { code: 'not_spoken' };
  return { code: 'turns', count: record.turns };
}
