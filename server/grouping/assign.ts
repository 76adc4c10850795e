import { brokenConstraints, checkConstraints, type ConstraintProblem, type Constraints } from './constraints.ts';
import { repeatMeetings, type Encounters } from './encounters.ts';
import { improveBySwaps, type PairCost } from './improve.ts';
import { seededRng, shuffle, type Rng } from './random.ts';
import { balancedSizes } from './sizes.ts';
import type { Person, Rooms } from './types.ts';

export type Strategy = { kind: 'random' } | { kind: 'mix'; field: string } | { kind: 'avoidPrevious' };

export type AssignInput = {
  people: readonly Person[];
  rooms: number;
  strategy: Strategy;
  constraints?: Constraints;
  history?: Encounters;
  seed: number;
};

export type AssignResult =
  | {
      ok: true;
      rooms: Rooms;
      /** Times people in these rooms have met before in this workshop. */
      repeats: number;
      /** Colleague pairs (same value of the mix field) sharing a room. */
      colleaguePairs: number;
    }
  | { ok: false; problems: ConstraintProblem[] };

const APART_PENALTY = 10_000;

/**
 * Balanced assignment by a strategy, with "together" groups pinned in one room and "apart" pairs
 * pushed into different rooms by local search. Refuses up front, with reasons, when constraints
 * cannot all hold; never returns a partial assignment.
 */
export function assign(input: AssignInput): AssignResult {
  const rng = seededRng(input.seed);
  const people = input.people;
  const roomTotal = Math.max(1, Math.min(input.rooms, Math.max(1, people.length)));
  const sizes = balancedSizes(people.length, roomTotal);
  const constraints: Constraints = input.constraints ?? { together: [], apart: [] };
  const present = new Set(people.map((p) => p.id));
  const problems = checkConstraints(constraints, roomTotal, sizes[0] ?? 0, present);
  if (problems.length) return { ok: false, problems };

  const index = new Map(people.map((p, i) => [p.id, i]));
  const units = togetherUnits(constraints.together, index);
  const pinned = new Set(units.flat());
  const rooms: number[][] = sizes.map(() => []);
  const space = sizes.slice();

  // Together groups first, largest first, each into the room with the most space left.
  for (const unit of units.sort((a, b) => b.length - a.length)) {
    let best = 0;
    for (let r = 1; r < rooms.length; r++) if (space[r]! > space[best]!) best = r;
    if (unit.length > space[best]!) {
      const members = unit.map((i) => people[i]!.id);
      return { ok: false, problems: [{ kind: 'together_too_big', ids: members, largestRoom: space[best]! }] };
    }
    rooms[best]!.push(...unit);
    space[best]! -= unit.length;
  }
  const rest = people.map((_, i) => i).filter((i) => !pinned.has(i));
  const order = input.strategy.kind === 'mix' ? colleaguesSideBySide(rest, people, input.strategy.field, rng) : shuffle(rest, rng);
  dealInto(rooms, space, order);

  const field = input.strategy.kind === 'mix' ? input.strategy.field : null;
  const values = field ? people.map((p) => normalised(p, field)) : null;
  const history = input.history ?? new Map<string, number>();
  const ids = people.map((p) => p.id);
  const apart = apartPairs(constraints.apart, index);
  const met = input.strategy.kind === 'avoidPrevious' ? pastMeetings(history, index, people.length) : null;
  const cost: PairCost = (a, b) => {
    const pair = a < b ? a * people.length + b : b * people.length + a;
    let c = apart.has(pair) ? APART_PENALTY : 0;
    if (values && values[a] && values[a] === values[b]) c += 1;
    if (met) c += met.get(pair) ?? 0;
    return c;
  };
  improveBySwaps(rooms, cost, rng, { movable: (p) => !pinned.has(p) });

  const named = shuffle(rooms, rng).map((room) => room.map((i) => ids[i]!));
  const broken = brokenConstraints(named, constraints);
  if (broken.apart.length || broken.together.length) {
    return {
      ok: false,
      problems: broken.apart.map(([a, b]) => ({ kind: 'apart_unsatisfied' as const, ids: [a, b] as [string, string] })),
    };
  }
  return {
    ok: true,
    rooms: named,
    repeats: repeatMeetings(named, history),
    colleaguePairs: field ? colleaguePairs(named, people, field) : 0,
  };
}

const normalised = (p: Person, field: string) => (p.profile[field] ?? '').trim().toLowerCase();

/** Same-value pairs sharing a room. */
export function colleaguePairs(rooms: Rooms, people: readonly Person[], field: string): number {
  const byId = new Map(people.map((p) => [p.id, normalised(p, field)]));
  let pairs = 0;
  for (const room of rooms) {
    const counts = new Map<string, number>();
    for (const id of room) {
      const v = byId.get(id);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
  }
  return pairs;
}

/** People with the same value next to each other, largest groups first (see mixByField). */
function colleaguesSideBySide(rest: number[], people: readonly Person[], field: string, rng: Rng): number[] {
  const groups = new Map<string, number[]>();
  let blank = 0;
  for (const i of shuffle(rest, rng)) {
    const key = normalised(people[i]!, field) || `\u0000blank-${blank++}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length).flat();
}

/** Deals people round the rooms in order, skipping full rooms, so runs of colleagues spread out. */
function dealInto(rooms: number[][], space: number[], order: number[]): void {
  let r = 0;
  for (const p of order) {
    for (let tries = 0; space[r % rooms.length]! <= 0 && tries < rooms.length; tries++) r++;
    const room = r % rooms.length;
    rooms[room]!.push(p);
    space[room]! -= 1;
    r++;
  }
}

/** Overlapping together-groups merge (A with B, B with C: all three together). */
function togetherUnits(groups: string[][], index: Map<string, number>): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const group of groups) {
    const members = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (const m of members) if (!parent.has(m)) parent.set(m, m);
    for (const m of members.slice(1)) parent.set(find(m), find(members[0]!));
  }
  const units = new Map<number, number[]>();
  for (const m of parent.keys()) {
    const root = find(m);
    units.set(root, [...(units.get(root) ?? []), m]);
  }
  return [...units.values()].filter((u) => u.length > 1);
}

/**
 * Earlier meetings between the people here, keyed by their indices: the search asks for pairs
 * millions of times, so it must not build "a|b" strings each time.
 */
function pastMeetings(history: Encounters, index: ReadonlyMap<string, number>, n: number): Map<number, number> {
  const met = new Map<number, number>();
  for (const [key, count] of history) {
    const bar = key.indexOf('|');
    const a = index.get(key.slice(0, bar));
    const b = index.get(key.slice(bar + 1));
    if (a === undefined || b === undefined || a === b) continue;
    met.set(a < b ? a * n + b : b * n + a, count);
  }
  return met;
}

function apartPairs(groups: string[][], index: Map<string, number>): Set<number> {
  const n = index.size;
  const pairs = new Set<number>();
  for (const group of groups) {
    const members = [...new Set(group.map((id) => index.get(id)).filter((i): i is number => i !== undefined))];
    for (const a of members) for (const b of members) if (a < b) pairs.add(a * n + b);
  }
  return pairs;
}
