import { describe, expect, it } from 'vitest';
import { SimPerson, createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

describe('co-hosts, queues and limits', async () => {
  const server = await testServer({ env: { JOINS_PER_ADDRESS_PER_MINUTE: '12' } });
  const crowd = people();

  it('a removed co-host cannot come back with the old co-host link; the console gets the new one', async () => {
    const w = await createWorkshop(server.url, { title: 'Rotate' });
    const host = crowd.add(await hostOf(server.url, w));
    const co = crowd.add(new SimPerson(server.url, { autoResume: false }));
    await co.start({ type: 'cohost', workshopId: w.workshopId, cohostKey: w.cohostKey, name: 'Ex co-host' });
    await co.untilConsole(() => true);
    await host.command({ type: 'member.remove', memberId: co.id });
    const fresh = await host.untilConsole((c) => c.workshop.cohostKey !== w.cohostKey);
    const again = crowd.add(new SimPerson(server.url));
    expect(await again.start({ type: 'cohost', workshopId: w.workshopId, cohostKey: w.cohostKey, name: 'Ex co-host' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const invited = crowd.add(new SimPerson(server.url));
    expect(await invited.start({ type: 'cohost', workshopId: w.workshopId, cohostKey: fresh.workshop.cohostKey, name: 'New co-host' })).toMatchObject({
      ok: true,
    });
  });

  it('clears everyone’s hand in the console too when hands are cleared', async () => {
    const w = await createWorkshop(server.url, { title: 'Clear' });
    const host = crowd.add(await hostOf(server.url, w));
    const a = crowd.add(await joinAs(server.url, w.code, { name: 'A' }));
    const b = crowd.add(await joinAs(server.url, w.code, { name: 'B' }));
    await a.command({ type: 'hand.raise' });
    await b.command({ type: 'hand.raise' });
    await host.untilConsole((c) => c.members.filter((m) => m.handRaisedAt !== null).length === 2);
    await host.command({ type: 'hands.clear' });
    await host.untilConsole((c) => c.hands.length === 0 && c.members.every((m) => m.handRaisedAt === null));
  });

  it('limits how many new people one network address can add per minute', async () => {
    const w = await createWorkshop(server.url, { title: 'Join flood' });
    const results = [];
    for (let i = 0; i < 14; i++) {
      const p = crowd.add(new SimPerson(server.url));
      results.push(await p.start({ type: 'join', code: w.code, name: `Bot ${i}` }));
    }
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Wait a minute/) } });
  });

  it('serves pages without forcing https, so a plain-http server on a LAN works', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
