import { describe, expect, it } from 'vitest';
import { DEMO_FIELDS, createWorkshop, crowd as joinCrowd, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, sleep, testServer } from './harness.ts';

describe('plenary: announcements, timer, hands', async () => {
  const server = await testServer();
  const crowd = people();

  it('shows the announcement and "now" to everyone, and clears the banner', async () => {
    const w = await createWorkshop(server.url, { title: 'Plenary', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const ps = crowd.add(await joinCrowd(server.url, w.code, 5));
    await host.command({ type: 'now.set', text: 'Welcome and check-in' });
    await host.command({ type: 'announcement.set', text: 'Cameras on if you can' });
    for (const p of ps) await p.untilView((v) => v.now === 'Welcome and check-in' && v.announcement?.text === 'Cameras on if you can');
    await host.command({ type: 'announcement.set', text: '' });
    for (const p of ps) await p.untilView((v) => v.announcement === null);
  });

  it('runs the plenary timer as a deadline: start, pause, resume, add and remove minutes, stop', async () => {
    const w = await createWorkshop(server.url, { title: 'Timer', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { ...personAt(3), name: 'Samuel' }));
    const before = Date.now();
    await host.command({ type: 'timer.start', durationMs: 60_000, label: 'Reflection' });
    const running = await p.untilView((v) => v.timer?.state === 'running');
    if (running.timer?.state !== 'running') throw new Error('not running');
    expect(running.timer.endsAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(running.timer.endsAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(running.timer.label).toBe('Reflection');

    await host.command({ type: 'timer.pause' });
    const paused = await p.untilView((v) => v.timer?.state === 'paused');
    if (paused.timer?.state !== 'paused') throw new Error('not paused');
    expect(paused.timer.remainingMs).toBeGreaterThan(58_000);
    expect(paused.timer.remainingMs).toBeLessThanOrEqual(60_000);

    await host.command({ type: 'timer.adjust', deltaMs: 60_000 });
    await p.untilView((v) => v.timer?.state === 'paused' && v.timer.remainingMs > 118_000);
    await host.command({ type: 'timer.resume' });
    await p.untilView((v) => v.timer?.state === 'running' && v.timer.endsAt > Date.now() + 115_000);
    await host.command({ type: 'timer.adjust', deltaMs: -60_000 });
    await p.untilView((v) => v.timer?.state === 'running' && v.timer.endsAt < Date.now() + 61_000);
    await host.command({ type: 'timer.stop' });
    await p.untilView((v) => v.timer === null);
  });

  it('ends the timer at its deadline without anyone doing anything, and sends nothing per second', async () => {
    const w = await createWorkshop(server.url, { title: 'Deadline', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { ...personAt(3), name: 'Leyla' }));
    await sleep(1_200); // let the lazy counts update settle
    const before = p.viewsReceived;
    await host.command({ type: 'timer.start', durationMs: 2_000 });
    await p.untilView((v) => v.timer?.state === 'ended', 4_000);
    // one view for the start, one for the end: no ticks
    expect(p.viewsReceived - before).toBe(2);
  });

  it('keeps raised hands in order and tells each person their place', async () => {
    const w = await createWorkshop(server.url, { title: 'Hands', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const [a, b, c] = crowd.add(await joinCrowd(server.url, w.code, 3));
    await b!.command({ type: 'hand.raise' });
    await c!.command({ type: 'hand.raise' });
    await a!.command({ type: 'hand.raise' });
    await a!.untilView((v) => v.hand.position === 3);
    const order = await host.untilConsole((v) => v.hands.length === 3);
    expect(order.hands.map((h) => h.memberId)).toEqual([b!.id, c!.id, a!.id]);
    await host.command({ type: 'hand.lower', memberId: b!.id });
    await c!.untilView((v) => v.hand.position === 1);
    await a!.untilView((v) => v.hand.position === 2 && v.counts.hands === 2);
    await b!.untilView((v) => v.hand.raised === false);
    await host.command({ type: 'hands.clear' });
    await a!.untilView((v) => !v.hand.raised);
  });

  it('gives participants a small view that does not grow with the workshop, and coalesces the console', async () => {
    const w = await createWorkshop(server.url, { title: 'Scale', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const first = crowd.add(await joinCrowd(server.url, w.code, 10));
    await host.command({ type: 'announcement.set', text: 'size check 1' });
    await first[0]!.untilView((v) => v.announcement?.text === 'size check 1');
    const small = JSON.stringify(first[0]!.view).length;

    const consoleMessagesBefore = host.viewsReceived;
    const more = crowd.add(await joinCrowd(server.url, w.code, 190, { offset: 10, concurrency: 100 }));
    await host.untilConsole((v) => v.members.filter((m) => m.presence === 'online').length === 201, 10_000);
    const consoleMessages = host.viewsReceived - consoleMessagesBefore;
    // 190 joins: far fewer console messages than joins (patches are coalesced)
    expect(consoleMessages).toBeLessThan(190 / 2);
    expect(host.gaps).toBe(0);

    await host.command({ type: 'announcement.set', text: 'size check 2' });
    await more[189]!.untilView((v) => v.announcement?.text === 'size check 2');
    const large = JSON.stringify(more[189]!.view).length;
    expect(Math.abs(large - small)).toBeLessThan(40); // a longer name, a bigger count: not the roster
    expect(JSON.stringify(more[189]!.view)).not.toContain(first[0]!.view!.me.name + '"');
    await first[0]!.untilView((v) => v.counts.present === 201, 3_000);
  });
});
