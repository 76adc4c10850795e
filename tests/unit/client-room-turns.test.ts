import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../shared/views.ts';
import { MyTurnView, RoomTurnView, TURN_LIMITS } from '../../shared/turns.ts';
import { TURN_DEFAULTS, emptyMyTurns, emptyRoomTurns, participantRoom } from '../../client/src/features/turns/room-turns.ts';

type Role = 'host' | 'cohost' | 'participant';
const person = (id: string, name: string, role: Role = 'participant') => ({ id, name, role });

/** Only the parts of a participant view that say where the person is. */
function viewOf(parts: { role?: Role; breakout?: unknown; cafe?: unknown }): ParticipantView {
  return {
    me: { id: 'm1', name: 'Amal', role: parts.role ?? 'participant', status: 'admitted' },
    breakout: parts.breakout ?? null,
    cafe: parts.cafe ?? null,
  } as unknown as ParticipantView;
}

const table = (host: ReturnType<typeof person> | null) => ({
  id: 't2',
  name: 'Table 2',
  topic: '',
  question: '',
  host,
  members: [person('m1', 'Amal'), person('m2', 'Bilal')],
  notes: null,
  earlier: [],
});

describe('which room a participant’s turns are about, and who may run it', () => {
  it('plenary: only facilitators get the controls', () => {
    expect(participantRoom(viewOf({}))).toMatchObject({ roomId: 'plenary', canRun: false });
    expect(participantRoom(viewOf({ role: 'cohost' }))).toMatchObject({ roomId: 'plenary', canRun: true });
  });

  it('a breakout room: any member runs it, and the room’s members are the go-around', () => {
    const breakout = { room: { id: 'r3', members: [person('m1', 'Amal'), person('m2', 'Bilal')] }, choices: null };
    expect(participantRoom(viewOf({ breakout }))).toEqual({
      roomId: 'r3',
      canRun: true,
      host: false,
      people: [
        { memberId: 'm1', name: 'Amal' },
        { memberId: 'm2', name: 'Bilal' },
      ],
    });
  });

  it('choosing a room (none yet) is still plenary', () => {
    expect(participantRoom(viewOf({ breakout: { room: null, choices: [] } })).roomId).toBe('plenary');
  });

  it('a café table: its host runs it, the others do not; a table without a host and a networking pair are run by anyone', () => {
    expect(participantRoom(viewOf({ cafe: { kind: 'cafe', table: table(person('m1', 'Amal')) } }))).toMatchObject({ roomId: 't2', canRun: true, host: true });
    expect(participantRoom(viewOf({ cafe: { kind: 'cafe', table: table(person('m2', 'Bilal')) } }))).toMatchObject({ canRun: false, host: false });
    expect(participantRoom(viewOf({ role: 'host', cafe: { kind: 'cafe', table: table(person('m2', 'Bilal')) } }))).toMatchObject({ canRun: true });
    expect(participantRoom(viewOf({ cafe: { kind: 'cafe', table: table(null) } }))).toMatchObject({ canRun: true, host: false });
    expect(participantRoom(viewOf({ cafe: { kind: 'networking', table: table(null) } }))).toMatchObject({ roomId: 't2', canRun: true });
  });

  it('sitting a café round out is plenary', () => {
    expect(participantRoom(viewOf({ cafe: { kind: 'cafe', table: null } })).roomId).toBe('plenary');
  });
});

describe('a room nobody has used turns in yet', () => {
  it('is a valid view with the server’s defaults', () => {
    expect(RoomTurnView.parse(emptyRoomTurns('r1'))).toMatchObject({ roomId: 'r1', turnMs: TURN_LIMITS.defaultTurnMs, warnMs: TURN_LIMITS.warnMs });
    expect(MyTurnView.safeParse(emptyMyTurns('r1')).success).toBe(true);
  });

  it('the client’s copy of the limits matches the protocol', () => {
    expect(TURN_DEFAULTS).toEqual({
      turnMs: TURN_LIMITS.defaultTurnMs,
      warnMs: TURN_LIMITS.warnMs,
      minTurnMs: TURN_LIMITS.minTurnMs,
      maxTurnMs: TURN_LIMITS.maxTurnMs,
    });
  });
});
