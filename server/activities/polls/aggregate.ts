import { POLL_LIMITS, type CloudWord, type PollAnswer, type PollDefinition, type PollResults, type RankedOption, type WallEntry } from '../../../shared/polls.ts';
import type { StoredPollEvent } from './events.ts';
import { normaliseWord, tidyText } from './normalise.ts';
import { applyPollEvent } from './reducer.ts';
import { answerEntries, answerOf, type PollRecord, type PollsState } from './state.ts';

/**
 * Running tallies: adding, replacing or removing one answer costs O(size of that answer), so a
 * burst of 2,000 answers costs little, and results are read from the tally, never by walking the
 * answers. Tallies are a cache derived from the polls slice: `buildTallies` makes them from a
 * slice (after a restart), `applyPollEventTallied` keeps them in step event by event. They are
 * mutable on purpose (that is what makes them cheap) and live next to the state, not in it.
 *
 * Member ids appear here only as keys of wall entries (to replace a changed answer); results
 * never carry them, and carry names only for named polls.
 */

type Counts = Map<string, number>;
type CloudEntry = { count: number; forms: Counts };

export type Tally = { responses: number } & (
  | { kind: 'single' | 'multiple'; counts: Counts }
  | { kind: 'scale'; counts: number[]; sum: number }
  | { kind: 'wordcloud'; words: Map<string, CloudEntry> }
  | { kind: 'ranking'; points: Counts }
  /** member id → text; insertion order is answer order (a changed answer moves to the end). */
  | { kind: 'text' | 'checkin'; entries: Map<string, string> }
);

export function emptyTally(def: PollDefinition): Tally {
  switch (def.kind) {
    case 'single':
    case 'multiple':
      return { kind: def.kind, responses: 0, counts: new Map() };
    case 'scale':
      return { kind: 'scale', responses: 0, counts: new Array<number>(def.max - def.min + 1).fill(0), sum: 0 };
    case 'wordcloud':
      return { kind: 'wordcloud', responses: 0, words: new Map() };
    case 'ranking':
      return { kind: 'ranking', responses: 0, points: new Map() };
    case 'text':
    case 'checkin':
      return { kind: def.kind, responses: 0, entries: new Map() };
  }
}

/** Counts one answer in (sign 1) or out (sign −1). Answers of another kind are ignored. */
export function tallyAnswer(tally: Tally, def: PollDefinition, memberId: string, answer: PollAnswer, sign: 1 | -1): void {
  if (answer.kind !== tally.kind) return;
  tally.responses += sign;
  switch (tally.kind) {
    case 'single':
    case 'multiple': {
      const ids = answer.kind === 'single' ? [answer.optionId] : answer.kind === 'multiple' ? new Set(answer.optionIds) : [];
      for (const id of ids) bump(tally.counts, id, sign);
      return;
    }
    case 'scale':
      if (answer.kind !== 'scale' || def.kind !== 'scale') return;
      if (answer.value < def.min || answer.value > def.max) return;
      tally.counts[answer.value - def.min]! += sign;
      tally.sum += sign * answer.value;
      return;
    case 'wordcloud': {
      if (answer.kind !== 'wordcloud') return;
      const seen = new Set<string>(); // one person's word counts once, however often they typed it
      for (const raw of answer.words) {
        const word = normaliseWord(raw);
        if (!word || seen.has(word.key)) continue;
        seen.add(word.key);
        const entry = tally.words.get(word.key) ?? { count: 0, forms: new Map() };
        entry.count += sign;
        bump(entry.forms, word.display, sign);
        if (entry.count > 0) tally.words.set(word.key, entry);
        else tally.words.delete(word.key);
      }
      return;
    }
    case 'ranking': {
      if (answer.kind !== 'ranking') return;
      const k = answer.order.length;
      answer.order.forEach((id, i) => bump(tally.points, id, sign * (k - 1 - i)));
      return;
    }
    case 'text':
    case 'checkin':
      if (answer.kind !== 'text' && answer.kind !== 'checkin') return;
      tally.entries.delete(memberId);
      if (sign > 0) tally.entries.set(memberId, tidyText(answer.text));
      return;
  }
}

