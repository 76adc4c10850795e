import type {
  ConsoleBreakoutRecord,
  ConsoleBreakouts,
  HarvestRound,
  MyRoom,
  ParticipantBreakout,
  RoomChoice,
} from '../../../shared/breakouts.ts';
import { isFacilitator, type Member, type WorkshopState } from '../../engine/state.ts';
import { membersByRoom, type BreakoutsState } from './state.ts';

/**
 * What each audience sees of breakouts. A participant gets their own room only: its members,
 * notes and messages, never another room's. Parts shared by a whole room are built once per room.
 */
export class BreakoutViews {
  private rooms = new Map<string, MyRoom>();
  private choices: RoomChoice[] | null | undefined;
  private byRoom: Map<string, string[]> | null = null;

  constructor(private readonly state: WorkshopState) {}

  participant(member: Member): ParticipantBreakout | null {
    const b = this.state.breakouts;
    if (!b?.clock || b.phase === 'draft' || member.status !== 'admitted' || isFacilitator(member.role)) return null;
    const roomId = b.assignment[member.id];
    return {
      round: b.round,
      clock: b.clock,
      room: roomId ? this.room(b, roomId) : null,
      broadcast: b.broadcast,
      choices: b.allowSwitch || !roomId ? this.roomChoices(b) : null,
      allowReturn: b.allowReturn,
    };
  }

  private members(b: BreakoutsState): Map<string, string[]> {
    if (!this.byRoom) {
      this.byRoom = membersByRoom(b);
      for (const [id, ids] of this.byRoom) this.byRoom.set(id, ids.filter((m) => this.state.members[m]?.status === 'admitted'));
    }
    return this.byRoom;
  }

  private room(b: BreakoutsState, roomId: string): MyRoom | null {
    const cached = this.rooms.get(roomId);
    if (cached) return cached;
    const room = b.rooms.find((r) => r.id === roomId);
    if (!room) return null;
    const person = (id: string) => {
      const m = this.state.members[id]!;
      return { id: m.id, name: m.name, role: m.role };
    };
    const calls = b.help.filter((h) => h.roomId === roomId);
    const view: MyRoom = {
      id: room.id,
      name: room.name,
      topic: room.topic,
      prompt: room.prompt,
      members: (this.members(b).get(roomId) ?? []).map(person),
      visitors: Object.entries(b.visits)
        .filter(([id, r]) => r === roomId && this.state.members[id]?.status === 'admitted')
        .map(([id]) => person(id)),
      notes: b.notes[roomId] ?? null,
      message: b.messages[roomId] ?? null,
      help: calls.length === 0 ? 'none' : calls.every((h) => h.acknowledged) ? 'acknowledged' : 'asked',
    };
    this.rooms.set(roomId, view);
    return view;
  }

  private roomChoices(b: BreakoutsState): RoomChoice[] {
    if (this.choices) return this.choices;
    const members = this.members(b);
    this.choices = b.rooms.map((r) => ({ id: r.id, name: r.name, topic: r.topic, count: members.get(r.id)?.length ?? 0, cap: r.cap }));
    return this.choices;
  }
}

export function consoleBreakouts(state: WorkshopState): ConsoleBreakouts | null {
  const b = state.breakouts;
  if (!b) return null;
  return {
    phase: b.phase,
    round: b.round,
    rooms: b.rooms.map((r) => ({ ...r, message: b.messages[r.id] ?? null })),
    clock: b.clock,
    allowReturn: b.allowReturn,
    allowSwitch: b.allowSwitch,
    broadcast: b.broadcast,
    help: b.help,
    visits: b.visits,
    report: b.report,
  };
}

export function consoleRecord(state: WorkshopState): ConsoleBreakoutRecord {
  return {
    preassigned: state.breakoutRecord.preassigned,
    rounds: state.breakoutRecord.rounds.map((r) => ({ round: r.round, closedAt: r.closedAt, rooms: r.rooms.length, people: r.groups.flat().length })),
  };
}

/** Rooms and notes of every closed breakout round, without who sat where. */
export function breakoutHarvest(state: WorkshopState): HarvestRound[] {
  return state.breakoutRecord.rounds.map((r) => ({
    round: r.round,
    kind: 'breakouts',
    closedAt: r.closedAt,
    rooms: r.rooms.map(({ name, topic, notes }) => ({ name, topic, notes })),
  }));
}
