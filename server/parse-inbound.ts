import type { z } from 'zod';

/**
 * Parses an inbound payload. Some hostile shapes (e.g. `{length: {toString: null}}`) make zod throw
 * rather than fail; those are bad requests too, not server errors.
 */
export function parseInbound<T>(schema: z.ZodType<T>, payload: unknown): { ok: true; data: T } | { ok: false; message: string } {
  try {
    const parsed = schema.safeParse(payload);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: describeIssue(parsed.error) };
  } catch {
    return { ok: false, message: 'That message is not in a form the server understands.' };
  }
}

/** Messages quote keys the client chose (e.g. `Unrecognized key: "…"`): keep them short. */
const MAX_MESSAGE_CHARS = 200;

export function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  const text = `${where}${issue?.message ?? 'invalid message'}`;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}
