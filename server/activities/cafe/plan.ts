import type { CafeQuality } from '../../../shared/cafe.ts';
import { CAFE_LIMITS } from '../../../shared/cafe-limits.ts';
import type { Command } from '../../../shared/commands.ts';
import { failure, type ErrorBody } from '../../../shared/errors.ts';
import { planRotation, RotationInputError, type RotationPlan } from '../../grouping/rotation/index.ts';
import { recordEncounters } from '../../grouping/encounters.ts';
import type { EventBody } from '../../engine/events.ts';
import type { WorkshopState } from '../../engine/state.ts';
import { encountersOf } from '../history.ts';
import { roomGoers } from '../breakouts/plan.ts';
import { listNames } from '../breakouts/rooms.ts';
import { tableIdAt, type CafeState, type CafeTable } from './state.ts';

type PlanCommand = Extract<Command, { type: 'cafe.plan' }>;
type Planned = Extract<EventBody, { type: 'cafe.planned' }>;
type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Tables from the facilitator's list (café) or one per pair (networking). */
export function tablesFor(cmd: Pick<PlanCommand, 'kind' | 'tables'>, people: number, oddOneOut: 'trio' | 'bye'): CafeTable[] {
  if (cmd.kind === 'networking') {
    const pairs = oddOneOut === 'bye' ? Math.ceil(people / 2) : Math.max(1, Math.floor(people / 2));
    return Array.from({ length: pairs }, (_, i) => ({ id: tableIdAt(i), name: `Pair ${i + 1}`, topic: '', question: '', hostId: null }));
  }
  return cmd.tables.map((t, i) => ({
    id: tableIdAt(i),
    name: t.name || `Table ${i + 1}`,
    topic: t.topic ?? '',
    question: t.question ?? '',
    hostId: t.hostId ?? null,
  }));
}

/** A new café or networking plan from the facilitator's settings. */
export function planCafe(state: WorkshopState, cmd: PlanCommand, seed: number): Result<Planned> {
  if (state.cafe?.phase === 'running') return failure('conflict', 'A café is running. Stop it before planning another.');
  if (state.breakouts && state.breakouts.phase !== 'draft') return failure('conflict', 'Breakout rooms are open. Close them first.');
  const people = seatable(state, cmd.kind === 'cafe' ? cmd.tables.map((t) => t.hostId ?? null) : []);
  const tables = tablesFor(cmd, people.length, cmd.oddOneOut);
  if (!tables.length) return failure('bad_request', 'Add at least one table.');
  const hostProblem = checkHosts(state, tables);
  if (hostProblem) return failure('conflict', hostProblem);
  const planned = rotate(state, { kind: cmd.kind, tables, rounds: cmd.rounds, oddOneOut: cmd.oddOneOut, seed }, people, []);
  if (!planned.ok) return planned;
  return {
    ok: true,
    value: {
      type: 'cafe.planned',
      kind: cmd.kind,
      tables,
      plan: planned.value.plan,
      quality: planned.value.quality,
      rounds: cmd.rounds,
      roundMs: cmd.roundMs,
      transitionMs: cmd.transitionMs,
      oddOneOut: cmd.oddOneOut,
      prompts: cmd.prompts,
      seed,
    },
  };
}

/** Everyone who takes part: admitted participants, and the tables' hosts whatever their role. */
export function seatable(state: WorkshopState, hostIds: readonly (string | null)[]): string[] {
  const hosts = hostIds.filter((h): h is string => h !== null && state.members[h]?.status === 'admitted');
  const ids = roomGoers(state).map((m) => m.id);
  return [...new Set([...hosts, ...ids])];
}

/** Hosts are all or none: the scheduler keeps every table's host in place, or moves everyone. */
export function checkHosts(state: WorkshopState, tables: readonly CafeTable[]): string | null {
  const hosted = tables.filter((t) => t.hostId);
  for (const t of hosted) {
    if (state.members[t.hostId!]?.status !== 'admitted') return `The host chosen for ${t.name} is not in the workshop now. Choose another host.`;
  }
  const ids = hosted.map((t) => t.hostId);
  if (new Set(ids).size !== ids.length) return 'One person is chosen to host two tables. Give each table its own host.';
  return null;
}

/** Every table hosted? Then hosts stay put; with none, everyone moves; a mix waits for volunteers. */
export const allHosted = (tables: readonly CafeTable[]) => tables.length > 0 && tables.every((t) => t.hostId);

/**
 * Plans the rounds after `fixed` (the rounds already played), for the people here now, with the
 * workshop's earlier encounters as history. Networking pairs use as many pairs as people allow.
 */
export function rotate(
  state: WorkshopState,
  c: Pick<CafeState, 'kind' | 'tables' | 'rounds' | 'oddOneOut' | 'seed'>,
  people: string[],
  fixed: string[][][],
): Result<{ plan: string[][][]; quality: CafeQuality }> {
  const hosts = c.kind === 'cafe' && allHosted(c.tables) ? c.tables.map((t) => t.hostId!) : undefined;
  const tables = c.tables.length;
  if (people.length < (c.kind === 'networking' ? 2 : tables)) {
    const need = c.kind === 'networking' ? 2 : tables;
    return failure('conflict', `${need} people are needed for ${c.kind === 'networking' ? 'networking' : `${tables} tables`}; ${people.length} are here. Wait for more people or use fewer tables.`);
  }
  const networking = c.kind === 'networking';
  if (fixed.length >= c.rounds) return { ok: true, value: { plan: fixed, quality: quietQuality() } };
  // Pairs have no table identity, and their number follows the people here: played rounds count as
  // history rather than as fixed rounds of the same tables.
  const history = new Map(encountersOf(state));
  if (networking) for (const round of fixed) recordEncounters(history, round);
  let plan: RotationPlan<string>;
  try {
    plan = planRotation<string>({
      people,
      tableSize: networking ? 2 : Math.ceil(people.length / tables),
      tables: networking ? undefined : tables,
      rounds: networking ? c.rounds - fixed.length : c.rounds,
      hosts,
      oddOneOut: c.oddOneOut,
      seed: c.seed + fixed.length,
      fixedRounds: networking ? [] : fixed,
      history,
      timeBudgetMs: CAFE_LIMITS.planBudgetMs,
    });
  } catch (error) {
    if (error instanceof RotationInputError) return failure('conflict', `${error.message} Change the tables or rounds and try again.`);
    throw error;
  }
  // networking may need a different number of pairs than tables exist (people came or went)
  return {
    ok: true,
    value: {
      plan: [...(networking ? fixed : []), ...plan.rounds.map((round) => round.map((table) => [...table]))],
      quality: {
        repeats: plan.quality.repeats,
        unavoidable: plan.quality.lowerBound.value,
        tableRevisits: plan.quality.tableRevisits,
        summary: plan.quality.summary,
      },
    },
  };
}

const quietQuality = (): CafeQuality => ({ repeats: 0, unavoidable: 0, tableRevisits: 0, summary: 'every round has been played' });

/** "Table 2 and Table 3 have no host yet." */
export function missingHosts(tables: readonly CafeTable[]): string | null {
  const missing = tables.filter((t) => !t.hostId).map((t) => t.name);
  if (!missing.length || missing.length === tables.length) return null;
  return `${listNames(missing)} ${missing.length === 1 ? 'has' : 'have'} no host yet. Choose a host for every table, or none.`;
}
