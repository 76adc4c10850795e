import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startServer } from '../../server/start.ts';
import { SimPerson, createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { people, tempDataFile, testServer } from './harness.ts';

const DAY = 24 * 3600 * 1000;

/** Rows about a workshop in every table of the data file (any column holding its id). */
function rowsAbout(file: string, workshopId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    let total = 0;
    for (const { name } of tables) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${name}")`).all();
      const where = columns.map((c) => `"${c.name}" = @id`).join(' OR ');
      total += (db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`).get({ id: workshopId }) as { n: number }).n;
    }
    return total;
  } finally {
    db.close();
  }
}
const onDisk = (file: string, text: string) =>
  [file, `${file}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(text));

describe('data retention (RETENTION_DAYS)', () => {
  const [dataFile, otherFile, unusedFile] = [tempDataFile(), tempDataFile(), tempDataFile()];
  const crowd = people();

  it('deletes, when the server starts, every workshop with no activity for longer than the setting, and keeps the rest', async () => {
    // a server whose clock the test sets: the first workshop happened 40 days ago
    let offset = -40 * DAY;
    const before = await startServer({ port: 0, dataFile, clock: () => Date.now() + offset });
    const old = await createWorkshop(before.url, { title: 'Winter gathering' });
    crowd.add(await joinAs(before.url, old.code, { name: 'Thandiwe Oldworkshop' })).close();
    offset = -10 * DAY;
    const recent = await createWorkshop(before.url, { title: 'Spring gathering' });
    crowd.add(await joinAs(before.url, recent.code, { name: 'Kwame Recentworkshop' })).close();
    await before.close();
    expect(rowsAbout(dataFile, old.workshopId)).toBeGreaterThan(0);
    expect(onDisk(dataFile, 'Thandiwe Oldworkshop')).toBe(true);

    const after = await startServer({ port: 0, dataFile, env: { RETENTION_DAYS: '30' } });
    onTestFinished(() => after.close());

    expect(rowsAbout(dataFile, old.workshopId)).toBe(0);
    expect(onDisk(dataFile, 'Thandiwe Oldworkshop')).toBe(false);
    expect(rowsAbout(dataFile, recent.workshopId)).toBeGreaterThan(0);
    // what people see: the old join code leads nowhere, the recent workshop is there as it was
    const late = crowd.add(new SimPerson(after.url));
    const refused = await late.start({ type: 'join', code: old.code, name: 'Late comer', profile: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const host = crowd.add(await hostOf(after.url, recent));
    expect(host.console!.members.map((m) => m.name).sort()).toEqual(['Facilitator', 'Kwame Recentworkshop']);
  });

  it('keeps every workshop when RETENTION_DAYS is not set', async () => {
    const file = otherFile;
    let offset = -3_650 * DAY;
    const first = await startServer({ port: 0, dataFile: file, clock: () => Date.now() + offset });
    const ancient = await createWorkshop(first.url, { title: 'Ten years ago' });
    await first.close();
    offset = 0;
    const second = await startServer({ port: 0, dataFile: file });
    onTestFinished(() => second.close());
    expect(rowsAbout(file, ancient.workshopId)).toBeGreaterThan(0);
  });

  it('refuses to start with a RETENTION_DAYS that is not a whole number of days', async () => {
    await expect(startServer({ port: 0, dataFile: unusedFile, env: { RETENTION_DAYS: 'thirty' } })).rejects.toThrow(
      /^Configuration error: RETENTION_DAYS: a whole number of days/,
    );
    await expect(startServer({ port: 0, dataFile: unusedFile, env: { RETENTION_DAYS: '0' } })).rejects.toThrow(/RETENTION_DAYS: at least 1 day/);
  });
});

describe('deleting a workshop while people are in it', async () => {
  const crowd = people();
  const dataFile = tempDataFile();
  const server = await testServer({ dataFile });

  it('tells each connected person the workshop is gone, lets them go, and leaves nothing in the store', async () => {
    const w = await createWorkshop(server.url, { title: 'To be deleted' });
    const host = crowd.add(await hostOf(server.url, w));
    const amina = crowd.add(await joinAs(server.url, w.code, { name: 'Amina Deleted' }));

    expect(await server.engine.delete(w.workshopId)).toBe(true);

    for (const person of [host, amina]) {
      await person.until(() => person.notices.some((n) => n.kind === 'workshop_gone') && !person.socket.connected, 5_000, 'workshop_gone');
    }
    expect(rowsAbout(dataFile, w.workshopId)).toBe(0);
    expect(onDisk(dataFile, 'Amina Deleted')).toBe(false);
    // coming back with the old links finds nothing
    const back = crowd.add(new SimPerson(server.url));
    expect(await back.start({ type: 'host', workshopId: w.workshopId, hostKey: w.hostKey })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
