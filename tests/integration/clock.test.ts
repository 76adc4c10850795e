import { describe, expect, it } from 'vitest';
import { estimateOffset, serverNow, type ClockSample } from '../../shared/clock.ts';
import { timerRemainingMs } from '../../shared/timer.ts';
import { DEMO_FIELDS, createWorkshop, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

describe('clock sync', async () => {
  const server = await testServer({ env: { SOCKET_MESSAGES_PER_SECOND: '1000' } });
  const crowd = people();

  it.each([
    ['7 minutes fast', 7 * 60_000],
    ['an hour slow', -3_600_000],
  ])('a client whose clock is %s still shows the right time left (within 250 ms)', async (_name, skewMs) => {
    const w = await createWorkshop(server.url, { title: 'Skew', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, personAt(1)));
    const localNow = () => Date.now() + skewMs; // this device's wrong clock

    const samples: ClockSample[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = localNow();
      const r = await p.socket.emitWithAck('clock', t0);
      if (!r.ok) throw new Error(r.error.message);
      samples.push({ t0, server: r.data.server, t1: localNow() });
    }
    const estimate = estimateOffset(samples);

    await host.command({ type: 'timer.start', durationMs: 90_000 });
    const view = await p.untilView((v) => v.timer?.state === 'running');
    const shown = timerRemainingMs(view.timer, serverNow(localNow(), estimate));
    const truth = view.timer?.state === 'running' ? view.timer.endsAt - Date.now() : NaN; // the server's clock is this machine's
    expect(Math.abs(shown - truth)).toBeLessThan(250);
    // without the estimate the same device would be off by the whole skew
    expect(Math.abs(timerRemainingMs(view.timer, localNow()) - truth)).toBeGreaterThan(Math.min(Math.abs(skewMs), 90_000) - 1_000);
  });
});
