import { recordEncounters, type Encounters } from '../grouping/encounters.ts';
import type { WorkshopState } from '../engine/state.ts';

/**
 * Who has sat with whom anywhere in this workshop so far: closed breakout rounds, and the rounds of
 * finished world cafés and networking sessions. Grouping strategies use it to avoid repeats.
 */
export function encountersOf(state: Pick<WorkshopState, 'breakoutRecord' | 'cafeRecord'>): Encounters {
  const counts = new Map<string, number>();
  for (const round of state.breakoutRecord.rounds) recordEncounters(counts, round.groups);
  for (const cafe of state.cafeRecord) for (const round of cafe.rounds) recordEncounters(counts, round);
  return counts;
}
