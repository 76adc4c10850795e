/**
 * The compute part of the breakouts benchmark: `planBreakouts` for every strategy on a workshop of
 * `n` people (DEMO_FIELDS profiles from personAt) built through the real reducer, with three earlier
 * rounds in its history (`--history-rounds`) (for avoid-previous and "previous") and an n-row pre-assigned list. Pure and
 * in-process: no server, no sockets.
 */
import { BREAKOUT_LIMITS } from '../../shared/breakout-limits.ts';
import { Command } from '../../shared/commands.ts';
import { planBreakouts } from '../../server/activities/breakouts/plan.ts';
import { parsePreassignCsv } from '../../server/activities/breakouts/preassign.ts';
import type { EventBody, StoredEvent } from '../../server/engine/events.ts';
import { apply, replay } from '../../server/engine/reducer.ts';
import { EMPTY_STATE, type WorkshopState } from '../../server/engine/state.ts';
import { colleaguePairs } from '../../server/grouping/assign.ts';
import type { Person } from '../../server/grouping/types.ts';
import type { BreakoutStrategy, StrategyKind } from '../../shared/breakouts.ts';
import { DEMO_FIELDS, personAt } from '../sim/index.ts';
import { percentile, round } from './stats.ts';

const HOST = 'host-bench-0001';
const memberId = (i: number) => `p${String(i).padStart(5, '0')}`;

type PlanCommand = Extract<Command, { type: 'breakouts.plan' }>;

function stamp(events: readonly EventBody[], afterSeq: number, at: number): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: afterSeq + i + 1, at }) as StoredEvent);
}

/** n participants from personAt(i), each admitted, through `workshop.created` + `member.joined`. */
function workshopOf(n: number): WorkshopState {
  const events: EventBody[] = [
    {
      type: 'workshop.created',
      id: 'ws-bench-breakouts',
      code: 'BENCHX',
      title: 'Breakouts benchmark',
      description: '',
      profileFields: DEMO_FIELDS,
      cohostKey: 'cohost-key-bench-00000001',
      waitingRoom: false,
      host: { id: HOST, name: 'Facilitator', role: 'host', profile: {}, tokenHash: 'h0', status: 'admitted' },
    },
    ...Array.from({ length: n }, (_, i): EventBody => {
      const p = personAt(i);
      return {
        type: 'member.joined',
        member: { id: memberId(i), name: p.name, role: 'participant', profile: p.profile, tokenHash: `t-${i}`, status: 'admitted' },
      };
    }),
  ];
  return replay(stamp(events, 0, 1_000), EMPTY_STATE);
}

const planOf = (rooms: number, strategy: BreakoutStrategy): PlanCommand =>
  Command.parse({ type: 'breakouts.plan', sizing: { by: 'count', rooms }, strategy }) as PlanCommand;

function plan(state: WorkshopState, cmd: PlanCommand, seed: number) {
  const planned = planBreakouts(state, cmd, seed);
  if (!planned.ok) throw new Error(`${cmd.strategy.kind} plan refused: ${planned.error.message}`);
  return planned.event;
}

/** Plans (random), opens and closes one round through the reducer: it lands in the history. */
function pastRound(state: WorkshopState, rooms: number, seed: number): WorkshopState {
  const at = state.updatedAt + 600_000;
  const events: EventBody[] = [
    plan(state, planOf(rooms, { kind: 'random' }), seed),
    {
      type: 'breakouts.opened',
      clock: { phase: 'open', endsAt: at + 300_000, closesAt: null, warningMs: 60_000, graceMs: 30_000, durationMs: 300_000 },
      allowReturn: false,
      allowSwitch: false,
    },
    { type: 'breakouts.closed' },
  ];
  return stamp(events, state.version, at).reduce(apply, state);
}

const groupsOf = (event: { rooms: { id: string }[]; assignment: Record<string, string> }): string[][] => {
  const index = new Map(event.rooms.map((r, i) => [r.id, i]));
  const groups: string[][] = event.rooms.map(() => []);
  for (const [id, room] of Object.entries(event.assignment)) groups[index.get(room)!]!.push(id);
  return groups;
};

