import type { ConsoleView, ParticipantView } from '../../../shared/views.ts';
import { isFacilitator, type Member, type WorkshopState } from '../../engine/state.ts';
import { currentRoom, roomContext, roomExists } from '../rooms.ts';
import type { RoomContext } from './state.ts';
import { balanceAudience, balanceView, myTurnView, roomTurnsShared, type RoomTurnsShared } from './views.ts';

type Shared = { ctx: RoomContext; shared: RoomTurnsShared };

/**
 * Turns as each audience sees them. A room's shared part (its queue, turn and go-around) is built
 * once per room per delivery; each person adds only their own figures.
 */
export class TurnViews {
  private rooms = new Map<string, Shared>();

  constructor(
    private readonly state: WorkshopState,
    private readonly now: number,
  ) {}

  participant(member: Member): ParticipantView['turns'] {
    if (member.status !== 'admitted') return null;
    const where = currentRoom(this.state, member.id);
    // a room nobody has used turns in yet costs nothing: the client offers "raise hand" anyway
    if (!where || !this.state.turns[where.roomId]) return null;
    const { ctx, shared } = this.room(where.roomId);
    const audience = balanceAudience(ctx, member.id, false);
    return {
      room: shared.view,
      me: myTurnView(this.state.turns, where.roomId, member.id, this.now, shared),
      balance: audience ? balanceView(this.state.turns, where.roomId, ctx, audience, this.now) : null,
    };
  }

  private room(roomId: string): Shared {
    let r = this.rooms.get(roomId);
    if (!r) {
      const ctx = roomContext(this.state, roomId);
      r = { ctx, shared: roomTurnsShared(this.state.turns, roomId, ctx, this.now) };
      this.rooms.set(roomId, r);
    }
    return r;
  }
}

/** Every room that exists now and has used turns, for the console. */
export function consoleTurns(state: WorkshopState, now: number): ConsoleView['turns'] {
  const ids = Object.keys(state.turns);
  const label = (roomId: string) =>
    roomId === 'plenary'
      ? 'Plenary'
      : (state.breakouts?.rooms.find((r) => r.id === roomId)?.name ?? state.cafe?.tables.find((t) => t.id === roomId)?.name ?? roomId);
  return ids
    .filter((id) => roomExists(state, id))
    .map((roomId) => {
      const ctx = roomContext(state, roomId);
      return {
        label: label(roomId),
        room: roomTurnsShared(state.turns, roomId, ctx, now, Number.POSITIVE_INFINITY).view,
        balance: balanceView(state.turns, roomId, ctx, 'facilitator', now),
      };
    });
}

export const isFacilitatorMember = (m: Member) => isFacilitator(m.role);
