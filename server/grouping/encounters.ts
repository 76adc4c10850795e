/**
 * Who has sat with whom in this workshop (breakouts, café tables, networking pairs), as counts per
 * pair. Keys are "a|b" with a < b so each pair has one key.
 */
export type Encounters = ReadonlyMap<string, number>;

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Adds every pair in every room to the counts. */
export function recordEncounters(into: Map<string, number>, rooms: readonly (readonly string[])[]): Map<string, number> {
  for (const room of rooms) {
    for (let i = 0; i < room.length; i++) {
      for (let j = i + 1; j < room.length; j++) {
        const key = pairKey(room[i]!, room[j]!);
        into.set(key, (into.get(key) ?? 0) + 1);
      }
    }
  }
  return into;
}

/** How many times people in these rooms have already met: the number to keep low. */
export function repeatMeetings(rooms: readonly (readonly string[])[], history: Encounters): number {
  let sum = 0;
  for (const room of rooms) {
    for (let i = 0; i < room.length; i++) for (let j = i + 1; j < room.length; j++) sum += history.get(pairKey(room[i]!, room[j]!)) ?? 0;
  }
  return sum;
}
