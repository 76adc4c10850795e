import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerProcess, SimPerson, createWorkshop, freePort, hostOf, joinAs } from '../sim/index.ts';
import { sleep } from './harness.ts';

describe('restart recovery (a real server process, killed with SIGKILL)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-restart-'));
  const server = new ServerProcess(await freePort(), { DATA_FILE: path.join(dir, 'indaba.db'), RECONNECT_GRACE_SECONDS: '5' });
  const everyone: SimPerson[] = [];
  afterAll(async () => {
    everyone.forEach((p) => p.close());
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('brings clients back into the same state, with the timer continuing against the same deadline', async () => {
    await server.start();
    const w = await createWorkshop(server.url, { title: 'Restart' });
    const host = await hostOf(server.url, w);
    const a = await joinAs(server.url, w.code, { name: 'Amina' });
    const b = await joinAs(server.url, w.code, { name: 'Ibrahim' });
    everyone.push(host, a, b);
    await b.command({ type: 'hand.raise' });
    await host.command({ type: 'announcement.set', text: 'Before the crash' });
    await host.command({ type: 'timer.start', durationMs: 120_000 });
    const before = await a.untilView((v) => v.timer?.state === 'running' && v.announcement?.text === 'Before the crash');
    const endsAt = before.timer?.state === 'running' ? before.timer.endsAt : 0;

    await server.kill('SIGKILL');
    await a.until(() => !a.socket.connected);
    await server.start();

    // the clients reconnect on their own and resume as the same people
    const after = await a.untilView((v) => v.version >= before.version && a.socket.connected, 15_000);
    expect(after.me.id).toBe(a.id);
    expect(after.announcement?.text).toBe('Before the crash');
    expect(after.timer).toEqual(before.timer);
    expect(after.timer?.state === 'running' && after.timer.endsAt).toBe(endsAt);
    await b.untilView((v) => v.hand.raised && v.hand.position === 1, 10_000);
    const c = await host.untilConsole((v) => v.members.filter((m) => m.presence === 'online').length === 3, 15_000);
    expect(c.members.map((m) => m.name).sort()).toEqual(['Amina', 'Facilitator', 'Ibrahim']);
  });

  it('shows people who do not come back after a restart as "left" once the grace period is over', async () => {
    const w = await createWorkshop(server.url, { title: 'Gone' });
    const host = await hostOf(server.url, w);
    const gone = await joinAs(server.url, w.code, { name: 'Gone' }, { autoResume: false });
    everyone.push(host, gone);
    await server.kill('SIGKILL');
    gone.close();
    await server.start();
    const c = await host.untilConsole((v) => v.members.find((m) => m.name === 'Gone')?.presence === 'reconnecting', 10_000);
    expect(c.members.find((m) => m.name === 'Facilitator')?.presence).toBe('online');
    await host.untilConsole((v) => v.members.find((m) => m.name === 'Gone')?.presence === 'left', 10_000);
  });

  it('fires a deadline that passed while the server was down as soon as it is back', async () => {
    const w = await createWorkshop(server.url, { title: 'Missed deadline' });
    const host = await hostOf(server.url, w, { autoResume: false });
    await host.command({ type: 'timer.start', durationMs: 1_500 });
    host.close();
    await server.kill('SIGKILL');
    await sleep(2_000);
    await server.start();
    const back = await hostOf(server.url, w);
    everyone.push(back);
    await back.untilConsole((v) => v.timer?.state === 'ended', 5_000);
  });

  it('keeps every acknowledged write when the process is killed in the middle of a burst', async () => {
    const w = await createWorkshop(server.url, { title: 'Burst' });
    const host = await hostOf(server.url, w, { autoResume: false });
    let acked = 0;
    let lastVersion = 0;
    const burst = (async () => {
      for (let i = 0; i < 10_000; i++) {
        const r = await host.command({ type: 'announcement.set', text: `burst ${i}` }).catch(() => null);
        if (!r?.ok) break;
        acked++;
        lastVersion = r.data.version;
      }
    })();
    await sleep(400);
    await server.kill('SIGKILL');
    await burst;
    host.close();
    expect(acked).toBeGreaterThan(10);
    await server.start();
    const back = await hostOf(server.url, w);
    everyone.push(back);
    expect(back.console!.version).toBeGreaterThanOrEqual(lastVersion);
    expect(back.console!.announcement?.text).toMatch(/^burst /);
    expect(Number(back.console!.announcement!.text.slice(6))).toBeGreaterThanOrEqual(acked - 1);
  });
  it('keeps open breakout rooms, their notes and time left through a crash', async () => {
    const w = await createWorkshop(server.url, { title: 'Breakouts crash' });
    const host = await hostOf(server.url, w);
    const a = await joinAs(server.url, w.code, { name: 'Amina' });
    const b = await joinAs(server.url, w.code, { name: 'Ibrahim' });
    everyone.push(host, a, b);
    await host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } });
    await host.do({ type: 'breakouts.open', durationMs: 600_000 });
    const before = await a.untilView((v) => v.breakout?.room !== null && v.breakout?.room !== undefined);
    const room = before.breakout!.room!;
    await a.do({ type: 'breakouts.notes', roomId: room.id, text: 'Written before the crash' });
    await a.untilView((v) => v.breakout?.room?.notes?.text === 'Written before the crash');

    await server.kill('SIGKILL');
    await a.until(() => !a.socket.connected);
    await server.start();

    const after = await a.untilView((v) => a.socket.connected && v.version > before.version && v.breakout !== null, 15_000);
    expect(after.breakout!.room!.id).toBe(room.id);
    expect(after.breakout!.room!.notes?.text).toBe('Written before the crash');
    expect(after.breakout!.clock.endsAt).toBe(before.breakout!.clock.endsAt);
    await b.untilView((v) => v.breakout?.room !== null && v.breakout?.room !== undefined, 10_000);
    await host.untilConsole((c) => c.breakouts?.phase === 'open' && c.notes[room.id]?.text === 'Written before the crash', 10_000);
  });
  it('keeps a running café, its round, plan and notes through a crash', async () => {
    const w = await createWorkshop(server.url, { title: 'Café crash' });
    const host = await hostOf(server.url, w);
    const a = await joinAs(server.url, w.code, { name: 'Amina' });
    const b = await joinAs(server.url, w.code, { name: 'Ibrahim' });
    const c = await joinAs(server.url, w.code, { name: 'Chen' });
    const d = await joinAs(server.url, w.code, { name: 'Dawit' });
    everyone.push(host, a, b, c, d);
    await host.do({ type: 'cafe.plan', kind: 'cafe', tables: [{ name: 'Funding', hostId: a.id }, { name: 'Voice', hostId: b.id }], rounds: 3, roundMs: 600_000 });
    await host.do({ type: 'cafe.start' });
    await host.do({ type: 'cafe.next' });
    await host.do({ type: 'cafe.next' });
    const before = await a.untilView((v) => v.cafe?.round === 2);
    await a.do({ type: 'cafe.notes', tableId: 't1', text: 'Round two, before the crash' });
    await a.untilView((v) => v.cafe?.table?.notes?.text === 'Round two, before the crash');
    const plan = (await host.untilConsole((v) => v.cafe?.round === 2)).cafe!.plan;

    await server.kill('SIGKILL');
    await a.until(() => !a.socket.connected);
    await server.start();

    const after = await a.untilView((v) => a.socket.connected && v.version > before.version && v.cafe?.round === 2, 15_000);
    expect(after.cafe!.table!.notes?.text).toBe('Round two, before the crash');
    expect(after.cafe!.clock.endsAt).toBe(before.cafe!.clock.endsAt);
    const back = await host.untilConsole((v) => host.socket.connected && v.cafe?.round === 2, 15_000);
    expect(back.cafe!.plan).toEqual(plan);
  });
  it('keeps every acknowledged poll answer when the server is killed during a burst of answers', async () => {
    const w = await createWorkshop(server.url, { title: 'Poll burst' });
    const host = await hostOf(server.url, w);
    everyone.push(host);
    const crowd: SimPerson[] = [];
    for (let i = 0; i < 40; i++) crowd.push(await joinAs(server.url, w.code, { name: `Voter ${i}` }, { autoResume: false }));
    everyone.push(...crowd);
    await host.do({ type: 'poll.create', poll: { kind: 'checkin', question: 'One sentence on how you arrive', settings: { anonymous: false, results: 'live' }, moment: 'checkin' } });
    const pollId = (await host.untilConsole((c) => c.polls.length === 1)).polls[0]!.id;
    await host.do({ type: 'poll.launch', pollId, scope: 'plenary' });
    await crowd[39]!.untilView((v) => v.polls[0]?.status === 'open');

    const acked: string[] = [];
    const burst = crowd.map(async (p, i) => {
      const r = await p.command({ type: 'poll.answer', pollId, answer: { kind: 'checkin', text: `Arriving well, voter ${i}` } }).catch(() => null);
      if (r?.ok) acked.push(`Arriving well, voter ${i}`);
    });
    await sleep(15);
    await server.kill('SIGKILL');
    await Promise.all(burst);
    await server.start();

    const back = await hostOf(server.url, w);
    everyone.push(back);
    const c = await back.untilConsole((v) => v.polls.length === 1, 10_000);
    const results = c.polls[0]!.results!;
    expect(results.kind).toBe('checkin');
    if (results.kind !== 'checkin') return;
    const stored = new Set(results.entries.map((e) => e.text));
    for (const text of acked) expect(stored.has(text)).toBe(true);
    expect(results.responses).toBeGreaterThanOrEqual(acked.length);
  });
  it('continues a running turn against the same deadline after a crash', async () => {
    const w = await createWorkshop(server.url, { title: 'Turn crash' });
    const host = await hostOf(server.url, w);
    const a = await joinAs(server.url, w.code, { name: 'Amina' });
    everyone.push(host, a);
    await a.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    await host.do({ type: 'turn.next', roomId: 'plenary', lengthMs: 120_000 });
    const before = await a.untilView((v) => v.turns?.room.current?.clock.state === 'running');
    const clock = before.turns!.room.current!.clock;

    await server.kill('SIGKILL');
    await a.until(() => !a.socket.connected);
    await server.start();

    const after = await a.untilView((v) => a.socket.connected && v.version >= before.version && v.turns?.room.current !== null && v.turns?.room.current !== undefined, 15_000);
    expect(after.turns!.room.current!.memberId).toBe(a.id);
    expect(after.turns!.room.current!.clock).toEqual(clock);
    expect(after.turns!.me.speaking).toBe(true);
  });
});
