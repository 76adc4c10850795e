import { describe, expect, it } from 'vitest';
import { keyFromHash, matchRoute } from '../../client/src/lib/routes.ts';
import { paths } from '../../client/src/lib/protocol.ts';

describe('client routes', () => {
  it('matches every page the links point to', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute(paths.join('K7P4QX'))).toEqual({ name: 'join', code: 'K7P4QX' });
    expect(matchRoute(paths.workshop('ws_abc123'))).toEqual({ name: 'workshop', workshopId: 'ws_abc123' });
    const host = new URL(paths.host('ws_abc123', 'secret-host-key-123456789'), 'http://x');
    expect(matchRoute(host.pathname, host.hash)).toEqual({ name: 'host', workshopId: 'ws_abc123', key: 'secret-host-key-123456789' });
    const cohost = new URL(paths.cohost('ws_abc123', 'cohost_key_abcdefghijkl'), 'http://x');
    expect(matchRoute(cohost.pathname, cohost.hash)).toEqual({
      name: 'cohost',
      workshopId: 'ws_abc123',
      key: 'cohost_key_abcdefghijkl',
    });
    expect(matchRoute(paths.harvest('ws_abc123'))).toEqual({ name: 'harvest', workshopId: 'ws_abc123' });
  });

  it('tolerates trailing slashes and sends anything else to not-found', () => {
    expect(matchRoute('/w/abcdef/')).toEqual({ name: 'workshop', workshopId: 'abcdef' });
    expect(matchRoute('/w/abcdef/admin').name).toBe('not-found');
    expect(matchRoute('/w/abcdef/harvest/')).toEqual({ name: 'harvest', workshopId: 'abcdef' });
    expect(matchRoute('/w/abcdef/harvest/x').name).toBe('not-found');
    // a key in the fragment is not needed (the page resumes this browser's session) and not kept
    expect(matchRoute('/w/abcdef/harvest', '#key=abc')).toEqual({ name: 'harvest', workshopId: 'abcdef' });
    expect(matchRoute('/x').name).toBe('not-found');
    expect(matchRoute('/w/has space').name).toBe('not-found');
    expect(matchRoute('/j/a/b').name).toBe('not-found');
  });

  it('reads the key from the fragment, and gives an empty key when there is none', () => {
    expect(keyFromHash('#key=abc')).toBe('abc');
    expect(keyFromHash('key=abc&x=1')).toBe('abc');
    expect(keyFromHash('')).toBe('');
    expect(matchRoute('/w/abcdef/host', '')).toEqual({ name: 'host', workshopId: 'abcdef', key: '' });
  });
});
