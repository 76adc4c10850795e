import { describe, expect, it } from 'vitest';
import { nextDeadline } from '../../server/engine/decide.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { encountersOf } from '../../server/activities/history.ts';
import { harvestOf } from '../../server/activities/harvest.ts';
import { act, attempt, crowd, join, tick, viewOf, workshopWith } from './activity-helpers.ts';
import { HOST } from './helpers.ts';

const minute = 60_000;

function planned(n: number, hosts: string[] | null, rounds = 3): WorkshopState {
  const s = workshopWith(crowd(n));
  const tables = (hosts ?? [null, null, null]).map((hostId, i) => ({ name: `Table ${i + 1}`, topic: `Topic ${i + 1}`, hostId }));
  return act(s, HOST, { type: 'cafe.plan', kind: 'cafe', tables, rounds, roundMs: 10 * minute, transitionMs: 30_000 }, 2_000);
}

const seatedOnce = (s: WorkshopState) =>
  s.cafe!.plan.every((round) => {
    const ids = round.flat();
    return new Set(ids).size === ids.length;
  });

describe('planning a café', () => {
  it('plans every round up front: hosts stay, everyone is seated once per round, quality in plain words', () => {
    const s = planned(12, ['p000', 'p001', 'p002']);
    const c = s.cafe!;
    expect(c.plan).toHaveLength(3);
    expect(seatedOnce(s)).toBe(true);
    for (const round of c.plan) {
      expect(round.map((t) => t[0])).toEqual(['p000', 'p001', 'p002']);
      expect(round.flat().sort()).toEqual(Object.keys(crowd(12)).sort());
      expect(Math.max(...round.map((t) => t.length)) - Math.min(...round.map((t) => t.length))).toBeLessThanOrEqual(1);
    }
    expect(c.quality.summary).toMatch(/meet|repeat/);
    // nothing reaches participants before the start
    expect(viewOf(s, 'p005').cafe).toBeNull();
  });

  it('refuses a mix of hosted and unhosted tables at the start, and re-plans when a volunteer completes the hosts', () => {
    let s = workshopWith(crowd(9));
    s = act(s, HOST, { type: 'cafe.plan', kind: 'cafe', tables: [{ hostId: 'p000' }, {}, {}], rounds: 2, roundMs: 5 * minute }, 2_000);
    const start = attempt(s, HOST, { type: 'cafe.start' }, 3_000);
    expect(!start.ok && start.error.message).toBe('Table 2 and Table 3 have no host yet. Choose a host for every table, or none.');
    s = act(s, 'p004', { type: 'cafe.volunteer', tableId: 't2' }, 3_000);
    const taken = attempt(s, 'p005', { type: 'cafe.volunteer', tableId: 't2' }, 3_000);
    expect(!taken.ok && taken.error.message).toBe('Table 2 already has a host. Pick a table without one.');
    s = act(s, 'p005', { type: 'cafe.volunteer', tableId: 't3' }, 3_000);
    for (const round of s.cafe!.plan) expect(round.map((t) => t[0])).toEqual(['p000', 'p004', 'p005']);
  });

  it('lets only facilitators plan, and not while breakout rooms are open', () => {
    const s = workshopWith(crowd(6));
    expect(attempt(s, 'p000', { type: 'cafe.plan', kind: 'networking', rounds: 2, roundMs: minute }, 1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    let open = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 2 }, strategy: { kind: 'random' } }, 1);
    open = act(open, HOST, { type: 'breakouts.open', durationMs: minute }, 2);
    expect(attempt(open, HOST, { type: 'cafe.plan', kind: 'networking', rounds: 2, roundMs: minute }, 3)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('running a café', () => {
  function started(): WorkshopState {
    return act(planned(12, ['p000', 'p001', 'p002'], 2), HOST, { type: 'cafe.start' }, 10_000);
  }

  it('shows each person their table, host and tablemates, and where they go next', () => {
    const s = started();
    const v = viewOf(s, 'p007').cafe!;
    expect(v).toMatchObject({ kind: 'cafe', round: 1, rounds: 2, clock: { phase: 'talking', endsAt: 10_000 + 10 * minute } });
    expect(v.table!.members.map((m) => m.id)).toContain('p007');
    expect(v.table!.host?.id).toBe(v.table!.members[0]!.id);
    const nextTable = s.cafe!.plan[1]!.findIndex((t) => t.includes('p007'));
    expect(v.next).toMatchObject({ round: 2, tableId: `t${nextTable + 1}`, tableName: `Table ${nextTable + 1}`, topic: `Topic ${nextTable + 1}` });
  });

  it('moves on by deadlines: talking, the move with the next seat, the next round, the end and the harvest', () => {
    let s = started();
    const host = 'p000';
    s = act(s, host, { type: 'cafe.notes', tableId: 't1', text: 'Round one: pooled funding' }, 20_000);
    expect(nextDeadline(s)).toBe(10_000 + 10 * minute);
    s = tick(s, 10_000 + 10 * minute);
    expect(s.cafe!.clock).toMatchObject({ phase: 'moving', endsAt: 10_000 + 10 * minute + 30_000 });
    expect(viewOf(s, 'p007').cafe!.next?.round).toBe(2);
    s = tick(s, 10_000 + 10 * minute + 30_000);
    expect(s.cafe!.round).toBe(2);
    // the host is briefed with the earlier round's notes; guests are not
    const hostView = viewOf(s, host).cafe!;
    expect(hostView.table!.earlier).toEqual([{ round: 1, text: 'Round one: pooled funding' }]);
    const guest = s.cafe!.plan[1]![0]!.find((id) => id !== host)!;
    expect(viewOf(s, guest).cafe!.table!.earlier).toEqual([]);
    expect(viewOf(s, guest).cafe!.next).toBeNull();
    s = act(s, guest, { type: 'cafe.notes', tableId: 't1', text: 'Round two: shared templates' }, 11 * minute);
    s = tick(s, 30 * minute);
    expect(s.cafe).toBeNull();
    const harvest = harvestOf(s).at(-1)!;
    expect(harvest.kind).toBe('cafe');
    expect(harvest.rooms[0]!.notes).toBe('Round 1:\nRound one: pooled funding\n\nRound 2:\nRound two: shared templates');
  });

  it('refuses notes for a table you are not at', () => {
    const s = started();
    const elsewhere = s.cafe!.plan[0]!.findIndex((t) => !t.includes('p007'));
    expect(attempt(s, 'p007', { type: 'cafe.notes', tableId: `t${elsewhere + 1}`, text: 'x' }, 11_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('seats a late joiner at the smallest table now, and folds them into the next rounds at the move', () => {
    let s = started();
    s = join(s, 'late', 'orgX', 'English', 20_000);
    const table = s.cafe!.plan[0]!.findIndex((t) => t.includes('late'));
    expect(table).toBeGreaterThanOrEqual(0);
    expect(viewOf(s, 'late').cafe!.table!.members.map((m) => m.id)).toContain('late');
    s = tick(s, 10_000 + 10 * minute);
    expect(s.cafe!.plan[1]!.flat()).toContain('late');
    expect(seatedOnce(s)).toBe(true);
  });

  it('re-plans the rounds to come without people who are gone, keeping played rounds as they were', () => {
    let s = started();
    const round1 = structuredClone(s.cafe!.plan[0]);
    s = tick(s, 10_000 + 10 * minute, (id) => id !== 'p009');
    expect(s.cafe!.plan[0]).toEqual(round1);
    expect(s.cafe!.plan[1]!.flat()).not.toContain('p009');
    expect(s.cafe!.plan[1]!.map((t) => t[0])).toEqual(['p000', 'p001', 'p002']);
  });

  it('skips ahead with "next" and ends early with "stop"', () => {
    let s = started();
    s = act(s, HOST, { type: 'cafe.next' }, 20_000);
    expect(s.cafe!.clock).toMatchObject({ phase: 'moving', endsAt: 50_000 });
    s = act(s, HOST, { type: 'cafe.next' }, 21_000);
    expect(s.cafe!.round).toBe(2);
    s = act(s, HOST, { type: 'cafe.stop' }, 22_000);
    expect(s.cafe).toBeNull();
    expect(s.cafeRecord[0]!.rounds).toHaveLength(2);
  });
});

describe('networking', () => {
  it('pairs everyone with a trio for an odd number, and nobody meets twice while that can be avoided', () => {
    let s = workshopWith(crowd(7));
    s = act(s, HOST, { type: 'cafe.plan', kind: 'networking', rounds: 6, roundMs: 3 * minute, prompts: ['What brought you here?'] }, 1_000);
    const pairs = new Set<string>();
    for (const round of s.cafe!.plan) {
      expect(round.flat().sort()).toEqual(Object.keys(crowd(7)).sort());
      expect(round.map((t) => t.length).sort()).toEqual([2, 2, 3]);
      for (const t of round) for (const a of t) for (const b of t) if (a < b) pairs.add(`${a}|${b}`);
    }
    expect(s.cafe!.quality.repeats).toBe(s.cafe!.quality.unavoidable);
    s = act(s, HOST, { type: 'cafe.start' }, 2_000);
    const v = viewOf(s, 'p003').cafe!;
    expect(v).toMatchObject({ kind: 'networking', prompt: 'What brought you here?' });
    expect(v.table!.name).toMatch(/^Pair \d$/);
    expect(pairs.size).toBeGreaterThan(15);
  });

  it('gives one person a round off with "bye" instead', () => {
    const s = act(workshopWith(crowd(5)), HOST, { type: 'cafe.plan', kind: 'networking', rounds: 5, roundMs: 3 * minute, oddOneOut: 'bye' }, 1_000);
    for (const round of s.cafe!.plan) expect(round.map((t) => t.length).sort()).toEqual([1, 2, 2]);
    const sittingOut = new Set(s.cafe!.plan.map((round) => round.find((t) => t.length === 1)![0]));
    expect(sittingOut.size).toBe(5);
  });
});

describe('shared encounter history', () => {
  it('counts café tables when breakouts avoid previous groupmates', () => {
    let s = act(planned(12, null, 1), HOST, { type: 'cafe.start' }, 1_000);
    s = act(s, HOST, { type: 'cafe.stop' }, 2_000);
    const met = encountersOf(s);
    expect(met.size).toBeGreaterThan(0);
    // four rooms of three can each take one person from each café table: no repeats are needed
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 4 }, strategy: { kind: 'avoidPrevious' } }, 3_000);
    expect(s.breakouts!.report.repeats).toBe(0);
  });
});
