import type { BreakoutClock, BreakoutStrategy, ConsoleBreakouts, HelpCall, PlanReport } from '../../../../shared/breakouts.ts';
import type { ProfileField } from '../../../../shared/profile.ts';
import type { ConsoleMember } from '../../../../shared/views.ts';

/**
 * Breakout screens' pure logic: clock stages, people per room, the plan report as message keys.
 * No Svelte, no i18n: unit tested in tests/unit/client-breakouts.test.ts.
 */

export type ClockStage = 'running' | 'warning' | 'grace' | 'over';
export type ClockState = { stage: ClockStage; remainingMs: number };

/**
 * Where a breakout clock is at server time `now`: running, in the warning (the last `warningMs`),
 * in the grace countdown to plenary, or over. Between endsAt and the server saying "closing", the
 * grace countdown is estimated from endsAt so the screen does not sit at 0:00.
 */
export function clockState(clock: BreakoutClock, now: number): ClockState {
  if (clock.phase === 'closing' || clock.endsAt <= now) {
    const closesAt = clock.phase === 'closing' && clock.closesAt !== null ? clock.closesAt : clock.endsAt + clock.graceMs;
    const left = Math.max(0, closesAt - now);
    return { stage: left > 0 ? 'grace' : 'over', remainingMs: left };
  }
  const left = clock.endsAt - now;
  return { stage: clock.warningMs > 0 && left <= clock.warningMs ? 'warning' : 'running', remainingMs: left };
}

export type RoomPeople = {
  /** Room id → the participants placed there, by name. */
  byRoom: Map<string, ConsoleMember[]>;
  /** Participants in no room (still choosing, back early, or left out of the plan). */
  plenary: ConsoleMember[];
  /** Room id → facilitators visiting it. */
  visitors: Map<string, ConsoleMember[]>;
  /** Room id → its help calls, oldest first. */
  help: Map<string, HelpCall[]>;
  /** Member id → member, for names in help calls and the report. */
  index: Map<string, ConsoleMember>;
};

const byName = (a: ConsoleMember, b: ConsoleMember) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** One pass over the members (never rooms × members), so 200 rooms of 10 stay cheap. */
export function roomPeople(members: readonly ConsoleMember[], b: Pick<ConsoleBreakouts, 'rooms' | 'visits' | 'help'>): RoomPeople {
  const byRoom = new Map<string, ConsoleMember[]>(b.rooms.map((r) => [r.id, []]));
  const plenary: ConsoleMember[] = [];
  const index = new Map<string, ConsoleMember>();
  for (const m of members) {
    index.set(m.id, m);
    if (m.status !== 'admitted' || m.role !== 'participant') continue;
    const list = m.roomId ? byRoom.get(m.roomId) : undefined;
    if (list) list.push(m);
    else plenary.push(m);
  }
  for (const list of byRoom.values()) list.sort(byName);
  plenary.sort(byName);
  const visitors = new Map<string, ConsoleMember[]>();
  for (const [memberId, roomId] of Object.entries(b.visits)) {
    const m = index.get(memberId);
    if (!m || m.status !== 'admitted') continue;
    visitors.set(roomId, [...(visitors.get(roomId) ?? []), m]);
  }
  const help = new Map<string, HelpCall[]>();
  for (const call of [...b.help].sort((x, y) => x.at - y.at)) help.set(call.roomId, [...(help.get(call.roomId) ?? []), call]);
  return { byRoom, plenary, visitors, help, index };
}

/** One line of the plan report: a message key under breakouts.report and its parameters. */
export type ReportLine = {
  key:
    | 'noRepeats'
    | 'repeats'
    | 'noColleagues'
    | 'colleagues'
    | 'leftoversGroup'
    | 'leftoversList'
    | 'leftoversPrevious'
    | 'together'
    | 'apart'
    | 'unmatched'
    | 'duplicates'
    | 'unknownRooms';
  tone: 'good' | 'note' | 'problem';
  params: Record<string, string | number>;
};

