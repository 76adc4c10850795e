import { describe, expect, it } from 'vitest';
import type { PollDefinition } from '../../shared/polls.ts';
import { DEMO_FIELDS, SimPerson, createWorkshop, hostOf, joinAs, personAt } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

const choice = (anonymous: boolean, results: 'live' | 'onReveal' = 'live'): PollDefinition => ({
  kind: 'single',
  question: 'Which topic next?',
  settings: { anonymous, results },
  options: [
    { id: 'funding', label: 'Funding' },
    { id: 'voice', label: 'Refugee voice' },
  ],
});

/** Polls with simulated people on the real server: plenary and all rooms at once, changes, closing, revealing, anonymity. */
describe('polls', async () => {
  const server = await testServer();
  const crowd = people();

  async function setUp(n: number) {
    const w = await createWorkshop(server.url, { title: 'Polls', profileFields: DEMO_FIELDS });
    const host = crowd.add(await hostOf(server.url, w));
    const ps: SimPerson[] = [];
    for (let i = 0; i < n; i++) ps.push(crowd.add(await joinAs(server.url, w.code, personAt(i))));
    return { host, ps };
  }

  async function create(host: SimPerson, poll: PollDefinition): Promise<string> {
    const before = host.console?.polls.length ?? 0;
    await host.do({ type: 'poll.create', poll });
    const c = await host.untilConsole((v) => v.polls.length === before + 1);
    return c.polls.at(-1)!.id;
  }

  it('runs a plenary poll: answers, a changed answer, live results, close, and refusals', async () => {
    const { host, ps } = await setUp(3);
    const pollId = await create(host, choice(false));
    expect(ps[0]!.view!.polls).toEqual([]);
    await host.do({ type: 'poll.launch', pollId, scope: 'plenary' });
    await ps[0]!.untilView((v) => v.polls[0]?.status === 'open');
    await ps[0]!.do({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'funding' } });
    await ps[1]!.do({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'funding' } });
    await ps[1]!.do({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'voice' } });
    const again = await ps[1]!.command({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'voice' } });
    expect(again.ok).toBe(true);
    const counts = (v: { polls: { results: unknown }[] }) => JSON.stringify(v.polls[0]?.results);
    await host.untilConsole((c) => c.polls[0]?.results?.responses === 2);
    expect(host.console!.polls[0]!.results).toMatchObject({ options: [{ id: 'funding', count: 1 }, { id: 'voice', count: 1 }] });
    // everyone's results catch up within about a second
    await ps[2]!.untilView((v) => counts(v).includes('"responses":2'), 3_000);
    expect(ps[1]!.view!.polls[0]!.myAnswer).toEqual({ kind: 'single', optionId: 'voice' });

    const bad = await ps[2]!.command({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'nope' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const sneaky = await ps[2]!.command({ type: 'poll.close', pollId });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await host.do({ type: 'poll.close', pollId });
    const late = await ps[2]!.command({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'voice' } });
    expect(late.ok).toBe(false);
    await ps[2]!.untilView((v) => v.polls[0]?.status === 'closed');
  });

  it('launches in every open room at once, with results per room and in total', async () => {
    const { host, ps } = await setUp(4);
    await host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } });
    await host.do({ type: 'breakouts.open', durationMs: 300_000 });
    for (const p of ps) await p.untilView((v) => v.breakout?.room !== null && v.breakout?.room !== undefined);
    const pollId = await create(host, choice(true));
    await host.do({ type: 'poll.launch', pollId, scope: 'rooms' });
    for (const p of ps) {
      const v = await p.untilView((x) => x.polls[0]?.status === 'open');
      await p.do({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: p === ps[0] ? 'voice' : 'funding' }, roomId: v.breakout!.room!.id });
    }
    const c = await host.untilConsole((v) => v.polls[0]?.results?.responses === 4);
    expect(c.polls[0]!.rooms.map((r) => r.roomId).sort()).toEqual(['r1', 'r2']);
    expect(c.polls[0]!.rooms.reduce((n, r) => n + r.results.responses, 0)).toBe(4);
    const mine = await ps[0]!.untilView((v) => v.polls[0]?.resultsOf === 'room' && (v.polls[0].results?.responses ?? 0) === 2);
    expect(mine.polls[0]!.results).toMatchObject({ responses: 2 });

    // an answer meant for the other room is refused, not miscounted
    const other = ps[0]!.view!.breakout!.room!.id === 'r1' ? 'r2' : 'r1';
    const wrong = await ps[0]!.command({ type: 'poll.answer', pollId, answer: { kind: 'single', optionId: 'funding' }, roomId: other });
    expect(wrong.ok).toBe(false);

    // anonymous: nobody is sent who answered what, the facilitators included, nor in the export
    const names = ps.map((p) => p.view!.me.name);
    const ids = ps.map((p) => p.id);
    const pollText = JSON.stringify(host.console!.polls) + JSON.stringify(ps.map((p) => p.view!.polls));
    for (const s of [...names, ...ids]) expect(pollText).not.toContain(s);
    // answers leave in a file only once the poll is set to shareable
    const notYet = await host.socket.timeout(5_000).emitWithAck('poll.export', { pollId, format: 'responses.csv' });
    expect(notYet).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/shareable/) } });
    await host.do({ type: 'harvest.privacy', area: `poll:${pollId}`, level: 'shareable' });
    const file = await host.socket.timeout(5_000).emitWithAck('poll.export', { pollId, format: 'responses.csv' });
    expect(file.ok).toBe(true);
    if (file.ok) for (const s of [...names, ...ids]) expect(file.data.text).not.toContain(s);
    const refused = await ps[1]!.socket.timeout(5_000).emitWithAck('poll.export', { pollId, format: 'json' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hides results until the facilitator reveals them', async () => {
    const { host, ps } = await setUp(2);
    const pollId = await create(host, { kind: 'wordcloud', question: 'One word for today?', settings: { anonymous: true, results: 'onReveal' }, maxWords: 3 });
    await host.do({ type: 'poll.launch', pollId, scope: 'plenary' });
    await ps[0]!.untilView((v) => v.polls[0]?.status === 'open');
    await ps[0]!.do({ type: 'poll.answer', pollId, answer: { kind: 'wordcloud', words: ['Trust'] } });
    await ps[1]!.do({ type: 'poll.answer', pollId, answer: { kind: 'wordcloud', words: ['trust '] } });
    const c = await host.untilConsole((v) => v.polls[0]?.results?.responses === 2);
    expect(c.polls[0]!.results).toMatchObject({ kind: 'wordcloud', words: [{ text: 'Trust', count: 2 }] });
    expect(ps[1]!.view!.polls[0]!.results).toBeNull();
    await host.do({ type: 'poll.reveal', pollId, revealed: true });
    await ps[1]!.untilView((v) => v.polls[0]?.results?.kind === 'wordcloud');
  });
});
