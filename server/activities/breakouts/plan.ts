import type { PlanReport } from '../../../shared/breakouts.ts';
import type { Command } from '../../../shared/commands.ts';
import { failure, type ErrorBody } from '../../../shared/errors.ts';
import { assign, colleaguePairs } from '../../grouping/assign.ts';
import { brokenConstraints, type ConstraintProblem, type Constraints } from '../../grouping/constraints.ts';
import { repeatMeetings } from '../../grouping/encounters.ts';
import { groupByField } from '../../grouping/group-by.ts';
import { seededRng } from '../../grouping/random.ts';
import { roomCount } from '../../grouping/sizes.ts';
import type { Person } from '../../grouping/types.ts';
import type { EventBody } from '../../engine/events.ts';
import type { Member, WorkshopState } from '../../engine/state.ts';
import { encountersOf } from '../history.ts';
import { matchRows } from './preassign.ts';
import { assignmentOf, fillSmallest, listNames } from './rooms.ts';
import { roomIdAt, type BreakoutRoom } from './state.ts';

type PlanCommand = Extract<Command, { type: 'breakouts.plan' }>;
type Planned = Extract<EventBody, { type: 'breakouts.planned' }>;
type Grouping = { groups: string[][]; labels: (string | null)[]; names: (string | null)[]; leftovers: string[]; extra: Partial<PlanReport> };

/** The participants who go into rooms: admitted, not facilitators. */
export function roomGoers(state: WorkshopState): Member[] {
  return Object.values(state.members).filter((m) => m.status === 'admitted' && m.role === 'participant');
}

/**
 * Computes a preview: rooms, who goes where, and a report of what the strategy achieved. Refuses,
 * saying exactly which wishes clash and why, rather than making a partial plan.
 */
