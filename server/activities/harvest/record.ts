import type {
  HarvestAttendance,
  HarvestNotes,
  HarvestPoll,
  HarvestRecord,
  HarvestSegment,
  HarvestSpeaking,
  PrivacyLevel,
} from '../../../shared/harvest.ts';
import type { PollResults, WallEntry } from '../../../shared/polls.ts';
import { isFacilitator, type WorkshopState } from '../../engine/state.ts';
import type { PastRound } from '../breakouts/state.ts';
import type { PastCafe } from '../cafe/state.ts';
import { resultsOf, tallyPoll, type PollTallies } from '../polls/aggregate.ts';
import type { PollRecord } from '../polls/state.ts';
import { roomContext } from '../rooms.ts';
import { roomBalance } from '../turns/balance.ts';
import type { RoomContext, RoomTurns } from '../turns/state.ts';
import {
  ALL_LEVELS,
  ATTENDANCE_AREA,
  breakoutRoomsVisible,
  breakoutsArea,
  cafeArea,
  cafeVisible,
  levelOf,
  pollArea,
  pollVisible,
  visibility,
  wholeAreaVisible,
  type HarvestAudience,
} from './privacy.ts';

export type { HarvestAudience } from './privacy.ts';

/**
 * The workshop's record for one audience (see privacy.ts for who sees what). Pure: the same state,
 * tallies and time give the same record.
 *
 * Definitions:
 * - agenda: every segment in running order; `skipped` when it never ran and was either marked
 *   skipped or the agenda finished without it; `present` is the participants present when it started.
 * - attendance counts (aggregates without names, in every audience's record):
 *   joined = everyone who got in (status admitted or removed now, facilitators included; people
 *   still waiting or declined never joined); admitted = status admitted now; removed = status
 *   removed; facilitators = hosts and co-hosts among those who joined; peak = the most
 *   participants present at the start of any segment (null before the agenda ran).
 *   The attendance *area* governs the list of people (names, roles, profiles by field label).
 * - notes: closed breakout rounds and finished cafés/networking sessions, oldest first; empty texts
 *   are skipped (a room with nothing written keeps an empty list).
 * - polls: launched polls in creation order, results over everyone, every written answer.
 * - speaking: every room with turns state; turns are completed turns; the balance is among the
 *   people in the room now together with everyone who has speaking time there (for a closed room,
 *   those who spoke): no names.
 */
export function harvestRecord(state: WorkshopState, tallies: PollTallies, now: number, audience: HarvestAudience): HarvestRecord {
  const omitted: HarvestRecord['omitted'] = [];
  const skip = (area: string, level: PrivacyLevel, title: string) => {
    if (audience.kind !== 'facilitators') omitted.push({ area, level, title });
  };
  // in the order the document reads, so `omitted` lists things in that order too
  const attendance = attendanceOf(state, audience, skip);
  const notes = [...breakoutNotes(state, audience, skip), ...cafeNotes(state, audience, skip)].sort((a, b) => a.closedAt - b.closedAt);
  const polls = pollsOf(state, tallies, audience, skip);
  return {
    workshop: { title: state.title, description: state.description, createdAt: state.createdAt, madeAt: now },
    levels: levelsOf(audience, notes),
    agenda: agendaOf(state),
    attendance,
    notes,
    polls,
    speaking: speakingOf(state, now),
    omitted,
  };
}

type Skip = (area: string, level: PrivacyLevel, title: string) => void;

function levelsOf(audience: HarvestAudience, notes: HarvestNotes[]): PrivacyLevel[] {
  if (audience.kind === 'facilitators') return [...ALL_LEVELS];
  if (audience.kind === 'export') return ['shareable'];
  return notes.some((n) => n.level === 'room') ? [...ALL_LEVELS] : ['workshop', 'shareable'];
}

// ---- agenda ---------------------------------------------------------------------------------------

function agendaOf(state: WorkshopState): HarvestSegment[] {
  const a = state.agenda;
  return a.segments.map((s) => {
    const run = a.runs[s.id];
    return {
      title: s.title,
      kind: s.activity.kind,
      plannedMinutes: s.minutes,
      startedAt: run?.startedAt ?? null,
      endedAt: run?.endedAt ?? null,
      skipped: !run && (a.skipped.includes(s.id) || a.finishedAt !== null),
      present: run?.present ?? null,
    };
  });
}

