import type { HarvestRound } from '../../shared/breakouts.ts';
import type { WorkshopState } from '../engine/state.ts';
import { breakoutHarvest } from './breakouts/views.ts';
import { cafeHarvest } from './cafe/views.ts';

/** "What the rooms said": every closed breakout round and finished café, oldest first. */
export function harvestOf(state: WorkshopState): HarvestRound[] {
  const cafes = state.cafeRecord.map((c, i) => cafeHarvest(c, i + 1));
  return [...breakoutHarvest(state), ...cafes].sort((a, b) => a.closedAt - b.closedAt);
}

/** What participant views carry: how many harvests there are (it grows by one with each) and the latest's time. */
export function lastHarvest(state: WorkshopState): { round: number; closedAt: number } | null {
  const rounds = state.breakoutRecord.rounds.length + state.cafeRecord.length;
  if (!rounds) return null;
  const closedAt = Math.max(state.breakoutRecord.rounds.at(-1)?.closedAt ?? 0, state.cafeRecord.at(-1)?.closedAt ?? 0);
  return { round: rounds, closedAt };
}
