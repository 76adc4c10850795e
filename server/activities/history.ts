import { recordEncounters, type Encounters } from '../grouping/encounters.ts';
import type { WorkshopState } from '../engine/state.ts';

/**
 * Who has sat with whom anywhere in this workshop so far: closed breakout rounds, and the rounds of
 * finished world cafés and networking sessions. Grouping strategies use it to avoid repeats.
 */
export function encountersOf(state: Pick<WorkshopState, 'breakoutRecord' | 'cafeRecord'>): Encounters {
  // the records only change when a round closes, so "shuffle again" and late joiners reuse one count
  const byRounds = cache.get(state.breakoutRecord.rounds);
  const cached = byRounds?.get(state.cafeRecord);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const round of state.breakoutRecord.rounds) recordEncounters(counts, round.groups);
  for (const cafe of state.cafeRecord) for (const round of cafe.rounds) recordEncounters(counts, round);
  const entry = byRounds ?? new WeakMap<object, Encounters>();
  entry.set(state.cafeRecord, counts);
  cache.set(state.breakoutRecord.rounds, entry);
  return counts;
}

/** Keyed by the (immutable) record arrays themselves, so it is per workshop and lets go with them. */
const cache = new WeakMap<object, WeakMap<object, Encounters>>();
