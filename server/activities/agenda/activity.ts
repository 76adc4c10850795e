import type { Segment, SegmentActivityOf } from '../../../shared/agenda.ts';
import { BREAKOUT_LIMITS } from '../../../shared/breakout-limits.ts';
import type { BreakoutStrategy } from '../../../shared/breakouts.ts';
import type { Command } from '../../../shared/commands.ts';
import type { WorkshopState } from '../../engine/state.ts';
import { PLENARY } from '../rooms.ts';
import { TURN_LIMITS } from '../../../shared/turns.ts';
import { seededRng, shuffle } from '../../grouping/random.ts';

/**
 * The commands a segment's activity is made of: what a facilitator would click, in order. "Next"
 * runs the current segment's `wrapUp`, then the next segment's `startCommands`, as one decision.
 */

const MINUTE = 60_000;
/** Rooms end a little before the segment does, so people are back in plenary on time. */
const ROOM_GRACE_MS = 30_000;

export type StartPlan = {
  commands: Command[];
  /** Said to the facilitator when the activity deliberately waits (e.g. for café hosts). */
  note: string | null;
};

export type StartInputs = { pollId: string; seed: number; here: (memberId: string) => boolean };

export function startCommands(state: WorkshopState, segment: Segment, { pollId, seed, here }: StartInputs): StartPlan {
  const a = segment.activity;
  const now: Command = { type: 'now.set', text: segment.title };
  const timer: Command = { type: 'timer.start', durationMs: segment.minutes * MINUTE, label: segment.title };
  switch (a.kind) {
    case 'plenary':
    case 'break':
      return { commands: [now, timer], note: null };
    case 'checkin':
    case 'checkout':
      return {
        commands: [
          now,
          { type: 'poll.create', poll: { kind: 'checkin', question: a.question, moment: a.kind, settings: { anonymous: false, results: 'live' } } },
          { type: 'poll.launch', pollId, scope: 'plenary' },
          timer,
        ],
        note: null,
      };
    case 'poll':
      return { commands: [now, { type: 'poll.create', poll: a.poll }, { type: 'poll.launch', pollId, scope: 'plenary' }, timer], note: null };
    case 'breakouts':
      return breakoutCommands(state, segment, a);
    case 'cafe': {
      const plan: Command = {
        type: 'cafe.plan',
        kind: 'cafe',
        tables: a.tables.map((t) => ({ ...t })),
        rounds: a.rounds,
        roundMs: a.roundMinutes * MINUTE,
        transitionMs: a.moveSeconds * 1000,
        oddOneOut: 'trio',
        prompts: [],
      };
      if (a.hosts === 'volunteers') {
        return { commands: [now, plan], note: 'The café waits for a host at every table. Start it from the World café panel once each table has one.' };
      }
      return { commands: [now, plan, { type: 'cafe.start' }], note: null };
    }
    case 'networking':
      return {
        commands: [
          now,
          {
            type: 'cafe.plan',
            kind: 'networking',
            tables: [],
            rounds: a.rounds,
            roundMs: a.roundMinutes * MINUTE,
            transitionMs: a.moveSeconds * 1000,
            oddOneOut: 'trio',
            prompts: a.prompts,
          },
          { type: 'cafe.start' },
        ],
        note: null,
      };
    case 'goAround': {
      // the participants who are here speak; the facilitators run it rather than take a turn
      const people = Object.values(state.members).filter((m) => m.status === 'admitted' && m.role === 'participant' && here(m.id));
      const ordered =
        a.order === 'alphabetical'
          ? [...people].sort((x, y) => x.name.localeCompare(y.name, 'en', { sensitivity: 'base' }) || (x.id < y.id ? -1 : 1))
          : shuffle(people, seededRng(seed));
      const memberIds = ordered.slice(0, TURN_LIMITS.goAroundMax).map((m) => m.id);
      const start: Command = memberIds.length
        ? { type: 'turn.goAround.start', roomId: PLENARY.roomId, order: 'custom', memberIds, turnMs: a.turnSeconds * 1000, autoAdvance: true }
        : { type: 'turn.goAround.start', roomId: PLENARY.roomId, order: a.order, turnMs: a.turnSeconds * 1000, autoAdvance: true };
      const note = people.length > TURN_LIMITS.goAroundMax ? `Only the first ${TURN_LIMITS.goAroundMax} people are in the go-around: it would take too long with everyone.` : null;
      return { commands: [now, start], note };
    }
  }
}

