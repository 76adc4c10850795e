import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderQueue, type SpeakingRecord } from '../../server/activities/turns/queue.ts';
import type { Hand } from '../../server/activities/turns/state.ts';
import { Harness, HOST, roomCtx } from './turns-helpers.ts';

/** Hands with distinct ids, raise times that may tie, and a speaking record per person. */
const queueInput = fc
  .uniqueArray(
    fc.record({
      memberId: fc.stringMatching(/^[a-z]{4,8}$/),
      raisedAt: fc.integer({ min: 0, max: 20 }),
      turns: fc.integer({ min: 0, max: 4 }),
      spokenMs: fc.integer({ min: 0, max: 600_000 }),
    }),
    { selector: (r) => r.memberId, maxLength: 30 },
  )
  .map((rows) => {
    // the queue is kept in raise order (the log's order), so a person raising later never comes first in it
    const sorted = [...rows].sort((a, b) => a.raisedAt - b.raisedAt);
    const hands: Hand[] = sorted.map((r) => ({ memberId: r.memberId, raisedAt: r.raisedAt }));
    const records = new Map<string, SpeakingRecord>(sorted.map((r) => [r.memberId, { turns: r.turns, spokenMs: r.spokenMs }]));
    return { hands, recordOf: (id: string) => records.get(id)! };
  });

describe('hand queue ordering', () => {
  it('first come, first served keeps the order hands went up, ties in log order', () => {
    fc.assert(
      fc.property(queueInput, ({ hands, recordOf }) => {
        const q = orderQueue(hands, 'first_come', recordOf);
        expect(q.map((e) => e.memberId)).toEqual(hands.map((h) => h.memberId));
        expect(q.every((e) => e.reason.code === 'raised')).toBe(true);
      }),
    );
  });

  it('a progressive stack puts people with fewer turns first, and by raise time among equals', () => {
    fc.assert(
      fc.property(queueInput, ({ hands, recordOf }) => {
        const q = orderQueue(hands, 'fewest_turns', recordOf);
        expect(new Set(q.map((e) => e.memberId))).toEqual(new Set(hands.map((h) => h.memberId)));
        const index = new Map(hands.map((h, i) => [h.memberId, i]));
        for (let i = 1; i < q.length; i++) {
          const a = q[i - 1]!;
          const b = q[i]!;
          const ta = recordOf(a.memberId).turns;
          const tb = recordOf(b.memberId).turns;
          expect(ta).toBeLessThanOrEqual(tb);
          if (ta === tb) {
            expect(a.raisedAt).toBeLessThanOrEqual(b.raisedAt);
            if (a.raisedAt === b.raisedAt) expect(index.get(a.memberId)!).toBeLessThan(index.get(b.memberId)!);
          }
        }
      }),
    );
  });

  it('is deterministic: the same hands give the same order', () => {
    fc.assert(
      fc.property(queueInput, fc.constantFrom('first_come' as const, 'fewest_turns' as const), ({ hands, recordOf }, order) => {
        expect(orderQueue(hands, order, recordOf)).toEqual(orderQueue([...hands], order, recordOf));
      }),
    );
  });

  it('says why: has not spoken yet, or how many turns', () => {
    const records: Record<string, SpeakingRecord> = {
      ada1: { turns: 2, spokenMs: 90_000 },
      ben2: { turns: 0, spokenMs: 0 },
      cat3: { turns: 0, spokenMs: 4_000 }, // spoke up without a turn (voice measured)
    };
    const hands = [
      { memberId: 'ada1', raisedAt: 1 },
      { memberId: 'ben2', raisedAt: 2 },
      { memberId: 'cat3', raisedAt: 3 },
    ];
    expect(orderQueue(hands, 'fewest_turns', (id) => records[id]!)).toEqual([
      { memberId: 'ben2', raisedAt: 2, reason: { code: 'not_spoken' } },
      { memberId: 'cat3', raisedAt: 3, reason: { code: 'turns', count: 0 } },
      { memberId: 'ada1', raisedAt: 1, reason: { code: 'turns', count: 2 } },
    ]);
  });

  it('lets the room switch to a progressive stack: the person who already spoke waits', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben', cat3: 'Cat' }));
    h.run('ada1', { type: 'turn.hand.raise' }, 1_000);
    h.run(HOST, { type: 'turn.next' }, 2_000);
    h.run(HOST, { type: 'turn.end' }, 30_000);
    h.run('ada1', { type: 'turn.hand.raise' }, 31_000);
    h.run('ben2', { type: 'turn.hand.raise' }, 32_000);
    h.run(HOST, { type: 'turn.settings', order: 'fewest_turns' }, 33_000);
    h.run(HOST, { type: 'turn.next' }, 34_000);
    expect(h.room.current?.memberId).toBe('ben2');
    expect(h.room.hands.map((x) => x.memberId)).toEqual(['ada1']);
  });

  it('raising twice changes nothing; only runners lower other people’s hands', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben' }));
    h.run('ada1', { type: 'turn.hand.raise' }, 1);
    expect(h.run('ada1', { type: 'turn.hand.raise' }, 2)).toEqual([]);
    expect(h.refused('ben2', { type: 'turn.hand.lower', memberId: 'ada1' }, 3).code).toBe('forbidden');
    h.run(HOST, { type: 'turn.hand.lower', memberId: 'ada1' }, 4);
    expect(h.room.hands).toEqual([]);
  });

  it('refuses calling the next speaker when no hand is up, with what to do instead', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada' }));
    expect(h.refused(HOST, { type: 'turn.next' }, 1).message).toMatch(/Nobody has a hand up/);
  });

  it('lets any member run a room that has no host, and nobody else', () => {
    const hostless = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben' }, { runners: [], anyMemberRuns: true }));
    hostless.run('ada1', { type: 'turn.hand.raise' }, 1);
    hostless.run('ben2', { type: 'turn.next' }, 2);
    expect(hostless.room.current?.memberId).toBe('ada1');
    const hosted = new Harness(roomCtx({ ada1: 'Ada', ben2: 'Ben' }, { runners: ['ada1'] }));
    hosted.run('ben2', { type: 'turn.hand.raise' }, 1);
    expect(hosted.refused('ben2', { type: 'turn.next' }, 2).code).toBe('forbidden');
    expect(hosted.refused('zed9', { type: 'turn.hand.raise' }, 2).code).toBe('forbidden');
    hosted.run('ada1', { type: 'turn.next' }, 3);
    expect(hosted.room.current?.memberId).toBe('ben2');
  });
});
