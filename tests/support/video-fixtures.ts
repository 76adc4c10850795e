import pino from 'pino';
import { EMPTY_STATE, type Member, type WorkshopState } from '../../server/engine/state.ts';

export const API_KEY = 'devkey';
export const API_SECRET = 'secret-secret-secret-secret-secret-1';
export const quietLog = pino({ level: 'silent' });

function member(id: string, name: string, role: Member['role'], status: Member['status'] = 'admitted'): Member {
  return { id, name, role, status, profile: {}, tokenHash: `hash-${id}`, joinedAt: 1_000 };
}

/** A workshop with a host, a co-host, two participants, one waiting and one removed. */
export function videoWorkshop(): WorkshopState {
  const members = [
    member('host-1', 'Amina', 'host'),
    member('cohost-1', 'Bongani', 'cohost'),
    member('part-1', 'Chidi', 'participant'),
    member('part-2', 'Dalia', 'participant'),
    member('wait-1', 'Emeka', 'participant', 'waiting'),
    member('gone-1', 'Farah', 'participant', 'removed'),
  ];
  return {
    ...EMPTY_STATE,
    id: 'ws_test-01',
    code: 'ABCDEF',
    title: 'Peer learning',
    hostId: 'host-1',
    members: Object.fromEntries(members.map((m) => [m.id, m])),
  };
}
