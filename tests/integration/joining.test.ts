import { describe, expect, it } from 'vitest';
import { SimPerson, createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

const fields = [
  { id: 'org', label: 'Organisation', required: true, choices: [] },
  { id: 'lang', label: 'Language', required: false, choices: ['English', 'Arabic'] },
];

describe('creating and joining a workshop', async () => {
  const server = await testServer();
  const crowd = people();

  it('creates a workshop with a short code, host key and co-host key, and shows public info by code', async () => {
    const w = await createWorkshop(server.url, { title: 'Community of practice', description: 'Monthly', profileFields: fields });
    expect(w.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(w.hostKey.length).toBeGreaterThanOrEqual(20);
    const info = await (await fetch(`${server.url}/api/workshops/by-code/${w.code.toLowerCase()}`)).json();
    expect(info).toMatchObject({ title: 'Community of practice', profileFields: fields, locked: false, waitingRoom: false });
    expect(JSON.stringify(info)).not.toContain(w.hostKey);
    expect(JSON.stringify(info)).not.toContain(w.cohostKey);
    const missing = await fetch(`${server.url}/api/workshops/by-code/ZZZZZZ`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/Check it with the facilitator/);
  });

  it('refuses a workshop without a title, with a clear message', async () => {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '  ' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/title/i);
    const junk = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(junk.status).toBe(400);
    // a shape that makes the validator itself throw is still a bad request, not a server error
    const hostile = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: { length: { toString: null } } }),
    });
    expect(hostile.status).toBe(400);
    expect((await hostile.json()).error.code).toBe('bad_request');
  });

  it('lets a participant join by code with their profile, and the host see them', async () => {
    const w = await createWorkshop(server.url, { title: 'Join test', profileFields: fields });
    const host = crowd.add(await hostOf(server.url, w));
    const amina = crowd.add(await joinAs(server.url, w.code, { name: 'Amina', profile: { org: 'Caritas', lang: 'Arabic' } }));
    expect(amina.view).toMatchObject({ me: { name: 'Amina', role: 'participant', status: 'admitted' }, workshop: { title: 'Join test' } });
    const console = await host.untilConsole((c) => c.members.some((m) => m.name === 'Amina' && m.presence === 'online'));
    expect(console.members.find((m) => m.name === 'Amina')?.profile).toEqual({ org: 'Caritas', lang: 'Arabic' });
  });

  it('refuses a join with a missing required field or a choice that is not offered', async () => {
    const w = await createWorkshop(server.url, { title: 'Fields', profileFields: fields });
    const p = crowd.add(new SimPerson(server.url));
    const missing = await p.start({ type: 'join', code: w.code, name: 'Yusuf', profile: { lang: 'English' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'Please fill in "Organisation".' } });
    const wrong = await p.start({ type: 'join', code: w.code, name: 'Yusuf', profile: { org: 'X', lang: 'Latin' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('brings a participant back as the same person after a reload (new connection, stored token)', async () => {
    const w = await createWorkshop(server.url, { title: 'Resume', profileFields: [] });
    const host = crowd.add(await hostOf(server.url, w));
    const first = crowd.add(await joinAs(server.url, w.code, { name: 'Maria' }));
    await first.command({ type: 'hand.raise' });
    const session = first.session!;
    first.close();
    await host.untilConsole((c) => c.members.find((m) => m.id === session.memberId)?.presence === 'reconnecting');

    const reloaded = crowd.add(new SimPerson(server.url));
    const result = await reloaded.start({ type: 'resume', workshopId: session.workshopId, token: session.resumeToken });
    expect(result).toMatchObject({ ok: true, data: { memberId: session.memberId, role: 'participant' } });
    const view = await reloaded.untilView(() => true);
    expect(view.hand).toEqual({ raised: true, position: 1 });
    const c = await host.untilConsole((c) => c.members.find((m) => m.id === session.memberId)?.presence === 'online');
    expect(c.members.filter((m) => m.name === 'Maria')).toHaveLength(1);
  });

  it('reconnects on its own after the connection drops, as the same person', async () => {
    const w = await createWorkshop(server.url, { title: 'Drop', profileFields: [] });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Chen' }));
    const id = p.id;
    p.socket.io.engine.close(); // the network drops; socket.io-client reconnects by itself
    await host.untilConsole((c) => c.members.find((m) => m.id === id)?.presence === 'reconnecting', 5_000);
    await host.untilConsole((c) => c.members.find((m) => m.id === id)?.presence === 'online', 5_000);
    await host.command({ type: 'announcement.set', text: 'Back?' });
    await p.untilView((v) => v.announcement?.text === 'Back?');
    expect(host.console!.members.filter((m) => m.role === 'participant')).toHaveLength(1);
  });

  it('refuses a wrong host key and a wrong co-host key; a co-host link joins as co-host', async () => {
    const w = await createWorkshop(server.url, { title: 'Keys', profileFields: [] });
    const bad = crowd.add(new SimPerson(server.url));
    expect(await bad.start({ type: 'host', workshopId: w.workshopId, hostKey: w.cohostKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const badCo = crowd.add(new SimPerson(server.url));
    expect(await badCo.start({ type: 'cohost', workshopId: w.workshopId, cohostKey: w.hostKey, name: 'X' })).toMatchObject({ ok: false });
    const co = crowd.add(new SimPerson(server.url));
    const result = await co.start({ type: 'cohost', workshopId: w.workshopId, cohostKey: w.cohostKey, name: 'Grace' });
    expect(result).toMatchObject({ ok: true, data: { role: 'cohost' } });
    const view = await co.untilConsole(() => true);
    expect(view.me).toMatchObject({ name: 'Grace', role: 'cohost' });
    expect(co.view).toBeNull();
  });

  it('answers an unknown workshop or code with not_found and a next step', async () => {
    const p = crowd.add(new SimPerson(server.url));
    expect(await p.start({ type: 'join', code: 'ZZZ-ZZZ', name: 'Luis' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/Check it with the facilitator/) },
    });
    expect(await p.start({ type: 'resume', workshopId: 'nope-nope-nope', token: 'x'.repeat(30) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('CREATE_PASSWORD', async () => {
  const server = await testServer({ createPassword: 'open sesame' });

  it('says creation needs a password, and refuses a wrong one', async () => {
    expect(await (await fetch(`${server.url}/api/instance`)).json()).toEqual({ createNeedsPassword: true, video: { enabled: false } });
    const post = (password?: string) =>
      fetch(`${server.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'T', password }),
      });
    const wrong = await post('guess');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('wrong_password');
    expect((await post()).status).toBe(401);
    expect((await post('open sesame')).status).toBe(201);
  });
});
