import { describe, expect, it } from 'vitest';
import { estimateOffset, serverNow, type ClockSample } from '../../shared/clock.ts';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, SimPerson, createWorkshop, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

/** Turns with simulated people on the real server: a go-around in a breakout, the progressive queue, a skewed clock. */
describe('turns', async () => {
  const server = await testServer({ env: { SOCKET_MESSAGES_PER_SECOND: '200' } });
  const crowd = people();

  async function setUp(n: number) {
    const w = await createWorkshop(server.url, { title: 'Turns', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const ps: SimPerson[] = [];
    for (let i = 0; i < n; i++) ps.push(crowd.add(await joinAs(server.url, w.code, personAt(i))));
    return { host, ps };
  }

  const speaker = (v: ParticipantView) => v.turns?.room.current?.memberId ?? null;

  it('runs a go-around of five in a breakout room, advancing by itself when a turn is up', async () => {
    const { host, ps } = await setUp(5);
    await host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 1 }, strategy: { kind: 'random' } });
    await host.do({ type: 'breakouts.open', durationMs: 600_000 });
    for (const p of ps) await p.untilView((v) => v.breakout?.room?.id === 'r1');
    // a breakout room has no host: any member may start the go-around
    await ps[2]!.do({ type: 'turn.goAround.start', roomId: 'r1', order: 'alphabetical', turnMs: 5_000, autoAdvance: true });
    const names = ps.map((p) => p.view!.me.name);
    const order = [...names].sort((a, b) => a.localeCompare(b));
    const first = await ps[0]!.untilView((v) => speaker(v) !== null);
    expect(first.turns!.room.current!.name).toBe(order[0]);
    expect(first.turns!.room.next?.name).toBe(order[1]);
    expect(first.turns!.room.goAround).toMatchObject({ total: 5, autoAdvance: true });
    // nothing is sent per second: the next view arrives when the turn is up, about 5 s later
    const before = ps[0]!.viewsReceived;
    const second = await ps[0]!.untilView((v) => v.turns?.room.current?.name === order[1], 8_000, 'auto-advance');
    expect(ps[0]!.viewsReceived - before).toBeLessThanOrEqual(3);
    expect(second.turns!.room.current!.clock).toMatchObject({ state: 'running' });

    // the speaker passes; the next asks to come back later; the rest go by "next"
    const byName = (name: string) => ps[names.indexOf(name)]!;
    await byName(order[1]!).do({ type: 'turn.pass', roomId: 'r1' });
    await ps[0]!.untilView((v) => v.turns?.room.current?.name === order[2]);
    await byName(order[2]!).do({ type: 'turn.comeBack', roomId: 'r1' });
    await ps[0]!.untilView((v) => v.turns?.room.current?.name === order[3]);
    await host.do({ type: 'turn.next', roomId: 'r1' });
    await ps[0]!.untilView((v) => v.turns?.room.current?.name === order[4]);
    await host.do({ type: 'turn.next', roomId: 'r1' });
    // "come back to me": they speak at the end
    await ps[0]!.untilView((v) => v.turns?.room.current?.name === order[2]);
    await host.do({ type: 'turn.next', roomId: 'r1' });
    const done = await ps[0]!.untilView((v) => v.turns?.room.goAround === null && v.turns.room.current === null);
    expect(done.turns!.me.turns).toBeGreaterThanOrEqual(0);
    // the facilitator sees the room's balance, with names; participants their own share only
    const c = await host.untilConsole((v) => v.turns.some((t) => t.room.roomId === 'r1' && t.balance.totalMs > 0));
    const balance = c.turns.find((t) => t.room.roomId === 'r1')!.balance;
    expect(balance.people?.length).toBe(5);
    expect(balance.score).toBeGreaterThan(0);
    expect(JSON.stringify(done.turns)).not.toContain('"people":[');
  });

  it('puts people who have not spoken first in a progressive queue, and says why', async () => {
    const { host, ps } = await setUp(3);
    const [a, b, c] = ps as [SimPerson, SimPerson, SimPerson];
    await host.do({ type: 'turn.settings', roomId: 'plenary', order: 'fewest_turns' });
    await a.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    await host.do({ type: 'turn.next', roomId: 'plenary', lengthMs: 60_000 });
    await host.do({ type: 'turn.end', roomId: 'plenary' });
    await a.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    await b.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    const v = await c.untilView((x) => (x.turns?.room.queue.length ?? 0) === 2);
    expect(v.turns!.room.queue.map((q) => q.memberId)).toEqual([b.id, a.id]);
    expect(v.turns!.room.queue[0]!.reason).toEqual({ code: 'not_spoken' });
    expect(v.turns!.room.queue[1]!.reason).toEqual({ code: 'turns', count: 1 });
    const notMine = await c.command({ type: 'turn.next', roomId: 'plenary' });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const elsewhere = await c.command({ type: 'turn.hand.raise', roomId: 'r9' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.each([
    ['7 minutes fast', 7 * 60_000],
    ['an hour slow', -3_600_000],
  ])('shows a client whose clock is %s the right time left in a turn (within 250 ms)', async (_name, skewMs) => {
    const { host, ps } = await setUp(1);
    const p = ps[0]!;
    const localNow = () => Date.now() + skewMs;
    const samples: ClockSample[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = localNow();
      const r = await p.socket.emitWithAck('clock', t0);
      if (!r.ok) throw new Error(r.error.message);
      samples.push({ t0, server: r.data.server, t1: localNow() });
    }
    const estimate = estimateOffset(samples);
    await p.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    await host.do({ type: 'turn.next', roomId: 'plenary', lengthMs: 90_000 });
    const view = await p.untilView((v) => v.turns?.room.current?.clock.state === 'running');
    const clock = view.turns!.room.current!.clock;
    if (clock.state !== 'running') throw new Error('not running');
    const shown = clock.endsAt - serverNow(localNow(), estimate);
    const truth = clock.endsAt - Date.now();
    expect(Math.abs(shown - truth)).toBeLessThan(250);
  });
});
