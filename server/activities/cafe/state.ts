import type { CafeClock, CafeQuality } from '../../../shared/cafe.ts';
import type { Note } from '../../../shared/breakouts.ts';

export type CafeTable = { id: string; name: string; topic: string; question: string; hostId: string | null };

/** A world café or networking session, from its plan ("draft") to its last round ("running"). */
export type CafeState = {
  kind: 'cafe' | 'networking';
  phase: 'draft' | 'running';
  tables: CafeTable[];
  /** rounds × tables × member ids; a hosted table's host first. */
  plan: string[][][];
  /** Rounds started so far: these stay as they are when the rest is re-planned. */
  played: number;
  /** The current round, 1-based; 0 before the start. */
  round: number;
  rounds: number;
  roundMs: number;
  transitionMs: number;
  oddOneOut: 'trio' | 'bye';
  prompts: string[];
  clock: CafeClock | null;
  quality: CafeQuality;
  /** Table id → round → notes. */
  notes: Record<string, Record<string, Note>>;
  seed: number;
};

/** A finished café or networking session, for the harvest and the encounter history. */
export type PastCafe = {
  kind: 'cafe' | 'networking';
  closedAt: number;
  tables: { id: string; name: string; topic: string }[];
  rounds: string[][][];
  notes: Record<string, Record<string, Note>>;
};

export const tableIdAt = (index: number): string => `t${index + 1}`;

/** The table index where `memberId` sits in round `round` (1-based), or -1. */
export function tableOf(cafe: Pick<CafeState, 'plan'>, round: number, memberId: string): number {
  const tables = cafe.plan[round - 1];
  if (!tables) return -1;
  return tables.findIndex((t) => t.includes(memberId));
}