/** "Amina", "Amina and Ben", "Amina, Ben and Chen" (with the i18n word for "and"). */
export function listNames(names: readonly string[], and = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** What the plan achieved, in facts ready for plain words. Names come from `nameOf`. */
export function reportLines(report: PlanReport, nameOf: (id: string) => string, and = 'and'): ReportLine[] {
  const lines: ReportLine[] = [];
  const kind = report.strategy.kind;
  if (report.people > 1 && kind !== 'selfSelect') {
    lines.push(
      report.repeats === 0
        ? { key: 'noRepeats', tone: 'good', params: {} }
        : { key: 'repeats', tone: 'note', params: { count: report.repeats } },
    );
  }
  if (kind === 'mix') {
    lines.push(
      report.colleaguePairs === 0
        ? { key: 'noColleagues', tone: 'good', params: {} }
        : { key: 'colleagues', tone: 'note', params: { count: report.colleaguePairs } },
    );
  }
  if (report.leftovers.length) {
    const key = kind === 'groupBy' ? 'leftoversGroup' : kind === 'previous' ? 'leftoversPrevious' : 'leftoversList';
    lines.push({ key, tone: 'note', params: { count: report.leftovers.length, names: listNames(report.leftovers.map(nameOf), and) } });
  }
  for (const wish of report.broken) {
    lines.push({ key: wish.kind, tone: 'problem', params: { names: listNames(wish.ids.map(nameOf), and) } });
  }
  if (report.unmatchedRows.length) lines.push({ key: 'unmatched', tone: 'problem', params: { count: report.unmatchedRows.length } });
  if (report.duplicateRows.length) lines.push({ key: 'duplicates', tone: 'problem', params: { count: report.duplicateRows.length } });
  if (report.unknownRooms.length) lines.push({ key: 'unknownRooms', tone: 'problem', params: { count: report.unknownRooms.length } });
  return lines;
}

/** The strategy picker's options: one value per strategy, with the profile field in it. */
export type StrategyOption = { value: string; strategy: BreakoutStrategy };

export function strategyOptions(fields: readonly Pick<ProfileField, 'id'>[], hasPrevious: boolean): StrategyOption[] {
  const options: StrategyOption[] = [{ value: 'random', strategy: { kind: 'random' } }];
  for (const f of fields) options.push({ value: `mix:${f.id}`, strategy: { kind: 'mix', field: f.id } });
  for (const f of fields) options.push({ value: `groupBy:${f.id}`, strategy: { kind: 'groupBy', field: f.id } });
  options.push({ value: 'avoidPrevious', strategy: { kind: 'avoidPrevious' } });
  options.push({ value: 'selfSelect', strategy: { kind: 'selfSelect' } });
  options.push({ value: 'preassigned', strategy: { kind: 'preassigned' } });
  if (hasPrevious) options.push({ value: 'previous', strategy: { kind: 'previous' } });
  return options;
}

export function strategyValue(strategy: BreakoutStrategy): string {
  return strategy.kind === 'mix' || strategy.kind === 'groupBy' ? `${strategy.kind}:${strategy.field}` : strategy.kind;
}

/** A whole number in [min, max] from a form field, or null. */
export function wholeNumber(input: string, min: number, max: number): number | null {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** How many rooms a sizing makes for this many people (as the server counts them, at least one). */
export function roomsFor(sizing: { by: 'count'; rooms: number } | { by: 'size'; perRoom: number }, people: number): number {
  if (sizing.by === 'count') return sizing.rooms;
  return Math.max(1, Math.round(people / sizing.perRoom));
}

/** The most characters of CSV the console sends in all (in parts of whole lines). */
export const PREASSIGN_MAX_CHARS = 120_000;

/**
 * A long pasted list in parts of whole lines, each at most `max` characters, so each fits in one
 * message; the server keeps the first part and appends the others.
 */
export function csvParts(csv: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of csv.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const piece = line.slice(0, max - 1);
    if (current && current.length + piece.length + 1 > max) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current) parts.push(current);
  return parts;
}
