import { describe, expect, it } from 'vitest';
import { agoParts, countdownWarning, parseMinutes } from '../../client/src/lib/format.ts';

describe('small formatting rules', () => {
  it('says how long ago a hand went up, coarsely', () => {
    expect(agoParts(-5_000)).toEqual({ key: 'time.justNow' });
    expect(agoParts(9_999)).toEqual({ key: 'time.justNow' });
    expect(agoParts(10_000)).toEqual({ key: 'time.secondsAgo', count: 10 });
    expect(agoParts(59_000)).toEqual({ key: 'time.secondsAgo', count: 50 });
    expect(agoParts(60_000)).toEqual({ key: 'time.minutesAgo', count: 1 });
    expect(agoParts(59 * 60_000 + 59_000)).toEqual({ key: 'time.minutesAgo', count: 59 });
    expect(agoParts(2 * 3_600_000 + 5)).toEqual({ key: 'time.hoursAgo', count: 2 });
  });

  it('reads minutes the way facilitators type them', () => {
    const max = 6 * 3_600_000;
    expect(parseMinutes('5', max)).toBe(300_000);
    expect(parseMinutes(' 2.5 ', max)).toBe(150_000);
    expect(parseMinutes('1,5', max)).toBe(90_000);
    expect(parseMinutes('360', max)).toBe(max);
    expect(parseMinutes('361', max)).toBeNull();
    expect(parseMinutes('0', max)).toBeNull();
    expect(parseMinutes('-3', max)).toBeNull();
    expect(parseMinutes('five', max)).toBeNull();
    expect(parseMinutes('', max)).toBeNull();
  });

  it('warns once at one minute on long timers, and at time up', () => {
    expect(countdownWarning(5 * 60_000, true, 10 * 60_000)).toBe('none');
    expect(countdownWarning(60_000, true, 10 * 60_000)).toBe('oneMinute');
    expect(countdownWarning(30_000, true, 60_000)).toBe('none'); // a one-minute timer: no "one minute left"
    expect(countdownWarning(30_000, false, 10 * 60_000)).toBe('none'); // paused
    expect(countdownWarning(0, true, 60_000)).toBe('timeUp');
  });
});
