import { describe, expect, it } from 'vitest';
import { createStorage, parseStoredSession, storageKeys, type KeyValueStore } from '../../client/src/lib/storage.ts';

function mapStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('what the browser remembers', () => {
  it('stores the host key and the session under the documented keys', () => {
    const store = mapStore();
    const s = createStorage(store);
    s.setHostKey('ws1', 'host-key');
    s.setSession('ws1', { token: 'tok', memberId: 'm1', role: 'participant' });
    expect(store.map.get('indaba:host:ws1')).toBe('host-key');
    expect(JSON.parse(store.map.get('indaba:session:ws1')!)).toEqual({ token: 'tok', memberId: 'm1', role: 'participant' });
    expect(s.hostKey('ws1')).toBe('host-key');
    expect(s.session('ws1')).toEqual({ token: 'tok', memberId: 'm1', role: 'participant' });
    s.setSession('ws1', null);
    s.setHostKey('ws1', null);
    expect(s.session('ws1')).toBeNull();
    expect(s.hostKey('ws1')).toBeNull();
    expect(storageKeys.session('x')).toBe('indaba:session:x');
  });

  it('treats damaged entries as absent', () => {
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession('not json')).toBeNull();
    expect(parseStoredSession('null')).toBeNull();
    expect(parseStoredSession('{"token":"t","memberId":"m","role":"king"}')).toBeNull();
    expect(parseStoredSession('{"token":"","memberId":"m","role":"host"}')).toBeNull();
    expect(parseStoredSession('{"token":"t","memberId":"m","role":"cohost"}')).toEqual({ token: 't', memberId: 'm', role: 'cohost' });
  });

  it('keeps working for this visit when storage throws (private mode, quota)', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const s = createStorage(broken);
    s.setSession('ws2', { token: 'tok', memberId: 'm', role: 'participant' });
    expect(s.session('ws2')?.token).toBe('tok');
    s.setSession('ws2', null);
    expect(s.session('ws2')).toBeNull();
  });
});
