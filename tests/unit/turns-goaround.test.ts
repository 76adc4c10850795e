import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideLeave, goAroundOrder } from '../../server/activities/turns/decide.ts';
import type { TurnEvent } from '../../server/activities/turns/events.ts';
import { applyTurnEvent } from '../../server/activities/turns/reducer.ts';
import { nextDeadline } from '../../server/activities/turns/turn-machine.ts';
import { myTurnView, roomTurnsShared, roomTurnView } from '../../server/activities/turns/views.ts';
import { Harness, HOST, ROOM, roomCtx, seeded } from './turns-helpers.ts';

const five = { ada1: 'Ada', ben2: 'ben', cat3: 'Cat', dan4: 'Dan', eve5: 'Eve' };
const T = 30_000;

function goAround(autoAdvance: boolean, order: 'alphabetical' | 'random' = 'alphabetical'): Harness {
  const h = new Harness(roomCtx(five));
  h.run(HOST, { type: 'turn.goAround.start', order, turnMs: T, autoAdvance }, 0);
  return h;
}

const speakerIds = (h: Harness) => h.log.flatMap((e) => (e.type === 'turn.started' ? [e.memberId] : []));

describe('go-around', () => {
  it('orders everyone alphabetically (ignoring case), starts the first and shows the next in advance', () => {
    const h = goAround(false);
    expect(h.room.goAround?.speakers).toEqual(['ada1', 'ben2', 'cat3', 'dan4', 'eve5']);
    expect(h.room.current).toMatchObject({ memberId: 'ada1', source: 'goAround', lengthMs: T });
    const view = roomTurnView(h.state, ROOM, h.ctx, 1_000);
    expect(view.next).toEqual({ memberId: 'ben2', name: 'ben' });
    expect(view.goAround).toMatchObject({ upcomingCount: 4, total: 5, passed: 0, autoAdvance: false });
    const shared = roomTurnsShared(h.state, ROOM, h.ctx, 1_000);
    expect(myTurnView(h.state, ROOM, 'ben2', 1_000, shared)).toMatchObject({ next: true, inGoAround: true, mayComeBack: true });
  });

  it('a random order is everyone exactly once, drawn before the event so replay needs no randomness', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), (seed, n) => {
        const people = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${String(i).padStart(4, '0')}`, `P${i}`]));
        const drawn = goAroundOrder(roomCtx(people), 'random', undefined, seeded(seed));
        expect(drawn.ok && [...drawn.ids].sort()).toEqual(Object.keys(people).sort());
      }),
    );
    const h = goAround(false, 'random');
    const started = h.log.find((e) => e.type === 'turn.goAroundStarted');
    expect(started?.type === 'turn.goAroundStarted' && started.speakers).toEqual(h.room.goAround?.speakers);
  });

  it('follows the host’s custom order exactly, and refuses duplicates or people not in the room', () => {
    const h = new Harness(roomCtx(five));
    h.run(HOST, { type: 'turn.goAround.start', order: 'custom', memberIds: ['eve5', 'ada1'], turnMs: T, autoAdvance: false }, 0);
    expect(h.room.goAround?.speakers).toEqual(['eve5', 'ada1']);
    const h2 = new Harness(roomCtx(five));
    const dup = { type: 'turn.goAround.start' as const, order: 'custom' as const, memberIds: ['eve5', 'eve5'], turnMs: T, autoAdvance: false };
    expect(h2.refused(HOST, dup, 0).code).toBe('bad_request');
    expect(h2.refused(HOST, { ...dup, memberIds: ['zed9'] }, 0).code).toBe('not_found');
  });

  it('without auto-advance, waits for the host’s next; with the last turn over, the go-around finishes', () => {
    const h = goAround(false);
    expect(nextDeadline(h.state)).toBeNull();
    h.run('ada1', { type: 'turn.end' }, 20_000);
    expect(h.room.current).toBeNull();
    expect(roomTurnView(h.state, ROOM, h.ctx, 20_000).next?.memberId).toBe('ben2');
    for (let i = 1; i <= 4; i++) {
      h.run(HOST, { type: 'turn.next' }, i * 100_000);
      h.run(HOST, { type: 'turn.end' }, i * 100_000 + 10_000);
    }
    expect(speakerIds(h)).toEqual(['ada1', 'ben2', 'cat3', 'dan4', 'eve5']);
    expect(h.room.goAround).toBeNull();
    expect(h.log.at(-1)).toEqual({ type: 'turn.goAroundEnded', roomId: ROOM, reason: 'finished' });
  });

  it('with auto-advance, the next person starts when time is up, via one deadline at a time', () => {
    const h = goAround(true);
    expect(nextDeadline(h.state)).toBe(T);
    expect(h.tick(T - 1)).toEqual([]); // not due yet
    h.tick(T);
    expect(h.room.current).toMatchObject({ memberId: 'ben2', startedAt: T });
    expect(h.room.airtime.ada1).toMatchObject({ turns: 1, turnMs: T, overrunMs: 0 });
    // a deadline long past (the server was down) ends the turn at its deadline; the next gets full time from now
    h.tick(10 * T);
    expect(h.room.airtime.ben2).toMatchObject({ turnMs: T, overrunMs: 0 });
    expect(h.room.current).toMatchObject({ memberId: 'cat3', clock: { endsAt: 11 * T } });
    h.tick(11 * T);
    h.tick(12 * T);
    h.tick(13 * T);
    expect(speakerIds(h)).toEqual(['ada1', 'ben2', 'cat3', 'dan4', 'eve5']);
    expect(h.room.goAround).toBeNull();
    expect(nextDeadline(h.state)).toBeNull();
  });

  it('a paused go-around turn has no deadline; ending early moves straight on', () => {
    const h = goAround(true);
    h.run(HOST, { type: 'turn.pause' }, 5_000);
    expect(nextDeadline(h.state)).toBeNull();
    h.run(HOST, { type: 'turn.resume' }, 9_000);
    expect(nextDeadline(h.state)).toBe(T + 4_000);
    h.run('ada1', { type: 'turn.end' }, 10_000);
    expect(h.room.current).toMatchObject({ memberId: 'ben2', startedAt: 10_000 });
  });

  it('pass: now (turn over, not counted) or in advance (dropped from the order)', () => {
    const h = goAround(true);
    h.run('cat3', { type: 'turn.pass' }, 1_000); // in advance
    h.run('ada1', { type: 'turn.pass' }, 2_000); // while speaking
    expect(h.room.current?.memberId).toBe('ben2');
    expect(h.room.goAround).toMatchObject({ pending: ['dan4', 'eve5'], passed: ['cat3', 'ada1'] });
    expect(h.room.airtime.ada1).toMatchObject({ turns: 0, turnMs: 2_000 });
    expect(roomTurnView(h.state, ROOM, h.ctx, 2_000).goAround?.passed).toBe(2);
  });

  it('come back to me: to the end of the order, once; not for the last one waiting', () => {
    const h = goAround(true);
    h.run('ada1', { type: 'turn.comeBack' }, 1_000);
    expect(h.room.current?.memberId).toBe('ben2');
    expect(h.room.goAround?.pending).toEqual(['cat3', 'dan4', 'eve5', 'ada1']);
    h.run('dan4', { type: 'turn.comeBack' }, 2_000); // in advance
    expect(h.room.goAround?.pending).toEqual(['cat3', 'eve5', 'ada1', 'dan4']);
    expect(h.refused('ada1', { type: 'turn.comeBack' }, 3_000).message).toMatch(/once per go-around/);
    const shared = roomTurnsShared(h.state, ROOM, h.ctx, 3_000);
    expect(myTurnView(h.state, ROOM, 'ada1', 3_000, shared).mayComeBack).toBe(false);
    // everyone but eve speaks or passes: eve, last, cannot ask to come back
    h.run('cat3', { type: 'turn.pass' }, 4_000);
    h.run('ada1', { type: 'turn.pass' }, 4_000);
    h.run('dan4', { type: 'turn.pass' }, 4_000);
    h.tick(2 * T);
    expect(h.refused('eve5', { type: 'turn.comeBack' }, 2 * T + 1).message).toMatch(/speak now, or pass/);
  });

  it('only the person or a runner passes for them; nobody passes outside a go-around', () => {
    const h = goAround(false);
    expect(h.refused('ben2', { type: 'turn.pass', memberId: 'cat3' }, 1).code).toBe('forbidden');
    h.run(HOST, { type: 'turn.pass', memberId: 'cat3' }, 1);
    expect(h.room.goAround?.passed).toEqual(['cat3']);
    const plain = new Harness(roomCtx(five));
    expect(plain.refused('ada1', { type: 'turn.pass' }, 1).message).toMatch(/no go-around/);
  });

  it('host skips someone still to come; picking out of order takes them from the order', () => {
    const h = goAround(false);
    h.run(HOST, { type: 'turn.skip', memberId: 'ben2' }, 1_000);
    h.run(HOST, { type: 'turn.pick', memberId: 'eve5' }, 2_000);
    expect(h.room.current).toMatchObject({ memberId: 'eve5', source: 'goAround' });
    expect(h.room.goAround?.pending).toEqual(['cat3', 'dan4']);
    expect(h.refused(HOST, { type: 'turn.pick', memberId: 'ben2' }, 3_000).message).toMatch(/not waiting in this go-around/);
  });

  it('someone leaving is dropped; the last one leaving finishes it; stop ends it at once', () => {
    const h = goAround(true);
    h.apply(decideLeaveAll(h, ['ada1', 'ben2', 'cat3', 'dan4'], 5_000));
    expect(h.room.current?.memberId).toBe('eve5');
    h.run(HOST, { type: 'turn.goAround.stop' }, 6_000);
    expect(h.room.goAround).toBeNull();
    expect(h.room.current).toBeNull();
    expect(h.log.at(-1)).toMatchObject({ type: 'turn.goAroundEnded', reason: 'stopped' });
  });

  it('refuses a second go-around, or one in an empty room', () => {
    const h = goAround(false);
    const start = { type: 'turn.goAround.start', order: 'random', turnMs: T, autoAdvance: false } as const;
    expect(h.refused(HOST, start, 1).code).toBe('conflict');
    const empty = new Harness(roomCtx({}));
    expect(empty.refused(HOST, start, 1).message).toMatch(/Nobody is in this room/);
  });

  it('keeps raised hands through a go-around', () => {
    const h = new Harness(roomCtx(five));
    h.run('cat3', { type: 'turn.hand.raise' }, 0);
    h.run(HOST, { type: 'turn.goAround.start', order: 'alphabetical', turnMs: T, autoAdvance: true }, 1);
    h.tick(1 + T);
    h.tick(1 + 2 * T);
    expect(h.room.current?.memberId).toBe('cat3');
    expect(h.room.hands.map((x) => x.memberId)).toEqual(['cat3']);
  });
});

/** The events of several people leaving one after the other, as the engine would decide them. */
function decideLeaveAll(h: Harness, ids: string[], now: number): TurnEvent[] {
  let state = h.state;
  const events: TurnEvent[] = [];
  const members = new Map(h.ctx.members);
  for (const id of ids) {
    for (const e of decideLeave(state, ROOM, id, now)) {
      events.push(e);
      state = applyTurnEvent(state, e);
    }
    members.delete(id);
  }
  h.ctx = { ...h.ctx, members };
  return events;
}
