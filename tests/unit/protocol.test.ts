import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyConsolePatch } from '../../shared/console-patch.ts';
import { Command } from '../../shared/commands.ts';
import { JOIN_CODE_ALPHABET, JoinCode, formatJoinCode, normaliseJoinCode } from '../../shared/ids.ts';
import { checkProfile, fieldIdFromLabel, type ProfileField } from '../../shared/profile.ts';
import { SessionRequest } from '../../shared/session.ts';
import type { ConsoleMember, ConsolePatch, ConsoleView } from '../../shared/views.ts';

describe('join codes', () => {
  it('accepts what people type: lower case, spaces, dashes', () => {
    expect(JoinCode.parse(' k7p-4qx ')).toBe('K7P4QX');
    expect(formatJoinCode('K7P4QX')).toBe('K7P-4QX');
    expect(normaliseJoinCode('k7p 4qx')).toBe('K7P4QX');
  });
  it('refuses ambiguous characters and wrong lengths', () => {
    expect(JoinCode.safeParse('K7P4Q0').success).toBe(false); // 0 is not in the alphabet
    expect(JoinCode.safeParse('K7P4Q').success).toBe(false);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});

describe('profiles', () => {
  const fields: ProfileField[] = [
    { id: 'org', label: 'Organisation', required: true, choices: [] },
    { id: 'lang', label: 'Language', required: false, choices: ['English', 'Arabic'] },
  ];
  it('requires required fields and known choices, and drops empty optional ones', () => {
    expect(checkProfile(fields, { lang: 'English' })).toEqual({ ok: false, problem: { fieldId: 'org', problem: 'missing' } });
    expect(checkProfile(fields, { org: 'X', lang: 'Klingon' })).toMatchObject({ ok: false, problem: { problem: 'not_a_choice' } });
    expect(checkProfile(fields, { org: 'X', nope: 'y' })).toMatchObject({ ok: false, problem: { problem: 'unknown_field' } });
    expect(checkProfile(fields, { org: ' X ', lang: '' })).toEqual({ ok: true, values: { org: 'X' } });
  });
  it('makes unique field ids from labels', () => {
    expect(fieldIdFromLabel('Home country', [])).toBe('home-country');
    expect(fieldIdFromLabel('Home country', ['home-country'])).toBe('home-country-2');
    expect(fieldIdFromLabel('!!!', [])).toBe('field');
  });
});

describe('message schemas', () => {
  it('refuses unknown keys and wrong types in commands', () => {
    expect(Command.safeParse({ type: 'hand.raise', extra: 1 }).success).toBe(false);
    expect(Command.safeParse({ type: 'timer.start', durationMs: '60000' }).success).toBe(false);
    expect(Command.safeParse({ type: 'timer.start', durationMs: Number.NaN }).success).toBe(false);
    expect(Command.safeParse({ type: 'announcement.set', text: 'x'.repeat(501) }).success).toBe(false);
    expect(Command.safeParse({ type: 'timer.start', durationMs: 60_000 }).success).toBe(true);
  });
  it('never accepts random junk as a command or session request', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const c = Command.safeParse(junk);
        if (c.success) expect(typeof c.data.type).toBe('string');
        const s = SessionRequest.safeParse(junk);
        if (s.success) expect(['join', 'resume', 'host', 'cohost']).toContain(s.data.type);
      }),
    );
  });
  it('trims names and refuses empty ones', () => {
    const r = SessionRequest.safeParse({ type: 'join', code: 'K7P4QX', name: '   ' });
    expect(r.success).toBe(false);
  });
});

describe('console patches', () => {
  const member = (id: string, name = id): ConsoleMember => ({
    id, name, role: 'participant', status: 'admitted', presence: 'online', profile: {}, joinedAt: 0, handRaisedAt: null, roomId: null,
  });
  const view: ConsoleView = {
    kind: 'console', version: 3, seq: 5, settings: { waitingRoom: false, locked: false }, now: '', announcement: null,
    timer: null, hands: [],
    workshop: { id: 'ws-test-1', title: 't', description: '', code: 'ABC-DEF', createdAt: 0, profileFields: [], cohostKey: 'k' },
    me: { id: 'host', name: 'F', role: 'host' }, members: [member('aaaa'), member('bbbb')], video: { enabled: false },
    breakouts: null, notes: {}, record: { preassigned: [], rounds: [] }, cafe: null, cafeNotes: {}, polls: [], turns: [],
    agenda: { segments: [], currentId: null, runs: {}, skipped: [], startedAt: null, plannedMs: null, finishedAt: null }, privacy: {},
  };
  const patch = (seq: number, members: ConsoleMember[]): ConsolePatch => ({
    kind: 'console.patch', version: 9, seq, settings: { waitingRoom: true, locked: false }, now: 'Break', announcement: null,
    timer: null, hands: [], members,
  });

  it('upserts changed members in place, appends new ones, replaces the small parts', () => {
    const out = applyConsolePatch(view, patch(6, [member('bbbb', 'Bea'), member('cccc')]));
    expect(out.ok && out.view.members.map((m) => m.name)).toEqual(['aaaa', 'Bea', 'cccc']);
    expect(out.ok && out.view.settings.waitingRoom).toBe(true);
    expect(out.ok && out.view.seq).toBe(6);
    expect(out.ok && out.view.kind).toBe('console');
  });
  it('detects a gap and ignores stale patches', () => {
    expect(applyConsolePatch(view, patch(7, []))).toEqual({ ok: false, reason: 'gap' });
    expect(applyConsolePatch(view, patch(5, []))).toEqual({ ok: false, reason: 'stale' });
  });
});

describe('profile fields named like object properties', () => {
  it('treats a field called "constructor" as any other field', () => {
    const fields: ProfileField[] = [{ id: 'constructor', label: 'Constructor', required: false, choices: [] }];
    expect(checkProfile(fields, {})).toEqual({ ok: true, values: {} });
    const required = [{ ...fields[0]!, required: true }];
    expect(checkProfile(required, {})).toEqual({ ok: false, problem: { fieldId: 'constructor', problem: 'missing' } });
  });
});
