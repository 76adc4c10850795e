import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide, decideDue, nextDeadline } from '../../server/engine/decide.ts';
import { apply } from '../../server/engine/reducer.ts';
import { FRESH, HOST, run, stamp, workshop } from './helpers.ts';
import type { Command } from '../../shared/commands.ts';

describe('hands', () => {
  it('queues hands first raised first, and raising twice changes nothing', () => {
    let s = workshop(['a', 'b']);
    s = run(s, 'b', { type: 'hand.raise' }, 10);
    s = run(s, 'a', { type: 'hand.raise' }, 20);
    const again = decide(s, 'b', { type: 'hand.raise' }, 30, FRESH);
    expect(again).toEqual({ ok: true, events: [] });
    expect(s.hands.map((h) => h.memberId)).toEqual(['b', 'a']);
  });

  it('lets a participant lower only their own hand, and a host anyone’s', () => {
    let s = workshop(['a', 'b']);
    s = run(s, 'a', { type: 'hand.raise' }, 10);
    const refused = decide(s, 'b', { type: 'hand.lower', memberId: 'a' }, 20, FRESH);
    expect(refused.ok).toBe(false);
    s = run(s, HOST, { type: 'hand.lower', memberId: 'a' }, 20);
    expect(s.hands).toEqual([]);
  });

  it('drops a removed person from the queue', () => {
    let s = workshop(['a', 'b']);
    s = run(s, 'a', { type: 'hand.raise' }, 10);
    s = run(s, 'b', { type: 'hand.raise' }, 11);
    s = run(s, HOST, { type: 'member.remove', memberId: 'a' }, 12);
    expect(s.hands.map((h) => h.memberId)).toEqual(['b']);
    expect(s.members.a?.status).toBe('removed');
  });
});

describe('plenary timer', () => {
  it('runs against a deadline, pauses with the time left, resumes from it', () => {
    let s = workshop();
    s = run(s, HOST, { type: 'timer.start', durationMs: 60_000 }, 1_000);
    expect(s.timer).toEqual({ state: 'running', endsAt: 61_000, durationMs: 60_000, label: '' });
    expect(nextDeadline(s)).toBe(61_000);
    s = run(s, HOST, { type: 'timer.pause' }, 21_000);
    expect(s.timer).toMatchObject({ state: 'paused', remainingMs: 40_000 });
    expect(nextDeadline(s)).toBeNull();
    s = run(s, HOST, { type: 'timer.resume' }, 100_000);
    expect(s.timer).toMatchObject({ state: 'running', endsAt: 140_000 });
  });

  it('adds and removes minutes while running or paused, never below zero', () => {
    let s = workshop();
    s = run(s, HOST, { type: 'timer.start', durationMs: 60_000 }, 0);
    s = run(s, HOST, { type: 'timer.adjust', deltaMs: 60_000 }, 10_000);
    expect(s.timer).toMatchObject({ state: 'running', endsAt: 120_000, durationMs: 120_000 });
    s = run(s, HOST, { type: 'timer.adjust', deltaMs: -500_000 }, 20_000);
    expect(s.timer).toMatchObject({ state: 'running', endsAt: 20_000 });
    s = run(s, HOST, { type: 'timer.pause' }, 20_000);
    s = run(s, HOST, { type: 'timer.adjust', deltaMs: 30_000 }, 25_000);
    expect(s.timer).toMatchObject({ state: 'paused', remainingMs: 30_000 });
  });

  it('ends when the deadline passes, and adding time to an ended timer starts it again', () => {
    let s = workshop();
    s = run(s, HOST, { type: 'timer.start', durationMs: 5_000 }, 0);
    expect(decideDue(s, 4_999)).toEqual([]);
    const due = decideDue(s, 5_000);
    expect(due).toEqual([{ type: 'timer.ended' }]);
    s = stamp(due, s.version, 5_000).reduce(apply, s);
    expect(s.timer).toMatchObject({ state: 'ended', endedAt: 5_000 });
    s = run(s, HOST, { type: 'timer.adjust', deltaMs: 60_000 }, 9_000);
    expect(s.timer).toMatchObject({ state: 'running', endsAt: 69_000 });
  });

  it('refuses to pause or resume what is not there', () => {
    const s = workshop();
    expect(decide(s, HOST, { type: 'timer.pause' }, 0, FRESH)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(decide(s, HOST, { type: 'timer.resume' }, 0, FRESH)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(decide(s, HOST, { type: 'timer.adjust', deltaMs: 1000 }, 0, FRESH)).toMatchObject({ ok: false });
  });

  it('time left is the duration minus the time it actually ran, whatever the pause/resume history', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 10 }), (gaps) => {
        let s = workshop();
        let now = 0;
        s = run(s, HOST, { type: 'timer.start', durationMs: 1_000_000 }, now);
        let paused = 0;
        gaps.forEach((gap, i) => {
          now += gap;
          if (i % 2 === 0) s = run(s, HOST, { type: 'timer.pause' }, now);
          else {
            paused += gap;
            s = run(s, HOST, { type: 'timer.resume' }, now);
          }
        });
        const left = s.timer?.state === 'running' ? s.timer.endsAt - now : s.timer?.state === 'paused' ? s.timer.remainingMs : -1;
        // even gaps ran (each ended in a pause), odd gaps were paused (each ended in a resume)
        expect(left).toBe(1_000_000 - (now - paused));
      }),
    );
  });
});

