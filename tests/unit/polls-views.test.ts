import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PollAnswer, PollDefinition, PollSettings } from '../../shared/polls.ts';
import { FacilitatorPolls, ParticipantPolls, POLL_KINDS, POLL_LIMITS } from '../../shared/polls.ts';
import { pollExportJson, pollResponsesCsv, pollResultsCsv } from '../../server/activities/polls/export.ts';
import { facilitatorPolls, participantPolls, participantPollsShared } from '../../server/activities/polls/views.ts';
import { answer, definitions, launch, play, world, type World } from './polls-fixtures.ts';

const names: Record<string, string> = { m1: 'Amani', m2: 'Bongani', m3: 'Chipo' };
const nameOf = (id: string) => names[id] ?? `Someone ${id}`;
const viewOf = (w: World, memberId: string, roomId: string | null = null) =>
  participantPolls(participantPollsShared(w.slice, w.tallies, nameOf), { memberId, roomId });

describe('participant view', () => {
  it('shows open polls with the person’s own answer and live results; never drafts', () => {
    const w = world();
    play(w, 'host', { type: 'poll.create', poll: definitions().single }); // a draft
    const id = launch(w, definitions().single);
    answer(w, id, 'm1', { kind: 'single', optionId: 'o2' });
    const view = viewOf(w, 'm1');
    expect(ParticipantPolls.parse(view)).toEqual(view);
    expect(view.map((p) => p.id)).toEqual([id]);
    expect(view[0]).toMatchObject({ status: 'open', myAnswer: { kind: 'single', optionId: 'o2' }, resultsOf: 'all' });
    expect(view[0]!.results?.responses).toBe(1);
    expect(viewOf(w, 'm2')[0]!.myAnswer).toBeNull();
  });

  it('hides results of an “on reveal” poll until a facilitator reveals them', () => {
    const w = world();
    const def = { ...definitions().scale, settings: { anonymous: false, results: 'onReveal' } } as PollDefinition;
    const id = launch(w, def);
    answer(w, id, 'm1', { kind: 'scale', value: 4 });
    expect(viewOf(w, 'm1')[0]!.results).toBeNull();
    // facilitators see them all along
    expect(facilitatorPolls(w.slice, w.tallies, nameOf)[0]!.results?.responses).toBe(1);
    play(w, 'host', { type: 'poll.reveal', pollId: id, revealed: true });
    expect(viewOf(w, 'm1')[0]!.results).toMatchObject({ kind: 'scale', counts: [0, 0, 0, 1, 0], mean: 4 });
  });

  it('in rooms, shows each person their room’s results; facilitators see every room and the total', () => {
    const w = world();
    const id = launch(w, definitions().single, 'rooms');
    answer(w, id, 'm1', { kind: 'single', optionId: 'o1' }, 'r1');
    answer(w, id, 'm2', { kind: 'single', optionId: 'o2' }, 'r2');
    const mine = viewOf(w, 'm1', 'r1')[0]!;
    expect(mine.resultsOf).toBe('room');
    expect(mine.results?.kind === 'single' && mine.results.options.map((o) => o.count)).toEqual([1, 0, 0]);
    const empty = viewOf(w, 'm3', 'r3')[0]!;
    expect(empty.results?.responses).toBe(0);
    const console = facilitatorPolls(w.slice, w.tallies, nameOf)[0]!;
    expect(FacilitatorPolls.parse([console])).toEqual([console]);
    expect(console.results?.responses).toBe(2);
    expect(console.rooms.map((r) => [r.roomId, r.results.responses])).toEqual([
      ['r1', 1],
      ['r2', 1],
    ]);
  });

  it('keeps the latest closed poll on screen, and revealed ones, but not every old poll', () => {
    const w = world();
    const ids = [launch(w, definitions().single), launch(w, definitions().scale), launch(w, definitions().text)];
    for (const id of ids) play(w, 'host', { type: 'poll.close', pollId: id });
    expect(viewOf(w, 'm1').map((p) => p.id)).toEqual([ids[2]]);
    play(w, 'host', { type: 'poll.reveal', pollId: ids[0]!, revealed: true });
    expect(viewOf(w, 'm1').map((p) => p.id)).toEqual([ids[2], ids[0]]);
  });

  it('is the same size for 200 voters or 2,000', () => {
    const size = (voters: number) => {
      const w = world();
      const id = launch(w, definitions().wordcloud);
      for (let i = 0; i < voters; i++) answer(w, id, `m${i}`, { kind: 'wordcloud', words: [`w${i % 500}`, 'x'] });
      return JSON.stringify(viewOf(w, 'm0')).length;
    };
    // 200 voters already fill the cloud's top words; ten times as many only lengthens the counts
    expect(size(2_000) - size(200)).toBeLessThan(200);
    expect(size(2_000)).toBeLessThan(3_000);
  });

  it('carries a short wall to participants, even when every answer is as long as allowed', () => {
    const w = world();
    const id = launch(w, definitions().checkin);
    for (let i = 0; i < 2_000; i++) answer(w, id, `m${i}`, { kind: 'checkin', text: `${i} ${'x'.repeat(POLL_LIMITS.checkinChars - 5)}` });
    const [poll] = viewOf(w, 'm0');
    expect(poll!.results).toMatchObject({ responses: 2_000 });
    expect(poll!.results?.kind === 'checkin' && poll!.results.entries).toHaveLength(POLL_LIMITS.participantWallEntries);
    expect(JSON.stringify(poll).length).toBeLessThan(8_000);
  }, 30_000);
});

