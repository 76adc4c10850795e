import type { AgendaFile, Segment } from '../../../../shared/agenda.ts';
import { AGENDA_LIMITS } from '../../../../shared/agenda-limits.ts';
import { reId } from './segments.ts';
import type { Message } from './agenda-view.ts';

/**
 * Reading an agenda file someone chose with "Import agenda", checked by the protocol's own
 * AgendaFile schema. The schema brings zod, which the browser does not load up front: the caller
 * passes it in (ImportAgenda.svelte loads it on demand, when a file is chosen).
 * Unit tested in tests/unit/agenda-client-file.test.ts.
 */

type Issue = { path: PropertyKey[]; message: string };
/** The part of the AgendaFile zod schema this needs. */
export type AgendaFileSchema = {
  safeParse(data: unknown): { success: true; data: AgendaFile } | { success: false; error: { issues: Issue[] } };
};

/** A refusal is a message; `where` (a segment's number) fills its {{where}} when the file says which segment is wrong. */
export type ImportResult = { ok: true; title: string; segments: Segment[] } | { ok: false; problem: Message; where?: Message };

/** The file's segments with fresh ids (none of `taken`), or what is wrong with it, in plain words. */
export function parseAgendaFile(text: string, schema: AgendaFileSchema, taken: ReadonlySet<string> = new Set()): ImportResult {
  if (text.length > AGENDA_LIMITS.fileChars) return fail('agenda.file.tooBig', { max: AGENDA_LIMITS.fileChars });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('agenda.file.notJson');
  }
  if (typeof data !== 'object' || data === null || (data as { indaba?: unknown }).indaba !== 'agenda') return fail('agenda.file.notAgenda');
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > 1) return fail('agenda.file.version');
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const n = path[0] === 'segments' && typeof path[1] === 'number' ? path[1] + 1 : null;
    const problem: Message = { key: 'agenda.file.invalid', params: { message: sentence(issue?.message ?? '') } };
    return n === null ? { ok: false, problem } : { ok: false, problem, where: { key: 'agenda.file.segmentWhere', params: { n } } };
  }
  if (parsed.data.segments.length === 0) return fail('agenda.file.empty');
  return { ok: true, title: parsed.data.title, segments: reId(parsed.data.segments, taken) };
}

function fail(key: Message['key'], params?: Message['params']): ImportResult {
  return { ok: false, problem: params ? { key, params } : { key } };
}

/** zod's messages as a sentence: capital first letter, full stop at the end. */
function sentence(message: string): string {
  const m = message.trim();
  if (!m) return '';
  const first = m[0]!.toUpperCase() + m.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