describe('waiting room and membership', () => {
  it('admits everyone waiting when the waiting room is turned off', () => {
    let s = workshop([], { waitingRoom: true });
    s = stamp(
      [
        { type: 'member.joined', member: { id: 'w1', name: 'W1', role: 'participant', profile: {}, tokenHash: 'x1', status: 'waiting' } },
        { type: 'member.joined', member: { id: 'w2', name: 'W2', role: 'participant', profile: {}, tokenHash: 'x2', status: 'waiting' } },
      ],
      s.version,
      5,
    ).reduce(apply, s);
    s = run(s, HOST, { type: 'waitingRoom.set', enabled: false }, 10);
    expect(s.members.w1?.status).toBe('admitted');
    expect(s.members.w2?.status).toBe('admitted');
  });

  it('refuses every command from someone still waiting', () => {
    let s = workshop([], { waitingRoom: true });
    s = stamp(
      [{ type: 'member.joined', member: { id: 'w1', name: 'W1', role: 'participant', profile: {}, tokenHash: 'x1', status: 'waiting' } }],
      s.version,
      5,
    ).reduce(apply, s);
    expect(decide(s, 'w1', { type: 'hand.raise' }, 6, FRESH)).toMatchObject({ ok: false, error: { code: 'waiting' } });
  });

  it('only the host changes roles; the host cannot be removed or demoted', () => {
    let s = workshop(['a', 'b']);
    expect(decide(s, 'a', { type: 'member.setRole', memberId: 'b', role: 'cohost' }, 1, FRESH)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    s = run(s, HOST, { type: 'member.setRole', memberId: 'a', role: 'cohost' }, 1);
    expect(s.members.a?.role).toBe('cohost');
    expect(decide(s, 'a', { type: 'member.setRole', memberId: 'b', role: 'cohost' }, 2, FRESH)).toMatchObject({ ok: false });
    expect(decide(s, 'a', { type: 'member.remove', memberId: HOST }, 2, FRESH)).toMatchObject({ ok: false });
    expect(decide(s, HOST, { type: 'member.setRole', memberId: HOST, role: 'participant' }, 2, FRESH)).toMatchObject({ ok: false });
    // a co-host may run the plenary, but not remove another co-host
    s = run(s, HOST, { type: 'member.setRole', memberId: 'b', role: 'cohost' }, 3);
    expect(decide(s, 'a', { type: 'member.remove', memberId: 'b' }, 4, FRESH)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(decide(s, 'a', { type: 'announcement.set', text: 'Hi' }, 4, FRESH).ok).toBe(true);
  });
});

describe('authorisation', () => {
  const hostOnly: Command[] = [
    { type: 'hands.clear' },
    { type: 'announcement.set', text: 'x' },
    { type: 'now.set', text: 'x' },
    { type: 'timer.start', durationMs: 60_000 },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.adjust', deltaMs: 1 },
    { type: 'timer.stop' },
    { type: 'waitingRoom.set', enabled: true },
    { type: 'lock.set', locked: true },
    { type: 'member.admit', memberIds: ['b'] },
    { type: 'member.admitAll' },
    { type: 'member.decline', memberId: 'b' },
    { type: 'member.remove', memberId: 'b' },
    { type: 'member.readmit', memberId: 'b' },
    { type: 'member.setRole', memberId: 'b', role: 'cohost' },
  ];
  it.each(hostOnly.map((c) => [c.type, c] as const))('a participant sending %s is refused and nothing happens', (_t, command) => {
    const s = workshop(['a', 'b']);
    expect(decide(s, 'a', command, 0, FRESH)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('someone who is not a member is refused', () => {
    expect(decide(workshop(), 'stranger', { type: 'hand.raise' }, 0, FRESH)).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});

describe('replay', () => {
  it('is deterministic: applying the same events gives the same state', () => {
    let s = workshop(['a', 'b', 'c']);
    s = run(s, 'a', { type: 'hand.raise' }, 1);
    s = run(s, HOST, { type: 'announcement.set', text: 'Welcome' }, 2);
    s = run(s, HOST, { type: 'timer.start', durationMs: 60_000 }, 3);
    const copy = JSON.parse(JSON.stringify(s));
    expect(copy).toEqual(s);
    expect(s.version).toBe(4 + 3);
  });
});

describe('co-host link after a co-host leaves the role', () => {
  it('is replaced when a co-host is removed or made a participant, and only the host lets a co-host back in', () => {
    let s = workshop(['a', 'b']);
    const original = s.cohostKey;
    s = run(s, HOST, { type: 'member.setRole', memberId: 'a', role: 'cohost' }, 1);
    s = run(s, HOST, { type: 'member.setRole', memberId: 'b', role: 'cohost' }, 2);
    expect(s.cohostKey).toBe(original);
    s = run(s, HOST, { type: 'member.remove', memberId: 'a' }, 3);
    expect(s.cohostKey).toBe(FRESH.cohostKey);
    expect(decide(s, 'b', { type: 'member.readmit', memberId: 'a' }, 4, FRESH)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const demoted = decide(s, HOST, { type: 'member.setRole', memberId: 'b', role: 'participant' }, 5, { cohostKey: 'another-fresh-key-00002', seed: 1 });
    expect(demoted.ok && demoted.events.map((e) => e.type)).toEqual(['member.roleChanged', 'cohostKey.rotated']);
  });

  it('admits a large batch without losing anyone', () => {
    let s = workshop([], { waitingRoom: true });
    const ids = Array.from({ length: 500 }, (_, i) => `w${i}`);
    s = stamp(
      ids.map((id) => ({ type: 'member.joined' as const, member: { id, name: id, role: 'participant' as const, profile: {}, tokenHash: id, status: 'waiting' as const } })),
      s.version,
      1,
    ).reduce(apply, s);
    s = run(s, HOST, { type: 'member.admitAll' }, 2);
    expect(ids.every((id) => s.members[id]?.status === 'admitted')).toBe(true);
  });
});