describe('anonymity', () => {
  const memberId = fc.stringMatching(/^M[A-Z0-9]{7}$/);
  const member = memberId.map((id) => ({ id, name: `Zed ${id.slice(1, 6)}Q` }));
  const lower = fc.stringMatching(/^[a-z][a-z ]{0,15}$/);

  function answerFor(def: PollDefinition): fc.Arbitrary<PollAnswer> {
    switch (def.kind) {
      case 'single':
        return fc.constantFrom(...def.options.map((o) => o.id)).map((optionId) => ({ kind: 'single', optionId }));
      case 'multiple':
        return fc.subarray(def.options.map((o) => o.id), { minLength: 1, maxLength: def.maxChoices }).map((optionIds) => ({ kind: 'multiple', optionIds }));
      case 'scale':
        return fc.integer({ min: def.min, max: def.max }).map((value) => ({ kind: 'scale', value }));
      case 'wordcloud':
        return fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: def.maxWords }).map((words) => ({ kind: 'wordcloud', words }));
      case 'ranking':
        return fc.shuffledSubarray(def.options.map((o) => o.id), { minLength: def.options.length, maxLength: def.options.length }).map((order) => ({ kind: 'ranking', order }));
      case 'text':
      case 'checkin':
        return lower.filter((t) => t.trim() !== '').map((text) => ({ kind: def.kind, text }));
    }
  }

  const scenario = fc
    .record({
      kind: fc.constantFrom(...POLL_KINDS),
      results: fc.constantFrom<PollSettings['results']>('live', 'onReveal'),
      scope: fc.constantFrom('plenary' as const, 'rooms' as const),
      members: fc.uniqueArray(member, { minLength: 1, maxLength: 12, selector: (m) => m.id }),
      close: fc.boolean(),
      reveal: fc.boolean(),
    })
    .chain((s) => {
      const def = definitions({ anonymous: true, results: s.results })[s.kind];
      const step = fc.tuple(fc.nat(s.members.length - 1), fc.constantFrom('r1', 'r2', null), answerFor(def));
      return fc.record({ s: fc.constant(s), def: fc.constant(def), steps: fc.array(step, { maxLength: 30 }) });
    });

  it('no member id or name appears in any view or export of an anonymous poll', () => {
    fc.assert(
      fc.property(scenario, ({ s, def, steps }) => {
        const w = world();
        const id = launch(w, def, s.scope);
        for (const [i, room, a] of steps) answer(w, id, s.members[i]!.id, a, s.scope === 'rooms' ? room : null);
        if (s.close) play(w, 'host', { type: 'poll.close', pollId: id });
        if (s.reveal) play(w, 'host', { type: 'poll.reveal', pollId: id, revealed: true });

        let asked = 0;
        const spyName = (mid: string) => {
          asked++;
          return s.members.find((m) => m.id === mid)?.name ?? 'unknown';
        };
        const shared = participantPollsShared(w.slice, w.tallies, spyName);
        const poll = w.slice.polls[id]!;
        const outputs = [
          JSON.stringify(facilitatorPolls(w.slice, w.tallies, spyName)),
          ...s.members.flatMap((m) => ['r1', 'r2', null].map((room) => JSON.stringify(participantPolls(shared, { memberId: m.id, roomId: room })))),
          pollExportJson(poll, spyName),
          pollResultsCsv(poll, spyName),
          pollResponsesCsv(poll, spyName),
        ];
        for (const text of outputs) {
          for (const m of s.members) {
            expect(text).not.toContain(m.id);
            expect(text).not.toContain(m.name);
          }
        }
        expect(asked).toBe(0);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('named polls do show names where the facilitator chose it (the check above can fail)', () => {
    const w = world();
    const id = launch(w, definitions({ anonymous: false, results: 'live' }).checkin);
    answer(w, id, 'm1', { kind: 'checkin', text: 'ready' });
    expect(JSON.stringify(facilitatorPolls(w.slice, w.tallies, nameOf))).toContain('Amani');
    expect(pollResponsesCsv(w.slice.polls[id]!, nameOf)).toContain('Amani');
  });
});
