import type { ConsolePatch, ConsoleView } from './views.ts';

export type PatchOutcome =
  | { ok: true; view: ConsoleView }
  /** stale: already have newer; gap: missed a patch, ask the server for a fresh view. */
  | { ok: false; reason: 'stale' | 'gap' };

/** Applies a coalesced console patch: small parts replaced whole, changed members upserted by id. */
export function applyConsolePatch(view: ConsoleView, patch: ConsolePatch): PatchOutcome {
  if (patch.seq <= view.seq) return { ok: false, reason: 'stale' };
  if (patch.seq !== view.seq + 1) return { ok: false, reason: 'gap' };
  let members = view.members;
  if (patch.members.length) {
    const index = new Map(view.members.map((m, i) => [m.id, i]));
    members = view.members.slice();
    for (const m of patch.members) {
      const at = index.get(m.id);
      if (at === undefined) {
        index.set(m.id, members.length);
        members.push(m);
      } else members[at] = m;
    }
  }
  const { kind: _kind, members: _members, breakouts, notes, record, cafe, cafeNotes, polls, turns, agenda, privacy, ...shared } = patch;
  const next: ConsoleView = { ...view, ...shared, members };
  if (breakouts !== undefined) next.breakouts = breakouts;
  // a new set of rooms starts with no notes; otherwise only the rooms that changed are sent
  if (breakouts === null || (breakouts && breakouts.round !== view.breakouts?.round)) next.notes = {};
  if (notes) next.notes = { ...next.notes, ...notes };
  if (record) next.record = record;
  if (polls) next.polls = polls;
  if (turns) next.turns = turns;
  if (agenda) next.agenda = agenda;
  if (privacy) next.privacy = privacy;
  if (cafe !== undefined) next.cafe = cafe;
  // a new café starts with no notes; otherwise only the tables and rounds that changed are sent
  if (cafe === null || (cafe && cafe.phase === 'draft' && view.cafe?.phase !== 'draft')) next.cafeNotes = {};
  if (cafeNotes) {
    const merged = { ...next.cafeNotes };
    for (const [tableId, rounds] of Object.entries(cafeNotes)) merged[tableId] = { ...merged[tableId], ...rounds };
    next.cafeNotes = merged;
  }
  return { ok: true, view: next };
}
