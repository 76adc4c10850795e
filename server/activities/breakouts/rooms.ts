/** Small helpers over "rooms as lists of member ids", shared by planning and late placement. */

/** Index of the room with the fewest people (the first such room on a tie). */
export function smallestRoom(sizes: readonly number[], allowed: (index: number) => boolean = () => true): number {
  let best = -1;
  for (let r = 0; r < sizes.length; r++) if (allowed(r) && (best < 0 || sizes[r]! < sizes[best]!)) best = r;
  return best;
}

/** Puts each id into the room that is smallest at that moment. */
export function fillSmallest(groups: string[][], ids: readonly string[]): void {
  if (!groups.length) return;
  const sizes = groups.map((g) => g.length);
  for (const id of ids) {
    const r = smallestRoom(sizes);
    groups[r]!.push(id);
    sizes[r]! += 1;
  }
}

/** member id → room id, from groups in room order. */
export function assignmentOf(groups: readonly (readonly string[])[], roomIds: readonly string[]): Record<string, string> {
  const assignment: Record<string, string> = {};
  groups.forEach((g, r) => {
    for (const id of g) assignment[id] = roomIds[r]!;
  });
  return assignment;
}

/** "Amina", "Amina and Ben", "Amina, Ben and Chen". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
