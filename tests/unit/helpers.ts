import type { Command } from '../../shared/commands.ts';
import { decide } from '../../server/engine/decide.ts';
import type { EventBody, StoredEvent } from '../../server/engine/events.ts';
import { apply, replay } from '../../server/engine/reducer.ts';
import { EMPTY_STATE, type WorkshopState } from '../../server/engine/state.ts';

export const HOST = 'host-1';
export const FRESH = { cohostKey: 'rotated-cohost-key-0001', seed: 7 };

/** A small workshop built through the real reducer: a host plus the given participants. */
export function workshop(participants: string[] = [], options: { waitingRoom?: boolean } = {}): WorkshopState {
  const events: EventBody[] = [
    {
      type: 'workshop.created',
      id: 'ws-test-1',
      code: 'ABCDEF',
      title: 'Peer learning',
      description: '',
      profileFields: [],
      cohostKey: 'cohost-key-cohost-key-1',
      waitingRoom: options.waitingRoom ?? false,
      host: { id: HOST, name: 'Facilitator', role: 'host', profile: {}, tokenHash: 'h0', status: 'admitted' },
    },
    ...participants.map(
      (id): EventBody => ({
        type: 'member.joined',
        member: { id, name: `Person ${id}`, role: 'participant', profile: {}, tokenHash: `t-${id}`, status: 'admitted' },
      }),
    ),
  ];
  return replay(stamp(events, 0, 1_000), EMPTY_STATE);
}

export function stamp(events: readonly EventBody[], afterSeq: number, at: number): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: afterSeq + i + 1, at }));
}

/** decide + apply, as the actor does, but without storage. Throws on refusal. */
export function run(state: WorkshopState, actor: string, command: Command, now: number): WorkshopState {
  const d = decide(state, actor, command, now, FRESH);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.error.message}`);
  return stamp(d.events, state.version, now).reduce(apply, state);
}
