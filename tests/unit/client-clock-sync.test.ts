import { describe, expect, it } from 'vitest';
import { ClockSamples } from '../../client/src/lib/clock-sync.ts';

describe('clock samples', () => {
  it('uses the fastest round trip among the recent samples', () => {
    const clock = new ClockSamples(3);
    expect(clock.estimate()).toBeNull();
    clock.add({ t0: 0, server: 10_050, t1: 100 }); // rtt 100 → offset 10000
    const best = clock.add({ t0: 1_000, server: 11_010, t1: 1_020 }); // rtt 20 → offset 10000
    expect(best).toEqual({ offsetMs: 10_000, rttMs: 20, samples: 2 });
    clock.add({ t0: 2_000, server: 12_300, t1: 2_400 });
    expect(clock.estimate()?.rttMs).toBe(20);
  });

  it('forgets samples beyond its window, so a changed clock is followed', () => {
    const clock = new ClockSamples(2);
    clock.add({ t0: 0, server: 5_005, t1: 10 }); // offset 5000, rtt 10
    clock.add({ t0: 100, server: 9_150, t1: 200 }); // offset 9000, rtt 100
    clock.add({ t0: 300, server: 9_350, t1: 400 }); // offset 9000, rtt 100; the first sample is gone
    expect(clock.size).toBe(2);
    expect(clock.estimate()?.offsetMs).toBe(9_000);
  });
});
