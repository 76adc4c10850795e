import i18next, { type i18n as I18n } from 'i18next';
import { apiMessages } from '../api.ts';
import { storage } from '../storage.ts';
import en, { type Catalogue, type MessageKey } from './en.ts';

export type { MessageKey };

/**
 * The one way user-facing text is made: t(key, params). Languages are loaded on demand (English is
 * built in); adding one is a catalogue file plus a line here. <html lang> and dir follow the language,
 * so right-to-left languages lay out correctly.
 */
export const LANGUAGES: Record<string, { name: string; load: () => Promise<Catalogue> }> = {
  en: { name: 'English', load: async () => en },
};

const instance: I18n = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false }, // Svelte escapes text itself; we never use {@html}
  returnNull: false,
  showSupportNotice: false,
});

const state = $state({ language: 'en' });

type Params = Record<string, string | number | boolean | undefined>;
const translate = instance.t.bind(instance) as unknown as (key: string, params?: Params) => string;

export function t(key: MessageKey, params?: Params): string {
  void state.language; // re-render on language change
  return translate(key, params);
}

export function currentLanguage(): string {
  return state.language;
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = instance.dir(language);
  apiMessages.offline = translate('errors.network');
  apiMessages.unexpected = translate('errors.unexpected');
}

export async function setLanguage(language: string): Promise<void> {
  const entry = LANGUAGES[language];
  if (!entry) return;
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await entry.load());
  }
  await instance.changeLanguage(language);
  state.language = language;
  storage.setLanguage(language);
  applyToDocument(language);
}

/** Picks the saved language, else the browser's, else English. */
export async function initLanguage(): Promise<void> {
  const wanted = [storage.language(), ...navigator.languages, navigator.language]
    .filter((l): l is string => Boolean(l))
    .map((l) => l.toLowerCase());
  const match = wanted.map((l) => (LANGUAGES[l] ? l : l.split('-')[0])).find((l) => l && LANGUAGES[l]);
  if (match && match !== 'en') await setLanguage(match);
  else applyToDocument('en');
}
