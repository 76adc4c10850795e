import type { Schedule } from './problem.ts';

/**
 * Known designs where nobody meets anyone twice, each stored as a few base tables and a symmetry
 * that generates the rest. The unit tests check every pair meets at most once; nothing here is
 * taken on trust.
 */
export type KnownDesign = {
  method: 'kirkman-15' | 'golfers-32';
  people: number;
  tableSize: number;
  maxRounds: number;
  /** All `maxRounds` rounds. */
  rounds: () => Schedule;
};

/**
 * Kirkman's schoolgirls: 15 people, tables of 3, 7 rounds, every pair exactly once. A 1-rotational
 * Kirkman triple system: people 0-6 and 7-13 are two cycles of 7, person 14 stays put; round s is
 * the base round with everyone moved s steps along their cycle (base round found by exact cover
 * over the 15 pair orbits).
 */
const KIRKMAN_BASE = [
  [0, 1, 3],
  [2, 7, 9],
  [4, 12, 13],
  [5, 8, 11],
  [6, 10, 14],
];

export const KIRKMAN_15: KnownDesign = {
  method: 'kirkman-15',
  people: 15,
  tableSize: 3,
  maxRounds: 7,
  rounds: () => {
    const step = (p: number, s: number) => (p === 14 ? p : p - (p % 7) + ((p % 7) + s) % 7);
    return Array.from({ length: 7 }, (_, s) => KIRKMAN_BASE.map((table) => table.map((p) => step(p, s))));
  },
};

/**
 * The 32 social golfers: tables of 4 for 10 rounds with no pair twice (the maximum: everyone meets
 * 30 of the other 31; the open question of the social golfer problem until 2004). People are four
 * layers of eight, person 8*i + x for x in GF(2)^3, and every round is closed under adding the same
 * x to everyone (p XOR x, x < 8), so each round is given by one to three base tables. Six rounds are
 * transversals of the layers (as in the affine plane of order 8), two pair up layers, two mix
 * quadruples inside layers; found by exact cover over the pair orbits of that translation group.
 */
const GOLFERS_BASE = [
  [[0, 8, 16, 24]],
  [[0, 9, 18, 27]],
  [[0, 12, 17, 26]],
  [[0, 11, 20, 30]],
  [
    [0, 3, 21, 22],
    [8, 13, 25, 28],
  ],
  [[0, 14, 23, 25]],
  [[0, 15, 19, 28]],
  [
    [0, 7, 10, 13],
    [16, 17, 28, 29],
  ],
  [
    [8, 9, 10, 11],
    [16, 18, 21, 23],
    [0, 2, 29, 31],
  ],
  [
    [0, 1, 4, 5],
    [24, 27, 28, 31],
    [8, 12, 18, 22],
  ],
];

export const GOLFERS_32: KnownDesign = {
  method: 'golfers-32',
  people: 32,
  tableSize: 4,
  maxRounds: 10,
  rounds: () =>
    GOLFERS_BASE.map((base) => {
      const tables = new Map<string, number[]>();
      for (const table of base) {
        for (let x = 0; x < 8; x++) {
          const moved = table.map((p) => p ^ x).sort((a, b) => a - b);
          tables.set(moved.join(','), moved);
        }
      }
      return [...tables.values()];
    }),
};

/** Tried, in order, when the people and tables match exactly and nobody hosts. */
export const KNOWN_DESIGNS: readonly KnownDesign[] = [KIRKMAN_15, GOLFERS_32];
