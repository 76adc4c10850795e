import { describe, expect, it } from 'vitest';
import { PARTICIPANT_BREAKOUT_COMMANDS } from '../../shared/breakouts.ts';
import { PARTICIPANT_CAFE_COMMANDS } from '../../shared/cafe.ts';
import { COMMAND_TYPES, Command } from '../../shared/commands.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { SimPerson, createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

/** One well-formed example of every host command, aimed at a real member. */
function hostCommands(target: string): Command[] {
  const examples: Record<string, Command> = {
    'hands.clear': { type: 'hands.clear' },
    'announcement.set': { type: 'announcement.set', text: 'hijack' },
    'now.set': { type: 'now.set', text: 'hijack' },
    'timer.start': { type: 'timer.start', durationMs: 60_000 },
    'timer.pause': { type: 'timer.pause' },
    'timer.resume': { type: 'timer.resume' },
    'timer.adjust': { type: 'timer.adjust', deltaMs: 60_000 },
    'timer.stop': { type: 'timer.stop' },
    'waitingRoom.set': { type: 'waitingRoom.set', enabled: true },
    'lock.set': { type: 'lock.set', locked: true },
    'member.admit': { type: 'member.admit', memberIds: [target] },
    'member.admitAll': { type: 'member.admitAll' },
    'member.decline': { type: 'member.decline', memberId: target },
    'member.remove': { type: 'member.remove', memberId: target },
    'member.readmit': { type: 'member.readmit', memberId: target },
    'member.setRole': { type: 'member.setRole', memberId: target, role: 'cohost' },
    // breakouts, café and polls: the facilitators' commands
    'breakouts.plan': Command.parse({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } }),
    'breakouts.room.update': { type: 'breakouts.room.update', roomId: 'r1', room: { name: 'x' } },
    'breakouts.move': { type: 'breakouts.move', memberId: target, roomId: 'r1' },
    'breakouts.rebalance': { type: 'breakouts.rebalance' },
    'breakouts.discard': { type: 'breakouts.discard' },
    'breakouts.preassign': { type: 'breakouts.preassign', csv: 'Bob,Room 1', append: false },
    'breakouts.open': Command.parse({ type: 'breakouts.open', durationMs: 60_000 }),
    'breakouts.adjust': { type: 'breakouts.adjust', deltaMs: 60_000 },
    'breakouts.close': { type: 'breakouts.close', immediately: true },
    'breakouts.broadcast': { type: 'breakouts.broadcast', text: 'hijack' },
    'breakouts.visit': { type: 'breakouts.visit', roomId: 'r1' },
    'breakouts.help.acknowledge': { type: 'breakouts.help.acknowledge', roomId: 'r1' },
    'cafe.plan': Command.parse({ type: 'cafe.plan', kind: 'networking', rounds: 2, roundMs: 60_000 }),
    'cafe.regenerate': { type: 'cafe.regenerate' },
    'cafe.table.update': { type: 'cafe.table.update', tableId: 't1', table: { name: 'x' } },
    'cafe.discard': { type: 'cafe.discard' },
    'cafe.start': { type: 'cafe.start' },
    'cafe.adjust': { type: 'cafe.adjust', deltaMs: 60_000 },
    'cafe.next': { type: 'cafe.next' },
    'cafe.stop': { type: 'cafe.stop' },
    'poll.create': { type: 'poll.create', poll: { kind: 'text', question: 'Q?', settings: { anonymous: true, results: 'live' } } },
    'poll.update': { type: 'poll.update', pollId: 'poll1', poll: { kind: 'text', question: 'Q?', settings: { anonymous: true, results: 'live' } } },
    'poll.launch': { type: 'poll.launch', pollId: 'poll1', scope: 'plenary' },
    'poll.close': { type: 'poll.close', pollId: 'poll1' },
    'poll.reopen': { type: 'poll.reopen', pollId: 'poll1' },
    'poll.reveal': { type: 'poll.reveal', pollId: 'poll1', revealed: true },
    'poll.delete': { type: 'poll.delete', pollId: 'poll1' },
    // the run of show and the record
    'agenda.set': Command.parse({ type: 'agenda.set', segments: [{ id: 's1', title: 'Hijack', minutes: 5, activity: { kind: 'plenary' } }] }),
    'agenda.next': { type: 'agenda.next', from: null },
    'agenda.skip': { type: 'agenda.skip', segmentId: 's1', skipped: true },
    'agenda.move': { type: 'agenda.move', segmentId: 's1', toIndex: 0 },
    'agenda.extend': { type: 'agenda.extend', minutes: 5 },
    'agenda.finish': { type: 'agenda.finish', from: 's1' },
    'harvest.privacy': { type: 'harvest.privacy', area: 'attendance', level: 'shareable' },
    'member.forget': { type: 'member.forget', memberId: target },
  };
  // participants' own commands, and turns (decided per room: see the turns tests)
  const participantCommands = [
    'hand.raise',
    'hand.lower',
    ...PARTICIPANT_BREAKOUT_COMMANDS,
    ...PARTICIPANT_CAFE_COMMANDS,
    'poll.answer',
    ...COMMAND_TYPES.filter((t) => t.startsWith('turn.')),
  ];
  // every command type is either a participant's or listed above: adding one without a test fails here
  expect([...participantCommands, ...Object.keys(examples)].sort()).toEqual([...COMMAND_TYPES].sort());
  return Object.values(examples);
}

