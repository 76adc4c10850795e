export type Person = { id: string; profile: Readonly<Record<string, string>> };
/** Room i holds the ids in rooms[i]. */
export type Rooms = string[][];
