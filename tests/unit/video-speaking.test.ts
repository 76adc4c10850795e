import { describe, expect, it } from 'vitest';
import { SpeakingTracker } from '../../client/src/features/video/speaking.ts';
import { SpeakingReport } from '../../shared/video.ts';

describe('speaking intervals from active-speaker changes', () => {
  const tracker = () => {
    let now = 1_000;
    const out: { from: number; to: number }[] = [];
    const t = new SpeakingTracker((i) => out.push(i), () => now);
    return { t, out, at: (ms: number) => void (now = ms) };
  };

  it('turns "speaking" then "not speaking" into one interval once the merge gap has passed', () => {
    const { t, out, at } = tracker();
    at(1_000);
    t.update(true);
    at(4_000);
    t.update(false);
    t.flush();
    expect(out).toEqual([]); // a breath may follow
    at(5_000);
    t.flush();
    expect(out).toEqual([{ from: 1_000, to: 4_000 }]);
    expect(SpeakingReport.safeParse({ roomId: 'plenary', intervals: out }).success).toBe(true);
  });

  it('joins pauses shorter than a breath, splits longer ones, and drops blips', () => {
    const { t, out, at } = tracker();
    at(0);
    t.update(true);
    at(2_000);
    t.update(false);
    at(2_300);
    t.update(true); // 300 ms pause: same turn
    at(3_000);
    t.update(false);
    at(6_000);
    t.update(true); // a new turn
    at(6_100);
    t.update(false); // 100 ms: a cough
    at(9_000);
    t.flush();
    expect(out).toEqual([{ from: 0, to: 3_000 }]);
  });

  it('closes an interval still open when leaving the room', () => {
    const { t, out, at } = tracker();
    at(10_000);
    t.update(true);
    at(12_500);
    t.flush(true);
    expect(out).toEqual([{ from: 10_000, to: 12_500 }]);
  });
});
