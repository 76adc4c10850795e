import type { CafeClock, ConsoleCafe, MyTable, ParticipantCafe } from '../../../../shared/cafe.ts';
import type { Command } from '../../../../shared/index.ts';
import { CAFE_LIMITS } from '../../lib/protocol.ts';
import { wholeNumber } from '../breakouts/breakout-logic.ts';

/**
 * World café and networking screens' pure logic: the clock, what a participant's screen says, the
 * plan as names, and the setup form turned into a `cafe.plan` command. No Svelte, no i18n: unit
 * tested in tests/unit/client-cafe.test.ts.
 */

export type PlanCommand = Extract<Command, { type: 'cafe.plan' }>;

/** Time left on a café clock at server time `now`; never negative (the server moves on by itself). */
export function cafeRemainingMs(clock: Pick<CafeClock, 'endsAt'>, now: number): number {
  return Math.max(0, clock.endsAt - now);
}

/** What a participant's café screen shows, in one word. */
export type CafeStage =
  /** At a table (or in a pair or trio) with others. */
  | 'table'
  /** A table of one: sitting this round out. */
  | 'bye'
  /** No table this round: arrived late, waiting for the next round. */
  | 'waiting';

export function cafeStage(cafe: Pick<ParticipantCafe, 'table'>): CafeStage {
  if (!cafe.table) return 'waiting';
  return cafe.table.members.length <= 1 ? 'bye' : 'table';
}

/** The people at this table other than me, host first (the host is also among the members). */
export function tablemates(table: Pick<MyTable, 'members' | 'host'>, meId: string): string[] {
  const others = table.members.filter((m) => m.id !== meId);
  const hostId = table.host?.id;
  return [...others.filter((m) => m.id === hostId), ...others.filter((m) => m.id !== hostId)].map((m) => m.name);
}

/** Does this person host their table (and so stay put and see the earlier rounds' notes)? */
export const isHosting = (cafe: Pick<ParticipantCafe, 'table'>, meId: string): boolean => cafe.table?.host?.id === meId;

/** The next seat is this same table: a host staying put. */
export const staysPut = (cafe: Pick<ParticipantCafe, 'table' | 'next'>): boolean =>
  cafe.table !== null && cafe.next !== null && cafe.next.tableId === cafe.table.id;

export type SeatRow = { tableId: string; name: string; hostId: string | null; people: string[] };

/**
 * One round of the plan as names: each table's name and who sits there (host first, as the plan
 * lists them). Networking pairs are named by their place in the round, as the server names them.
 */
export function roundSeats(cafe: Pick<ConsoleCafe, 'kind' | 'tables' | 'plan'>, round: number, nameOf: (id: string) => string): SeatRow[] {
  const tables = cafe.plan[round - 1] ?? [];
  return tables.map((ids, i) => {
    const table = cafe.kind === 'cafe' ? cafe.tables[i] : undefined;
    return {
      tableId: table?.id ?? `t${i + 1}`,
      name: table?.name ?? `Pair ${i + 1}`,
      hostId: table?.hostId ?? null,
      people: ids.map(nameOf),
    };
  });
}

/** How many people the plan seats (in its first round). */
export const plannedPeople = (cafe: Pick<ConsoleCafe, 'plan'>): number => (cafe.plan[0] ?? []).reduce((n, t) => n + t.length, 0);

/** The round whose seating is being decided next: the one after the current, if there is one. */
export const upcomingRound = (cafe: Pick<ConsoleCafe, 'round' | 'rounds'>): number | null => (cafe.round < cafe.rounds ? cafe.round + 1 : null);

export type TableDraft = { name: string; topic: string; question: string; /** member id, or '' for "a volunteer" */ host: string };

export type SetupDraft = {
  kind: 'cafe' | 'networking';
  tables: TableDraft[];
  rounds: string;
  /** Café: minutes per round. Networking: minutes per round too. */
  minutes: string;
  /** Seconds for the move between rounds. */
  moveSeconds: string;
  oddOneOut: 'trio' | 'bye';
  prompts: string[];
};

/** A field the facilitator has to fix, by its element id, and the message key to show. */
export type SetupProblem = { field: string; key: 'noTables' | 'badRounds' | 'badMinutes' | 'badMove' | 'sameHost'; params: Record<string, number> };

export const MIN_ROUND_MS = 30_000;
export const MIN_MOVE_MS = 5_000;
export const MAX_MOVE_MS = 5 * 60_000;

/** Minutes as typed ("3", "0.5", "1,5") to milliseconds, or null when it is not a number in range. */
export function minutesToMs(input: string, minMs: number, maxMs: number): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const ms = Math.round(Number(text) * 60_000);
  return ms >= minMs && ms <= maxMs ? ms : null;
}

/** The setup form as a `cafe.plan` command, or the first field to fix. */
export function planCommand(draft: SetupDraft): { ok: true; command: PlanCommand } | { ok: false; problem: SetupProblem } {
  const rounds = wholeNumber(draft.rounds, 1, CAFE_LIMITS.rounds);
  if (rounds === null) return { ok: false, problem: { field: 'cafe-rounds', key: 'badRounds', params: { max: CAFE_LIMITS.rounds } } };
  const roundMs = minutesToMs(draft.minutes, MIN_ROUND_MS, CAFE_LIMITS.maxRoundMs);
  if (roundMs === null) return { ok: false, problem: { field: 'cafe-minutes', key: 'badMinutes', params: { max: CAFE_LIMITS.maxRoundMs / 60_000 } } };
  const seconds = wholeNumber(draft.moveSeconds, MIN_MOVE_MS / 1000, MAX_MOVE_MS / 1000);
  if (seconds === null) return { ok: false, problem: { field: 'cafe-move', key: 'badMove', params: { min: MIN_MOVE_MS / 1000, max: MAX_MOVE_MS / 1000 } } };
  const base = { type: 'cafe.plan' as const, kind: draft.kind, rounds, roundMs, transitionMs: seconds * 1000, oddOneOut: draft.oddOneOut };
  if (draft.kind === 'networking') {
    const prompts = draft.prompts.slice(0, rounds).map((p) => p.trim());
    while (prompts.length && !prompts[prompts.length - 1]) prompts.pop();
    return { ok: true, command: { ...base, tables: [], prompts } };
  }
  if (!draft.tables.length) return { ok: false, problem: { field: 'cafe-add-table', key: 'noTables', params: {} } };
  const seen = new Map<string, number>();
  for (const [i, table] of draft.tables.entries()) {
    if (!table.host) continue;
    if (seen.has(table.host)) return { ok: false, problem: { field: `cafe-host-${i}`, key: 'sameHost', params: { table: seen.get(table.host)! + 1 } } };
    seen.set(table.host, i);
  }
  const tables = draft.tables.map((t) => ({
    ...(t.name.trim() ? { name: t.name.trim() } : {}),
    ...(t.topic.trim() ? { topic: t.topic.trim() } : {}),
    ...(t.question.trim() ? { question: t.question.trim() } : {}),
    hostId: t.host || null,
  }));
  return { ok: true, command: { ...base, tables, prompts: [] } };
}
