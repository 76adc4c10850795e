import type { Role } from '../../../shared/index.ts';

/**
 * What this browser remembers between visits. localStorage can be missing or full (private modes,
 * locked-down phones): every access is guarded and the app still works for the current visit.
 */
export type StoredSession = { token: string; memberId: string; role: Role };

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory = new Map<string, string>();
const fallback: KeyValueStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function defaultStore(): KeyValueStore {
  try {
    const s = globalThis.localStorage;
    if (s) return s;
  } catch {
    /* access denied: fall through */
  }
  return fallback;
}

function read(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return fallback.getItem(key);
  }
}

function write(store: KeyValueStore, key: string, value: string | null): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
  } catch {
    if (value === null) fallback.removeItem(key);
    else fallback.setItem(key, value);
  }
}

export const storageKeys = {
  host: (workshopId: string) => `indaba:host:${workshopId}`,
  session: (workshopId: string) => `indaba:session:${workshopId}`,
  name: 'indaba:name',
  language: 'indaba:lang',
} as const;

const ROLES: readonly string[] = ['host', 'cohost', 'participant'];

export function parseStoredSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession> | null;
    if (
      value &&
      typeof value.token === 'string' &&
      value.token.length > 0 &&
      typeof value.memberId === 'string' &&
      typeof value.role === 'string' &&
      ROLES.includes(value.role)
    ) {
      return { token: value.token, memberId: value.memberId, role: value.role };
    }
  } catch {
    /* not JSON: treat as absent */
  }
  return null;
}

export function createStorage(store: KeyValueStore = defaultStore()) {
  return {
    hostKey: (workshopId: string): string | null => read(store, storageKeys.host(workshopId)) || null,
    setHostKey: (workshopId: string, key: string | null) => write(store, storageKeys.host(workshopId), key),
    session: (workshopId: string): StoredSession | null => parseStoredSession(read(store, storageKeys.session(workshopId))),
    setSession: (workshopId: string, session: StoredSession | null) =>
      write(store, storageKeys.session(workshopId), session ? JSON.stringify(session) : null),
    name: (): string => read(store, storageKeys.name) ?? '',
    setName: (name: string) => write(store, storageKeys.name, name),
    language: (): string | null => read(store, storageKeys.language),
    setLanguage: (lang: string) => write(store, storageKeys.language, lang),
  };
}

export type AppStorage = ReturnType<typeof createStorage>;

export const storage: AppStorage = createStorage();
