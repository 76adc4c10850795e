import { Command, type CommandInput } from '../../shared/commands.ts';
import { decide, decideDue } from '../../server/engine/decide.ts';
import type { EventBody } from '../../server/engine/events.ts';
import { apply, replay } from '../../server/engine/reducer.ts';
import { EMPTY_STATE, type WorkshopState } from '../../server/engine/state.ts';
import { participantShared, participantView } from '../../server/engine/views.ts';
import { newcomerEvents } from '../../server/activities/breakouts/late.ts';
import { seatNewcomers } from '../../server/activities/cafe/decide.ts';
import { FRESH, HOST, stamp } from './helpers.ts';

/** Builders for activity tests: a workshop with profile questions, and decide + apply as the actor does it. */

/** A workshop with a profile question "org" and "lang", and people given as id → [org, lang]. */
export function workshopWith(people: Record<string, [string, string]>, cohosts: string[] = []): WorkshopState {
  const events: EventBody[] = [
    {
      type: 'workshop.created',
      id: 'ws-test-1',
      code: 'ABCDEF',
      title: 'Peer learning',
      description: '',
      profileFields: [
        { id: 'org', label: 'Organisation', required: false, choices: [] },
        { id: 'lang', label: 'Language', required: false, choices: [] },
      ],
      cohostKey: 'cohost-key-cohost-key-1',
      waitingRoom: false,
      host: { id: HOST, name: 'Facilitator', role: 'host', profile: {}, tokenHash: 'h0', status: 'admitted' },
    },
    ...Object.entries(people).map(
      ([id, [org, lang]]): EventBody => ({
        type: 'member.joined',
        member: { id, name: `Person ${id}`, role: 'participant', profile: { org, lang }, tokenHash: `t-${id}`, status: 'admitted' },
      }),
    ),
    ...cohosts.map(
      (id): EventBody => ({
        type: 'member.joined',
        member: { id, name: `Cohost ${id}`, role: 'cohost', profile: {}, tokenHash: `t-${id}`, status: 'admitted' },
      }),
    ),
  ];
  return replay(stamp(events, 0, 1_000), EMPTY_STATE);
}

export const crowd = (n: number, org = (i: number): string => `org${i % 4}`, lang = (i: number): string => (i % 3 === 0 ? 'Arabic' : 'English')) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${String(i).padStart(3, '0')}`, [org(i), lang(i)] as [string, string]]));

export function attempt(state: WorkshopState, actor: string, input: CommandInput, now: number) {
  return decide(state, actor, Command.parse(input), now, FRESH);
}

/** decide + apply, with late placement as the actor does it. Throws on refusal. */
export function act(state: WorkshopState, actor: string, input: CommandInput, now: number): WorkshopState {
  const d = attempt(state, actor, input, now);
  if (!d.ok) throw new Error(`${input.type} refused: ${d.error.message}`);
  const events = [...d.events, ...newcomerEvents(state, d.events), ...seatNewcomers(state, d.events)];
  return stamp(events, state.version, now).reduce(apply, state);
}

export function tick(state: WorkshopState, now: number, here?: (id: string) => boolean): WorkshopState {
  return stamp(decideDue(state, now, here), state.version, now).reduce(apply, state);
}

export function join(state: WorkshopState, id: string, org: string, lang: string, now: number): WorkshopState {
  const joined: EventBody[] = [
    { type: 'member.joined', member: { id, name: `Person ${id}`, role: 'participant', profile: { org, lang }, tokenHash: `t-${id}`, status: 'admitted' } },
  ];
  return stamp([...joined, ...newcomerEvents(state, joined), ...seatNewcomers(state, joined)], state.version, now).reduce(apply, state);
}

export const extras = { presenceOf: () => 'online' as const, presentCount: 0, videoEnabled: false };
export const viewOf = (state: WorkshopState, id: string) => participantView(participantShared(state, extras), state, state.members[id]!);