function breakoutCommands(state: WorkshopState, segment: Segment, a: SegmentActivityOf<'breakouts'>): StartPlan {
  let strategy: BreakoutStrategy = a.strategy;
  let note: string | null = null;
  const asked = a.strategy;
  if ((asked.kind === 'mix' || asked.kind === 'groupBy') && !state.profileFields.some((f) => f.id === asked.field)) {
    // a template written for another workshop: say so, and still give people good rooms
    note = `This workshop does not ask people for "${asked.field}", so the rooms avoid repeat meetings instead.`;
    strategy = { kind: 'avoidPrevious' };
  }
  const participants = Object.values(state.members).filter((m) => m.status === 'admitted' && m.role === 'participant').length;
  const most = a.sizing.by === 'count' ? a.sizing.rooms : Math.ceil(participants / a.sizing.perRoom) + 1;
  const count = Math.min(BREAKOUT_LIMITS.rooms, Math.max(most, a.rooms.length));
  const rooms = Array.from({ length: count }, (_, i) => {
    const own = a.rooms[i] ?? {};
    return a.prompt && !own.prompt ? { ...own, prompt: a.prompt } : own;
  });
  const plan: Command = { type: 'breakouts.plan', sizing: a.sizing, strategy, rooms, together: [], apart: [], cohosts: 'float' };
  if (a.preview) {
    const waiting = 'The rooms are planned and waiting: check them in the Breakout rooms panel, then open them from there.';
    return { commands: [{ type: 'now.set', text: segment.title }, plan], note: note ? `${note} ${waiting}` : waiting };
  }
  return {
    commands: [
      { type: 'now.set', text: segment.title },
      plan,
      {
        type: 'breakouts.open',
        durationMs: Math.max(30_000, segment.minutes * MINUTE - ROOM_GRACE_MS),
        warningMs: 60_000,
        graceMs: ROOM_GRACE_MS,
        allowReturn: a.allowReturn,
        allowSwitch: false,
      },
    ],
    note,
  };
}

/** What ends whatever the current segment left running: its poll, open rooms, a café, a go-around, the timer. */
export function wrapUpCommands(state: WorkshopState): Command[] {
  const commands: Command[] = [];
  const currentId = state.agenda.currentId;
  const run = currentId ? state.agenda.runs[currentId] : undefined;
  const segment = state.agenda.segments.find((s) => s.id === currentId);
  if (run?.pollId && state.polls.polls[run.pollId]?.status === 'open') commands.push({ type: 'poll.close', pollId: run.pollId });
  if (state.breakouts && state.breakouts.phase !== 'draft') commands.push({ type: 'breakouts.close', immediately: true });
  else if (state.breakouts?.phase === 'draft' && segment?.activity.kind === 'breakouts') commands.push({ type: 'breakouts.discard' });
  if (state.cafe?.phase === 'running') commands.push({ type: 'cafe.stop' });
  else if (state.cafe?.phase === 'draft' && (segment?.activity.kind === 'cafe' || segment?.activity.kind === 'networking')) commands.push({ type: 'cafe.discard' });
  if (state.turns[PLENARY.roomId]?.goAround) commands.push({ type: 'turn.goAround.stop', roomId: PLENARY.roomId });
  if (state.timer && state.timer.state !== 'ended') commands.push({ type: 'timer.stop' });
  return commands;
}

/** "+5 minutes" for the segment also gives its activity five more minutes. */
export function extendCommands(state: WorkshopState, ms: number): Command[] {
  const commands: Command[] = [];
  if (state.timer) commands.push({ type: 'timer.adjust', deltaMs: ms });
  if (state.breakouts?.phase === 'open') commands.push({ type: 'breakouts.adjust', deltaMs: ms });
  if (state.cafe?.phase === 'running') commands.push({ type: 'cafe.adjust', deltaMs: ms });
  return commands;
}
