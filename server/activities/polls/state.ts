import type { PollAnswer, PollDefinition, PollScope, PollStatus } from '../../../shared/polls.ts';

/** One person's current answer to one poll. */
export type AnswerRecord = {
  answer: PollAnswer;
  /** The breakout room it was given in (rooms scope), or null. */
  roomId: string | null;
  /** When it was last given or changed (server epoch ms). */
  at: number;
  /** Its place in the poll's answer order (see `PollRecord.answerSeq`): walls show the newest first. */
  seq: number;
};

/** shard number → (member id → answer). Shards appear when their first answer does. */
export type AnswerShards = Record<string, Record<string, AnswerRecord>>;

export type PollRecord = {
  id: string;
  definition: PollDefinition;
  status: PollStatus;
  /** Where it was launched; null while a draft. */
  scope: PollScope | null;
  revealed: boolean;
  createdAt: number;
  launchedAt: number | null;
  closedAt: number | null;
  /**
   * Each person's answer, by member id, split into shards by a hash of the id (see `answerOf`).
   * Kept for anonymous polls too, because "one response per person, changeable until the poll
   * closes" needs to know whose answer a new one replaces. Server-only: no view and no export
   * reads these keys for an anonymous poll (views come from tallies, exports drop the keys and
   * the times), and snapshots stay on the server.
   *
   * Why shards: the reducer is pure, so an answer copies what it changes. Copying one flat map of
   * 2,000 answers costs about 0.45 ms, so a burst of 2,000 answers would spend ~1 s copying;
   * copying one shard of ~30 costs microseconds.
   */
  answers: AnswerShards;
  /** Answers given so far, changes included: numbers them, since several can share a millisecond. */
  answerSeq: number;
};

/** The workshop's polls, in creation order (insertion order of `polls`). Plain data: snapshots are this, as JSON. */
export type PollsState = { polls: Record<string, PollRecord> };

export const EMPTY_POLLS: PollsState = { polls: {} };

export function openPollCount(slice: PollsState): number {
  let n = 0;
  for (const p of Object.values(slice.polls)) if (p.status === 'open') n++;
  return n;
}

export const ANSWER_SHARDS = 64;

/** FNV-1a of the member id: a stable shard for each person, on every machine. */
export function shardOf(memberId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < memberId.length; i++) {
    h ^= memberId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return String((h >>> 0) % ANSWER_SHARDS);
}

export function answerOf(poll: PollRecord, memberId: string): AnswerRecord | undefined {
  return poll.answers[shardOf(memberId)]?.[memberId];
}

/** Every [member id, answer] of a poll, in no particular order (sort by `seq` for answer order). */
export function answerEntries(poll: PollRecord): [string, AnswerRecord][] {
  return Object.values(poll.answers).flatMap((shard) => Object.entries(shard));
}

/** The shards with one answer set: copies that shard and the shard index, nothing else. */
export function withAnswer(answers: AnswerShards, memberId: string, record: AnswerRecord): AnswerShards {
  const shard = shardOf(memberId);
  return { ...answers, [shard]: { ...answers[shard], [memberId]: record } };
}