/** A changed answer: the old one out, the new one in. Either may be null (first answer, withdrawal). */
export function replaceAnswer(
  tally: Tally,
  def: PollDefinition,
  memberId: string,
  before: PollAnswer | null,
  after: PollAnswer | null,
): void {
  if (before) tallyAnswer(tally, def, memberId, before, -1);
  if (after) tallyAnswer(tally, def, memberId, after, 1);
}

export type ResultOptions = {
  /** Names for named polls' walls; never called for anonymous polls. */
  nameOf?: (memberId: string) => string;
  /** How many top words and recent wall entries to include (exports ask for all). */
  cloudWords?: number;
  wallEntries?: number;
};

/** The results view of one tally. Its size is bounded by the poll, not by the number of voters. */
export function resultsOf(tally: Tally, def: PollDefinition, options: ResultOptions = {}): PollResults {
  const responses = tally.responses;
  switch (tally.kind) {
    case 'single':
    case 'multiple': {
      const list = 'options' in def ? def.options : [];
      return { kind: tally.kind, responses, options: list.map((o) => ({ id: o.id, label: o.label, count: tally.counts.get(o.id) ?? 0 })) };
    }
    case 'scale': {
      const d = def.kind === 'scale' ? def : { min: 0, max: tally.counts.length - 1, minLabel: '', maxLabel: '' };
      return {
        kind: 'scale',
        responses,
        min: d.min,
        max: d.max,
        minLabel: d.minLabel,
        maxLabel: d.maxLabel,
        counts: [...tally.counts],
        mean: responses > 0 ? Math.round((tally.sum / responses) * 100) / 100 : null,
      };
    }
    case 'wordcloud':
      return {
        kind: 'wordcloud',
        responses,
        distinctWords: tally.words.size,
        words: topWords(tally.words, options.cloudWords ?? POLL_LIMITS.cloudWords),
      };
    case 'ranking':
      return { kind: 'ranking', responses, options: bordaOrder('options' in def ? def.options : [], tally.points) };
    case 'text':
    case 'checkin': {
      const nameOf = def.settings.anonymous ? null : (options.nameOf ?? null);
      return { kind: tally.kind, responses, entries: newestEntries(tally.entries, options.wallEntries ?? POLL_LIMITS.wallEntries, nameOf) };
    }
  }
}

/** Options best first by Borda points; equal points keep the facilitator's order and share a rank. */
export function bordaOrder(options: readonly { id: string; label: string }[], points: ReadonlyMap<string, number>): RankedOption[] {
  const scored = options.map((o, index) => ({ id: o.id, label: o.label, points: points.get(o.id) ?? 0, index }));
  scored.sort((a, b) => b.points - a.points || a.index - b.index);
  return scored.map((o) => ({
    id: o.id,
    label: o.label,
    points: o.points,
    rank: 1 + scored.filter((other) => other.points > o.points).length,
  }));
}

/**
 * The `n` most frequent words (ties: alphabetical by key), each shown in its most common
 * spelling (ties: the first in code-point order, so "Trust" before "trust"; never the order of
 * arrival, so rebuilt and incremental tallies agree). One pass with a small sorted buffer: O(words · log n)
 * at worst, and most words are dropped after one comparison.
 */
