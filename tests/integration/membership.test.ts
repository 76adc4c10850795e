import { describe, expect, it } from 'vitest';
import { SimPerson, createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

describe('waiting room, lock, remove, promote', async () => {
  const server = await testServer();
  const crowd = people();

  it('holds joiners in the waiting room until a host admits them; admit all lets everyone in', async () => {
    const w = await createWorkshop(server.url, { title: 'Waiting', waitingRoom: true });
    const host = crowd.add(await hostOf(server.url, w));
    const a = crowd.add(await joinAs(server.url, w.code, { name: 'Omar' }));
    const b = crowd.add(await joinAs(server.url, w.code, { name: 'Nadia' }));
    const c = crowd.add(await joinAs(server.url, w.code, { name: 'Jonas' }));
    expect(a.view?.me.status).toBe('waiting');
    // someone waiting sees the title and their status, nothing of what happens inside
    await host.command({ type: 'announcement.set', text: 'Inside only' });
    expect(await a.command({ type: 'hand.raise' })).toMatchObject({ ok: false, error: { code: 'waiting' } });
    await host.untilConsole((v) => v.members.filter((m) => m.status === 'waiting').length === 3);

    expect(await host.command({ type: 'member.admit', memberIds: [a.id] })).toMatchObject({ ok: true });
    const admitted = await a.untilView((v) => v.me.status === 'admitted');
    expect(admitted.announcement?.text).toBe('Inside only');
    expect(b.view?.me.status).toBe('waiting');
    expect(b.view?.announcement).toBeNull();

    expect(await host.command({ type: 'member.decline', memberId: c.id })).toMatchObject({ ok: true });
    await c.until(() => c.notices.some((n) => n.kind === 'declined'));
    await c.until(() => !c.socket.connected);
    const retry = crowd.add(new SimPerson(server.url));
    expect(await retry.start({ type: 'resume', workshopId: w.workshopId, token: c.session!.resumeToken })).toMatchObject({
      ok: false,
      error: { code: 'declined' },
    });

    await host.command({ type: 'member.admitAll' });
    await b.untilView((v) => v.me.status === 'admitted');
  });

  it('locks the workshop: nobody new can join, but people already in can come back', async () => {
    const w = await createWorkshop(server.url, { title: 'Lock' });
    const host = crowd.add(await hostOf(server.url, w));
    const inside = crowd.add(await joinAs(server.url, w.code, { name: 'Grace' }));
    await host.command({ type: 'lock.set', locked: true });
    const late = crowd.add(new SimPerson(server.url));
    expect(await late.start({ type: 'join', code: w.code, name: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringMatching(/Ask the facilitator to unlock/) },
    });
    const again = crowd.add(new SimPerson(server.url));
    expect(await again.start({ type: 'resume', workshopId: w.workshopId, token: inside.session!.resumeToken })).toMatchObject({ ok: true });
    const info = await (await fetch(`${server.url}/api/workshops/${w.workshopId}`)).json();
    expect(info.locked).toBe(true);
    await host.command({ type: 'lock.set', locked: false });
    expect(await late.start({ type: 'join', code: w.code, name: 'Late' })).toMatchObject({ ok: true });
  });

  it('removes a person: they are told, disconnected, and cannot come back with their link until let back in', async () => {
    const w = await createWorkshop(server.url, { title: 'Remove' });
    const host = crowd.add(await hostOf(server.url, w));
    const troll = crowd.add(await joinAs(server.url, w.code, { name: 'Troll' }));
    const token = troll.session!.resumeToken;
    await host.command({ type: 'member.remove', memberId: troll.id });
    await troll.untilView((v) => v.me.status === 'removed');
    await troll.until(() => troll.notices.some((n) => n.kind === 'removed') && !troll.socket.connected);

    const back = crowd.add(new SimPerson(server.url, { autoResume: false }));
    expect(await back.start({ type: 'resume', workshopId: w.workshopId, token })).toMatchObject({ ok: false, error: { code: 'removed' } });
    // the same browser opening the join link again is recognised by the token it holds
    const rejoin = crowd.add(new SimPerson(server.url, { autoResume: false }));
    expect(await rejoin.start({ type: 'join', code: w.code, name: 'New name', previousToken: token })).toMatchObject({
      ok: false,
      error: { code: 'removed' },
    });

    await host.command({ type: 'member.readmit', memberId: troll.id });
    const readmitted = crowd.add(new SimPerson(server.url));
    expect(await readmitted.start({ type: 'resume', workshopId: w.workshopId, token })).toMatchObject({ ok: true });
    expect((await readmitted.untilView(() => true)).me.status).toBe('admitted');
  });

  it('makes a participant a co-host: their screen switches to the console, and back', async () => {
    const w = await createWorkshop(server.url, { title: 'Promote' });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Esther' }));
    await host.command({ type: 'member.setRole', memberId: p.id, role: 'cohost' });
    const c = await p.untilConsole((v) => v.me.role === 'cohost');
    expect(c.workshop.cohostKey).toBe(w.cohostKey);
    // a co-host has the powers to run the plenary
    expect(await p.command({ type: 'announcement.set', text: 'From the co-host' })).toMatchObject({ ok: true });
    // but only the host changes roles
    expect(await p.command({ type: 'member.setRole', memberId: host.id, role: 'participant' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await host.command({ type: 'member.setRole', memberId: p.id, role: 'participant' });
    await p.untilView((v) => v.me.role === 'participant' && v.announcement?.text === 'From the co-host');
  });
});
