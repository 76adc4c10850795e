import { z } from 'zod';
import { ConsoleBreakoutRecord, ConsoleBreakouts, Note, ParticipantBreakout } from './breakouts.ts';
import { CafeInvite, CafeNotes, ConsoleCafe, ParticipantCafe } from './cafe.ts';
import { FacilitatorPolls, ParticipantPolls } from './polls.ts';
import { ConsoleAgenda, ParticipantAgenda } from './agenda.ts';
import { PrivacyLevel } from './harvest.ts';
import { MyTurnView, RoomBalanceView, RoomTurnView } from './turns.ts';
import { MemberId, WorkshopId } from './ids.ts';
import { ProfileField, ProfileValues } from './profile.ts';
import { Role } from './session.ts';
import { TimerView } from './timer.ts';

/**
 * Views are whole snapshots for one audience. `version` is the workshop's event count when the view
 * was made: a client ignores a view older than the one it has.
 */

export const MemberStatus = z.enum(['waiting', 'admitted', 'declined', 'removed']);
export type MemberStatus = z.infer<typeof MemberStatus>;

/** online: connected now; reconnecting: dropped recently and expected back; left: gone for a while. */
export const Presence = z.enum(['online', 'reconnecting', 'left']);
export type Presence = z.infer<typeof Presence>;

export const Announcement = z.object({ text: z.string(), at: z.number() });
export type Announcement = z.infer<typeof Announcement>;

export const VideoStatus = z.object({ enabled: z.boolean() });

/**
 * What one participant sees. Its size must not grow with the workshop: counts, not rosters
 * (facilitators are listed, and there are only a few of them).
 */
export const ParticipantView = z.object({
  kind: z.literal('participant'),
  version: z.number().int(),
  workshop: z.object({ id: WorkshopId, title: z.string(), description: z.string(), code: z.string() }),
  me: z.object({ id: MemberId, name: z.string(), role: Role, status: MemberStatus }),
  now: z.string(),
  announcement: Announcement.nullable(),
  timer: TimerView.nullable(),
  hand: z.object({ raised: z.boolean(), position: z.number().int().nullable() }),
  counts: z.object({ present: z.number().int(), hands: z.number().int() }),
  facilitators: z.array(z.object({ id: MemberId, name: z.string(), role: Role })).max(20),
  video: VideoStatus,
  /** Breakout rooms while they are open: the person's own room only. */
  breakout: ParticipantBreakout.nullable(),
  /** A running world café or networking session: this person's table and where they go next. */
  cafe: ParticipantCafe.nullable(),
  /** A planned café with tables still needing a host: offer to host one. */
  cafeInvite: CafeInvite.nullable(),
  /** Open polls, then the last closed one and any revealed: this person's answers and the results they may see. */
  polls: ParticipantPolls,
  /** Turns in the room this person is in: whose turn, the queue, their own figures; the balance for a room host. */
  turns: z.object({ room: RoomTurnView, me: MyTurnView, balance: RoomBalanceView.nullable() }).nullable(),
  /** The last closed breakout round whose notes can be read ("what the rooms said"), fetched on demand. */
  harvest: z.object({ round: z.number().int(), closedAt: z.number() }).nullable(),
  /** The agenda's headings and where we are; null when the facilitators planned none. */
  agenda: ParticipantAgenda.nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ConsoleMember = z.object({
  id: MemberId,
  name: z.string(),
  role: Role,
  status: MemberStatus,
  presence: Presence,
  profile: ProfileValues,
  joinedAt: z.number(),
  handRaisedAt: z.number().nullable(),
  /** Breakout room in the current plan or open rooms; null in plenary. */
  roomId: z.string().nullable(),
});
export type ConsoleMember = z.infer<typeof ConsoleMember>;

export const ConsoleSettings = z.object({ waitingRoom: z.boolean(), locked: z.boolean() });

/** The parts of the console that are small, resent whole in every patch. */
export const ConsoleShared = z.object({
  version: z.number().int(),
  /** Console message number for this workshop; a patch whose seq is not last seq + 1 means "ask for a fresh view". */
  seq: z.number().int(),
  settings: ConsoleSettings,
  now: z.string(),
  announcement: Announcement.nullable(),
  timer: TimerView.nullable(),
  /** Raised hands, first raised first. */
  hands: z.array(z.object({ memberId: MemberId, raisedAt: z.number() })),
});

/** The facilitator console: the whole picture. Sent whole on connect and on request. */
export const ConsoleView = ConsoleShared.extend({
  kind: z.literal('console'),
  workshop: z.object({
    id: WorkshopId,
    title: z.string(),
    description: z.string(),
    code: z.string(),
    createdAt: z.number(),
    profileFields: z.array(ProfileField),
    /** Only hosts and co-hosts see this, to invite more co-hosts. */
    cohostKey: z.string(),
  }),
  me: z.object({ id: MemberId, name: z.string(), role: Role }),
  members: z.array(ConsoleMember),
  video: VideoStatus,
  breakouts: ConsoleBreakouts.nullable(),
  /** Each room's notes while breakouts run, by room id. */
  notes: z.record(z.string(), Note),
  record: ConsoleBreakoutRecord,
  cafe: ConsoleCafe.nullable(),
  cafeNotes: CafeNotes,
  polls: FacilitatorPolls,
  /** Every room with turns or speaking time: its queue and turn, and its balance side by side. */
  turns: z.array(z.object({ label: z.string(), room: RoomTurnView, balance: RoomBalanceView })),
  agenda: ConsoleAgenda,
  /** Privacy level per harvest area that is not the default ('workshop'). */
  privacy: z.record(z.string(), PrivacyLevel),
});
export type ConsoleView = z.infer<typeof ConsoleView>;

/**
 * Coalesced changes to the console since message `seq - 1`: whole small parts, and only the members
 * that changed. A join storm of 1,000 people becomes a few patches, not 1,000 rosters.
 */
export const ConsolePatch = ConsoleShared.extend({
  kind: z.literal('console.patch'),
  members: z.array(ConsoleMember),
  /** Present only when they changed: breakouts whole, notes of the rooms that changed. */
  breakouts: ConsoleBreakouts.nullable().optional(),
  notes: z.record(z.string(), Note).optional(),
  record: ConsoleBreakoutRecord.optional(),
  cafe: ConsoleCafe.nullable().optional(),
  /** Only the tables and rounds whose notes changed. */
  cafeNotes: CafeNotes.optional(),
  polls: FacilitatorPolls.optional(),
  turns: z.array(z.object({ label: z.string(), room: RoomTurnView, balance: RoomBalanceView })).optional(),
  agenda: ConsoleAgenda.optional(),
  privacy: z.record(z.string(), PrivacyLevel).optional(),
});
export type ConsolePatch = z.infer<typeof ConsolePatch>;

/** One-off messages that are not state: e.g. "you were removed". */
export const Notice = z.object({
  kind: z.enum(['removed', 'declined', 'rate_limited', 'workshop_gone']),
  message: z.string(),
});
export type Notice = z.infer<typeof Notice>;
