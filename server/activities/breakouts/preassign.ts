import { parse } from 'csv-parse/sync';

export type PreassignRow = { name: string; room: string };

/** Names compare without case, accents-as-typed and extra spaces: "  amina  K" is "Amina K". */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Reads "name, room" rows from pasted or uploaded CSV (a header row is recognised and skipped;
 * commas, semicolons and tabs all work). Returns a reason instead when nothing usable is there.
 */
export function parsePreassignCsv(csv: string): { ok: true; rows: PreassignRow[] } | { ok: false; message: string } {
  const delimiter = guessDelimiter(csv);
  let records: string[][];
  try {
    records = parse(csv, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'unreadable';
    return { ok: false, message: `The list could not be read (${detail}). Use one line per person: name, room.` };
  }
  const rows = records
    .filter((r) => r.length >= 2 && r[0] && r[1])
    .map((r) => ({ name: r[0]!.slice(0, 60), room: r[1]!.slice(0, 60) }));
  if (rows.length && /^(name|participant|person)$/i.test(rows[0]!.name) && /^(room|group|breakout)/i.test(rows[0]!.room)) rows.shift();
  if (!rows.length && csv.trim()) {
    return { ok: false, message: 'No rows with both a name and a room were found. Use one line per person: name, room.' };
  }
  return { ok: true, rows };
}

function guessDelimiter(csv: string): string {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Matches rows to the people here by name. Rows naming nobody, or naming someone a second time,
 * are returned so the facilitator sees them; nothing is dropped silently.
 */
export function matchRows(rows: readonly PreassignRow[], people: readonly { id: string; name: string }[]) {
  const byName = new Map<string, string[]>();
  for (const p of people) {
    const key = nameKey(p.name);
    byName.set(key, [...(byName.get(key) ?? []), p.id]);
  }
  const roomOf = new Map<string, string>();
  const unmatched: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = nameKey(row.name);
    if (seen.has(key)) {
      duplicates.push(`${row.name} → ${row.room}`);
      continue;
    }
    seen.add(key);
    const ids = byName.get(key);
    if (!ids) unmatched.push(`${row.name} → ${row.room}`);
    // two people with the same name both follow the row
    else for (const id of ids) roomOf.set(id, row.room);
  }
  return { roomOf, unmatched, duplicates };
}
