import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../server/engine/connection.ts';
import { Engine } from '../../server/engine/engine.ts';
import { startRetentionSweep, sweepOnce } from '../../server/retention/sweep.ts';
import { SqliteEventStore } from '../../server/store/sqlite-store.ts';

const DAY = 24 * 3600 * 1000;

/** An engine on an in-memory store, with a clock the test moves. */
function setUp() {
  let now = Date.UTC(2025, 0, 1);
  const clock = () => now;
  const store = new SqliteEventStore(':memory:');
  const lines: { msg: string; deleted?: number }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const engine = new Engine({
    store,
    clock,
    log,
    videoEnabled: false,
    timing: { consoleIntervalMs: 100, countsIntervalMs: 1_000, reconnectGraceMs: 5_000, snapshotEvery: 200 },
  });
  const at = async (day: number, title: string) => {
    now = Date.UTC(2025, 0, 1) + day * DAY;
    return engine.create({ title, description: '', profileFields: [], waitingRoom: false, hostName: 'Naledi' });
  };
  return {
    store,
    engine,
    clock,
    log,
    lines,
    at,
    setDay: (day: number) => void (now = Date.UTC(2025, 0, 1) + day * DAY),
  };
}

/** A device that records what it was sent, and whether it was closed. */
function device(id: string) {
  const sent: { event: string; args: unknown[] }[] = [];
  let closed = false;
  const conn: Connection = {
    id,
    send: (event, ...args) => void sent.push({ event, args }),
    close: () => void (closed = true),
  };
  return { conn, sent, closed: () => closed };
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
  vi.useRealTimers();
});

describe('deleting a workshop through the engine', () => {
  it('tells everyone connected that it is gone, lets them go, and removes it from the store', async () => {
    const t = setUp();
    const w = await t.at(0, 'Spring meet-up');
    const actor = (await t.engine.get(w.workshopId))!;
    const host = actor.resume(w.hostKey, { hostOnly: true });
    const phone = device('c1');
    actor.attach(phone.conn, host.ok ? host.data.memberId : '');

    expect(await t.engine.delete(w.workshopId)).toBe(true);

    expect(phone.sent.find((s) => s.event === 'notice')?.args[0]).toMatchObject({ kind: 'workshop_gone' });
    expect(phone.closed()).toBe(true);
    expect(await t.store.exists(w.workshopId)).toBe(false);
    expect(await t.engine.get(w.workshopId)).toBeNull();
    expect(await t.engine.findByCode(w.code)).toBeNull();
    await t.engine.stop();
  });

  it('deletes a workshop that is not loaded, and says false for one that does not exist', async () => {
    const t = setUp();
    const w = await t.at(0, 'Spring meet-up');
    await t.engine.stop(); // nothing loaded now
    expect(await t.engine.delete(w.workshopId)).toBe(true);
    expect(await t.store.exists(w.workshopId)).toBe(false);
    expect(await t.engine.delete(w.workshopId)).toBe(false);
    expect(await t.engine.delete('no-such-workshop')).toBe(false);
  });
});

describe('the retention sweep', () => {
  it('deletes the workshops with no activity for longer than the setting, and keeps the recent ones', async () => {
    const t = setUp();
    const old = await t.at(0, 'January');
    const busy = await t.at(0, 'January, still going');
    const recent = await t.at(25, 'Late January');
    t.setDay(38);
    const busyActor = (await t.engine.get(busy.workshopId))!;
    const host = busyActor.resume(busy.hostKey, { hostOnly: true });
    expect(await busyActor.command(host.ok ? host.data.memberId : '', { type: 'now.set', text: 'Round two' })).toMatchObject({ ok: true });

    t.setDay(40);
    const deleted = await sweepOnce({ engine: t.engine, store: t.store, days: 30, clock: t.clock, log: t.log });

    expect(deleted).toBe(1);
    expect(await t.store.exists(old.workshopId)).toBe(false);
    expect(await t.store.exists(busy.workshopId)).toBe(true);
    expect(await t.store.exists(recent.workshopId)).toBe(true);
    expect(t.lines.find((l) => l.msg.startsWith('retention:'))).toMatchObject({ deleted: 1 });
    await t.engine.stop();
  });

  it('goes on with the others when one workshop cannot be deleted', async () => {
    const t = setUp();
    const a = await t.at(0, 'A');
    const b = await t.at(0, 'B');
    t.setDay(100);
    const engine = {
      delete: (id: string) => (id === a.workshopId ? Promise.reject(new Error('disk full')) : t.engine.delete(id)),
    };
    expect(await sweepOnce({ engine, store: t.store, days: 30, clock: t.clock, log: t.log })).toBe(1);
    expect(await t.store.exists(a.workshopId)).toBe(true);
    expect(await t.store.exists(b.workshopId)).toBe(false);
    expect(t.lines.some((l) => l.msg.includes('could not delete'))).toBe(true);
  });

  it('sweeps once at start and then every interval, until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const t = setUp();
    const first = await t.at(0, 'First');
    const second = await t.at(5, 'Second');
    t.setDay(31);
    const stop = await startRetentionSweep({ engine: t.engine, store: t.store, days: 30, clock: t.clock, log: t.log, everyMs: 3_600_000 });
    running.push(stop);
    // the first sweep is done when start resolves
    expect(await t.store.exists(first.workshopId)).toBe(false);
    expect(await t.store.exists(second.workshopId)).toBe(true);

    t.setDay(36);
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(await t.store.exists(second.workshopId)).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await t.store.exists(second.workshopId)).toBe(false);

    const third = await t.at(0, 'Third');
    t.setDay(100);
    await stop();
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(await t.store.exists(third.workshopId)).toBe(true);
    await t.engine.stop();
  });
});
