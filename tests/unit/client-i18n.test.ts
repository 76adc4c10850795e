import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../client/src/lib/i18n/en.ts';

async function english() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n;
}

describe('English catalogue', () => {
  it('says queue positions as ordinals', async () => {
    const i18n = await english();
    const say = (n: number) => i18n.t('plenary.queuePosition', { count: n, ordinal: true });
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(say)).toEqual([
      'You are 1st in the queue',
      'You are 2nd in the queue',
      'You are 3rd in the queue',
      'You are 4th in the queue',
      'You are 11th in the queue',
      'You are 12th in the queue',
      'You are 13th in the queue',
      'You are 21st in the queue',
      'You are 22nd in the queue',
      'You are 23rd in the queue',
      'You are 101st in the queue',
    ]);
  });

  it('uses singular and plural forms', async () => {
    const i18n = await english();
    expect(i18n.t('plenary.peopleHere', { count: 1 })).toBe('1 person here');
    expect(i18n.t('plenary.peopleHere', { count: 12 })).toBe('12 people here');
    expect(i18n.t('console.counts', { online: 1, count: 2 })).toBe('1 online of 2 people');
    expect(i18n.t('console.waiting.admitAll', { count: 3 })).toBe('Admit all (3)');
  });

  it('has no empty strings and no unfilled placeholders in plain keys', async () => {
    const walk = (node: unknown, path: string[] = []): [string, string][] =>
      typeof node === 'string'
        ? [[path.join('.'), node]]
        : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => walk(v, [...path, k]));
    for (const [key, text] of walk(en)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\{\{\s*\}\}/);
    }
  });

  it('escapes nothing itself: Svelte renders every string as text', async () => {
    const i18n = await english();
    expect(i18n.t('join.fieldMissing', { label: '<b>Org</b>' })).toBe('Please fill in “<b>Org</b>”.');
  });
});
