import { z } from 'zod';
import { JOIN_CODE_PATTERN, normaliseJoinCode } from './codes.ts';

/** Workshop ids and member ids are opaque url-safe strings made by the server. */
export const WorkshopId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'not a workshop id');
export type WorkshopId = z.infer<typeof WorkshopId>;

export const MemberId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/, 'not a member id');
export type MemberId = z.infer<typeof MemberId>;

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, isJoinCode, normaliseJoinCode } from './codes.ts';

export const JoinCode = z
  .string()
  .max(20)
  .transform(normaliseJoinCode)
  .pipe(z.string().regex(JOIN_CODE_PATTERN, 'not a join code'));

/** Secrets (host key, co-host key, resume token) are long random url-safe strings. */
export const Secret = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a valid key');