/** Fewest same-value pairs any balanced assignment can have: each value spread as evenly as the rooms allow. */
function colleagueBound(people: readonly Person[], field: string, rooms: number): number {
  const counts = new Map<string, number>();
  for (const p of people) {
    const v = (p.profile[field] ?? '').trim().toLowerCase();
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let pairs = 0;
  for (const c of counts.values()) {
    const q = Math.floor(c / rooms);
    const r = c % rooms;
    pairs += (rooms - r) * ((q * (q - 1)) / 2) + r * (((q + 1) * q) / 2);
  }
  return pairs;
}

const STRATEGIES: { key: string; strategy: BreakoutStrategy }[] = [
  { key: 'random', strategy: { kind: 'random' } },
  { key: 'mix', strategy: { kind: 'mix', field: 'organisation' } },
  { key: 'groupBy', strategy: { kind: 'groupBy', field: 'language' } },
  { key: 'avoidPrevious', strategy: { kind: 'avoidPrevious' } },
  { key: 'preassigned', strategy: { kind: 'preassigned' } },
  { key: 'selfSelect', strategy: { kind: 'selfSelect' } },
  { key: 'previous', strategy: { kind: 'previous' } },
];

export type ComputeResult = Record<string, number | boolean | string>;

/** Times every strategy (median of `runs`) and reports what each achieved. */
export function computeBench(n: number, roomSize: number, runs: number, note: (m: string) => void, historyRounds = 3): ComputeResult {
  const rooms = Math.max(1, Math.round(n / roomSize));
  const buildStart = performance.now();
  let state = workshopOf(n);
  for (let r = 1; r <= historyRounds; r++) state = pastRound(state, rooms, 1_000 + r);

  // the pre-assigned list: every participant by name, rooms named as the plan will name them
  const rows = Array.from({ length: n }, (_, i) => ({ name: personAt(i).name, room: `Table ${((i * 37) % rooms) + 1}` }));
  const csv = ['name,room', ...rows.map((r) => `${r.name},${r.room}`)].join('\n');
  const parseStart = performance.now();
  const parsed = parsePreassignCsv(csv);
  const parseMs = performance.now() - parseStart;
  if (!parsed.ok || parsed.rows.length !== n) throw new Error(`the ${n}-row CSV did not parse: ${parsed.ok ? parsed.rows.length : parsed.message}`);
  state = stamp([{ type: 'breakouts.preassigned', rows: parsed.rows }], state.version, state.updatedAt + 1_000).reduce(apply, state);
  const buildMs = performance.now() - buildStart;
  note(`breakouts: compute — workshop of ${n} with ${historyRounds} past rounds and a ${n}-row list built in ${buildMs.toFixed(0)} ms`);

  const people: Person[] = Object.values(state.members)
    .filter((m) => m.role === 'participant')
    .map((m) => ({ id: m.id, profile: m.profile }));
  const out: ComputeResult = {};
  const medians: number[] = [];
  let worstSingle = 0;
  const firstPlans = new Map<StrategyKind, ReturnType<typeof plan>>();
  for (const { key, strategy } of STRATEGIES) {
    const cmd = planOf(rooms, strategy);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const event = plan(state, cmd, 17 + i);
      times.push(performance.now() - t);
      if (i === 0) firstPlans.set(strategy.kind, event);
    }
    const median = percentile(times, 50);
    medians.push(median);
    worstSingle = Math.max(worstSingle, ...times);
    out[`compute_${key}_ms`] = round(median);
    note(`  ${key.padEnd(14)} median ${median.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${runs} runs)`);
  }
  out.compute_worst_ms = round(Math.max(...medians));
  out.compute_worst_single_run_ms = round(worstSingle);
  out.compute_runs = runs;
  out.compute_history_rounds = historyRounds;
  out.compute_rooms = rooms;

  // what each strategy achieved (first run of each)
  const random = firstPlans.get('random')!;
  const mix = firstPlans.get('mix')!;
  const group = firstPlans.get('groupBy')!;
  const avoid = firstPlans.get('avoidPrevious')!;
  const pre = firstPlans.get('preassigned')!;
  const previous = firstPlans.get('previous')!;
  const spread = (e: typeof random) => {
    const sizes = groupsOf(e).map((g) => g.length);
    return Math.max(...sizes) - Math.min(...sizes);
  };
  out.random_size_spread = spread(random);
  out.random_colleague_pairs = colleaguePairs(groupsOf(random), people, 'organisation');
  out.mix_colleague_pairs = mix.report.colleaguePairs;
  out.mix_colleague_pairs_bound = colleagueBound(people, 'organisation', rooms);
  out.random_repeats = random.report.repeats;
  out.avoid_previous_repeats = avoid.report.repeats;
  const languageOf = new Map(people.map((p) => [p.id, (p.profile.language ?? '').toLowerCase()]));
  const groupGroups = groupsOf(group);
  out.groupby_rooms = group.rooms.length;
  out.groupby_leftovers = group.report.leftovers.length;
  out.groupby_impure_rooms = group.rooms.filter(
    (r, i) => r.label !== null && groupGroups[i]!.some((id) => languageOf.get(id) !== r.label!.toLowerCase()),
  ).length;
  const listed = new Map(rows.map((r, i) => [memberId(i), r.room]));
  const preRoomName = new Map(pre.rooms.map((r) => [r.id, r.name]));
  out.preassigned_placed_as_listed = Object.entries(pre.assignment).filter(([id, room]) => preRoomName.get(room) === listed.get(id)).length;
  out.preassigned_unmatched_rows = pre.report.unmatchedRows.length;
  out.preassigned_duplicate_rows = pre.report.duplicateRows.length;
  const last = state.breakoutRecord.rounds.at(-1)!;
  out.previous_same_rooms = JSON.stringify(groupsOf(previous)) === JSON.stringify(last.groups);
  out.preassign_parse_ms = round(parseMs);
  out.preassign_csv_chars = csv.length;
  // the `breakouts.preassign` command carries the CSV; a list this long does not fit its limit
  out.preassign_csv_fits_command = csv.length <= BREAKOUT_LIMITS.csvChars;
  return out;
}
