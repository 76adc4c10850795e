import type { Command } from '../../../shared/commands.ts';
import { failure, type ErrorBody } from '../../../shared/errors.ts';
import type { EventBody } from '../../engine/events.ts';
import { isFacilitator, type Member, type WorkshopState } from '../../engine/state.ts';
import { allHosted, checkHosts, missingHosts, planCafe, rotate, seatable } from './plan.ts';
import { tableOf, type CafeState, type CafeTable } from './state.ts';

type CafeCommand = Extract<Command, { type: `cafe.${string}` }>;
type Decision = { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

/** Café and networking rules. Role rules are checked before; table membership here. */
export function decideCafe(
  state: WorkshopState,
  actor: Member,
  cmd: CafeCommand,
  now: number,
  seed: number,
  here: (memberId: string) => boolean = () => true,
): Decision {
  const c = state.cafe;
  if (cmd.type === 'cafe.plan') {
    const planned = planCafe(state, cmd, seed);
    return planned.ok ? ok(planned.value) : planned;
  }
  if (!c) return failure('conflict', 'There is no world café or networking plan yet. Make one first.');
  const running = c.phase === 'running';
  switch (cmd.type) {
    case 'cafe.regenerate': {
      if (running) return failure('conflict', 'The café has started: its plan changes by itself when people come or go.');
      return replanDraft(state, c, c.tables, seed);
    }
    case 'cafe.table.update': {
      const index = c.tables.findIndex((t) => t.id === cmd.tableId);
      const table = c.tables[index];
      if (!table || c.kind !== 'cafe') return failure('not_found', 'That table is not in this café. Refresh and try again.');
      const hostId = cmd.table.hostId === undefined ? table.hostId : cmd.table.hostId;
      if (running && hostId !== table.hostId) return failure('conflict', 'Hosts stay in place once the café has started.');
      const updated: CafeTable = {
        ...table,
        name: cmd.table.name || table.name,
        topic: cmd.table.topic ?? table.topic,
        question: cmd.table.question ?? table.question,
        hostId,
      };
      return withTable(state, c, updated, seed);
    }
    case 'cafe.volunteer': {
      if (c.kind !== 'cafe' || running) return failure('conflict', 'Hosts can volunteer before the café starts.');
      const table = c.tables.find((t) => t.id === cmd.tableId);
      if (!table) return failure('not_found', 'That table is not in this café. Refresh and try again.');
      if (table.hostId === actor.id) return ok();
      if (table.hostId) return failure('conflict', `${table.name} already has a host. Pick a table without one.`);
      if (c.tables.some((t) => t.hostId === actor.id)) return failure('conflict', 'You already host another table.');
      return withTable(state, c, { ...table, hostId: actor.id }, seed);
    }
    case 'cafe.discard':
      return running ? failure('conflict', 'The café has started. Use "End café" instead.') : ok({ type: 'cafe.discarded' });
    case 'cafe.start': {
      if (running) return failure('conflict', 'The café has already started.');
      if (state.breakouts && state.breakouts.phase !== 'draft') return failure('conflict', 'Breakout rooms are open. Close them first.');
      const missing = c.kind === 'cafe' ? missingHosts(c.tables) : null;
      if (missing) return failure('conflict', missing);
      // people who came since the plan was made are folded in now
      const replan = replanIfChanged(state, c, 0, here);
      return ok(...replan, { type: 'cafe.roundStarted', round: 1, clock: { phase: 'talking', endsAt: now + c.roundMs, roundMs: c.roundMs, transitionMs: c.transitionMs } });
    }
    case 'cafe.adjust': {
      if (!running || !c.clock) return failure('conflict', 'The café has not started yet.');
      return ok({ type: 'cafe.adjusted', endsAt: Math.max(now, c.clock.endsAt + cmd.deltaMs) });
    }
    case 'cafe.next':
      if (!running) return failure('conflict', 'The café has not started yet.');
      return ok(...cafeDue({ ...state, cafe: { ...c, clock: c.clock && { ...c.clock, endsAt: now } } }, now, here));
    case 'cafe.stop':
      return running ? ok({ type: 'cafe.ended' }) : ok({ type: 'cafe.discarded' });
    case 'cafe.notes': {
      if (!running) return failure('conflict', 'Notes can be written once the café has started.');
      // networking pairs are numbered by their place in the round; café tables are fixed
      const round = cmd.round ?? c.round;
      // the round just played may still get a save that was on its way when people moved
      if (round !== c.round && round !== c.round - 1) return failure('conflict', `Round ${round} is over. Write in this round's notes.`);
      const t = c.kind === 'cafe' ? c.tables.findIndex((x) => x.id === cmd.tableId) : Number(cmd.tableId.slice(1)) - 1;
      const seated = c.plan[round - 1]?.[t]?.includes(actor.id) ?? false;
      if (t < 0 || t >= (c.plan[round - 1]?.length ?? 0)) return failure('not_found', 'That table is not in this café. Refresh and try again.');
      if (!seated && !isFacilitator(actor.role)) return failure('forbidden', "You can only write in your own table's notes.");
      if ((c.notes[cmd.tableId]?.[String(round)]?.text ?? '') === cmd.text) return ok();
      return ok({ type: 'cafe.notesEdited', tableId: cmd.tableId, round, text: cmd.text, by: actor.name });
    }
  }
}

/** Changing a table (or its host) in the draft re-plans when hosts become all-or-none. */
function withTable(state: WorkshopState, c: CafeState, table: CafeTable, seed: number): Decision {
  const tables = c.tables.map((t) => (t.id === table.id ? table : t));
  const problem = checkHosts(state, tables);
  if (problem) return failure('conflict', problem);
  const updated: EventBody = { type: 'cafe.tableUpdated', table };
  const hostsChanged = table.hostId !== c.tables.find((t) => t.id === table.id)?.hostId;
  const settled = allHosted(tables) || tables.every((t) => !t.hostId);
  if (c.phase === 'running' || !hostsChanged || !settled) return ok(updated);
  const replanned = replanDraft(state, { ...c, tables }, tables, seed);
  return replanned.ok ? ok(updated, ...replanned.events) : replanned;
}

function replanDraft(state: WorkshopState, c: CafeState, tables: CafeTable[], seed: number): Decision {
  const people = seatable(state, tables.map((t) => t.hostId));
  const planned = rotate(state, { ...c, tables, seed }, people, []);
  if (!planned.ok) return planned;
  return ok({ type: 'cafe.replanned', ...planned.value });
}

/**
 * When the people here differ from the plan's rounds still to come (someone came, someone is gone
 * for good), the rounds after `played` are planned again; played rounds stay as they were.
 */
function replanIfChanged(state: WorkshopState, c: CafeState, played: number, here: (id: string) => boolean): EventBody[] {
  const people = seatable(state, c.tables.map((t) => t.hostId)).filter((id) => here(id) || c.tables.some((t) => t.hostId === id));
  const upcoming = new Set(c.plan.slice(played).flat(2));
  const same = people.length === upcoming.size && people.every((id) => upcoming.has(id));
  if (same || played >= c.rounds) return [];
  const planned = rotate(state, c, people, c.plan.slice(0, played));
  return planned.ok ? [{ type: 'cafe.replanned', ...planned.value }] : [];
}

/** What the clock does: a round ends and the move begins (re-planning first), or the next round starts. */
export function cafeDue(state: WorkshopState, now: number, here: (id: string) => boolean): EventBody[] {
  const c = state.cafe;
  if (!c || c.phase !== 'running' || !c.clock || c.clock.endsAt > now) return [];
  const clock = { roundMs: c.roundMs, transitionMs: c.transitionMs };
  if (c.clock.phase === 'moving') {
    return [{ type: 'cafe.roundStarted', round: c.round + 1, clock: { ...clock, phase: 'talking', endsAt: now + c.roundMs } }];
  }
  if (c.round >= c.rounds) return [{ type: 'cafe.ended' }];
  // re-plan before the move, so "where you go next" does not change during it
  return [...replanIfChanged(state, c, c.round, here), { type: 'cafe.moving', clock: { ...clock, phase: 'moving', endsAt: now + c.transitionMs } }];
}

export function cafeDeadline(c: CafeState | null): number | null {
  return c?.phase === 'running' && c.clock ? c.clock.endsAt : null;
}

/**
 * People let in while a café runs take a free seat: the smallest table of the current round (or of
 * the next round during a move). The next re-plan folds them into the rest.
 */
export function seatNewcomers(state: WorkshopState, events: readonly EventBody[]): EventBody[] {
  const c = state.cafe;
  if (!c || c.phase !== 'running') return [];
  const round = c.clock?.phase === 'moving' ? c.round + 1 : c.round;
  const tables = c.plan[round - 1]?.map((t) => t.length);
  if (!tables?.length) return [];
  const seated: EventBody[] = [];
  for (const e of events) {
    const ids =
      e.type === 'member.joined' && e.member.status === 'admitted' && e.member.role === 'participant'
        ? [e.member.id]
        : e.type === 'member.admitted'
          ? e.memberIds.filter((id) => state.members[id]?.role === 'participant')
          : e.type === 'member.readmitted'
            ? [e.memberId]
            : [];
    for (const id of ids) {
      if (tableOf(c, round, id) >= 0) continue;
      let smallest = 0;
      for (let t = 1; t < tables.length; t++) if (tables[t]! < tables[smallest]!) smallest = t;
      tables[smallest]! += 1;
      seated.push({ type: 'cafe.seated', memberId: id, round, table: smallest });
    }
  }
  return seated;
}
