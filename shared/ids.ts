import { z } from 'zod';

/** Workshop ids and member ids are opaque url-safe strings made by the server. */
export const WorkshopId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'not a workshop id');
export type WorkshopId = z.infer<typeof WorkshopId>;

export const MemberId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/, 'not a member id');
export type MemberId = z.infer<typeof MemberId>;

/**
 * Join codes are short and easy to read aloud: no 0/O, 1/I/L. Shown as "K7P-4QX".
 * Input is normalised (case, spaces, dashes) before it is checked.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatJoinCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

export const JoinCode = z
  .string()
  .max(20)
  .transform(normaliseJoinCode)
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), 'not a join code'));

/** Secrets (host key, co-host key, resume token) are long random url-safe strings. */
export const Secret = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a valid key');
