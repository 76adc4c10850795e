import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseWord, tidyText, wordKey } from '../../server/activities/polls/normalise.ts';

describe('word-cloud normalisation', () => {
  it('counts "Trust", "trust " and "TRUST" as one word', () => {
    expect(new Set(['Trust', 'trust ', 'TRUST', '  trust', 'trust.', '“Trust”'].map(wordKey))).toEqual(new Set(['trust']));
  });

  it('collapses inner whitespace, including tabs, line breaks and no-break spaces', () => {
    expect(wordKey('open \t\n  source')).toBe('open source');
    expect(wordKey('open\u00a0source')).toBe('open source');
    expect(normaliseWord('  Open   Source ')).toEqual({ key: 'open source', display: 'Open Source' });
  });

  it('treats full-width letters, ligatures and decomposed accents as the plain word (NFKC)', () => {
    expect(wordKey('ＴＲＵＳＴ')).toBe('trust');
    expect(wordKey('ﬁre')).toBe('fire');
    expect(wordKey('Cafe\u0301')).toBe(wordKey('Café'));
  });

  it('folds case without depending on the server locale', () => {
    expect(wordKey('STRASSE')).toBe(wordKey('Straße'));
    expect(wordKey('ΟΔΟΣ')).toBe(wordKey('οδος'));
    expect(wordKey('Ünïcode')).toBe('ünïcode');
  });

  it('drops invisible characters pasted by accident but keeps emoji sequences whole', () => {
    expect(wordKey('tr\u200bust\ufeff')).toBe('trust');
    expect(wordKey('👩‍💻')).toBe('👩‍💻');
    expect(wordKey('👩‍💻')).not.toBe(wordKey('👩💻'));
  });

  it('keeps the spelling people typed as the display form', () => {
    expect(normaliseWord('  Ubuntu!! ')).toEqual({ key: 'ubuntu', display: 'Ubuntu' });
    expect(normaliseWord('C++')?.display).toBe('C++');
  });

  it('says there is no word when only spaces and punctuation were typed', () => {
    expect(normaliseWord('   ')).toBeNull();
    expect(normaliseWord(' ... !? ')).toBeNull();
  });

  it('is idempotent and case-insensitive for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), (s) => {
        const key = wordKey(s);
        expect(wordKey(key)).toBe(key);
        expect(wordKey(s.toUpperCase())).toBe(wordKey(s.toLowerCase()));
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/\s\s/);
      }),
    );
  });

  it('tidies open text to one line without changing its words', () => {
    expect(tidyText('  I feel\n\nhopeful   today \u200b')).toBe('I feel hopeful today');
  });
});
