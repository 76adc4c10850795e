import { z } from 'zod';

/** Every refusal the server can give. The message always says what to do next. */
export const ErrorCode = z.enum([
  'bad_request',
  'unknown_event',
  'not_joined',
  'forbidden',
  'not_found',
  'locked',
  'removed',
  'declined',
  'waiting',
  'rate_limited',
  'conflict',
  'wrong_password',
  'server_error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export const AckFailure = z.object({ ok: z.literal(false), error: ErrorBody });

export function failure(code: ErrorCode, message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}
