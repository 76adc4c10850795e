import type { Command } from '../../../shared/commands.ts';
import { BREAKOUT_LIMITS } from '../../../shared/breakout-limits.ts';
import { failure, type ErrorBody } from '../../../shared/errors.ts';
import type { EventBody } from '../../engine/events.ts';
import { isFacilitator, type Member, type WorkshopState } from '../../engine/state.ts';
import { placeNewcomers } from './late.ts';
import { planBreakouts, roomGoers } from './plan.ts';
import { parsePreassignCsv } from './preassign.ts';
import { membersByRoom, type BreakoutsState } from './state.ts';

type BreakoutCommand = Extract<Command, { type: `breakouts.${string}` }>;
type Decision = { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

/**
 * Breakout rules. The caller has checked that the actor is admitted and that the command's role
 * rule allows it; room membership is checked here, so nobody acts in a room that is not theirs.
 */
export function decideBreakouts(state: WorkshopState, actor: Member, cmd: BreakoutCommand, now: number, seed: number): Decision {
  const b = state.breakouts;
  switch (cmd.type) {
    case 'breakouts.plan': {
      if (state.cafe?.phase === 'running') return failure('conflict', 'A world café or networking session is running. End it first.');
      const planned = planBreakouts(state, cmd, seed);
      return planned.ok ? ok(planned.event) : planned;
    }
    case 'breakouts.preassign': {
      const parsed = parsePreassignCsv(cmd.csv);
      if (!parsed.ok) return failure('bad_request', parsed.message);
      if (cmd.append && state.breakoutRecord.preassigned.length + parsed.rows.length > BREAKOUT_LIMITS.preassignedRows) {
        return failure('bad_request', `A pre-assigned list can have at most ${BREAKOUT_LIMITS.preassignedRows} rows. Remove some rows and paste it again.`);
      }
      return ok({ type: 'breakouts.preassigned', rows: parsed.rows, ...(cmd.append ? { append: true } : {}) });
    }
    case 'breakouts.discard':
      if (!b) return ok();
      return b.phase === 'draft' ? ok({ type: 'breakouts.discarded' }) : failure('conflict', 'Rooms are open. Use "Close rooms" instead.');
  }
  if (!b) return failure('conflict', 'There are no breakout rooms yet. Plan a set of rooms first.');
  const roomExists = (id: string) => b.rooms.some((r) => r.id === id);
  const noRoom = () => failure('not_found', 'That room is not in this set of rooms. Refresh and try again.');
  const isOpen = b.phase === 'open' || b.phase === 'closing';

  switch (cmd.type) {
    case 'breakouts.room.update': {
      const room = b.rooms.find((r) => r.id === cmd.roomId);
      if (!room) return noRoom();
      const { name, topic, prompt, cap } = cmd.room;
      return ok({
        type: 'breakouts.roomUpdated',
        room: { ...room, name: name || room.name, topic: topic ?? room.topic, prompt: prompt ?? room.prompt, cap: cap ?? room.cap },
      });
    }
    case 'breakouts.move': {
      const target = state.members[cmd.memberId];
      if (!target || target.status !== 'admitted') return failure('not_found', 'That person is not in the workshop now.');
      if (target.role !== 'participant') return failure('conflict', 'Facilitators visit rooms rather than being placed in them.');
      if (cmd.roomId !== null && !roomExists(cmd.roomId)) return noRoom();
      if ((b.assignment[target.id] ?? null) === cmd.roomId) return ok();
      return ok({ type: 'breakouts.moved', moves: [{ memberId: target.id, roomId: cmd.roomId }] });
    }
    case 'breakouts.rebalance': {
      const moves = rebalance(state, b);
      return moves.length ? ok({ type: 'breakouts.moved', moves }) : ok();
    }
    case 'breakouts.open': {
      if (b.phase !== 'draft') return failure('conflict', 'These rooms are already open.');
      if (state.cafe?.phase === 'running') return failure('conflict', 'A world café or networking session is running. End it first.');
      // people who arrived after the preview was made are placed now, by the same strategy
      const unplaced = roomGoers(state).filter((m) => !b.assignment[m.id]);
      const moves = placeNewcomers(state, b, unplaced);
      const opened: EventBody = {
        type: 'breakouts.opened',
        clock: { phase: 'open', endsAt: now + cmd.durationMs, closesAt: null, warningMs: cmd.warningMs, graceMs: cmd.graceMs, durationMs: cmd.durationMs },
        allowReturn: cmd.allowReturn,
        allowSwitch: cmd.allowSwitch || b.report.strategy.kind === 'selfSelect',
      };
      return moves.length ? ok({ type: 'breakouts.moved', moves }, opened) : ok(opened);
    }
    case 'breakouts.adjust': {
      if (!b.clock || !isOpen) return failure('conflict', 'Rooms are not open. Open them first.');
      const base = b.clock.phase === 'closing' ? now : b.clock.endsAt;
      const endsAt = Math.max(now, base + cmd.deltaMs);
      if (endsAt <= now) return ok({ type: 'breakouts.ended', closesAt: now + b.clock.graceMs });
      return ok({ type: 'breakouts.adjusted', endsAt, durationMs: Math.max(0, b.clock.durationMs + (endsAt - b.clock.endsAt)) });
    }
    case 'breakouts.close':
      if (b.phase === 'draft') return failure('conflict', 'These rooms are not open yet. Discard the plan instead.');
      if (cmd.immediately || b.phase === 'closing' || !b.clock) return ok({ type: 'breakouts.closed' });
      return ok({ type: 'breakouts.ended', closesAt: now + b.clock.graceMs });
    case 'breakouts.broadcast':
      if (cmd.roomId !== undefined && !roomExists(cmd.roomId)) return noRoom();
      return ok({ type: 'breakouts.broadcast', text: cmd.text, roomId: cmd.roomId ?? null });
    case 'breakouts.visit': {
      if (cmd.roomId !== null && !roomExists(cmd.roomId)) return noRoom();
      if ((b.visits[actor.id] ?? null) === cmd.roomId) return ok();
      const visited: EventBody = { type: 'breakouts.visited', memberId: actor.id, roomId: cmd.roomId };
      // a facilitator arriving answers that room's help calls
      const answered = cmd.roomId !== null && b.help.some((h) => h.roomId === cmd.roomId);
      return answered && cmd.roomId ? ok(visited, { type: 'breakouts.helpCleared', roomId: cmd.roomId, memberId: null }) : ok(visited);
    }
    case 'breakouts.help.acknowledge':
      if (!roomExists(cmd.roomId)) return noRoom();
      return b.help.some((h) => h.roomId === cmd.roomId && !h.acknowledged) ? ok({ type: 'breakouts.helpAcknowledged', roomId: cmd.roomId }) : ok();
    case 'breakouts.choose': {
      if (!isOpen) return failure('conflict', 'Rooms are not open yet. Wait for the facilitator to open them.');
      if (!b.allowSwitch && b.assignment[actor.id]) return failure('forbidden', 'The facilitator placed you in this room; switching rooms is not allowed.');
      const room = b.rooms.find((r) => r.id === cmd.roomId);
      if (!room) return noRoom();
      if (b.assignment[actor.id] === room.id) return ok();
      const count = (membersByRoom(b).get(room.id) ?? []).filter((id) => state.members[id]?.status === 'admitted').length;
      if (room.cap !== null && count >= room.cap) return failure('conflict', `${room.name} is full (${room.cap} people). Choose another room.`);
      return ok({ type: 'breakouts.moved', moves: [{ memberId: actor.id, roomId: room.id }] });
    }
    case 'breakouts.return':
      if (!b.allowReturn) return failure('forbidden', 'The facilitator will bring everyone back to plenary when the time is up.');
      return b.assignment[actor.id] ? ok({ type: 'breakouts.moved', moves: [{ memberId: actor.id, roomId: null }] }) : ok();
    case 'breakouts.help': {
      const roomId = b.assignment[actor.id];
      if (!roomId || !isOpen) return failure('conflict', 'You can ask for help from a breakout room while it is open.');
      return b.help.some((h) => h.memberId === actor.id && h.roomId === roomId) ? ok() : ok({ type: 'breakouts.helpRequested', memberId: actor.id, roomId });
    }
    case 'breakouts.help.cancel': {
      const call = b.help.find((h) => h.memberId === actor.id);
      return call ? ok({ type: 'breakouts.helpCleared', roomId: call.roomId, memberId: actor.id }) : ok();
    }
    case 'breakouts.notes': {
      if (!roomExists(cmd.roomId)) return noRoom();
      const mine = b.assignment[actor.id] === cmd.roomId || isFacilitator(actor.role);
      if (!mine) return failure('forbidden', "You can only write in your own room's notes.");
      if (!isOpen) return failure('conflict', 'Notes can be written while the rooms are open.');
      if ((b.notes[cmd.roomId]?.text ?? '') === cmd.text) return ok();
      return ok({ type: 'breakouts.notesEdited', roomId: cmd.roomId, text: cmd.text, by: actor.name });
    }
  }
}

/**
 * Moves as few people as possible so room sizes differ by at most one: the last to arrive in the
 * fullest rooms go to the emptiest.
 */
function rebalance(state: WorkshopState, b: BreakoutsState): { memberId: string; roomId: string }[] {
  const byRoom = membersByRoom(b);
  const rooms = b.rooms.map((r) => ({ id: r.id, ids: (byRoom.get(r.id) ?? []).filter((id) => state.members[id]?.status === 'admitted') }));
  const moves: { memberId: string; roomId: string }[] = [];
  for (;;) {
    rooms.sort((x, y) => y.ids.length - x.ids.length);
    const full = rooms[0];
    const empty = rooms[rooms.length - 1];
    if (!full || !empty || full.ids.length - empty.ids.length <= 1) return moves;
    const id = full.ids.pop()!;
    empty.ids.push(id);
    moves.push({ memberId: id, roomId: empty.id });
  }
}
