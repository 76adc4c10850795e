import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { speakingFigures } from '../../server/activities/turns/airtime.ts';
import { decideCloseRoom, decideLeave } from '../../server/activities/turns/decide.ts';
import { nextDeadline } from '../../server/activities/turns/turn-machine.ts';
import { roomTurnView } from '../../server/activities/turns/views.ts';
import { Harness, HOST, ROOM, roomCtx } from './turns-helpers.ts';

const people = { ada1: 'Ada', ben2: 'Ben', cat3: 'Cat' };
const MIN = 60_000;

/** Ada is speaking: she raised her hand and the host called her at t=10 s for 1 minute. */
function adaSpeaking(): Harness {
  const h = new Harness(roomCtx(people));
  h.run('ada1', { type: 'turn.hand.raise' }, 1_000);
  h.run(HOST, { type: 'turn.next', lengthMs: MIN }, 10_000);
  return h;
}

describe('timed turns', () => {
  it('starts with a deadline, takes the speaker out of the queue, and shows it to the room', () => {
    const h = adaSpeaking();
    expect(h.room.current).toMatchObject({ memberId: 'ada1', source: 'queue', lengthMs: MIN, clock: { state: 'running', endsAt: 70_000 } });
    expect(h.room.hands).toEqual([]);
    const view = roomTurnView(h.state, ROOM, h.ctx, 20_000);
    expect(view.current).toMatchObject({ memberId: 'ada1', name: 'Ada', clock: { state: 'running', endsAt: 70_000, warnAt: 55_000 } });
  });

  it('uses the room’s default length unless the turn says otherwise', () => {
    const h = new Harness(roomCtx(people));
    h.run(HOST, { type: 'turn.settings', turnMs: 90_000 }, 0);
    h.run(HOST, { type: 'turn.pick', memberId: 'ben2' }, 1_000);
    expect(h.room.current?.lengthMs).toBe(90_000);
    h.run(HOST, { type: 'turn.pick', memberId: 'cat3', lengthMs: 30_000 }, 2_000);
    expect(h.room.current).toMatchObject({ memberId: 'cat3', source: 'pick', lengthMs: 30_000 });
  });

  it('warns 15 s before the end, or halfway through a shorter turn', () => {
    const h = new Harness(roomCtx(people));
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 20_000 }, 0);
    const view = roomTurnView(h.state, ROOM, h.ctx, 0);
    expect(view.current?.clock).toMatchObject({ state: 'running', endsAt: 20_000, warnAt: 10_000 });
  });

  it('does not cut off at time: the overrun is counted when the turn ends, and nothing is due', () => {
    const h = adaSpeaking();
    expect(nextDeadline(h.state)).toBeNull(); // time up needs no event: clients read it off endsAt
    expect(h.tick(200_000)).toEqual([]);
    expect(h.room.current?.memberId).toBe('ada1');
    h.run(HOST, { type: 'turn.end' }, 95_000);
    expect(h.log.at(-1)).toMatchObject({ type: 'turn.ended', outcome: 'done', spokenMs: 85_000, overrunMs: 25_000 });
    expect(h.room.airtime.ada1).toMatchObject({ turns: 1, turnMs: 85_000, overrunMs: 25_000 });
    expect(h.room.current).toBeNull();
  });

  it('pauses with the time left and resumes from it; paused time is not speaking time', () => {
    const h = adaSpeaking();
    h.run(HOST, { type: 'turn.pause' }, 40_000);
    expect(h.room.current?.clock).toEqual({ state: 'paused', remainingMs: 30_000 });
    expect(roomTurnView(h.state, ROOM, h.ctx, 99_000).current?.clock).toMatchObject({ state: 'paused', remainingMs: 30_000, overrunMs: 0, warning: false });
    expect(h.run(HOST, { type: 'turn.pause' }, 41_000)).toEqual([]); // already paused
    h.run(HOST, { type: 'turn.resume' }, 100_000);
    expect(h.room.current?.clock).toMatchObject({ state: 'running', endsAt: 130_000 });
    h.run(HOST, { type: 'turn.end' }, 110_000);
    expect(h.room.airtime.ada1).toMatchObject({ turnMs: 40_000, overrunMs: 0 });
  });

  it('keeps an overrun across a pause', () => {
    const h = adaSpeaking();
    h.run(HOST, { type: 'turn.pause' }, 80_000); // 10 s over
    const clock = roomTurnView(h.state, ROOM, h.ctx, 90_000).current?.clock;
    expect(clock).toMatchObject({ state: 'paused', remainingMs: 0, overrunMs: 10_000 });
    h.run(HOST, { type: 'turn.resume' }, 90_000);
    h.run(HOST, { type: 'turn.end' }, 95_000);
    expect(h.log.at(-1)).toMatchObject({ spokenMs: 75_000, overrunMs: 15_000 });
  });

  it('extends: more time on the deadline, or from now for a speaker already over', () => {
    const h = adaSpeaking();
    h.run(HOST, { type: 'turn.extend', ms: 30_000 }, 20_000);
    expect(h.room.current).toMatchObject({ lengthMs: 90_000, clock: { endsAt: 100_000 } });
    h.run(HOST, { type: 'turn.extend', ms: 30_000 }, 110_000); // 10 s over: forgiven, 30 s from now
    expect(h.room.current).toMatchObject({ lengthMs: 130_000, clock: { endsAt: 140_000 } });
    h.run(HOST, { type: 'turn.end' }, 120_000);
    expect(h.log.at(-1)).toMatchObject({ spokenMs: 110_000, overrunMs: 0 });
  });

  it('extends a paused turn by adding to what is left', () => {
    const h = adaSpeaking();
    h.run(HOST, { type: 'turn.pause' }, 40_000);
    h.run(HOST, { type: 'turn.extend', ms: 60_000 }, 50_000);
    expect(h.room.current).toMatchObject({ lengthMs: 120_000, clock: { state: 'paused', remainingMs: 90_000 } });
  });

  it('skip moves on without counting a turn, but the time spoken still counts', () => {
    const h = adaSpeaking();
    h.run(HOST, { type: 'turn.skip' }, 15_000);
    expect(h.log.at(-1)).toMatchObject({ type: 'turn.ended', outcome: 'skipped', spokenMs: 5_000 });
    expect(h.room.airtime.ada1).toMatchObject({ turns: 0, turnMs: 5_000 });
  });

  it('calling the next speaker ends the current turn first', () => {
    const h = adaSpeaking();
    h.run('ben2', { type: 'turn.hand.raise' }, 11_000);
    const events = h.run(HOST, { type: 'turn.next' }, 40_000);
    expect(events.map((e) => e.type)).toEqual(['turn.ended', 'turn.started']);
    expect(h.room.current?.memberId).toBe('ben2');
    expect(h.room.airtime.ada1?.turns).toBe(1);
  });

  it('lets the speaker end their own turn, but not pause or extend it', () => {
    const h = adaSpeaking();
    expect(h.refused('ada1', { type: 'turn.extend', ms: 60_000 }, 11_000).code).toBe('forbidden');
    expect(h.refused('ben2', { type: 'turn.end' }, 11_000).code).toBe('forbidden');
    h.run('ada1', { type: 'turn.end' }, 12_000);
    expect(h.room.current).toBeNull();
  });

  it('refuses turn controls when nobody is speaking, saying what to do', () => {
    const h = new Harness(roomCtx(people));
    for (const type of ['turn.end', 'turn.pause', 'turn.resume', 'turn.skip'] as const) {
      expect(h.refused(HOST, { type }, 1).message).toMatch(/Call the next speaker/);
    }
  });

  it('someone leaving the room: hand down, turn ended and counted as time, not as a turn', () => {
    const h = adaSpeaking();
    h.run('ben2', { type: 'turn.hand.raise' }, 11_000);
    h.apply(decideLeave(h.state, ROOM, 'ada1', 20_000));
    h.apply(decideLeave(h.state, ROOM, 'ben2', 20_000));
    expect(h.room.current).toBeNull();
    expect(h.room.hands).toEqual([]);
    expect(h.room.airtime.ada1).toMatchObject({ turns: 0, turnMs: 10_000 });
  });

  it('closing the room counts the turn in progress and keeps the record', () => {
    const h = adaSpeaking();
    h.run('ben2', { type: 'turn.hand.raise' }, 11_000);
    h.apply(decideCloseRoom(h.state, ROOM, 30_000));
    expect(h.room).toMatchObject({ current: null, hands: [], goAround: null });
    expect(h.room.airtime.ada1).toMatchObject({ turns: 1, turnMs: 20_000 });
  });

  it('time spoken always equals the running time, whatever the sequence of controls', () => {
    type Step = { op: 'pause' | 'resume' | 'extend'; after: number };
    const step = fc.record({
      op: fc.constantFrom<Step['op']>('pause', 'resume', 'extend'),
      after: fc.integer({ min: 0, max: 120_000 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.integer({ min: 0, max: 120_000 }), (steps, tail) => {
        const h = adaSpeaking();
        let now = 10_000;
        let running = 0;
        let isRunning = true;
        for (const s of steps) {
          now += s.after;
          if (isRunning) running += s.after;
          if (s.op === 'pause') {
            h.run(HOST, { type: 'turn.pause' }, now);
            isRunning = false;
          } else if (s.op === 'resume') {
            h.run(HOST, { type: 'turn.resume' }, now);
            isRunning = true;
          } else {
            h.run(HOST, { type: 'turn.extend', ms: 30_000 }, now);
          }
        }
        now += tail;
        if (isRunning) running += tail;
        expect(speakingFigures(h.room, 'ada1', now).spokenMs).toBe(running);
        const given = h.room.current!.lengthMs;
        h.run(HOST, { type: 'turn.end' }, now);
        expect(h.log.at(-1)).toMatchObject({ type: 'turn.ended', spokenMs: running, overrunMs: Math.max(0, running - given) });
        // the spans kept for clipping voice reports cover exactly the running time
        const spans = h.room.airtime.ada1?.spans ?? [];
        expect(spans.reduce((sum, [a, b]) => sum + (b - a), 0)).toBe(running);
      }),
    );
  });
});
