import { seededRng, shuffle, type Rng } from '../random.ts';
import { affineRounds } from './affine.ts';
import { lowerBound } from './bounds.ts';
import { greedySchedule } from './greedy.ts';
import { relabelTables } from './labels.ts';
import { KNOWN_DESIGNS } from './known.ts';
import { repeatWeight, roundSizes, scheduleCost, type Problem, type Schedule } from './problem.ts';
import { rotationQuality } from './quality.ts';
import { circleRounds } from './round-robin.ts';
import { tabuSearch } from './tabu.ts';
import { RotationInputError, type PersonId, type RotationInput, type RotationPlan } from './types.ts';

const DEFAULT_BUDGET_MS = 2000;

/** Tables for `people` at `tableSize` seats: none over-full, and never a table of one unless asked (a bye). */
export function defaultTables(people: number, tableSize: number, oddOneOut: 'trio' | 'bye' = 'trio'): number {
  const tables = Math.max(1, Math.ceil(people / tableSize));
  const lonely = people > 1 && Math.floor(people / tables) < 2;
  return lonely && oddOneOut === 'trio' ? Math.max(1, Math.floor(people / 2)) : tables;
}

/**
 * Plans a rotation (world café tables or networking pairs): who sits at which table in each round,
 * so pairs sit together as few times as possible, hosts stay at their tables, nobody else returns
 * to a table when that can be avoided, and table sizes differ by at most one. Uses a known
 * construction where one fits (circle method for pairs, affine planes when the number of tables is
 * a prime power, Kirkman's 15, the 32 golfers), otherwise a greedy start improved by tabu search.
 * Pure and deterministic for a seed (see `timeBudgetMs`). Throws RotationInputError on bad input.
 */
export function planRotation(input: RotationInput<number>): RotationPlan<number>;
export function planRotation<Id extends string>(input: RotationInput<Id>): RotationPlan<Id>;
export function planRotation(input: RotationInput<PersonId>): RotationPlan<PersonId> {
  const started = performance.now();
  const ids = checkInput(input);
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const fixed = input.fixedRounds ?? [];
  const oddOneOut = input.oddOneOut ?? 'trio';
  const hostIds = Array.isArray(input.hosts) ? (input.hosts as PersonId[]) : null;
  const tables = hostIds?.length ?? input.tables ?? defaultTables(n, input.tableSize, oddOneOut);
  const hosts = hostIds ?? (input.hosts === true ? ids.slice(0, tables) : null);
  if (tables > n) throw new RotationInputError(`${tables} tables need at least ${tables} people; there are ${n}.`);
  const planned = input.rounds - fixed.length;

  const host = new Int32Array(tables).fill(-1);
  const isHost = new Uint8Array(n);
  hosts?.forEach((id, t) => {
    host[t] = index.get(id)!;
    isHost[index.get(id)!] = 1;
  });
  const prior = new Uint16Array(n * n);
  const byName = new Map(ids.map((id, i) => [String(id), i]));
  for (const [k, c] of input.history ?? []) {
    const [a, b] = k.split('|').map((s) => byName.get(s));
    if (a !== undefined && b !== undefined && a !== b && c > 0) {
      prior[a * n + b]! += c;
      prior[b * n + a]! += c;
    }
  }
  const visits = new Uint8Array(n * tables);
  for (const round of fixed) {
    round.forEach((table, t) => {
      const present = table.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      for (const a of present) {
        if (t < tables) visits[a * tables + t]! += 1;
        for (const b of present) if (a !== b) prior[a * n + b]! += 1;
      }
    });
  }
  const extra = n % tables;
  const problem: Problem = {
    n,
    tables,
    sizes: Array.from({ length: planned }, (_, r) => roundSizes(n, tables, hosts ? r * extra : 0)),
    host,
    isHost,
    prior,
    priorVisits: hosts ? visits : null,
  };
  const historyQuality = rotationQuality(fixed, { lowerBound: zeroBound, hosts, history: input.history });
  const bound = lowerBound(problem, historyQuality.repeats);
  const rng = seededRng(input.seed ?? 1);
  const target = (bound.value - historyQuality.repeats) * repeatWeight(problem) + (hosts ? revisitFloor(problem) : 0);

  let method: RotationPlan['method'] = 'none';
  let stoppedBy: RotationPlan['stoppedBy'] = 'construction';
  let iterations = 0;
  let schedule: Schedule = [];
  if (planned > 0) {
    const fresh = fixed.length === 0 && (input.history?.size ?? 0) === 0;
    const built = fresh ? construct(problem, input.tableSize, oddOneOut, rng) : null;
    let cost = Infinity;
    if (built) {
      schedule = built.schedule;
      method = built.method;
      cost = scheduleCost(problem, schedule);
    }
    if (cost > target) {
      const greedy = greedySchedule(problem, rng);
      const greedyCost = scheduleCost(problem, greedy);
      if (greedyCost < cost) {
        schedule = greedy;
        cost = greedyCost;
        method = 'greedy';
        stoppedBy = 'bound';
      }
    }
    if (cost > target) {
      const budget = input.timeBudgetMs ?? DEFAULT_BUDGET_MS;
      const maxIterations = input.maxIterations ?? defaultIterations(problem);
      const result = tabuSearch(problem, schedule, () => greedySchedule(problem, rng), rng, { target, maxIterations, deadline: started + budget });
      if (result.cost < cost) method = method === 'greedy' ? 'greedy+tabu' : method;
      schedule = result.schedule;
      iterations = result.iterations;
      stoppedBy = result.stoppedBy;
    }
    if (!hosts) schedule = relabelTables(schedule, visits, tables);
  }

  const rounds = [
    ...fixed.map((round) => round.map((table) => table.slice())),
    ...schedule.map((round) => round.map((table) => orderTable(table, problem).map((i) => ids[i]!))),
  ];
  const quality = rotationQuality(rounds, { lowerBound: bound, hosts, history: input.history });
  return { rounds, hosts: hosts ? hosts.slice() : null, quality, method, stoppedBy, iterations, ms: performance.now() - started };
}

