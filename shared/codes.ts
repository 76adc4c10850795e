/**
 * Join codes are short and easy to read aloud: no 0/O, 1/I/L. Shown as "K7P-4QX".
 * Input is normalised (case, spaces, dashes) before it is checked. No zod here: the browser
 * imports this file directly and should not download a schema library for it.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatJoinCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** True when what someone typed is a well-formed join code (the server's JoinCode schema agrees). */
export function isJoinCode(input: string): boolean {
  return input.length <= 20 && JOIN_CODE_PATTERN.test(normaliseJoinCode(input));
}