export function topWords(words: ReadonlyMap<string, CloudEntry>, n: number): CloudWord[] {
  const best: { key: string; entry: CloudEntry }[] = [];
  const before = (a: { key: string; entry: CloudEntry }, b: { key: string; entry: CloudEntry }) =>
    a.entry.count > b.entry.count || (a.entry.count === b.entry.count && a.key < b.key);
  for (const [key, entry] of words) {
    const item = { key, entry };
    if (best.length >= n && !before(item, best[best.length - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(best[mid]!, item)) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > n) best.pop();
  }
  return best.map(({ entry }) => ({ text: mostCommon(entry.forms), count: entry.count }));
}

function mostCommon(forms: Counts): string {
  let text = '';
  let count = 0;
  for (const [form, c] of forms) {
    if (c > count || (c === count && form < text)) {
      text = form;
      count = c;
    }
  }
  return text;
}

function newestEntries(entries: ReadonlyMap<string, string>, n: number, nameOf: ((id: string) => string) | null): WallEntry[] {
  if (n <= 0) return [];
  const ids = [...entries.keys()];
  const out: WallEntry[] = [];
  for (let i = ids.length - 1; i >= 0 && out.length < n; i--) {
    const id = ids[i]!;
    out.push({ text: entries.get(id)!, name: nameOf ? nameOf(id) : null });
  }
  return out;
}

function bump(map: Counts, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

// ---- per poll and per room -------------------------------------------------------------------------

/** One poll's tallies: all together, and per room (key '' for answers given outside any room). */
export type PollTally = { total: Tally; rooms: Map<string, Tally> };
export type PollTallies = Map<string, PollTally>;

const roomKey = (roomId: string | null): string => roomId ?? '';
export const roomIdOfKey = (key: string): string | null => (key === '' ? null : key);

export function tallyPoll(poll: PollRecord): PollTally {
  const tally: PollTally = { total: emptyTally(poll.definition), rooms: new Map() };
  // in answer order, so walls list the newest first exactly as the incremental tallies do
  const records = answerEntries(poll).sort(([, a], [, b]) => a.seq - b.seq);
  for (const [memberId, record] of records) {
    countIn(tally, poll.definition, memberId, record.answer, record.roomId, 1);
  }
  return tally;
}

/** All tallies from a slice: after a restart, or to check the incremental ones. O(all answers). */
export function buildTallies(slice: PollsState): PollTallies {
  return new Map(Object.values(slice.polls).map((p) => [p.id, tallyPoll(p)]));
}

/**
 * The reducer plus the tallies: returns the next slice and updates `tallies` in place, reading
 * the answer being replaced from the slice *before* the event.
 */
export function applyPollEventTallied(slice: PollsState, tallies: PollTallies, event: StoredPollEvent): PollsState {
  const next = applyPollEvent(slice, event);
  tallyPollEvent(tallies, slice, next, event);
  return next;
}

/**
 * Brings `tallies` up to date with one event, given the slice before and after it. For an engine
 * whose pure reducer calls `applyPollEvent` itself: call this where events are applied, in order.
 */
export function tallyPollEvent(tallies: PollTallies, before: PollsState, after: PollsState, event: StoredPollEvent): void {
  const poll = after.polls[event.pollId];
  switch (event.type) {
    case 'poll.created':
    case 'poll.updated':
      if (poll) tallies.set(poll.id, tallyPoll(poll));
      return;
    case 'poll.deleted':
      tallies.delete(event.pollId);
      return;
    case 'poll.answered': {
      const earlier = before.polls[event.pollId];
      if (!poll || !earlier) return;
      const tally = tallies.get(poll.id) ?? tallyPoll(earlier);
      tallies.set(poll.id, tally);
      const previous = answerOf(earlier, event.memberId);
      if (previous) countIn(tally, poll.definition, event.memberId, previous.answer, previous.roomId, -1);
      countIn(tally, poll.definition, event.memberId, event.answer, event.roomId, 1);
      return;
    }
    default:
      return;
  }
}

function countIn(tally: PollTally, def: PollDefinition, memberId: string, answer: PollAnswer, roomId: string | null, sign: 1 | -1): void {
  tallyAnswer(tally.total, def, memberId, answer, sign);
  const key = roomKey(roomId);
  let room = tally.rooms.get(key);
  if (!room) {
    if (sign < 0) return;
    room = emptyTally(def);
    tally.rooms.set(key, room);
  }
  tallyAnswer(room, def, memberId, answer, sign);
  if (room.responses === 0) tally.rooms.delete(key);
}

/** Room keys in a stable order: r1, r2, … r10 (numeric), then answers given outside any room. */
export function sortedRoomKeys(rooms: ReadonlyMap<string, unknown>): string[] {
  const num = (k: string) => (k === '' ? Number.POSITIVE_INFINITY : Number(k.replace(/\D/g, '')) || 0);
  return [...rooms.keys()].sort((a, b) => num(a) - num(b) || a.localeCompare(b));
}