// ---- attendance -----------------------------------------------------------------------------------

function attendanceOf(state: WorkshopState, audience: HarvestAudience, skip: Skip): HarvestAttendance {
  const level = levelOf(state, ATTENDANCE_AREA);
  const joined = Object.values(state.members).filter((m) => m.status === 'admitted' || m.status === 'removed');
  const presents = Object.values(state.agenda.runs).map((r) => r.present);
  const labels = new Map(state.profileFields.map((f) => [f.id, f.label]));
  const listed = audience.kind === 'facilitators' || (audience.kind === 'export' && level === 'shareable');
  if (!listed && audience.kind === 'export') skip(ATTENDANCE_AREA, level, 'Attendance: names and profiles');
  return {
    area: ATTENDANCE_AREA,
    level,
    joined: joined.length,
    admitted: joined.filter((m) => m.status === 'admitted').length,
    removed: joined.filter((m) => m.status === 'removed').length,
    facilitators: joined.filter((m) => isFacilitator(m.role)).length,
    peak: presents.length ? Math.max(...presents) : null,
    people: listed
      ? joined.map((m) => ({
          name: m.name,
          role: m.role,
          status: m.status,
          joinedAt: m.joinedAt,
          profile: Object.fromEntries(Object.entries(m.profile).map(([id, value]) => [labels.get(id) ?? id, value])),
        }))
      : null,
  };
}

// ---- notes ----------------------------------------------------------------------------------------

const memberOf = (audience: HarvestAudience): string | null => (audience.kind === 'participant' ? audience.memberId : null);

function breakoutNotes(state: WorkshopState, audience: HarvestAudience, skip: Skip): HarvestNotes[] {
  const out: HarvestNotes[] = [];
  for (const round of state.breakoutRecord.rounds) {
    const area = breakoutsArea(round.round);
    const level = levelOf(state, area);
    const title = `Breakout round ${round.round}`;
    const kept = breakoutRoomsVisible(round, visibility(level, audience), memberOf(audience));
    if (!kept.length) {
      if (round.rooms.length) skip(area, level, title);
      continue;
    }
    out.push({ area, level, title, kind: 'breakouts', closedAt: round.closedAt, rooms: kept.map((i) => breakoutRoom(round, i)) });
  }
  return out;
}

function breakoutRoom(round: PastRound, index: number): HarvestNotes['rooms'][number] {
  const room = round.rooms[index]!;
  return { name: room.name, topic: room.topic, notes: room.notes.trim() ? [{ round: null, text: room.notes }] : [] };
}

function cafeNotes(state: WorkshopState, audience: HarvestAudience, skip: Skip): HarvestNotes[] {
  const out: HarvestNotes[] = [];
  state.cafeRecord.forEach((past, i) => {
    const n = i + 1;
    const area = cafeArea(n);
    const level = levelOf(state, area);
    const title = `${past.kind === 'cafe' ? 'World café' : 'Networking'} ${n}`;
    const seen = cafeVisible(past, visibility(level, audience), memberOf(audience));
    const rooms = seen ? cafeRooms(seen) : [];
    if (!seen || (audience.kind === 'participant' && level === 'room' && !rooms.length)) {
      skip(area, level, title);
      return;
    }
    out.push({ area, level, title, kind: past.kind, closedAt: past.closedAt, rooms });
  });
  return out;
}

/** Café tables in their order, each with its notes by round; networking: the pairs that wrote something. */
function cafeRooms(past: PastCafe): HarvestNotes['rooms'] {
  const notesOf = (tableId: string) =>
    Object.entries(past.notes[tableId] ?? {})
      .filter(([, n]) => n.text.trim())
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([round, n]) => ({ round: Number(round), text: n.text }));
  if (past.kind === 'cafe') return past.tables.map((t) => ({ name: t.name, topic: t.topic, notes: notesOf(t.id) }));
  return Object.keys(past.notes)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((id) => ({ name: `Pair ${id.slice(1)}`, topic: '', notes: notesOf(id) }))
    .filter((t) => t.notes.length);
}

// ---- polls ----------------------------------------------------------------------------------------

const ALL = { cloudWords: Number.POSITIVE_INFINITY, wallEntries: Number.POSITIVE_INFINITY };

