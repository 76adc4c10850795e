import type { ProfileField, ProfileValues } from '../../shared/profile.ts';
import type { Role } from '../../shared/session.ts';
import type { MemberStatus } from '../../shared/views.ts';
import { EMPTY_BREAKOUT_RECORD, type BreakoutRecord, type BreakoutsState } from '../activities/breakouts/state.ts';
import type { CafeState, PastCafe } from '../activities/cafe/state.ts';
import { EMPTY_POLLS, type PollsState } from '../activities/polls/state.ts';
import { EMPTY_TURNS, type TurnsState } from '../activities/turns/state.ts';
import { EMPTY_AGENDA, type AgendaState } from '../activities/agenda/state.ts';
import type { PrivacyLevel } from '../../shared/harvest.ts';

export type Member = {
  id: string;
  name: string;
  role: Role;
  profile: ProfileValues;
  tokenHash: string;
  status: MemberStatus;
  joinedAt: number;
};

export type TimerState =
  | { state: 'running'; endsAt: number; durationMs: number; label: string }
  | { state: 'paused'; remainingMs: number; durationMs: number; label: string }
  | { state: 'ended'; endedAt: number; durationMs: number; label: string };

/** Everything the log says about one workshop. Plain data: snapshots are this, as JSON. */
export type WorkshopState = {
  id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  profileFields: ProfileField[];
  cohostKey: string;
  createdAt: number;
  updatedAt: number;
  hostId: string;
  settings: { waitingRoom: boolean; locked: boolean };
  /** Insertion order is join order. */
  members: Record<string, Member>;
  /** Raised hands, first raised first. */
  hands: { memberId: string; raisedAt: number }[];
  announcement: { text: string; at: number } | null;
  now: string;
  timer: TimerState | null;
  /** The current set of breakout rooms (preview, open or closing), or null. */
  breakouts: BreakoutsState | null;
  breakoutRecord: BreakoutRecord;
  /** The current world café or networking session (planned or running), or null. */
  cafe: CafeState | null;
  cafeRecord: PastCafe[];
  polls: PollsState;
  /** Hand queues, turns, go-arounds and airtime, per room. */
  turns: TurnsState;
  /** The run of show. */
  agenda: AgendaState;
  /** Privacy level per harvest area (see shared/harvest.ts); areas not listed are 'workshop'. */
  privacy: Record<string, PrivacyLevel>;
};

export const EMPTY_STATE: WorkshopState = {
  id: '',
  version: 0,
  code: '',
  title: '',
  description: '',
  profileFields: [],
  cohostKey: '',
  createdAt: 0,
  updatedAt: 0,
  hostId: '',
  settings: { waitingRoom: false, locked: false },
  members: {},
  hands: [],
  announcement: null,
  now: '',
  timer: null,
  breakouts: null,
  breakoutRecord: EMPTY_BREAKOUT_RECORD,
  cafe: null,
  cafeRecord: [],
  polls: EMPTY_POLLS,
  turns: EMPTY_TURNS,
  agenda: EMPTY_AGENDA,
  privacy: {},
};

export const isFacilitator = (role: Role): boolean => role === 'host' || role === 'cohost';
