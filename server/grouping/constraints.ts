/** "Keep these people together" and "keep these apart", each a list of groups of person ids. */
export type Constraints = { together: string[][]; apart: string[][] };

export type ConstraintProblem =
  | { kind: 'together_too_big'; ids: string[]; largestRoom: number }
  | { kind: 'apart_too_many'; ids: string[]; rooms: number }
  | { kind: 'together_and_apart'; ids: [string, string] }
  /** The search found no way to keep these two apart (e.g. the other constraints pin them). */
  | { kind: 'apart_unsatisfied'; ids: [string, string] };

/**
 * Which constraints cannot all hold, and why, before any room is opened. An empty list means a
 * solution exists as far as these simple checks can tell; the assignment then reports anything it
 * still could not satisfy.
 */
export function checkConstraints(c: Constraints, rooms: number, largestRoom: number, present: ReadonlySet<string>): ConstraintProblem[] {
  const problems: ConstraintProblem[] = [];
  const here = (ids: string[]) => [...new Set(ids)].filter((id) => present.has(id));
  for (const group of c.together.map(here)) {
    if (group.length > largestRoom) problems.push({ kind: 'together_too_big', ids: group, largestRoom });
  }
  for (const group of c.apart.map(here)) {
    if (group.length > rooms) problems.push({ kind: 'apart_too_many', ids: group, rooms });
  }
  const together = new Set<string>();
  for (const group of c.together.map(here)) for (const a of group) for (const b of group) if (a < b) together.add(`${a}|${b}`);
  for (const group of c.apart.map(here)) {
    for (const a of group) for (const b of group) if (a < b && together.has(`${a}|${b}`)) problems.push({ kind: 'together_and_apart', ids: [a, b] });
  }
  return problems;
}

/** Pairs (by id) that the rooms break: together-pairs split up, apart-pairs sharing a room. */
export function brokenConstraints(rooms: readonly (readonly string[])[], c: Constraints): { together: [string, string][]; apart: [string, string][] } {
  const roomOf = new Map<string, number>();
  rooms.forEach((room, r) => room.forEach((id) => roomOf.set(id, r)));
  const pairs = (groups: string[][]) =>
    groups.flatMap((g) => {
      const ids = [...new Set(g)].filter((id) => roomOf.has(id));
      return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as [string, string]));
    });
  return {
    together: pairs(c.together).filter(([a, b]) => roomOf.get(a) !== roomOf.get(b)),
    apart: pairs(c.apart).filter(([a, b]) => roomOf.get(a) === roomOf.get(b)),
  };
}
