import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProfileFields } from '../../shared/profile.ts';
import { LIMITS } from '../../shared/limits.ts';
import { buildProfileFields, newDraft, parseChoices } from '../../client/src/features/workshops/profile-draft.ts';

describe('profile field editor', () => {
  it('reads choices one per line, trimmed, without blanks or repeats', () => {
    expect(parseChoices(' Syria \n\nJordan\r\nSyria\n  ')).toEqual(['Syria', 'Jordan']);
    expect(parseChoices('')).toEqual([]);
  });

  it('builds fields the server accepts, with ids made from labels', () => {
    const built = buildProfileFields([
      newDraft('Organisation', { required: true }),
      newDraft('Home country', { kind: 'choices', choicesText: 'Syria\nJordan' }),
      newDraft('Language', { kind: 'text', choicesText: 'ignored when free text' }),
    ]);
    expect(built).toEqual({
      ok: true,
      fields: [
        { id: 'organisation', label: 'Organisation', required: true, choices: [] },
        { id: 'home-country', label: 'Home country', required: false, choices: ['Syria', 'Jordan'] },
        { id: 'language', label: 'Language', required: false, choices: [] },
      ],
    });
    if (built.ok) expect(ProfileFields.safeParse(built.fields).success).toBe(true);
  });

  it('says which question needs fixing and why', () => {
    const a = newDraft('');
    const b = newDraft('Country');
    const c = newDraft(' country ');
    const d = newDraft('Role', { kind: 'choices', choicesText: '\n \n' });
    const e = newDraft('Many', { kind: 'choices', choicesText: Array.from({ length: LIMITS.profileChoices + 1 }, (_, i) => `c${i}`).join('\n') });
    const built = buildProfileFields([a, b, c, d, e]);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.problems).toEqual([
        { key: a.key, index: 0, problem: 'label' },
        { key: c.key, index: 2, problem: 'duplicate' },
        { key: d.key, index: 3, problem: 'noChoices' },
        { key: e.key, index: 4, problem: 'tooManyChoices' },
      ]);
    }
  });

  it('whatever labels are typed, valid drafts become fields with unique ids that pass the shared schema', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0), {
        maxLength: LIMITS.profileFields,
        selector: (s) => s.trim().toLowerCase(),
      }), (labels) => {
        const built = buildProfileFields(labels.map((l) => newDraft(l)));
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        expect(new Set(built.fields.map((f) => f.id)).size).toBe(labels.length);
        expect(ProfileFields.safeParse(built.fields).success).toBe(true);
      }),
    );
  });
});
