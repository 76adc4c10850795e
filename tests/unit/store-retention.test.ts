import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventBody } from '../../server/engine/events.ts';
import { EMPTY_STATE } from '../../server/engine/state.ts';
import { SqliteEventStore } from '../../server/store/sqlite-store.ts';

const DAY = 24 * 3600 * 1000;
/** A name that appears nowhere else, so finding its bytes in a file means it is still there. */
const NAME = 'Zanele Qwabe-Mthembu';
const ORG = 'Umbrella Of Kindness Trust';

const created = (id: string): EventBody => ({
  type: 'workshop.created',
  id,
  code: `C${id.slice(-5).toUpperCase()}`,
  title: `Workshop ${id}`,
  description: '',
  profileFields: [{ id: 'org', label: 'Organisation', required: false, choices: [] }],
  cohostKey: 'cohost-key-cohost-key-1',
  waitingRoom: false,
  host: { id: `host-${id}`, name: 'Facilitator', role: 'host', profile: {}, tokenHash: 'h0', status: 'admitted' },
});
const joined = (id: string, name: string, org: string): EventBody => ({
  type: 'member.joined',
  member: { id, name, role: 'participant', profile: { org }, tokenHash: `t-${id}`, status: 'admitted' },
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-store-'));
  dirs.push(dir);
  return path.join(dir, 'indaba.db');
}
/** Every byte the store has on disk: the database and its write-ahead log. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

/** Rows in any table, any column, equal to the value: catches a table added later that keeps a workshop's data. */
function rowsMentioning(file: string, value: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${name}")`).all();
      const where = columns.map((c) => `"${c.name}" = @value`).join(' OR ');
      counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`).get({ value }) as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

describe('finding workshops by their last activity', () => {
  it('lists the workshops whose last event is before the cutoff, and not those at or after it', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.create({ id: 'ws-old', code: 'AAAAAA' }, [created('ws-old')], 1 * DAY);
    await store.create({ id: 'ws-edge', code: 'BBBBBB' }, [created('ws-edge')], 10 * DAY);
    // created long ago, but someone did something yesterday: not old
    await store.create({ id: 'ws-busy', code: 'CCCCCC' }, [created('ws-busy')], 1 * DAY);
    await store.append('ws-busy', 1, [{ type: 'now.set', text: 'still going' }], 29 * DAY);

    expect(await store.olderThan(10 * DAY)).toEqual(['ws-old']);
    expect((await store.olderThan(10 * DAY + 1)).sort()).toEqual(['ws-edge', 'ws-old']);
    expect(await store.olderThan(0)).toEqual([]);
    await store.close();
  });
});

describe('rewriting a workshop log', () => {
  it('changes only the events the rewrite returns, keeps their places and times, and drops the snapshot', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.create({ id: 'ws-1', code: 'AAAAAA' }, [created('ws-1'), joined('m-1', NAME, ORG)], 1_000);
    await store.append('ws-1', 2, [joined('m-2', 'Ibrahim', 'Hope'), { type: 'now.set', text: 'Check-in' }], 2_000);
    await store.saveSnapshot('ws-1', { ...EMPTY_STATE, id: 'ws-1', version: 4 });
    await store.create({ id: 'ws-2', code: 'BBBBBB' }, [created('ws-2'), joined('m-1', NAME, ORG)], 1_000);

    const seen: number[] = [];
    const changed = await store.rewriteEvents('ws-1', (e) => {
      seen.push(e.seq);
      if (e.type === 'member.joined' && e.member.id === 'm-1') return { ...e, member: { ...e.member, name: 'Former participant', profile: {} } };
      // returned unchanged: not counted
      if (e.type === 'now.set') return { type: 'now.set', text: e.text };
      return null;
    });

    expect(seen).toEqual([1, 2, 3, 4]);
    expect(changed).toBe(1);
    const events = await store.read('ws-1', 0);
    expect(events.map((e) => [e.seq, e.at, e.type])).toEqual([
      [1, 1_000, 'workshop.created'],
      [2, 1_000, 'member.joined'],
      [3, 2_000, 'member.joined'],
      [4, 2_000, 'now.set'],
    ]);
    expect(events[1]).toMatchObject({ member: { id: 'm-1', name: 'Former participant', profile: {} } });
    expect(events[2]).toMatchObject({ member: { name: 'Ibrahim', profile: { org: 'Hope' } } });
    expect(await store.loadSnapshot('ws-1')).toBeNull();
    // the version is unchanged: the next append still follows on
    await expect(store.append('ws-1', 4, [{ type: 'now.set', text: 'Next' }], 3_000)).resolves.toHaveLength(1);
    // another workshop with the same person is not touched
    expect((await store.read('ws-2', 0))[1]).toMatchObject({ member: { name: NAME } });
    await store.close();
  });

  it('stores bodies only (seq and time stay in their columns), and refuses a body that is not an event, changing nothing', async () => {
    const file = tempFile();
    const store = new SqliteEventStore(file);
    await store.create({ id: 'ws-1', code: 'AAAAAA' }, [created('ws-1'), joined('m-1', NAME, ORG)], 1_000);
    await store.saveSnapshot('ws-1', { ...EMPTY_STATE, id: 'ws-1', version: 2 });
    await expect(
      store.rewriteEvents('ws-1', (e) => (e.type === 'member.joined' ? ({ ...e, member: { ...e.member, role: 'king' } } as unknown as EventBody) : null)),
    ).rejects.toThrow();
    expect((await store.read('ws-1', 0))[1]).toMatchObject({ member: { name: NAME } });
    expect(await store.loadSnapshot('ws-1')).not.toBeNull();

    await store.rewriteEvents('ws-1', (e) => (e.type === 'member.joined' ? { ...e, member: { ...e.member, name: 'Former participant' } } : null));
    const db = new Database(file, { readonly: true });
    const body = JSON.parse((db.prepare("SELECT body FROM events WHERE workshop_id = 'ws-1' AND seq = 2").get() as { body: string }).body);
    db.close();
    expect(body).not.toHaveProperty('seq');
    expect(body).not.toHaveProperty('at');
    await store.close();
  });

  it('leaves no copy of the old text in the database file or its write-ahead log', async () => {
    const file = tempFile();
    const store = new SqliteEventStore(file);
    await store.create({ id: 'ws-1', code: 'AAAAAA' }, [created('ws-1'), joined('m-1', NAME, ORG)], 1_000);
    for (let i = 0; i < 50; i++) await store.append('ws-1', 2 + i, [{ type: 'now.set', text: `step ${i}` }], 2_000 + i);
    await store.saveSnapshot('ws-1', { ...EMPTY_STATE, id: 'ws-1', version: 52, title: NAME });
    expect(bytesOnDisk(file).includes(NAME)).toBe(true);

    await store.rewriteEvents('ws-1', (e) =>
      e.type === 'member.joined' ? { ...e, member: { ...e.member, name: 'Former participant', profile: {} } } : null,
    );

    // checked while the store is still open: closing it would tidy the log away by itself
    const disk = bytesOnDisk(file);
    expect(disk.includes(NAME)).toBe(false);
    expect(disk.includes(ORG)).toBe(false);
    await store.close();
  });
});

describe('deleting a workshop', () => {
  it('leaves no row about it in any table, and the other workshops as they were', async () => {
    const file = tempFile();
    const store = new SqliteEventStore(file);
    await store.create({ id: 'ws-gone', code: 'AAAAAA' }, [created('ws-gone'), joined('m-1', NAME, ORG)], 1_000);
    await store.saveSnapshot('ws-gone', { ...EMPTY_STATE, id: 'ws-gone', version: 2 });
    await store.create({ id: 'ws-kept', code: 'BBBBBB' }, [created('ws-kept'), joined('m-2', 'Ibrahim', 'Hope')], 1_000);
    await store.saveSnapshot('ws-kept', { ...EMPTY_STATE, id: 'ws-kept', version: 2 });
    expect(Object.values(rowsMentioning(file, 'ws-gone')).every((n) => n === 0)).toBe(false);

    await store.delete('ws-gone');

    const left = rowsMentioning(file, 'ws-gone');
    // the schema today: a new table must show up here too, and be emptied by delete
    expect(Object.keys(left).sort()).toEqual(['events', 'snapshots', 'workshops']);
    expect(left).toEqual({ events: 0, snapshots: 0, workshops: 0 });
    expect(await store.exists('ws-gone')).toBe(false);
    expect(await store.findByCode('AAAAAA')).toBeNull();
    expect(await store.read('ws-gone', 0)).toEqual([]);
    expect(rowsMentioning(file, 'ws-kept')).toEqual({ events: 2, snapshots: 1, workshops: 1 });
    expect(await store.loadSnapshot('ws-kept')).not.toBeNull();
    await store.close();
  });

  it('leaves no copy of its people in the database file or its write-ahead log', async () => {
    const file = tempFile();
    const store = new SqliteEventStore(file);
    await store.create({ id: 'ws-gone', code: 'AAAAAA' }, [created('ws-gone'), joined('m-1', NAME, ORG)], 1_000);
    await store.saveSnapshot('ws-gone', { ...EMPTY_STATE, id: 'ws-gone', version: 2, title: NAME });
    await store.create({ id: 'ws-kept', code: 'BBBBBB' }, [created('ws-kept')], 1_000);
    expect(bytesOnDisk(file).includes(NAME)).toBe(true);

    await store.delete('ws-gone');

    const disk = bytesOnDisk(file);
    expect(disk.includes(NAME)).toBe(false);
    expect(disk.includes(ORG)).toBe(false);
    expect(disk.includes('Workshop ws-kept')).toBe(true);
    await store.close();
  });

  it('does not let a snapshot saved just after the delete bring the workshop back', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.create({ id: 'ws-gone', code: 'AAAAAA' }, [created('ws-gone')], 1_000);
    await store.delete('ws-gone');
    await store.saveSnapshot('ws-gone', { ...EMPTY_STATE, id: 'ws-gone', version: 1 });
    expect(await store.loadSnapshot('ws-gone')).toBeNull();
    await store.close();
  });
});
