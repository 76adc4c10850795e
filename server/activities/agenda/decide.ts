import type { AgendaCommand } from '../../../shared/agenda.ts';
import type { Command } from '../../../shared/commands.ts';
import { failure, type ErrorBody } from '../../../shared/errors.ts';
import type { EventBody } from '../../engine/events.ts';
import { apply } from '../../engine/reducer.ts';
import type { WorkshopState } from '../../engine/state.ts';
import { extendCommands, startCommands, wrapUpCommands } from './activity.ts';
import { nextSegment, startedSegments } from './state.ts';

type Decision = { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };
/** The engine's `decide` for one command by the same person at the same time (passed in: no import cycle). */
export type DecideOne = (state: WorkshopState, command: Command) => Decision;

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });
const MINUTE = 60_000;

/**
 * The run of show. "Next" is one decision made of the commands a facilitator would otherwise click
 * (close the poll, bring rooms back, start the next activity), each decided against the state the
 * earlier ones leave, and written as one durable batch: a crash never leaves half a "next".
 */
export function decideAgenda(
  state: WorkshopState,
  command: AgendaCommand,
  ctx: { decideOne: DecideOne; here: (memberId: string) => boolean; pollId: string; seed: number; now: number },
): Decision {
  const agenda = state.agenda;
  switch (command.type) {
    case 'agenda.set': {
      const started = startedSegments(agenda);
      const prefix = command.segments.slice(0, started.length).map((s) => s.id);
      if (prefix.some((id, i) => id !== started[i]?.id)) {
        return failure('conflict', 'The agenda moved on while you were editing. Your changes were not saved: look at the agenda again and redo them.');
      }
      return ok({ type: 'agenda.planned', segments: [...started, ...command.segments.slice(started.length)] });
    }
    case 'agenda.next': {
      // two co-hosts pressing "next" together move the agenda on once
      if (command.from !== agenda.currentId) return ok();
      const next = nextSegment(agenda);
      if (!next && !agenda.currentId) return failure('conflict', 'There is nothing left on the agenda. Add a segment first.');
      const wrapped = run(state, wrapUpCommands(state), ctx);
      const events = [...wrapped.events];
      let after = wrapped.state;
      if (agenda.currentId) events.push(...step(after, { type: 'agenda.segmentEnded', segmentId: agenda.currentId }, ctx.now, (s) => (after = s)));
      if (!next) return ok(...events, { type: 'agenda.finished' });
      const plan = startCommands(after, next, { pollId: ctx.pollId, seed: ctx.seed, here: ctx.here });
      const started = run(after, plan.commands, ctx);
      const launchedPoll = plan.commands.some((c) => c.type === 'poll.launch') && started.problem === null ? ctx.pollId : null;
      const present = Object.values(state.members).filter((m) => m.status === 'admitted' && m.role === 'participant' && ctx.here(m.id)).length;
      const problem = started.problem ? problemText(next.activity.kind, started.problem) : plan.note;
      return ok(...events, ...started.events, { type: 'agenda.segmentStarted', segmentId: next.id, present, problem, pollId: launchedPoll });
    }
    case 'agenda.skip': {
      const segment = agenda.segments.find((s) => s.id === command.segmentId);
      if (!segment) return notFound();
      if (agenda.runs[segment.id]) return failure('conflict', `"${segment.title}" has already started, so it cannot be skipped.`);
      if (agenda.skipped.includes(segment.id) === command.skipped) return ok();
      return ok({ type: 'agenda.skipped', segmentId: segment.id, skipped: command.skipped });
    }
    case 'agenda.move': {
      const segment = agenda.segments.find((s) => s.id === command.segmentId);
      if (!segment) return notFound();
      if (agenda.runs[segment.id]) return failure('conflict', `"${segment.title}" has already started, so it stays where it is.`);
      const toIndex = Math.min(Math.max(command.toIndex, startedSegments(agenda).length), agenda.segments.length - 1);
      if (agenda.segments[toIndex]?.id === segment.id) return ok();
      return ok({ type: 'agenda.moved', segmentId: segment.id, toIndex });
    }
    case 'agenda.extend': {
      const current = agenda.currentId;
      if (!current) return failure('conflict', 'No segment is running. Press "Next" to start one first.');
      const running = agenda.runs[current];
      const segment = agenda.segments.find((s) => s.id === current);
      let ms = command.minutes * MINUTE;
      if (ms < 0 && running && segment) {
        // taking time away ends the segment now at the earliest, never before it started
        const plannedEnd = running.startedAt + segment.minutes * MINUTE + running.extendedMs;
        ms = Math.max(ms, Math.min(0, ctx.now - plannedEnd));
        if (ms === 0) return ok();
      }
      // the segment's activity gets the same time; what it cannot take (nothing running) is simply not changed
      const extended = run(state, extendCommands(state, ms), ctx, { keepGoing: true });
      return ok(...extended.events, { type: 'agenda.extended', segmentId: current, ms });
    }
    case 'agenda.finish': {
      if (command.from !== agenda.currentId) return ok();
      const wrapped = run(state, wrapUpCommands(state), ctx);
      return ok(...wrapped.events, { type: 'agenda.segmentEnded', segmentId: command.from }, { type: 'agenda.finished' });
    }
  }
}

/**
 * Decides `commands` one after another, each against the state the earlier ones leave. Stops at the
 * first refusal (its message is the problem) unless `keepGoing`; the events before it stand.
 */
function run(
  state: WorkshopState,
  commands: readonly Command[],
  ctx: { decideOne: DecideOne; now: number },
  options: { keepGoing?: boolean } = {},
): { events: EventBody[]; state: WorkshopState; problem: string | null } {
  const events: EventBody[] = [];
  let current = state;
  for (const command of commands) {
    const decision = ctx.decideOne(current, command);
    if (!decision.ok) {
      if (options.keepGoing) continue;
      return { events, state: current, problem: decision.error.message };
    }
    for (const event of decision.events) events.push(...step(current, event, ctx.now, (s) => (current = s)));
  }
  return { events, state: current, problem: null };
}

/** Applies one event to a working copy of the state (the real apply happens after the append). */
function step(state: WorkshopState, event: EventBody, now: number, set: (s: WorkshopState) => void): EventBody[] {
  set(apply(state, { ...event, seq: state.version + 1, at: now } as Parameters<typeof apply>[1]));
  return [event];
}

function problemText(kind: string, message: string): string {
  const where: Record<string, string> = {
    breakouts: 'Breakout rooms',
    cafe: 'World café',
    networking: 'Networking',
    poll: 'Polls',
    checkin: 'Polls',
    checkout: 'Polls',
    goAround: 'speaking turns',
  };
  const panel = where[kind];
  return panel ? `This segment's activity did not start: ${message} You can start it from the ${panel} panel.` : `This segment's activity did not start: ${message}`;
}

function notFound(): Decision {
  return failure('not_found', 'That segment is no longer on the agenda. Look at the agenda again.');
}
