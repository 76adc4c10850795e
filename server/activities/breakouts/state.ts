import type { BreakoutClock, HelpCall, Message, Note, PlanReport } from '../../../shared/breakouts.ts';

export type BreakoutRoom = {
  id: string;
  name: string;
  topic: string;
  prompt: string;
  /** Self-select: the most people the room takes. */
  cap: number | null;
  /** Group-by: the value everyone in the room shares, or null for a mixed room. */
  label: string | null;
};

/** The current set of rooms, from preview ("draft") to the grace countdown ("closing"). */
export type BreakoutsState = {
  phase: 'draft' | 'open' | 'closing';
  /** The round these rooms are (1 for the workshop's first set). */
  round: number;
  rooms: BreakoutRoom[];
  /** member id → room id. People not in it are in plenary (or still choosing). */
  assignment: Record<string, string>;
  report: PlanReport;
  clock: BreakoutClock | null;
  allowReturn: boolean;
  allowSwitch: boolean;
  broadcast: Message | null;
  messages: Record<string, Message>;
  notes: Record<string, Note>;
  help: HelpCall[];
  /** Facilitators in a room, member id → room id. */
  visits: Record<string, string>;
};

/** One closed round, kept for the history (who met whom) and the harvest (what the rooms said). */
export type PastRound = {
  round: number;
  closedAt: number;
  rooms: { id: string; name: string; topic: string; notes: string }[];
  /** Member ids per room, in the order of `rooms`. */
  groups: string[][];
};

export type BreakoutRecord = {
  preassigned: { name: string; room: string }[];
  rounds: PastRound[];
};

export const EMPTY_BREAKOUT_RECORD: BreakoutRecord = { preassigned: [], rounds: [] };

/** Room ids are r1, r2, ... in the order of the plan. */
export const roomIdAt = (index: number): string => `r${index + 1}`;

/** Members per room id, in assignment (insertion) order. */
export function membersByRoom(b: BreakoutsState): Map<string, string[]> {
  const rooms = new Map<string, string[]>(b.rooms.map((r) => [r.id, []]));
  for (const [memberId, roomId] of Object.entries(b.assignment)) rooms.get(roomId)?.push(memberId);
  return rooms;
}
