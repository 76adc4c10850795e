import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('RETENTION_DAYS', () => {
  it('is off when unset or empty: workshops are kept until their host deletes them', () => {
    expect(loadConfig({}).RETENTION_DAYS).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '' }).RETENTION_DAYS).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '   ' }).RETENTION_DAYS).toBeUndefined();
  });

  it('takes a whole number of days', () => {
    expect(loadConfig({ RETENTION_DAYS: '90' }).RETENTION_DAYS).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: ' 1 ' }).RETENTION_DAYS).toBe(1);
  });

  it('stops the server with one line naming the variable for anything else', () => {
    for (const bad of ['0', '-5', '1.5', '30d', 'thirty', '1e3']) {
      expect(() => loadConfig({ RETENTION_DAYS: bad }), bad).toThrow(/^Configuration error: RETENTION_DAYS: .*\(see \.env\.example\)$/);
    }
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/at least 1 day/);
    expect(() => loadConfig({ RETENTION_DAYS: '100000' })).toThrow(/at most 36500 days/);
  });
});
