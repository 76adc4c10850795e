import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/ids.ts';

export const newSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url');
export const newWorkshopId = (): string => randomBytes(9).toString('base64url');
export const newMemberId = (): string => randomBytes(8).toString('base64url');

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * Resume tokens and the host key are stored as hashes: a leaked database does not let anyone act as
 * a participant or the host. (The co-host key is kept as is so hosts can share it again; it is
 * replaced whenever a co-host is removed or demoted.)
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
