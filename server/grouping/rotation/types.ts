import type { Encounters } from '../encounters.ts';

/** A person: an index 0..N-1 when people are given as a count, otherwise their id. */
export type PersonId = number | string;

/** One round: tables, each the people sitting at it (with hosts, the host first). */
export type Round<Id extends PersonId = PersonId> = Id[][];

export type RotationInput<Id extends PersonId = PersonId> = {
  /** How many people (then they are 0..N-1), or their ids (distinct). */
  people: number | readonly Id[];
  /** Seats per table: no table has more, and sizes differ by at most one. */
  tableSize: number;
  /** Rounds in the whole café, counting rounds already played (`fixedRounds`). */
  rounds: number;
  /** Number of tables; default ceil(people / tableSize) (or the number of hosts). */
  tables?: number;
  /**
   * Hosts who stay at their table. `true`: table t's host is person t (the t-th id). A list: table
   * t's host is hosts[t], and there are as many tables as hosts.
   */
  hosts?: boolean | readonly Id[];
  /** Pairs (tables of 2) with an odd number of people: a trio (default) or one person sits out. */
  oddOneOut?: 'trio' | 'bye';
  /** The same seed gives the same plan. Default 1. */
  seed?: number;
  /**
   * Wall-clock cap for the search (default 2000 ms). The plan is deterministic for a seed unless
   * this cap cuts the search short (`stoppedBy: 'time'` says so).
   */
  timeBudgetMs?: number;
  /** Tabu iterations at most (deterministic effort cap). Default scales with the instance. */
  maxIterations?: number;
  /**
   * Rounds already played, when re-planning: kept as they are, and their encounters and table
   * visits count as history. People in them who have left are simply absent from `people`;
   * newcomers are in `people` and not in these rounds. Table t of a played round is table t.
   */
  fixedRounds?: readonly (readonly (readonly Id[])[])[];
  /** Earlier encounters in this workshop (breakouts etc.), by `pairKey` of ids. */
  history?: Encounters;
};

export type LowerBound = {
  /** Pair-slots the rounds use minus the distinct pairs still available. */
  pairs: number;
  /** People who sit with more others than there are left to meet, halved (each repeat has two ends). */
  perPerson: number;
  /** A table bigger than the number of tables must seat two people who sat together last round. */
  pigeonhole: number;
  /** The largest of the above (plus repeats already in played rounds): no plan can do better. */
  value: number;
};

export type RotationQuality = {
  /** Meetings of a pair that had already met (in these rounds, played rounds, or history). */
  repeats: number;
  /** Distinct pairs who sit together at least once. */
  distinctPairs: number;
  /** Most times any pair sits together (history included). */
  maxMeetings: number;
  /** Times someone (not a host) sits at a table they already sat at. */
  tableRevisits: number;
  /** Largest difference between table sizes within a round. */
  sizeSpread: number;
  lowerBound: LowerBound;
  /** e.g. "every pair meets at most once" or "3 repeat meetings; at least 2 are unavoidable". */
  summary: string;
};

export type RotationPlan<Id extends PersonId = PersonId> = {
  /** Every round, played ones first: rounds[r][t] is table t in round r. */
  rounds: Round<Id>[];
  /** Host of each table, or null without hosts. */
  hosts: Id[] | null;
  quality: RotationQuality;
  /** How the plan was made. */
  method: 'round-robin' | 'affine' | 'kirkman-15' | 'golfers-32' | 'greedy' | 'greedy+tabu' | 'none';
  /** Why planning stopped: a construction or the bound reached (optimal), or the search gave up. */
  stoppedBy: 'bound' | 'iterations' | 'stalled' | 'time' | 'construction';
  iterations: number;
  ms: number;
};

export class RotationInputError extends Error {
  override name = 'RotationInputError';
}
