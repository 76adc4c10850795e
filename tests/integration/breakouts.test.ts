import { describe, expect, it } from 'vitest';
import { DEMO_FIELDS, SimPerson, createWorkshop, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

/**
 * Breakouts end to end with simulated people on the real server: preview, open, a late joiner, a
 * reconnect, help, a visit, broadcast, notes, extend and shorten, warning and grace, and the harvest.
 */
describe('breakout rooms', async () => {
  const server = await testServer();
  const crowd = people();

  async function setUp(n: number) {
    const w = await createWorkshop(server.url, { title: 'Breakouts', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const ps: SimPerson[] = [];
    for (let i = 0; i < n; i++) ps.push(crowd.add(await joinAs(server.url, w.code, personAt(i))));
    await host.untilConsole((c) => c.members.filter((m) => m.presence === 'online').length === n + 1);
    return { w, host, ps };
  }

  it('runs a whole round: preview, open, late joiner, reconnect, help, visit, broadcast, notes, close with grace, harvest', async () => {
    const { w, host, ps } = await setUp(6);
    await host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'mix', field: 'organisation' }, rooms: [{ name: 'Funding', prompt: 'What worked?' }] });
    const preview = await host.untilConsole((c) => c.breakouts?.phase === 'draft' && c.members.filter((m) => m.roomId).length === 6);
    expect(preview.breakouts!.rooms.map((r) => r.name)).toEqual(['Funding', 'Room 2']);
    expect(preview.breakouts!.report).toMatchObject({ people: 6, colleaguePairs: 0 });
    // the preview is the facilitators' alone
    expect(ps[0]!.view!.breakout).toBeNull();

    // a manual move in the preview
    const amina = ps[0]!;
    const roomOfAmina = () => host.console!.members.find((m) => m.id === amina.id)!.roomId;
    const target = roomOfAmina() === 'r1' ? 'r2' : 'r1';
    await host.do({ type: 'breakouts.move', memberId: amina.id, roomId: target });
    await host.untilConsole(() => roomOfAmina() === target);

    await host.do({ type: 'breakouts.open', durationMs: 300_000, warningMs: 60_000, graceMs: 1_000 });
    const inRoom = await amina.untilView((v) => v.breakout?.room?.id === target);
    expect(inRoom.breakout!.clock).toMatchObject({ phase: 'open', warningMs: 60_000 });
    const roommates = inRoom.breakout!.room!.members.map((m) => m.id);
    expect(roommates).toContain(amina.id);
    for (const p of ps) await p.untilView((v) => v.breakout?.room !== null && v.breakout?.room !== undefined);
    const other = ps.find((p) => p.view!.breakout!.room!.id !== target)!;

    // a late joiner is placed by the strategy and the facilitator sees where
    const late = crowd.add(await joinAs(server.url, w.code, personAt(20)));
    const lateView = await late.untilView((v) => v.breakout?.room !== null && v.breakout?.room !== undefined);
    await host.untilConsole((c) => c.members.find((m) => m.id === late.id)?.roomId === lateView.breakout!.room!.id);

    // a participant whose connection drops comes back to the same room
    const again = crowd.add(new SimPerson(server.url));
    const resumed = await again.start({ type: 'resume', workshopId: w.workshopId, token: amina.session!.resumeToken });
    expect(resumed.ok).toBe(true);
    await again.untilView((v) => v.breakout?.room?.id === target);

    // notes are the room's own; the facilitator sees them live, other rooms never do
    await amina.do({ type: 'breakouts.notes', roomId: target, text: 'Pool funding across partners' });
    await host.untilConsole((c) => c.notes[target]?.text === 'Pool funding across partners');
    await again.untilView((v) => v.breakout?.room?.notes?.text === 'Pool funding across partners');
    const refused = await other.command({ type: 'breakouts.notes', roomId: target, text: 'intruding' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(other.view)).not.toContain('Pool funding');

    // help: queued with the room, acknowledged, cleared by a visit that the room sees
    await amina.do({ type: 'breakouts.help' });
    await host.untilConsole((c) => c.breakouts!.help.some((h) => h.roomId === target && h.memberId === amina.id));
    await host.do({ type: 'breakouts.help.acknowledge', roomId: target });
    await amina.untilView((v) => v.breakout?.room?.help === 'acknowledged');
    await host.do({ type: 'breakouts.visit', roomId: target });
    await amina.untilView((v) => v.breakout?.room?.help === 'none' && v.breakout.room.visitors.some((p) => p.role === 'host'));
    await host.untilConsole((c) => c.breakouts!.help.length === 0 && c.breakouts!.visits[host.id] === target);

    // broadcast to all rooms, and a message to one room
    await host.do({ type: 'breakouts.broadcast', text: 'Ten minutes left' });
    await host.do({ type: 'breakouts.broadcast', text: 'Funding: pick a scribe', roomId: target });
    await amina.untilView((v) => v.breakout?.broadcast?.text === 'Ten minutes left' && v.breakout.room?.message?.text === 'Funding: pick a scribe');
    await other.untilView((v) => v.breakout?.broadcast?.text === 'Ten minutes left');
    expect(other.view!.breakout!.room!.message).toBeNull();

    // extend, then shorten to the last second: time up, grace, back in plenary
    const endsAt = amina.view!.breakout!.clock.endsAt;
    await host.do({ type: 'breakouts.adjust', deltaMs: 120_000 });
    await amina.untilView((v) => v.breakout?.clock.endsAt === endsAt + 120_000);
    await host.do({ type: 'breakouts.adjust', deltaMs: -419_000 });
    await amina.untilView((v) => v.breakout?.clock.phase === 'closing', 5_000, 'the grace countdown');
    const back = await amina.untilView((v) => v.breakout === null, 5_000, 'back in plenary');
    expect(back.harvest).toMatchObject({ round: 1 });

    const harvest = await other.harvest();
    const targetName = target === 'r1' ? 'Funding' : 'Room 2';
    expect(harvest.ok && harvest.data[0]!.rooms.find((r) => r.name === targetName)!.notes).toBe('Pool funding across partners');
    const record = await host.untilConsole((c) => c.breakouts === null && c.record.rounds.length === 1);
    expect(record.members.every((m) => m.roomId === null)).toBe(true);
  });

  it('lets people choose rooms, refuses a full one, and sends each chooser only room counts', async () => {
    const { host, ps } = await setUp(3);
    await host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'selfSelect' }, rooms: [{ name: 'Small', cap: 1 }, { name: 'Big' }] });
    await host.do({ type: 'breakouts.open', durationMs: 60_000 });
    const [a, b] = ps as [SimPerson, SimPerson];
    await a.untilView((v) => v.breakout?.choices?.length === 2);
    await a.do({ type: 'breakouts.choose', roomId: 'r1' });
    await b.untilView((v) => v.breakout?.choices?.[0]?.count === 1, 5_000, 'the count of the small room');
    const full = await b.command({ type: 'breakouts.choose', roomId: 'r1' });
    expect(full).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Small is full (1 people). Choose another room.' } });
    await b.do({ type: 'breakouts.choose', roomId: 'r2' });
    await b.untilView((v) => v.breakout?.room?.name === 'Big');
    await host.do({ type: 'breakouts.close', immediately: true });
    await a.untilView((v) => v.breakout === null);
  });

  it('refuses clashing wishes with the reason, and lets no participant run the rooms', async () => {
    const { host, ps } = await setUp(4);
    const [a, b, c] = ps.map((p) => p.id);
    const clash = await host.command({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' }, together: [[a!, b!, c!]] });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.message).toContain('are to be kept together, but the largest room holds 2');
    const sneaky = await ps[0]!.command({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
