import { nameKey } from '../activities/breakouts/preassign.ts';
import type { Note } from '../../shared/breakouts.ts';
import type { EventBody, MemberRecord, StoredEvent } from '../engine/events.ts';
import type { WorkshopState } from '../engine/state.ts';

/** What a forgotten person is called from then on, unless the caller says otherwise. */
export const FORGOTTEN_NAME = 'Former participant';

/** How server/activities/breakouts/preassign.ts `matchRows` quotes a row in a plan's report. */
const ARROW = ' → ';

/**
 * One event of the log with a person's name and profile erased, for `EventStore.rewriteEvents`:
 * their member record keeps its id and role but takes `replacement` as its name and an empty
 * profile; pre-assigned rows with their name (case and spacing ignored) go, from the list and from
 * the plan reports that quote it; notes they signed carry `replacement`. Null when the event does
 * not mention them.
 *
 * Every event type that carries a name or profile is handled here (tests/unit/retention-forget.test.ts
 * checks each one). Ids, answers and notes' text stay: they are the workshop's record, not the
 * person's profile, and ids alone name nobody once the member record is erased.
 */
export function forgetMemberInEvent(event: StoredEvent, memberId: string, name: string, replacement: string): EventBody | null {
  const { isTheirs, quotesThem } = matchName(name);
  const erase = (member: MemberRecord): MemberRecord => ({ ...member, name: replacement, profile: {} });
  switch (event.type) {
    case 'workshop.created':
      return event.host.id === memberId ? { ...event, host: erase(event.host) } : null;
    case 'member.joined':
      return event.member.id === memberId ? { ...event, member: erase(event.member) } : null;
    // the plan's report quotes pre-assigned rows it could not use, as "name → room"
    case 'breakouts.planned': {
      const unmatchedRows = event.report.unmatchedRows.filter((row) => !quotesThem(row));
      const duplicateRows = event.report.duplicateRows.filter((row) => !quotesThem(row));
      const same = unmatchedRows.length === event.report.unmatchedRows.length && duplicateRows.length === event.report.duplicateRows.length;
      return same ? null : { ...event, report: { ...event.report, unmatchedRows, duplicateRows } };
    }
    case 'breakouts.preassigned': {
      const rows = event.rows.filter((row) => !isTheirs(row.name));
      return rows.length === event.rows.length ? null : { ...event, rows };
    }
    // notes are signed with the writer's name at the time (there is no id to match on)
    case 'breakouts.notesEdited':
    case 'cafe.notesEdited':
      return isTheirs(event.by) ? { ...event, by: replacement } : null;
    default:
      return null;
  }
}

/**
 * The same erasure on a workshop's state, for the reducer of `member.forgotten`: a loaded workshop
 * then holds what it would hold if it were rebuilt from the rewritten log (and so do its later
 * snapshots). `name` is the person's name before it was erased.
 */
export function forgetMemberInState(state: WorkshopState, memberId: string, name: string, replacement: string): WorkshopState {
  const { isTheirs, quotesThem } = matchName(name);
  const sign = (note: Note): Note => (isTheirs(note.by) ? { ...note, by: replacement } : note);
  const signAll = (notes: Record<string, Note>) => mapValues(notes, sign);
  const member = state.members[memberId];
  const { breakouts, cafe } = state;
  return {
    ...state,
    members: member ? { ...state.members, [memberId]: { ...member, name: replacement, profile: {} } } : state.members,
    breakoutRecord: { ...state.breakoutRecord, preassigned: state.breakoutRecord.preassigned.filter((row) => !isTheirs(row.name)) },
    breakouts: breakouts && {
      ...breakouts,
      report: {
        ...breakouts.report,
        unmatchedRows: breakouts.report.unmatchedRows.filter((row) => !quotesThem(row)),
        duplicateRows: breakouts.report.duplicateRows.filter((row) => !quotesThem(row)),
      },
      notes: signAll(breakouts.notes),
    },
    cafe: cafe && { ...cafe, notes: mapValues(cafe.notes, signAll) },
    cafeRecord: state.cafeRecord.map((past) => ({ ...past, notes: mapValues(past.notes, signAll) })),
  };
}

const mapValues = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

/** Is this their name (case and spacing ignored; a blank name matches nothing), and does a report row quote it? */
function matchName(name: string) {
  const key = nameKey(name);
  const isTheirs = (other: string) => key !== '' && nameKey(other) === key;
  // "name → room": the name is what comes before one of the arrows (a room name may hold one too)
  const quotesThem = (row: string) => row.split(ARROW).some((_, i, parts) => i > 0 && isTheirs(parts.slice(0, i).join(ARROW)));
  return { isTheirs, quotesThem };
}
