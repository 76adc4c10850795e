import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReport, speakingFigures } from '../../server/activities/turns/airtime.ts';
import { NEW_ROOM } from '../../server/activities/turns/state.ts';
import { TurnCommand } from '../../shared/turns.ts';
import { Harness, HOST, ROOM, roomCtx } from './turns-helpers.ts';

const JOINED = 100_000;
const people = { ada1: 'Ada', ben2: 'Ben' };

function room(): Harness {
  return new Harness(roomCtx(people, { joinedAt: JOINED }));
}

const report = (from: number, to: number) => ({ type: 'turn.airtime.report', from, to }) as const;

describe('airtime reports ("I spoke from..to")', () => {
  it('adds reported voice time to the person’s airtime', () => {
    const h = room();
    h.run('ada1', report(110_000, 115_000), 120_000);
    h.run('ada1', report(118_000, 119_500), 120_000);
    expect(speakingFigures(h.room, 'ada1', 120_000)).toEqual({ turns: 0, spokenMs: 6_500, overrunMs: 0 });
  });

  it('refuses a report from someone not in that room', () => {
    const h = room();
    const error = h.refused('zed9', report(110_000, 115_000), 120_000);
    expect(error.code).toBe('forbidden');
    // a facilitator who runs the room from outside is not in it either
    const outside = checkReport(NEW_ROOM, h.ctx, HOST, { from: 110_000, to: 115_000 }, 120_000);
    expect(outside.ok === false && outside.error.message).toMatch(/not in this room/);
  });

  it('refuses a report that ends in the future', () => {
    const error = room().refused('ada1', report(110_000, 130_000), 120_000);
    expect(error).toEqual({ code: 'bad_request', message: expect.stringMatching(/ends in the future/) });
  });

  it('refuses a report longer than the time the person has been in the room', () => {
    const error = room().refused('ada1', report(50_000, 119_000), 120_000);
    expect(error.message).toMatch(/claims 69 s of speaking, but you have been in this room for only 20 s/);
  });

  it('refuses a report starting before the person joined the room', () => {
    const error = room().refused('ada1', report(90_000, 95_000), 120_000);
    expect(error.message).toMatch(/before you joined this room/);
  });

  it('refuses a report overlapping an earlier one, and accepts an exact resend without counting it twice', () => {
    const h = room();
    h.run('ada1', report(110_000, 115_000), 120_000);
    expect(h.refused('ada1', report(114_000, 116_000), 121_000)).toEqual({ code: 'conflict', message: expect.stringMatching(/overlaps/) });
    expect(h.run('ada1', report(110_000, 115_000), 121_000)).toEqual([]);
    expect(speakingFigures(h.room, 'ada1', 121_000).spokenMs).toBe(5_000);
    // someone else's reports are theirs: no overlap across people
    h.run('ben2', report(110_000, 115_000), 121_000);
  });

  it('refuses a backwards or empty interval at the schema and in the check', () => {
    expect(TurnCommand.safeParse({ roomId: ROOM, ...report(5, 5) }).success).toBe(false);
    const c = checkReport(NEW_ROOM, roomCtx(people), 'ada1', { from: 10, to: 5 }, 100);
    expect(c.ok === false && c.error.code).toBe('bad_request');
  });

  it('clips a report a clock estimate away from now or from the join, instead of refusing it', () => {
    const c = checkReport(NEW_ROOM, roomCtx(people, { joinedAt: JOINED }), 'ada1', { from: JOINED - 1_000, to: 120_500 }, 120_000);
    expect(c).toEqual({ ok: true, from: JOINED, to: 120_000, countedMs: 20_000, duplicate: false });
  });

  it('does not count voice time twice during the person’s own turn', () => {
    const h = room();
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 60_000 }, 110_000);
    h.run('ada1', report(105_000, 120_000), 125_000); // 5 s before the turn counts, 10 s inside does not
    h.run(HOST, { type: 'turn.end' }, 140_000);
    h.run('ada1', report(135_000, 150_000), 155_000); // 5 s inside the (closed) turn, 10 s after
    expect(h.log.filter((e) => e.type === 'turn.airtimeReported').map((e) => e.type === 'turn.airtimeReported' && e.countedMs)).toEqual([5_000, 10_000]);
    expect(speakingFigures(h.room, 'ada1', 160_000).spokenMs).toBe(30_000 + 15_000);
  });

  it('never lets the total speaking time exceed the time in the room, whatever is claimed', () => {
    const claim = fc.record({ from: fc.integer({ min: 0, max: 400_000 }), len: fc.integer({ min: 1, max: 200_000 }), sentAfter: fc.integer({ min: 0, max: 50_000 }) });
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 25 }), fc.boolean(), (claims, withTurn) => {
        const h = room();
        let now = JOINED + 10_000;
        if (withTurn) h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 60_000 }, now);
        for (const c of claims) {
          now += c.sentAfter;
          h.try('ada1', report(c.from, c.from + c.len), now);
        }
        expect(speakingFigures(h.room, 'ada1', now).spokenMs).toBeLessThanOrEqual(Math.max(0, now - JOINED));
      }),
    );
  });
});
