import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceScore, shares } from '../../server/activities/turns/balance.ts';
import { balanceAudience, balanceSummary, balanceView } from '../../server/activities/turns/views.ts';
import { RoomBalanceSummary, RoomBalanceView } from '../../shared/turns.ts';
import { Harness, HOST, ROOM, roomCtx } from './turns-helpers.ts';

const ms = fc.integer({ min: 0, max: 3_600_000 });

describe('balance score (1 - normalised Gini)', () => {
  it('is always in [0, 1]', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { maxLength: 60 }), (xs) => {
      const s = balanceScore(xs);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }));
  });

  it('is 1 when everyone spoke the same time', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: 1, max: 200 }), (x, n) => {
      expect(balanceScore(Array(n).fill(x))).toBe(1);
    }));
  });

  it('does not depend on the order of people', () => {
    fc.assert(
      fc.property(fc.array(ms, { maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), ([xs, ys]) => {
        expect(balanceScore(ys)).toBe(balanceScore(xs));
      }),
    );
  });

  it('does not depend on the unit: seconds or milliseconds give the same score', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 30 }), (xs) => {
      expect(balanceScore(xs.map((x) => x * 1000))).toBeCloseTo(balanceScore(xs), 12);
    }));
  });

  it('is 0 when one person did all the talking, in a pair as in a plenary', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 3_600_000 }), (n, x) => {
      const xs = Array(n).fill(0);
      xs[0] = x;
      expect(balanceScore(xs)).toBeCloseTo(0, 12);
    }));
  });

  it('drops when time moves from a quieter person to a louder one (Pigou–Dalton)', () => {
    fc.assert(
      fc.property(fc.array(ms, { minLength: 2, maxLength: 20 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 60_000 }), (xs, i0, j0, d) => {
        const i = i0 % xs.length;
        const j = j0 % xs.length;
        if (i === j || xs[i]! > xs[j]! || xs[i]! < d) return;
        const moved = [...xs];
        moved[i] = xs[i]! - d;
        moved[j] = xs[j]! + d;
        expect(balanceScore(moved)).toBeLessThan(balanceScore(xs) + 1e-12);
      }),
    );
  });

  it('documents the edge cases: nobody, one person, nobody spoke yet → 1', () => {
    expect(balanceScore([])).toBe(1);
    expect(balanceScore([120_000])).toBe(1);
    expect(balanceScore([0, 0, 0])).toBe(1);
    expect(balanceScore([3, 1])).toBeCloseTo(0.5, 12); // 75 % / 25 % in a pair
  });

  it('shares sum to 1 once someone spoke, and are all 0 before', () => {
    fc.assert(fc.property(fc.array(ms, { minLength: 1, maxLength: 40 }), (xs) => {
      const s = shares(xs);
      const total = s.reduce((a, b) => a + b, 0);
      if (xs.some((x) => x > 0)) expect(total).toBeCloseTo(1, 9);
      else expect(total).toBe(0);
    }));
  });
});

describe('room balance views', () => {
  function talkedRoom(): Harness {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben', cat3: 'Cat', dan4: 'Dan' }, { runners: [HOST, 'ben2'] }));
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 60_000 }, 0);
    h.run(HOST, { type: 'turn.pick', memberId: 'ben2', lengthMs: 60_000 }, 90_000); // Ada 90 s, 30 s over
    h.run(HOST, { type: 'turn.end' }, 120_000); // Ben 30 s
    return h;
  }

  it('gives facilitators each person’s share, the not-spoken count and the score', () => {
    const h = talkedRoom();
    const view = RoomBalanceView.parse(balanceView(h.state, ROOM, h.ctx, 'facilitator', 120_000));
    expect(view).toMatchObject({ roomId: ROOM, peopleCount: 4, notSpoken: 2, totalMs: 120_000, shares: [0.75, 0.25, 0, 0] });
    expect(view.people).toEqual([
      { memberId: 'ada1', name: 'Ada', spokenMs: 90_000, share: 0.75, turns: 1, overrunMs: 30_000 },
      { memberId: 'ben2', name: 'Ben', spokenMs: 30_000, share: 0.25, turns: 1, overrunMs: 0 },
      { memberId: 'cat3', name: 'Cat', spokenMs: 0, share: 0, turns: 0, overrunMs: 0 },
      { memberId: 'dan4', name: 'Dan', spokenMs: 0, share: 0, turns: 0, overrunMs: 0 },
    ]);
    expect(view.score).toBeCloseTo(balanceScore([90, 30, 0, 0]), 12);
  });

  it('gives a room host who is not a facilitator the balance without per-person figures, and others nothing', () => {
    const h = talkedRoom();
    expect(balanceAudience(h.ctx, 'ben2', false)).toBe('roomHost');
    expect(balanceAudience(h.ctx, 'cat3', false)).toBeNull();
    expect(balanceAudience(h.ctx, 'cat3', true)).toBe('facilitator');
    const view = balanceView(h.state, ROOM, h.ctx, 'roomHost', 120_000);
    expect(view.people).toBeNull();
    expect(view.notSpoken).toBe(2);
  });

  it('counts the turn in progress, and keeps the summary free of names', () => {
    const h = talkedRoom();
    h.run(HOST, { type: 'turn.pick', memberId: 'cat3' }, 200_000);
    const summary = RoomBalanceSummary.parse(balanceSummary(h.state, ROOM, h.ctx, 230_000));
    expect(summary.notSpoken).toBe(1);
    expect(summary.totalMs).toBe(150_000);
    expect(JSON.stringify(summary)).not.toMatch(/ada1|Ada/);
  });
});
