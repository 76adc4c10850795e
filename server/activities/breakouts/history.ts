import { recordEncounters, type Encounters } from '../../grouping/encounters.ts';
import type { BreakoutRecord } from './state.ts';

/**
 * Who has sat with whom in this workshop so far. Every activity that groups people (breakouts now,
 * café tables and networking pairs as they land) adds its rounds to the record this reads.
 */
export function encountersOf(record: BreakoutRecord): Encounters {
  const counts = new Map<string, number>();
  for (const round of record.rounds) recordEncounters(counts, round.groups);
  return counts;
}
