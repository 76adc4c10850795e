import { describe, expect, it } from 'vitest';
import { replayTurns } from '../../server/activities/turns/reducer.ts';
import { EMPTY_TURNS } from '../../server/activities/turns/state.ts';
import { myTurnView, roomTurnsShared, roomTurnView } from '../../server/activities/turns/views.ts';
import { TURN_COMMAND_ROLES } from '../../server/activities/turns/index.ts';
import { MyTurnView, RoomTurnView, TURN_COMMAND_TYPES, TURN_LIMITS, TurnCommand } from '../../shared/turns.ts';
import { Harness, HOST, ROOM, roomCtx } from './turns-helpers.ts';

describe('the room’s turn view', () => {
  it('shows the queue with its reasons, the current speaker and who is next', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben', cat3: 'Cat' }));
    h.run(HOST, { type: 'turn.settings', order: 'fewest_turns' }, 0);
    h.run('ada1', { type: 'turn.hand.raise' }, 1_000);
    h.run(HOST, { type: 'turn.next', lengthMs: 60_000 }, 2_000);
    h.run(HOST, { type: 'turn.end' }, 20_000);
    h.run('ada1', { type: 'turn.hand.raise' }, 21_000);
    h.run('ben2', { type: 'turn.hand.raise' }, 22_000);
    h.run(HOST, { type: 'turn.pick', memberId: 'cat3', lengthMs: 30_000 }, 23_000);
    const view = RoomTurnView.parse(roomTurnView(h.state, ROOM, h.ctx, 25_000));
    expect(view.current).toEqual({
      memberId: 'cat3',
      name: 'Cat',
      source: 'pick',
      startedAt: 23_000,
      clock: { state: 'running', endsAt: 53_000, warnAt: 38_000, lengthMs: 30_000 },
    });
    expect(view.next).toEqual({ memberId: 'ben2', name: 'Ben' });
    expect(view.queue).toEqual([
      { memberId: 'ben2', name: 'Ben', raisedAt: 22_000, position: 1, reason: { code: 'not_spoken' } },
      { memberId: 'ada1', name: 'Ada', raisedAt: 21_000, position: 2, reason: { code: 'turns', count: 1 } },
    ]);
    expect(view.goAround).toBeNull();
  });

  it('stays small in a big room: the queue is cut at the list limit, with its length', () => {
    const people = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${String(i).padStart(4, '0')}`, `Person ${i}`]));
    const h = new Harness(roomCtx(people));
    Object.keys(people).forEach((id, i) => h.run(id, { type: 'turn.hand.raise' }, i));
    const view = roomTurnView(h.state, ROOM, h.ctx, 1_000);
    expect(view.queue).toHaveLength(TURN_LIMITS.viewListMax);
    expect(view.queueLength).toBe(300);
    expect(roomTurnView(h.state, ROOM, h.ctx, 1_000, Infinity).queue).toHaveLength(300);
    const shared = roomTurnsShared(h.state, ROOM, h.ctx, 1_000);
    expect(myTurnView(h.state, ROOM, 'p0250', 1_000, shared).hand).toEqual({ raised: true, position: 251 });
  });

  it('gives a person their own share, turns and place, and nothing about anyone else', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben' }));
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 60_000 }, 0);
    h.run(HOST, { type: 'turn.pick', memberId: 'ben2', lengthMs: 60_000 }, 30_000);
    const shared = roomTurnsShared(h.state, ROOM, h.ctx, 40_000);
    const mine = MyTurnView.parse(myTurnView(h.state, ROOM, 'ben2', 40_000, shared));
    expect(mine).toEqual({
      roomId: ROOM,
      hand: { raised: false, position: null },
      speaking: true,
      next: false,
      inGoAround: false,
      mayComeBack: false,
      turns: 0,
      spokenMs: 10_000,
      share: 0.25,
    });
  });

  it('a room nobody used yet has the defaults', () => {
    const view = roomTurnView(EMPTY_TURNS, 'fresh1', roomCtx({}), 0);
    expect(view).toMatchObject({ order: 'first_come', turnMs: TURN_LIMITS.defaultTurnMs, warnMs: 15_000, current: null, next: null, queueLength: 0 });
  });

  it('rooms are independent: one room’s turn is not another’s', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada' }));
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', roomId: 'other1' }, 0);
    expect(h.state.other1?.current?.memberId).toBe('ada1');
    expect(h.room.current).toBeNull();
  });
});

describe('replay and protocol', () => {
  it('replaying the log rebuilds the same slice (a restart continues every running turn)', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben', cat3: 'Cat' }));
    h.run(HOST, { type: 'turn.goAround.start', order: 'random', turnMs: 20_000, autoAdvance: true }, 0);
    h.tick(20_000);
    h.run('ada1', { type: 'turn.airtime.report', from: 1_000, to: 2_000 }, 25_000);
    h.run(HOST, { type: 'turn.pause' }, 30_000);
    expect(replayTurns(JSON.parse(JSON.stringify(h.log)), EMPTY_TURNS)).toEqual(h.state);
  });

  it('every turn command has an entry in the roles table, and unknown fields are refused', () => {
    expect(Object.keys(TURN_COMMAND_ROLES).sort()).toEqual([...TURN_COMMAND_TYPES].sort());
    expect(TurnCommand.safeParse({ type: 'turn.end', roomId: ROOM, extra: 1 }).success).toBe(false);
    expect(TurnCommand.safeParse({ type: 'turn.next', roomId: ROOM, lengthMs: 1_000 }).success).toBe(false); // under 5 s
    expect(TurnCommand.safeParse({ type: 'turn.settings', roomId: ROOM }).success).toBe(false);
    expect(TurnCommand.safeParse({ type: 'turn.goAround.start', roomId: ROOM, order: 'custom', turnMs: 60_000, autoAdvance: false }).success).toBe(false);
    expect(TurnCommand.safeParse({ type: 'turn.pick', roomId: 'no spaces', memberId: 'ada1' }).success).toBe(false);
  });
});
