import { pairKey, recordEncounters, type Encounters } from '../encounters.ts';
import type { LowerBound, PersonId, RotationQuality } from './types.ts';

const key = (a: PersonId, b: PersonId) => pairKey(String(a), String(b));

/**
 * The quality of a rotation, measured on the rounds themselves (played and planned): repeat
 * meetings (a pair sitting together again, counting `history`), table revisits by people other than
 * the table's host, balance, and a plain-words summary against the lower bound.
 */
export function rotationQuality(
  rounds: readonly (readonly (readonly PersonId[])[])[],
  options: { lowerBound: LowerBound; hosts?: readonly PersonId[] | null; history?: Encounters },
): RotationQuality {
  const counts = new Map<string, number>(options.history ?? []);
  const pairsMet = new Set<string>();
  const visited = new Set<string>();
  const hosts = options.hosts ?? null;
  let repeats = 0;
  let tableRevisits = 0;
  let sizeSpread = 0;
  for (const round of rounds) {
    const sizes = round.map((table) => table.length);
    if (sizes.length) sizeSpread = Math.max(sizeSpread, Math.max(...sizes) - Math.min(...sizes));
    round.forEach((table, t) => {
      for (let i = 0; i < table.length; i++) {
        const a = table[i]!;
        if (!hosts || hosts[t] !== a) {
          const visit = `${t}\u0000${String(a)}`;
          if (visited.has(visit)) tableRevisits++;
          visited.add(visit);
        }
        for (let j = i + 1; j < table.length; j++) {
          const k = key(a, table[j]!);
          if ((counts.get(k) ?? 0) > 0) repeats++;
          pairsMet.add(k);
        }
      }
    });
    recordEncounters(counts, round.map((table) => table.map(String)));
  }
  let maxMeetings = 0;
  for (const c of counts.values()) maxMeetings = Math.max(maxMeetings, c);
  const quality = { repeats, distinctPairs: pairsMet.size, maxMeetings, tableRevisits, sizeSpread, lowerBound: options.lowerBound };
  return { ...quality, summary: summarise(quality, hosts !== null) };
}

/** "every pair meets at most once", or "3 repeat meetings; at least 2 are unavoidable". */
export function summarise(q: Omit<RotationQuality, 'summary'>, hosts: boolean): string {
  const unavoidable = Math.min(q.lowerBound.value, q.repeats);
  let text: string;
  if (q.repeats === 0) text = 'every pair meets at most once';
  else {
    const count = `${q.repeats} repeat meeting${q.repeats === 1 ? '' : 's'}`;
    if (unavoidable === q.repeats) text = `${count}; ${q.repeats === 1 ? 'it is' : `all ${q.repeats} are`} unavoidable`;
    else if (unavoidable > 0) text = `${count}; at least ${unavoidable} ${unavoidable === 1 ? 'is' : 'are'} unavoidable`;
    else text = `${count}; none is provably unavoidable`;
  }
  if (hosts) {
    text += q.tableRevisits === 0 ? '; nobody visits a table twice' : `; ${q.tableRevisits} table revisit${q.tableRevisits === 1 ? '' : 's'}`;
  }
  return text;
}
