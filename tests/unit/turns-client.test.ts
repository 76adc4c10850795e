import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next from 'i18next';
import { percent, readTurnClock } from '../../client/src/features/turns/turn-clock.ts';
import { turnsEn } from '../../client/src/lib/i18n/turns-en.ts';
import { Harness, HOST, ROOM, roomCtx } from './turns-helpers.ts';
import { roomTurnView } from '../../server/activities/turns/views.ts';

const root = path.resolve(import.meta.dirname, '../..');
const featureDir = path.join(root, 'client/src/features/turns');

describe('the turn banner’s clock', () => {
  it('shows time left, then the warning, then the overrun, from one deadline and any server time', () => {
    const h = new Harness(roomCtx({ ada1: 'Ada' }));
    h.run(HOST, { type: 'turn.pick', memberId: 'ada1', lengthMs: 60_000 }, 1_000);
    const clock = roomTurnView(h.state, ROOM, h.ctx, 1_000).current!.clock;
    expect(readTurnClock(clock, 1_000)).toEqual({ remainingMs: 60_000, overrunMs: 0, warning: false, over: false, paused: false });
    expect(readTurnClock(clock, 46_000)).toMatchObject({ remainingMs: 15_000, warning: true, over: false });
    expect(readTurnClock(clock, 61_000)).toMatchObject({ remainingMs: 0, overrunMs: 0, warning: false, over: true });
    expect(readTurnClock(clock, 73_500)).toMatchObject({ remainingMs: 0, overrunMs: 12_500, over: true });
  });

  it('never shows negative time, and time left plus overrun is the distance to the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (endsAt, now) => {
        const r = readTurnClock({ state: 'running', endsAt, warnAt: endsAt - 15_000, lengthMs: 60_000 }, now);
        expect(r.remainingMs).toBeGreaterThanOrEqual(0);
        expect(r.overrunMs).toBeGreaterThanOrEqual(0);
        expect(r.remainingMs + r.overrunMs).toBe(Math.abs(endsAt - now));
      }),
    );
  });

  it('shows a paused turn as the server left it, whatever the local time', () => {
    expect(readTurnClock({ state: 'paused', remainingMs: 0, overrunMs: 4_000, warning: false, lengthMs: 60_000 }, 0)).toEqual({
      remainingMs: 0,
      overrunMs: 4_000,
      warning: false,
      over: true,
      paused: true,
    });
  });

  it('writes shares as whole percentages within 0–100', () => {
    expect([0, 0.254, 0.5, 1, 1.2, -1].map(percent)).toEqual(['0%', '25%', '50%', '100%', '100%', '0%']);
  });
});

describe('turns strings', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: 'en', resources: { en: { translation: turnsEn } }, initAsync: false, showSupportNotice: false });

  it('has every key the turns components use', () => {
    const used = new Set<string>();
    for (const file of fs.readdirSync(featureDir)) {
      const text = fs.readFileSync(path.join(featureDir, file), 'utf8');
      for (const m of text.matchAll(/'(turns\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(i18n.exists(key) || i18n.exists(`${key}_other`), key).toBe(true);
  });

  it('says the queue reasons and counts in plain words', () => {
    expect(i18n.t('turns.queue.turns', { count: 0 })).toBe('has not had a turn yet');
    expect(i18n.t('turns.queue.turns', { count: 1 })).toBe('spoke once');
    expect(i18n.t('turns.queue.turns', { count: 2 })).toBe('spoke 2 times');
    expect(i18n.t('turns.balance.notSpoken', { count: 0 })).toBe('Everyone has spoken');
    expect(i18n.t('turns.balance.notSpoken', { count: 3 })).toBe('3 people have not spoken yet');
  });

  it('brings only `turns` to the catalogue, so it merges into en.ts without clashing', () => {
    expect(Object.keys(turnsEn)).toEqual(['turns']);
  });

  it('client turns code loads no zod: shared/turns.ts is imported for types only', () => {
    for (const file of fs.readdirSync(featureDir)) {
      const text = fs.readFileSync(path.join(featureDir, file), 'utf8');
      for (const m of text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
        expect(m[1], file).not.toMatch(/shared\/turns|^zod$/);
      }
    }
  });
});
