import type { StoredEvent } from '../../engine/events.ts';
import type { WorkshopState } from '../../engine/state.ts';
import type { CafeState, PastCafe } from './state.ts';

type CafeEvent = Extract<StoredEvent, { type: `cafe.${string}` }>;
type Slice = Pick<WorkshopState, 'cafe' | 'cafeRecord'>;

/** The café part of the pure reducer. */
export function applyCafeEvent(state: Slice, event: CafeEvent): Slice {
  const c = state.cafe;
  const set = (patch: Partial<CafeState>): Slice => (c ? { ...state, cafe: { ...c, ...patch } } : state);
  switch (event.type) {
    case 'cafe.planned':
      return {
        ...state,
        cafe: {
          kind: event.kind,
          phase: 'draft',
          tables: event.tables,
          plan: event.plan,
          played: 0,
          round: 0,
          rounds: event.rounds,
          roundMs: event.roundMs,
          transitionMs: event.transitionMs,
          oddOneOut: event.oddOneOut,
          prompts: event.prompts,
          clock: null,
          quality: event.quality,
          notes: {},
          seed: event.seed,
        },
      };
    case 'cafe.replanned':
      return set({ plan: event.plan, quality: event.quality });
    case 'cafe.tableUpdated':
      return set({ tables: (c?.tables ?? []).map((t) => (t.id === event.table.id ? event.table : t)) });
    case 'cafe.discarded':
      return { ...state, cafe: null };
    case 'cafe.roundStarted':
      return set({ phase: 'running', round: event.round, played: Math.max(c?.played ?? 0, event.round), clock: event.clock });
    case 'cafe.moving':
      return set({ clock: event.clock });
    case 'cafe.adjusted':
      return c?.clock ? set({ clock: { ...c.clock, endsAt: event.endsAt } }) : state;
    case 'cafe.seated': {
      if (!c) return state;
      const plan = c.plan.map((round, r) =>
        r === event.round - 1 ? round.map((table, t) => (t === event.table ? [...table, event.memberId] : table)) : round,
      );
      return set({ plan });
    }
    case 'cafe.notesEdited': {
      if (!c) return state;
      const table = { ...(c.notes[event.tableId] ?? {}), [String(event.round)]: { text: event.text, at: event.at, by: event.by } };
      return set({ notes: { ...c.notes, [event.tableId]: table } });
    }
    case 'cafe.ended':
      return c ? { cafe: null, cafeRecord: [...state.cafeRecord, pastCafe(c, event.at)].slice(-50) } : state;
  }
}

function pastCafe(c: CafeState, closedAt: number): PastCafe {
  return {
    kind: c.kind,
    closedAt,
    tables: c.tables.map(({ id, name, topic }) => ({ id, name, topic })),
    rounds: c.plan.slice(0, c.played),
    notes: c.notes,
  };
}