describe('authorisation and bad input', async () => {
  // many deliberate messages in a row: the rate limit has its own test below
  const server = await testServer({ env: { SOCKET_MESSAGES_PER_SECOND: '1000' } });
  const crowd = people();

  it('refuses every host command from a participant, and nothing changes', async () => {
    const w = await createWorkshop(server.url, { title: 'Auth' });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Mallory' }));
    const other = crowd.add(await joinAs(server.url, w.code, { name: 'Bob' }));
    await host.command({ type: 'timer.start', durationMs: 600_000 });
    const version = (await host.untilConsole((c) => c.timer !== null)).version;
    for (const command of hostCommands(other.id)) {
      const result = await p.command(command);
      expect(result, command.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await p.command({ type: 'hand.lower', memberId: other.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const refreshed = await host.socket.emitWithAck('refresh');
    expect(refreshed).toEqual({ ok: true, data: { version } });
    expect(other.view?.me.status).toBe('admitted');
    // and a participant never receives the console
    expect(p.console).toBeNull();
  });

  it('answers malformed payloads for every event with a clear error, and keeps serving', async () => {
    const w = await createWorkshop(server.url, { title: 'Junk' });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(new SimPerson(server.url));
    await p.connected();
    const notJoined = (await p.raw('command', { type: 'hand.raise' })) as { ok: boolean; error: { code: string } };
    expect(notJoined).toMatchObject({ ok: false, error: { code: 'not_joined' } });

    const junk: unknown[] = [null, 42, 'text', [], {}, { type: 'join' }, { type: 'join', code: 'ABCDEF', name: 'x'.repeat(61) }, { type: 'resume', workshopId: '../etc', token: 'short' }];
    for (const payload of junk) {
      const r = (await p.raw('session', payload)) as { ok: boolean; error: { code: string; message: string } };
      expect(r.ok).toBe(false);
      expect(ErrorCode.options).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
    await p.start({ type: 'join', code: w.code, name: 'Tester' });
    const commands: unknown[] = [
      null,
      'hand.raise',
      { type: 'no.such' },
      { type: 'timer.start' },
      { type: 'timer.start', durationMs: -1 },
      { type: 'timer.start', durationMs: 'soon' },
      { type: 'announcement.set', text: 'x'.repeat(10_000) },
      { type: 'member.admit', memberIds: 'all' },
      JSON.parse('{"type":"hand.raise","__proto__":{"admin":true}}'),
      { type: 'hand.lower', memberId: { $ne: null } },
    ];
    for (const payload of commands) {
      const r = (await p.raw('command', payload)) as { ok: boolean; error: { code: string } };
      expect(r, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await p.raw('clock', 'yesterday')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await p.raw('make.me.host', {})).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    // no ack function at all: nothing to answer, nothing breaks
    p.socket.emit('command' as 'command', { type: 'hand.raise' } as Command, undefined as never);
    (p.socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit('session');
    expect(await p.command({ type: 'hand.raise' })).toMatchObject({ ok: true });
    expect(await host.command({ type: 'announcement.set', text: 'still fine' })).toMatchObject({ ok: true });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('disconnects a socket that sends more than the payload limit, and only that one', async () => {
    const w = await createWorkshop(server.url, { title: 'Big' });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Big sender' }, { autoResume: false }));
    p.socket.emit('command', { type: 'announcement.set', text: 'x'.repeat(40_000) } as Command, () => undefined);
    await p.until(() => !p.socket.connected, 5_000, 'disconnect');
    expect(await host.command({ type: 'announcement.set', text: 'ok' })).toMatchObject({ ok: true });
  });
});

describe('rate limits', async () => {
  const server = await testServer({ env: { SOCKET_MESSAGES_PER_SECOND: '20' } });
  const crowd = people();

  it('slows a flooding socket and then disconnects it; other people are not affected', async () => {
    const w = await createWorkshop(server.url, { title: 'Flood' });
    const host = crowd.add(await hostOf(server.url, w));
    const calm = crowd.add(await joinAs(server.url, w.code, { name: 'Calm' }));
    const flood = crowd.add(await joinAs(server.url, w.code, { name: 'Flood' }, { autoResume: false }));
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => flood.command({ type: 'hand.raise' })));
    const limited = results.filter((r) => r.status === 'fulfilled' && !r.value.ok && r.value.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(10);
    expect(limited[0]).toMatchObject({ value: { error: { message: expect.stringMatching(/too fast/) } } });
    // keep flooding: disconnected
    for (let i = 0; i < 200 && flood.socket.connected; i++) flood.socket.emit('clock', Date.now(), () => undefined);
    await flood.until(() => !flood.socket.connected, 5_000, 'flooder disconnected');
    expect(flood.notices.some((n) => n.kind === 'rate_limited')).toBe(true);
    expect(await calm.command({ type: 'hand.raise' })).toMatchObject({ ok: true });
    expect(await host.command({ type: 'announcement.set', text: 'carry on' })).toMatchObject({ ok: true });
  });
});
