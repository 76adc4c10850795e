import type { ParticipantView } from '../../../../shared/views.ts';
import type { MyTurnView, RoomTurnView, TurnPerson } from '../../../../shared/turns.ts';

// mirrors TURN_LIMITS in shared/turns.ts, which the browser does not load (it brings zod)
export const TURN_DEFAULTS = { turnMs: 2 * 60_000, warnMs: 15_000, minTurnMs: 5_000, maxTurnMs: 60 * 60_000 } as const;

/**
 * The room a participant is in as turns see it, and whether they may run its turns. The server
 * decides (its errors say why); this only chooses which controls to offer: facilitators anywhere,
 * any member of a breakout room or networking pair, a café table's host (any member at a table
 * without one); in plenary only facilitators.
 */
export function participantRoom(view: ParticipantView): { roomId: string; canRun: boolean; host: boolean; people: TurnPerson[] } {
  const facilitator = view.me.role !== 'participant';
  const room = view.breakout?.room;
  if (room) {
    return { roomId: room.id, canRun: true, host: false, people: room.members.map((m) => ({ memberId: m.id, name: m.name })) };
  }
  const table = view.cafe?.table;
  if (table) {
    const hostId = view.cafe?.kind === 'cafe' ? (table.host?.id ?? null) : null;
    const host = hostId !== null && hostId === view.me.id;
    return {
      roomId: table.id,
      canRun: facilitator || hostId === null || host,
      host,
      people: table.members.map((m) => ({ memberId: m.id, name: m.name })),
    };
  }
  return { roomId: 'plenary', canRun: facilitator, host: false, people: [] };
}

/** A room nobody has used turns in yet: no turn, no queue, the default length. */
export function emptyRoomTurns(roomId: string): RoomTurnView {
  return {
    roomId,
    order: 'first_come',
    turnMs: TURN_DEFAULTS.turnMs,
    warnMs: TURN_DEFAULTS.warnMs,
    current: null,
    next: null,
    queue: [],
    queueLength: 0,
    goAround: null,
  };
}

export function emptyMyTurns(roomId: string): MyTurnView {
  return {
    roomId,
    hand: { raised: false, position: null },
    speaking: false,
    next: false,
    inGoAround: false,
    mayComeBack: false,
    turns: 0,
    spokenMs: 0,
    share: 0,
  };
}
