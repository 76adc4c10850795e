import type { EventBody, StoredEvent } from '../engine/events.ts';
import type { WorkshopState } from '../engine/state.ts';

/**
 * The workshop log. Appends carry the version the writer saw, so two writers (a later second node)
 * can never interleave events. Async on purpose: SQLite answers at once, a Postgres store will not.
 */
export interface EventStore {
  /** Starts a workshop's log. Fails with CodeTakenError when the join code is already used. */
  create(workshop: { id: string; code: string }, events: readonly EventBody[], at: number): Promise<StoredEvent[]>;
  /** Appends after `expectedVersion`; fails with VersionConflictError if the log has moved on. */
  append(workshopId: string, expectedVersion: number, events: readonly EventBody[], at: number): Promise<StoredEvent[]>;
  /** Events with seq greater than `afterSeq`, in order. */
  read(workshopId: string, afterSeq: number): Promise<StoredEvent[]>;
  saveSnapshot(workshopId: string, state: WorkshopState): Promise<void>;
  loadSnapshot(workshopId: string): Promise<WorkshopState | null>;
  findByCode(code: string): Promise<string | null>;
  exists(workshopId: string): Promise<boolean>;
  /** Workshops with an event at or after `since` (server epoch ms): rebuilt on boot. */
  activeSince(since: number): Promise<string[]>;
  /** Ids of workshops whose last activity (their latest event, server epoch ms) is before `cutoff`. */
  olderThan(cutoff: number): Promise<string[]>;
  /**
   * Rewrites stored event bodies in one transaction, to erase what a person asked to be forgotten.
   * `rewrite` returns the new body, or null to keep the event as it is. The workshop's snapshot is
   * dropped in the same transaction (it would still hold the old data): the workshop is rebuilt from
   * its log on next load. Seq, time and version stay the same. Returns how many events changed.
   */
  rewriteEvents(workshopId: string, rewrite: (event: StoredEvent) => EventBody | null): Promise<number>;
  /** Removes the workshop and everything about it (not hidden: gone). */
  delete(workshopId: string): Promise<void>;
  isOpen(): boolean;
  close(): Promise<void>;
}

export class VersionConflictError extends Error {
  constructor(workshopId: string, expected: number, actual: number) {
    super(`workshop ${workshopId}: expected version ${expected}, log is at ${actual}`);
  }
}

export class CodeTakenError extends Error {}