export function planBreakouts(state: WorkshopState, cmd: PlanCommand, seed: number): { ok: true; event: Planned } | { ok: false; error: ErrorBody } {
  if (state.breakouts && state.breakouts.phase !== 'draft') {
    return failure('conflict', 'Rooms are open. Close them before planning a new set.');
  }
  const goers = roomGoers(state);
  const people: Person[] = goers.map((m) => ({ id: m.id, profile: m.profile }));
  const history = encountersOf(state);
  const constraints: Constraints = { together: cmd.together, apart: cmd.apart };
  const nameOf = (id: string) => state.members[id]?.name ?? 'someone who left';

  const grouping = groupPeople(state, cmd, people, seed, constraints, nameOf);
  if (!grouping.ok) return grouping;
  const { groups, labels, names, leftovers, extra } = grouping.value;

  const rooms: BreakoutRoom[] = groups.map((_, i) => {
    const spec = cmd.rooms[i] ?? {};
    const label = labels[i] ?? null;
    return {
      id: roomIdAt(i),
      name: spec.name || names[i] || `Room ${i + 1}`,
      topic: spec.topic ?? '',
      prompt: spec.prompt ?? '',
      cap: spec.cap ?? null,
      label,
    };
  });
  const searched = cmd.strategy.kind === 'random' || cmd.strategy.kind === 'mix' || cmd.strategy.kind === 'avoidPrevious';
  const broken = searched ? { together: [], apart: [] } : brokenConstraints(groups, constraints);
  const field = cmd.strategy.kind === 'mix' ? cmd.strategy.field : null;
  const report: PlanReport = {
    strategy: cmd.strategy,
    people: goers.length,
    repeats: repeatMeetings(groups, history),
    colleaguePairs: field ? colleaguePairs(groups, people, field) : 0,
    leftovers,
    unmatchedRows: [],
    duplicateRows: [],
    unknownRooms: [],
    broken: [
      ...broken.together.map((ids) => ({ kind: 'together' as const, ids })),
      ...broken.apart.map((ids) => ({ kind: 'apart' as const, ids })),
    ],
    ...extra,
  };
  const cohosts = Object.values(state.members).filter((m) => m.status === 'admitted' && m.role === 'cohost');
  const visits: Record<string, string> = {};
  if (cmd.cohosts === 'assign' && rooms.length) cohosts.forEach((c, i) => (visits[c.id] = rooms[i % rooms.length]!.id));
  return {
    ok: true,
    event: {
      type: 'breakouts.planned',
      round: (state.breakoutRecord.rounds.at(-1)?.round ?? 0) + 1,
      rooms,
      assignment: assignmentOf(groups, rooms.map((r) => r.id)),
      visits,
      report,
    },
  };
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

function groupPeople(
  state: WorkshopState,
  cmd: PlanCommand,
  people: Person[],
  seed: number,
  constraints: Constraints,
  nameOf: (id: string) => string,
): Result<Grouping> {
  const count = roomCount(people.length, cmd.sizing.by === 'count' ? { rooms: cmd.sizing.rooms } : { perRoom: cmd.sizing.perRoom });
  const plain = (groups: string[][], leftovers: string[] = [], extra: Partial<PlanReport> = {}): Result<Grouping> => ({
    ok: true,
    value: { groups, labels: groups.map(() => null), names: groups.map(() => null), leftovers, extra },
  });
  const strategy = cmd.strategy;
  switch (strategy.kind) {
    case 'random':
    case 'mix':
    case 'avoidPrevious': {
      if (!people.length) return plain(Array.from({ length: asked(cmd) }, () => []));
      const result = assign({ people, rooms: count, strategy, constraints, history: encountersOf(state), seed });
      if (!result.ok) return failure('conflict', describeProblems(result.problems, nameOf));
      return plain(result.rooms);
    }
    case 'groupBy': {
      if (!state.profileFields.some((f) => f.id === strategy.field)) {
        return failure('bad_request', 'That profile question does not exist in this workshop. Pick one from the list.');
      }
      const perRoom = cmd.sizing.by === 'size' ? cmd.sizing.perRoom : Math.max(1, Math.ceil(people.length / count));
      const grouped = groupByField(people, strategy.field, perRoom, seededRng(seed));
      const seen = new Map<string, number>();
      const names = grouped.labels.map((label) => {
        if (!label) return 'Mixed';
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        return grouped.labels.filter((l) => l === label).length > 1 ? `${label} ${n}` : label;
      });
      return { ok: true, value: { groups: grouped.rooms, labels: grouped.labels, names, leftovers: grouped.leftovers, extra: {} } };
    }
    case 'selfSelect': {
      const rooms = asked(cmd, people.length);
      const caps = Array.from({ length: rooms }, (_, i) => cmd.rooms[i]?.cap);
      if (caps.every((c) => c !== undefined)) {
        const room = caps.reduce((sum: number, c) => sum + (c ?? 0), 0);
        if (room < people.length) {
          return failure('conflict', `The rooms take ${room} people in all, but ${people.length} are here. Raise the caps or add rooms.`);
        }
      }
      return plain(Array.from({ length: rooms }, () => []));
    }
    case 'preassigned': {
      const rows = state.breakoutRecord.preassigned;
      if (!rows.length) return failure('conflict', 'There is no pre-assigned list yet. Paste or upload one (name, room) first.');
      const roomNames = [...new Set(rows.map((r) => r.room))];
      const index = new Map(roomNames.map((name, i) => [name, i]));
      const { roomOf, unmatched, duplicates } = matchRows(rows, people.map((p) => ({ id: p.id, name: nameOf(p.id) })));
      const groups: string[][] = roomNames.map(() => []);
      const leftovers: string[] = [];
      for (const p of people) {
        const room = roomOf.get(p.id);
        if (room === undefined) leftovers.push(p.id);
        else groups[index.get(room)!]!.push(p.id);
      }
      fillSmallest(groups, leftovers);
      return {
        ok: true,
        value: { groups, labels: groups.map(() => null), names: roomNames, leftovers, extra: { unmatchedRows: unmatched, duplicateRows: duplicates } },
      };
    }
    case 'previous': {
      const last = state.breakoutRecord.rounds.at(-1);
      if (!last) return failure('conflict', 'There is no earlier set of rooms to reopen yet. Pick another way to group people.');
      const here = new Set(people.map((p) => p.id));
      const groups = last.groups.map((g) => g.filter((id) => here.has(id)));
      const placed = new Set(groups.flat());
      const newcomers = people.map((p) => p.id).filter((id) => !placed.has(id));
      fillSmallest(groups, newcomers);
      return { ok: true, value: { groups, labels: groups.map(() => null), names: last.rooms.map((r) => r.name), leftovers: newcomers, extra: {} } };
    }
  }
}

/** The number of rooms asked for, before anyone is here to fill them. */
function asked(cmd: PlanCommand, people = 0): number {
  if (cmd.sizing.by === 'count') return cmd.sizing.rooms;
  return Math.max(1, Math.ceil(people / cmd.sizing.perRoom));
}

/** Every clash in plain words, naming the people, with what to change. */
export function describeProblems(problems: readonly ConstraintProblem[], nameOf: (id: string) => string): string {
  return problems
    .map((p) => {
      const names = listNames(p.ids.map(nameOf));
      switch (p.kind) {
        case 'together_too_big':
          return `${names} are to be kept together, but the largest room holds ${p.largestRoom}. Make rooms bigger or split that group.`;
        case 'apart_too_many':
          return `${names} are to be kept apart, but there are only ${p.rooms} rooms. Add rooms or take someone out of that group.`;
        case 'together_and_apart':
          return `${names} are asked to be both together and apart. Remove one of the two wishes.`;
        case 'apart_unsatisfied':
          return `No way was found to keep ${names} apart alongside the other wishes. Loosen a "together" group or add rooms.`;
      }
    })
    .join(' ');
}
