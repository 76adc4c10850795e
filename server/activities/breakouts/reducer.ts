import type { StoredEvent } from '../../engine/events.ts';
import type { WorkshopState } from '../../engine/state.ts';
import { BREAKOUT_LIMITS } from '../../../shared/breakout-limits.ts';
import { membersByRoom, type BreakoutsState, type PastRound } from './state.ts';

type BreakoutEvent = Extract<StoredEvent, { type: `breakouts.${string}` }>;
type Slice = Pick<WorkshopState, 'breakouts' | 'breakoutRecord'>;

/** The breakouts part of the pure reducer. Events about rooms that are gone change nothing. */
export function applyBreakoutEvent(state: Slice, event: BreakoutEvent): Slice {
  const b = state.breakouts;
  const set = (patch: Partial<BreakoutsState>): Slice => (b ? { ...state, breakouts: { ...b, ...patch } } : state);
  switch (event.type) {
    case 'breakouts.planned':
      return {
        ...state,
        breakouts: {
          phase: 'draft',
          round: event.round,
          rooms: event.rooms,
          assignment: event.assignment,
          report: event.report,
          clock: null,
          allowReturn: false,
          allowSwitch: false,
          broadcast: null,
          messages: {},
          notes: {},
          help: [],
          visits: event.visits,
        },
      };
    case 'breakouts.roomUpdated':
      return set({ rooms: (b?.rooms ?? []).map((r) => (r.id === event.room.id ? event.room : r)) });
    case 'breakouts.moved': {
      if (!b) return state;
      const assignment = { ...b.assignment };
      for (const { memberId, roomId } of event.moves) {
        if (roomId) assignment[memberId] = roomId;
        else delete assignment[memberId];
      }
      // someone who left a room takes their help call with them
      const help = b.help.filter((h) => assignment[h.memberId] === h.roomId);
      return set({ assignment, help });
    }
    case 'breakouts.discarded':
      return { ...state, breakouts: null };
    case 'breakouts.preassigned':
      return {
        ...state,
        breakoutRecord: { ...state.breakoutRecord, preassigned: event.append ? [...state.breakoutRecord.preassigned, ...event.rows] : event.rows },
      };
    case 'breakouts.opened':
      return set({ phase: 'open', clock: event.clock, allowReturn: event.allowReturn, allowSwitch: event.allowSwitch });
    case 'breakouts.adjusted':
      if (!b?.clock) return state;
      return set({ phase: 'open', clock: { ...b.clock, phase: 'open', endsAt: event.endsAt, closesAt: null, durationMs: event.durationMs } });
    case 'breakouts.ended':
      if (!b?.clock) return state;
      return set({ phase: 'closing', clock: { ...b.clock, phase: 'closing', closesAt: event.closesAt } });
    case 'breakouts.closed':
      return b ? { breakouts: null, breakoutRecord: withRound(state.breakoutRecord, pastRound(b, event.at)) } : state;
    case 'breakouts.broadcast': {
      if (!b) return state;
      const message = event.text ? { text: event.text, at: event.at } : null;
      if (event.roomId === null) return set({ broadcast: message });
      const messages = { ...b.messages };
      if (message) messages[event.roomId] = message;
      else delete messages[event.roomId];
      return set({ messages });
    }
    case 'breakouts.visited': {
      if (!b) return state;
      const visits = { ...b.visits };
      if (event.roomId) visits[event.memberId] = event.roomId;
      else delete visits[event.memberId];
      return set({ visits });
    }
    case 'breakouts.helpRequested':
      if (!b || b.help.some((h) => h.memberId === event.memberId && h.roomId === event.roomId)) return state;
      return set({ help: [...b.help, { roomId: event.roomId, memberId: event.memberId, at: event.at, acknowledged: false }] });
    case 'breakouts.helpAcknowledged':
      return set({ help: (b?.help ?? []).map((h) => (h.roomId === event.roomId ? { ...h, acknowledged: true } : h)) });
    case 'breakouts.helpCleared':
      return set({
        help: (b?.help ?? []).filter((h) => h.roomId !== event.roomId || (event.memberId !== null && h.memberId !== event.memberId)),
      });
    case 'breakouts.notesEdited':
      return set({ notes: { ...(b?.notes ?? {}), [event.roomId]: { text: event.text, at: event.at, by: event.by } } });
  }
}

function pastRound(b: BreakoutsState, closedAt: number): PastRound {
  const members = membersByRoom(b);
  return {
    round: b.round,
    closedAt,
    rooms: b.rooms.map((r) => ({ id: r.id, name: r.name, topic: r.topic, notes: b.notes[r.id]?.text ?? '' })),
    groups: b.rooms.map((r) => members.get(r.id) ?? []),
  };
}

/** Keeps the most recent rounds only, so a very long workshop's state stays bounded. */
function withRound(record: WorkshopState['breakoutRecord'], round: PastRound): WorkshopState['breakoutRecord'] {
  return { ...record, rounds: [...record.rounds, round].slice(-BREAKOUT_LIMITS.rounds) };
}
