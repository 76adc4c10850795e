import { describe, expect, it } from 'vitest';
import { workshopLinks } from '../../client/src/lib/links.ts';

describe('links a facilitator shares', () => {
  it('are built from the page origin, with the code clean in the URL and formatted for reading', () => {
    const links = workshopLinks('https://indaba.example.org', {
      workshopId: 'ws_123456',
      code: 'k7p-4qx',
      hostKey: 'H'.repeat(24),
      cohostKey: 'C'.repeat(24),
    });
    expect(links).toEqual({
      join: 'https://indaba.example.org/j/K7P4QX',
      code: 'K7P-4QX',
      cohost: `https://indaba.example.org/w/ws_123456/cohost#key=${'C'.repeat(24)}`,
      host: `https://indaba.example.org/w/ws_123456/host#key=${'H'.repeat(24)}`,
      workshop: 'https://indaba.example.org/w/ws_123456',
    });
  });

  it('leave out the key links when the keys are not known', () => {
    const links = workshopLinks('http://localhost:3000', { workshopId: 'ws_123456', code: 'K7P4QX' });
    expect(links.host).toBeNull();
    expect(links.cohost).toBeNull();
  });
});
