import type { AgendaFile, Segment, SegmentInput, SegmentKind } from '../../../../shared/agenda.ts';

/**
 * The agenda's list operations, pure and zod-free (the browser does not load zod up front):
 * fresh segment ids, defaults filled in, templates applied, copies, the file an agenda exports to.
 * Unit tested in tests/unit/agenda-client-segments.test.ts.
 */

/** Every kind of segment, in the order the editor offers them. */
export const SEGMENT_KINDS: readonly SegmentKind[] = ['plenary', 'checkin', 'checkout', 'poll', 'breakouts', 'cafe', 'networking', 'goAround', 'break'];

const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 10;

/** 's' + ten random base-36 characters (matches SegmentId: /^s[0-9a-z]{1,16}$/), not one in `taken`. */
export function newSegmentId(taken: ReadonlySet<string> = new Set(), random: () => number = secureRandom): string {
  for (;;) {
    let id = 's';
    for (let i = 0; i < ID_LENGTH; i++) id += ID_CHARS[Math.floor(random() * ID_CHARS.length) % ID_CHARS.length];
    if (!taken.has(id)) return id;
  }
}

function secureRandom(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0]! / 2 ** 32;
}

/** A segment as the protocol's parser would make it: every default filled in. */
export function withDefaults(input: SegmentInput): Segment {
  const a = input.activity;
  const activity: Segment['activity'] = (() => {
    switch (a.kind) {
      case 'breakouts':
        return { ...a, prompt: a.prompt ?? '', rooms: a.rooms ?? [], allowReturn: a.allowReturn ?? false, preview: a.preview ?? false };
      case 'cafe':
        return { ...a, moveSeconds: a.moveSeconds ?? 30, hosts: a.hosts ?? 'none' };
      case 'networking':
        return { ...a, moveSeconds: a.moveSeconds ?? 20, prompts: a.prompts ?? [] };
      default:
        return a;
    }
  })();
  return { id: input.id, title: input.title, minutes: input.minutes, notes: input.notes ?? '', activity: structuredClone(activity) };
}

/** The same segments with fresh ids (none of `taken`, none repeated): templates, imports, copies. */
export function reId(segments: readonly SegmentInput[], taken: ReadonlySet<string> = new Set(), random?: () => number): Segment[] {
  const used = new Set(taken);
  return segments.map((s) => {
    const id = newSegmentId(used, random);
    used.add(id);
    return { ...withDefaults(s), id };
  });
}

const ids = (segments: readonly { id: string }[]) => new Set(segments.map((s) => s.id));

/** A copy of the segment just after it, with a fresh id and "(copy)" style title from `titleOf`. */
export function duplicateSegment(segments: readonly Segment[], id: string, titleOf: (title: string) => string): Segment[] {
  const index = segments.findIndex((s) => s.id === id);
  if (index < 0) return [...segments];
  const original = segments[index]!;
  const [copy] = reId([{ ...original, title: titleOf(original.title) }], ids(segments));
  return [...segments.slice(0, index + 1), copy!, ...segments.slice(index + 1)];
}

/** The list with this segment replaced (by id), or added at the end when it is new. */
export function putSegment(segments: readonly Segment[], segment: Segment): Segment[] {
  const index = segments.findIndex((s) => s.id === segment.id);
  if (index < 0) return [...segments, segment];
  return segments.map((s) => (s.id === segment.id ? segment : s));
}

export function removeSegment(segments: readonly Segment[], id: string): Segment[] {
  return segments.filter((s) => s.id !== id);
}

/** Puts a removed segment back where it was (for "Undo"), after any segments that have started. */
export function restoreSegment(segments: readonly Segment[], segment: Segment, index: number, startedCount: number): Segment[] {
  if (segments.some((s) => s.id === segment.id)) return [...segments];
  const at = Math.min(Math.max(index, startedCount), segments.length);
  return [...segments.slice(0, at), segment, ...segments.slice(at)];
}

/**
 * A template's (or an imported file's) segments put in place of everything still to come: the
 * segments that have started stay first, as the server requires; the new ones get fresh ids.
 */
export function replaceUpcoming(current: readonly Segment[], startedIds: ReadonlySet<string>, incoming: readonly SegmentInput[], random?: () => number): Segment[] {
  const started = current.filter((s) => startedIds.has(s.id));
  return [...started, ...reId(incoming, ids(current), random)];
}

/** The file "Export agenda" downloads: it imports into any workshop (ids are replaced on import). */
export function agendaFile(title: string, segments: readonly Segment[]): AgendaFile {
  return { indaba: 'agenda', version: 1, title, segments: segments.map((s) => structuredClone(s)) };
}

/** "agenda-peer-learning-day.json": the workshop title, made safe for a file name. */
export function agendaFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug ? `agenda-${slug}.json` : 'agenda.json';
}

/**
 * Where "move up" and "move down" take a segment (as `toIndex` for agenda.move, which removes it
 * and puts it back at that index), or null when it cannot go that way: segments that have started
 * stay where they are, and nothing moves above them.
 */
export function moveTargets(segments: readonly { id: string }[], startedIds: ReadonlySet<string>, id: string): { up: number | null; down: number | null } {
  const index = segments.findIndex((s) => s.id === id);
  if (index < 0 || startedIds.has(id)) return { up: null, down: null };
  const firstMovable = segments.filter((s) => startedIds.has(s.id)).length;
  return {
    up: index - 1 >= firstMovable ? index - 1 : null,
    down: index + 1 < segments.length ? index + 1 : null,
  };
}

/** The list as it looks after agenda.move (the same splice the server does). */
export function moveSegment<T extends { id: string }>(segments: readonly T[], id: string, toIndex: number): T[] {
  const from = segments.findIndex((s) => s.id === id);
  if (from < 0) return [...segments];
  const list = [...segments];
  const [moved] = list.splice(from, 1);
  list.splice(Math.min(toIndex, list.length), 0, moved!);
  return list;
}
