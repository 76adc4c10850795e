import { POLL_LIMITS, type FacilitatorPoll, type ParticipantPoll, type PollResults } from '../../../shared/polls.ts';
import { emptyTally, resultsOf, roomIdOfKey, sortedRoomKeys, tallyPoll, type PollTallies, type PollTally } from './aggregate.ts';
import { answerOf, type PollRecord, type PollsState } from './state.ts';

/**
 * Projections of the polls for each audience. Pure, like the engine's views.
 *
 * Anonymity: views are built from tallies, which hold counts and texts, never whose they are.
 * The only member-specific part is `myAnswer`, sent to that person alone. Names appear only on
 * the walls of named polls (resultsOf does not even call `nameOf` for anonymous ones).
 */

export type NameOf = (memberId: string) => string;
export type PollViewer = { memberId: string; roomId: string | null };

const resultsVisible = (poll: PollRecord): boolean => poll.definition.settings.results === 'live' || poll.revealed;

/**
 * The polls participants see: every open poll, then the most recently closed one and any
 * revealed closed ones (newest first, at most `participantClosedPolls`). Drafts never.
 */
export function participantPollRecords(slice: PollsState): PollRecord[] {
  const all = Object.values(slice.polls);
  const open = all.filter((p) => p.status === 'open');
  const closed = all.filter((p) => p.status === 'closed').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  const shownClosed = closed.filter((p, i) => i === 0 || p.revealed).slice(0, POLL_LIMITS.participantClosedPolls);
  return [...open, ...shownClosed];
}

/**
 * What every participant's polls share, computed once per delivery and reused for each person:
 * results are worked out once per poll and per room, however many people look at them.
 */
export type ParticipantPollsShared = {
  polls: { poll: PollRecord; results: (roomId: string | null) => PollResults | null }[];
};

export function participantPollsShared(slice: PollsState, tallies: PollTallies, nameOf: NameOf): ParticipantPollsShared {
  return {
    polls: participantPollRecords(slice).map((poll) => {
      const tally = tallies.get(poll.id) ?? tallyPoll(poll);
      const memo = new Map<string, PollResults>();
      const results = (roomId: string | null): PollResults | null => {
        if (!resultsVisible(poll)) return null;
        const key = roomId === null ? '\u0000all' : roomId;
        let r = memo.get(key);
        if (!r) {
          const t = roomId === null ? tally.total : (tally.rooms.get(roomId) ?? emptyTally(poll.definition));
          r = resultsOf(t, poll.definition, { nameOf, wallEntries: POLL_LIMITS.participantWallEntries });
          memo.set(key, r);
        }
        return r;
      };
      return { poll, results };
    }),
  };
}

/** One participant's polls: their own answers, and results for their room (rooms scope) or everyone. */
export function participantPolls(shared: ParticipantPollsShared, viewer: PollViewer): ParticipantPoll[] {
  return shared.polls.map(({ poll, results }) => {
    const inRoom = poll.scope === 'rooms' && viewer.roomId !== null;
    return {
      id: poll.id,
      definition: poll.definition,
      status: poll.status === 'open' ? 'open' : 'closed',
      scope: poll.scope ?? 'plenary',
      myAnswer: answerOf(poll, viewer.memberId)?.answer ?? null,
      results: results(inRoom ? viewer.roomId : null),
      resultsOf: inRoom ? 'room' : 'all',
    };
  });
}

/** One poll as hosts and co-hosts see it: results even while hidden from participants, per room too. */
export function facilitatorPoll(poll: PollRecord, tally: PollTally | undefined, nameOf: NameOf): FacilitatorPoll {
  const launched = poll.status !== 'draft';
  const t = tally ?? tallyPoll(poll);
  return {
    id: poll.id,
    definition: poll.definition,
    status: poll.status,
    scope: poll.scope,
    revealed: poll.revealed,
    createdAt: poll.createdAt,
    launchedAt: poll.launchedAt,
    closedAt: poll.closedAt,
    results: launched ? resultsOf(t.total, poll.definition, { nameOf }) : null,
    rooms:
      launched && poll.scope === 'rooms'
        ? sortedRoomKeys(t.rooms).map((key) => ({ roomId: roomIdOfKey(key), results: resultsOf(t.rooms.get(key)!, poll.definition, { nameOf }) }))
        : [],
  };
}

/** Every poll of the workshop, in creation order. */
export function facilitatorPolls(slice: PollsState, tallies: PollTallies, nameOf: NameOf): FacilitatorPoll[] {
  return Object.values(slice.polls).map((p) => facilitatorPoll(p, tallies.get(p.id), nameOf));
}