const KIND_WORDS: Record<string, string> = {
  single: 'single choice',
  multiple: 'multiple choice',
  scale: 'scale',
  wordcloud: 'word cloud',
  text: 'open text',
  ranking: 'ranking',
  checkin: 'check-in',
  checkout: 'check-out',
};

/** A poll's kind in the record: check-in polls say whether they were a check-in or a check-out. */
export const pollKindOf = (poll: PollRecord): string => (poll.definition.kind === 'checkin' ? poll.definition.moment : poll.definition.kind);
export const pollKindWords = (kind: string): string => KIND_WORDS[kind] ?? kind;

function pollsOf(state: WorkshopState, tallies: PollTallies, audience: HarvestAudience, skip: Skip): HarvestPoll[] {
  const nameOf = (id: string) => state.members[id]?.name ?? '';
  const out: HarvestPoll[] = [];
  const launched = Object.values(state.polls.polls).filter((p) => p.status !== 'draft');
  launched.forEach((poll, i) => {
    const area = pollArea(poll.id);
    const level = levelOf(state, area);
    const kind = pollKindOf(poll);
    if (!pollVisible(poll, level, audience)) {
      // the question stays out too: the title says only which poll it was
      skip(area, level, `Poll ${i + 1} (${pollKindWords(kind)})`);
      return;
    }
    const anonymous = poll.definition.settings.anonymous;
    const tally = tallies.get(poll.id) ?? tallyPoll(poll);
    const results = withoutNames(resultsOf(tally.total, poll.definition, { ...ALL, nameOf }), anonymous);
    out.push({
      area,
      level,
      question: poll.definition.question,
      kind,
      anonymous,
      launchedAt: poll.launchedAt,
      closedAt: poll.closedAt,
      results,
      answers: results.kind === 'text' || results.kind === 'checkin' ? results.entries : [],
    });
  });
  return out;
}

/**
 * Anonymous walls never carry names, and are listed in text order rather than answer order, so the
 * record cannot be lined up with who was typing when (as the poll exports do).
 */
function withoutNames(results: PollResults, anonymous: boolean): PollResults {
  if (!anonymous || (results.kind !== 'text' && results.kind !== 'checkin')) return results;
  const entries: WallEntry[] = results.entries.map((e) => ({ text: e.text, name: null })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { ...results, entries };
}

// ---- speaking -------------------------------------------------------------------------------------

const roomOrder = (id: string): [number, number] => [id === 'plenary' ? 0 : id.startsWith('r') ? 1 : id.startsWith('t') ? 2 : 3, Number(id.slice(1)) || 0];

function speakingOf(state: WorkshopState, now: number): HarvestSpeaking[] {
  const ids = Object.keys(state.turns).sort((a, b) => {
    const [ka, na] = roomOrder(a);
    const [kb, nb] = roomOrder(b);
    return ka - kb || na - nb || a.localeCompare(b);
  });
  return ids.map((roomId) => {
    const room = state.turns[roomId]!;
    const turns = Object.values(room.airtime).reduce((sum, a) => sum + a.turns, 0);
    return { label: roomLabel(state, roomId), turns, balance: roomBalance(room, speakersOf(state, room, roomId), roomId, now).summary };
  });
}

/** The people in the room now, and everyone with speaking time there (who may have left or whose room closed). */
function speakersOf(state: WorkshopState, room: RoomTurns, roomId: string): RoomContext {
  const ctx = roomContext(state, roomId);
  const members = new Map(ctx.members);
  for (const id of Object.keys(room.airtime)) {
    if (!members.has(id)) members.set(id, { name: state.members[id]?.name ?? '', joinedAt: 0 });
  }
  return { ...ctx, members };
}

function roomLabel(state: WorkshopState, roomId: string): string {
  if (roomId === 'plenary') return 'Plenary';
  if (/^t\d+$/.test(roomId)) return `Table ${roomId.slice(1)}`;
  const open = state.breakouts?.rooms.find((r) => r.id === roomId);
  if (open) return open.name;
  for (let i = state.breakoutRecord.rounds.length - 1; i >= 0; i--) {
    const past = state.breakoutRecord.rounds[i]!.rooms.find((r) => r.id === roomId);
    if (past) return past.name;
  }
  return roomId;
}
