import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateOffset, serverNow } from '../../shared/clock.ts';
import { formatCountdown, timerRemainingMs } from '../../shared/timer.ts';

describe('clock offset (Cristian)', () => {
  it('picks the sample with the shortest round trip', () => {
    const est = estimateOffset([
      { t0: 1_000, server: 61_300, t1: 1_400 }, // rtt 400
      { t0: 2_000, server: 62_020, t1: 2_040 }, // rtt 40: server read 62020 at local 2020
      { t0: 3_000, server: 63_500, t1: 3_900 },
    ]);
    expect(est).toEqual({ offsetMs: 60_000, rttMs: 40, samples: 3 });
    expect(serverNow(10_000, est)).toBe(70_000);
  });

  it('ignores samples where the local clock went backwards, and has no estimate without samples', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ t0: 5, server: 1, t1: 4 }])).toBeNull();
    expect(serverNow(123, null)).toBe(123);
  });

  it('is off by at most half the best round trip, whatever the skew and the asymmetry of delays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }), // true offset: client clock wrong by up to an hour
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 8 }),
        (trueOffset, delays) => {
          let local = 1_000_000;
          const samples = delays.map(([up, down]) => {
            const t0 = local;
            const server = t0 + up + trueOffset;
            const t1 = t0 + up + down;
            local = t1 + 100;
            return { t0, server, t1 };
          });
          const est = estimateOffset(samples)!;
          expect(Math.abs(est.offsetMs - trueOffset)).toBeLessThanOrEqual(est.rttMs / 2);
        },
      ),
    );
  });
});

describe('timers on screen', () => {
  it('renders remaining time from the deadline, and a paused timer’s remainder', () => {
    const running = { state: 'running', endsAt: 100_000, durationMs: 60_000, label: '' } as const;
    expect(timerRemainingMs(running, 40_000)).toBe(60_000);
    expect(timerRemainingMs(running, 200_000)).toBe(0);
    expect(timerRemainingMs({ state: 'paused', remainingMs: 5_000, durationMs: 60_000, label: '' }, 0)).toBe(5_000);
    expect(timerRemainingMs({ state: 'ended', endedAt: 1, durationMs: 1, label: '' }, 0)).toBe(0);
    expect(timerRemainingMs(null, 0)).toBe(0);
  });

  it('formats countdowns, rounding up so 0:00 means really over', () => {
    expect(formatCountdown(60_000)).toBe('1:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});
