/**
 * Word-cloud words: "Trust", "trust " and "TRUST" must count as one word. Each word gets a `key`
 * (what is counted) and a `display` form (what is shown: the person's own spelling, tidied).
 *
 * - NFKC first, so full-width letters, ligatures and composed/decomposed accents agree.
 * - Whitespace of any kind collapses to one space; invisible joiners that people paste by
 *   accident (zero-width space, word joiner, BOM, soft hyphen) and control characters go.
 *   The zero-width *joiner* stays: emoji sequences (👩‍💻) need it.
 * - Sentence punctuation and quotes around a word go ("trust." and "“trust”" are "trust").
 * - Case folding is upper-then-lower with the root locale ('und'), not the server's locale: the
 *   same words count the same on every machine, "Straße" meets "STRASSE", and Greek final sigma
 *   agrees with σ. (Dotless ı folds into i; for a word cloud that is the lesser evil.)
 */

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g;
const SPACES = /\s+/gu;
const EDGE_PUNCTUATION = /^[\s.,;:!?¡¿…'"“”‘’„«»‹›()[\]{}]+|[\s.,;:!?¡¿…'"“”‘’„«»‹›()[\]{}]+$/gu;

/** The word as it should be shown: same letters and case as typed, tidied. Empty if nothing is left. */
export function tidyWord(raw: string): string {
  return raw.normalize('NFKC').replace(SPACES, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').replace(EDGE_PUNCTUATION, '').trim();
}

/** What is counted: two words with the same key are the same word. */
export function wordKey(raw: string): string {
  return foldCase(tidyWord(raw));
}

export function foldCase(text: string): string {
  return text.toLocaleUpperCase('und').toLocaleLowerCase('und').normalize('NFKC');
}

export type NormalisedWord = { key: string; display: string };

/** Key and display form, or null for a "word" that is only spaces and punctuation. */
export function normaliseWord(raw: string): NormalisedWord | null {
  const display = tidyWord(raw);
  return display ? { key: foldCase(display), display } : null;
}

/** Open text and check-in answers: tidy whitespace (newlines kept as one space), nothing else. */
export function tidyText(raw: string): string {
  return raw.normalize('NFC').replace(SPACES, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}
