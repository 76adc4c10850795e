import { shuffle, type Rng } from './random.ts';
import { balancedSizes } from './sizes.ts';
import type { Person, Rooms } from './types.ts';

export type GroupedRooms = {
  rooms: Rooms;
  /** The shared value of each room, or null for a room of people from smaller groups. */
  labels: (string | null)[];
  /** People placed outside their own value's group (too few of them, or the field left empty). */
  leftovers: string[];
};

/**
 * Group by a profile field (e.g. language): people with the same value together, large groups split
 * into balanced rooms of about `perRoom`, and groups too small for a room of their own (fewer than
 * half a room) pooled into mixed rooms, which are reported so the facilitator can see and adjust.
 */
export function groupByField(people: readonly Person[], field: string, perRoom: number, rng: Rng): GroupedRooms {
  const target = Math.max(1, Math.floor(perRoom));
  const minOwnRoom = Math.max(2, Math.ceil(target / 2));
  const groups = new Map<string, { label: string; ids: string[] }>();
  const pool: string[] = [];
  for (const p of shuffle(people, rng)) {
    const raw = (p.profile[field] ?? '').trim();
    if (!raw) {
      pool.push(p.id);
      continue;
    }
    const key = raw.toLowerCase();
    const g = groups.get(key);
    if (g) g.ids.push(p.id);
    else groups.set(key, { label: raw, ids: [p.id] });
  }

  const rooms: Rooms = [];
  const labels: (string | null)[] = [];
  for (const g of [...groups.values()].sort((a, b) => b.ids.length - a.ids.length || a.label.localeCompare(b.label))) {
    if (g.ids.length < minOwnRoom) {
      pool.push(...g.ids);
      continue;
    }
    const count = Math.max(1, Math.round(g.ids.length / target));
    let at = 0;
    for (const size of balancedSizes(g.ids.length, count)) {
      rooms.push(g.ids.slice(at, (at += size)));
      labels.push(g.label);
    }
  }

  const leftovers = pool.slice();
  if (pool.length >= minOwnRoom || rooms.length === 0) {
    const count = Math.max(1, Math.round(pool.length / target));
    let at = 0;
    for (const size of balancedSizes(pool.length, count)) {
      rooms.push(pool.slice(at, (at += size)));
      labels.push(null);
    }
  } else {
    // one or two people: each joins the smallest room, rather than sitting alone
    for (const id of pool) {
      let smallest = 0;
      for (let r = 1; r < rooms.length; r++) if (rooms[r]!.length < rooms[smallest]!.length) smallest = r;
      rooms[smallest]!.push(id);
    }
  }
  return { rooms: rooms.filter((r) => r.length > 0), labels: labels.filter((_, i) => rooms[i]!.length > 0), leftovers };
}