const zeroBound = { pairs: 0, perPerson: 0, pigeonhole: 0, value: 0 };

/** Iterations that keep a hard instance to well under a second on a laptop. */
function defaultIterations(p: Problem): number {
  const work = p.sizes.length * Math.max(...p.sizes[0]!) * p.tables;
  return Math.max(2_000, Math.min(60_000, Math.round(4_000_000 / work)));
}

/** Revisits no plan avoids: a non-host with more planned rounds than tables left to visit. */
function revisitFloor(p: Problem): number {
  let floor = 0;
  for (let a = 0; a < p.n; a++) {
    if (p.isHost[a]) continue;
    let unvisited = 0;
    for (let t = 0; t < p.tables; t++) if (p.priorVisits![a * p.tables + t] === 0) unvisited++;
    floor += Math.max(0, p.sizes.length - unvisited);
  }
  return floor;
}

function construct(p: Problem, tableSize: number, oddOneOut: 'trio' | 'bye', rng: Rng): { schedule: Schedule; method: RotationPlan['method'] } | null {
  const hosts = p.priorVisits !== null;
  const R = p.sizes.length;
  const sizesMatch = (s: Schedule) => s.every((round, r) => round.length === p.tables && round.every((t, i) => t.length === p.sizes[r]![i]));
  let built: { schedule: Schedule; method: RotationPlan['method'] } | null = null;
  if (!hosts && tableSize === 2) built = { schedule: circleRounds(p.n, R, oddOneOut), method: 'round-robin' };
  const affine = built ? null : affineRounds(p.n, p.tables, R, hosts);
  if (affine) built = { schedule: affine, method: 'affine' };
  for (const design of KNOWN_DESIGNS) {
    if (!built && !hosts && p.n === design.people && p.tables === design.people / design.tableSize && R <= design.maxRounds) {
      built = { schedule: design.rounds().slice(0, R), method: design.method };
    }
  }
  if (!built) return null;
  // Rename people at random (hosts to their tables), so each seed gives a different plan.
  const hostSet = Array.from(p.host);
  const others = shuffle([...Array(p.n).keys()].filter((a) => !p.isHost[a]), rng);
  const rename = [...Array(p.n).keys()].map((j) => (hosts && j < p.tables ? hostSet[j]! : others.pop()!));
  const schedule = built.schedule.map((round) => (hosts ? round : shuffle(round, rng)).map((table) => table.map((j) => rename[j]!)));
  if (!hosts) {
    // table sizes follow the problem's order (the construction may put bigger tables elsewhere)
    for (const round of schedule) round.sort((a, b) => b.length - a.length);
  }
  return hosts || sizesMatch(schedule) ? { schedule, method: built.method } : null;
}

/** Host first, then the others in seat order. */
function orderTable(table: readonly number[], p: Problem): number[] {
  const h = table.findIndex((a) => p.isHost[a]);
  return h <= 0 ? table.slice() : [table[h]!, ...table.slice(0, h), ...table.slice(h + 1)];
}

function checkInput(input: RotationInput<PersonId>): PersonId[] {
  const fail = (message: string): never => {
    throw new RotationInputError(message);
  };
  const { people, tableSize, rounds } = input;
  if (typeof people === 'number' && (!Number.isInteger(people) || people < 1 || people > 5000)) fail('people must be a whole number from 1 to 5000.');
  const ids: PersonId[] = typeof people === 'number' ? [...Array(people).keys()] : [...people];
  if (ids.length < 1 || ids.length > 5000) fail('there must be 1 to 5000 people.');
  if (new Set(ids.map(String)).size !== ids.length) fail('people ids must be distinct.');
  if (!Number.isInteger(tableSize) || tableSize < 2) fail('table size must be a whole number of at least 2.');
  if (!Number.isInteger(rounds) || rounds < 0 || rounds > 500) fail('rounds must be a whole number from 0 to 500.');
  if (input.tables !== undefined && (!Number.isInteger(input.tables) || input.tables < 1)) fail('tables must be a whole number of at least 1.');
  const fixed = input.fixedRounds ?? [];
  if (fixed.length > rounds) fail(`${fixed.length} rounds are already played but the café has ${rounds}.`);
  if (Array.isArray(input.hosts)) {
    const known = new Set(ids.map(String));
    const hosts = input.hosts as PersonId[];
    if (hosts.length < 1) fail('a host list needs at least one host.');
    if (new Set(hosts.map(String)).size !== hosts.length) fail('a person can host only one table.');
    for (const h of hosts) if (!known.has(String(h))) fail(`host ${String(h)} is not among the people.`);
  }
  if (input.seed !== undefined && !Number.isFinite(input.seed)) fail('seed must be a number.');
  return ids;
}
