import type { EventBody } from '../../engine/events.ts';
import type { WorkshopState } from '../../engine/state.ts';
import { currentRoom } from '../rooms.ts';
import { decideCloseRoom, decideLeave } from './decide.ts';
import type { TurnEvent } from './events.ts';

/**
 * Turns that end because people leave a room: moved to another breakout, removed, or rooms closing
 * (breakouts close, a café moves to its next round or ends). The turn in progress is counted and
 * the room's queue, turn and go-around are cleared; speaking records stay.
 */
export function turnLeaveEvents(state: WorkshopState, events: readonly EventBody[], now: number): TurnEvent[] {
  if (!Object.keys(state.turns).length) return [];
  let turns = state.turns;
  const out: TurnEvent[] = [];
  const add = (es: TurnEvent[]) => {
    out.push(...es);
    // later decisions in the same batch see the earlier ones
    if (es.length) turns = { ...turns };
  };
  for (const e of events) {
    switch (e.type) {
      case 'breakouts.closed':
        for (const room of state.breakouts?.rooms ?? []) add(decideCloseRoom(turns, room.id, now));
        break;
      case 'cafe.roundStarted':
      case 'cafe.ended':
        for (let t = 0; t < (state.cafe?.plan[state.cafe.round - 1]?.length ?? 0); t++) add(decideCloseRoom(turns, `t${t + 1}`, now));
        break;
      case 'breakouts.moved':
        for (const move of e.moves) {
          const from = state.breakouts?.assignment[move.memberId];
          if (from && from !== move.roomId && state.breakouts?.phase !== 'draft') add(decideLeave(turns, from, move.memberId, now));
        }
        break;
      case 'member.removed': {
        const room = currentRoom(state, e.memberId);
        if (room) add(decideLeave(turns, room.roomId, e.memberId, now));
        break;
      }
    }
  }
  return out;
}
