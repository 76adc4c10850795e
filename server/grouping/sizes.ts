/** How many rooms, asked for either way the facilitator thinks: "6 rooms" or "about 4 per room". */
export type RoomPlan = { rooms: number } | { perRoom: number };

/** Room count for `people` under a plan: at least one room, never more rooms than people. */
export function roomCount(people: number, plan: RoomPlan): number {
  const wanted = 'rooms' in plan ? plan.rooms : Math.round(people / Math.max(1, plan.perRoom));
  return Math.max(1, Math.min(Math.max(1, people), Math.floor(wanted) || 1));
}

/** Sizes of `rooms` rooms holding `people`: they differ by at most one, larger rooms first. */
export function balancedSizes(people: number, rooms: number): number[] {
  const base = Math.floor(people / rooms);
  const extra = people % rooms;
  return Array.from({ length: rooms }, (_, i) => base + (i < extra ? 1 : 0));
}
