import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_FILE: './data/indaba.db', LOG_LEVEL: 'info' });
    expect(c.CREATE_PASSWORD).toBeUndefined();
  });
  it('names the variable in one line when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Configuration error: PORT: .*\(see \.env\.example\)$/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
  it('wants all three LiveKit settings or none', () => {
    expect(() => loadConfig({ LIVEKIT_URL: 'ws://localhost:7880' })).toThrow(/LIVEKIT_URL: set all three/);
    expect(loadConfig({ LIVEKIT_URL: 'ws://localhost:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' }).LIVEKIT_URL).toBe(
      'ws://localhost:7880',
    );
    expect(loadConfig({ LIVEKIT_URL: '', LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' }).LIVEKIT_URL).toBeUndefined();
  });
});
