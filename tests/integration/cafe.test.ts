import { describe, expect, it } from 'vitest';
import { DEMO_FIELDS, SimPerson, createWorkshop, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, sleep, testServer } from './harness.ts';

/**
 * World café and networking with simulated people on the real server: hosts stay, a late joiner
 * takes a free seat, someone who leaves is planned out of the rounds to come, notes brief the host.
 */
describe('world café and networking', async () => {
  const server = await testServer({ env: { RECONNECT_GRACE_SECONDS: '5' } });
  const crowd = people();

  async function setUp(n: number, options: { autoResume?: boolean } = {}) {
    const w = await createWorkshop(server.url, { title: 'Café', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const ps: SimPerson[] = [];
    for (let i = 0; i < n; i++) ps.push(crowd.add(await joinAs(server.url, w.code, personAt(i), options)));
    await host.untilConsole((c) => c.members.filter((m) => m.presence === 'online').length === n + 1);
    return { w, host, ps };
  }

  it('runs a three-round café with a late joiner and a leaver, moving everyone on time', async () => {
    const { w, host, ps } = await setUp(8, { autoResume: false });
    const [amina, yusuf] = ps as [SimPerson, SimPerson];
    await host.do({
      type: 'cafe.plan',
      kind: 'cafe',
      tables: [
        { name: 'Funding', topic: 'Funding models', hostId: amina.id },
        { name: 'Voice', topic: 'Refugee-led decisions', hostId: yusuf.id },
      ],
      rounds: 3,
      roundMs: 600_000,
      transitionMs: 30_000,
    });
    const plan = await host.untilConsole((c) => c.cafe?.phase === 'draft');
    expect(plan.cafe!.plan.every((round) => round[0]![0] === amina.id && round[1]![0] === yusuf.id)).toBe(true);
    expect(plan.cafe!.quality.summary.length).toBeGreaterThan(5);

    await host.do({ type: 'cafe.start' });
    const first = await amina.untilView((v) => v.cafe?.table?.name === 'Funding');
    expect(first.cafe!.table!.host?.id).toBe(amina.id);
    for (const p of ps) await p.untilView((v) => v.cafe?.table !== null && v.cafe?.table !== undefined);
    await amina.do({ type: 'cafe.notes', tableId: 't1', text: 'Multi-year funding matters most' });
    await host.untilConsole((c) => c.cafeNotes.t1?.['1']?.text === 'Multi-year funding matters most');

    // a late joiner sits down at once
    const late = crowd.add(await joinAs(server.url, w.code, personAt(30)));
    await late.untilView((v) => v.cafe?.table !== null && v.cafe?.table !== undefined);

    // someone leaves for good: the rounds to come are planned without them
    const leaver = ps[7]!;
    const leaverId = leaver.id;
    leaver.close();
    await host.untilConsole((c) => c.members.find((m) => m.id === leaverId)?.presence === 'left', 10_000, 'the leaver shown as left');
    await host.do({ type: 'cafe.next' });
    const moving = await host.untilConsole((c) => c.cafe?.clock?.phase === 'moving');
    expect(moving.cafe!.plan[1]!.flat()).not.toContain(leaverId);
    expect(moving.cafe!.plan[1]!.flat()).toContain(late.id);
    const guest = ps[4]!;
    const card = await guest.untilView((v) => v.cafe?.clock.phase === 'moving' && v.cafe.next?.round === 2);
    expect(card.cafe!.next!.host).toMatch(/Amina|Yusuf/);

    await host.do({ type: 'cafe.next' });
    const briefed = await amina.untilView((v) => v.cafe?.round === 2);
    expect(briefed.cafe!.table!.earlier).toEqual([{ round: 1, text: 'Multi-year funding matters most' }]);
    await guest.untilView((v) => v.cafe?.round === 2 && v.cafe.table?.id === card.cafe!.next!.tableId);

    await host.do({ type: 'cafe.stop' });
    await amina.untilView((v) => v.cafe === null);
    const harvest = await guest.harvest();
    expect(harvest.ok && harvest.data.at(-1)).toMatchObject({ kind: 'cafe', rooms: [{ name: 'Funding', notes: 'Round 1:\nMulti-year funding matters most' }, { name: 'Voice' }] });
  });

  it('pairs an odd number of people for networking with a trio', async () => {
    const { host, ps } = await setUp(5);
    await host.do({ type: 'cafe.plan', kind: 'networking', rounds: 4, roundMs: 180_000, prompts: ['What are you proud of this year?'] });
    await host.do({ type: 'cafe.start' });
    const sizes: number[] = [];
    for (const p of ps) {
      const v = await p.untilView((x) => x.cafe?.table !== null && x.cafe?.table !== undefined);
      expect(v.cafe!.prompt).toBe('What are you proud of this year?');
      sizes.push(v.cafe!.table!.members.length);
    }
    expect(sizes.sort()).toEqual([2, 2, 3, 3, 3]);
    await host.do({ type: 'cafe.stop' });
    await sleep(50);
  });
});
