import type { Notice, ParticipantView } from '../../shared/views.ts';
import { isPollEvent } from '../activities/polls/events.ts';
import { buildTallies, type PollTallies } from '../activities/polls/aggregate.ts';
import { membersOf } from '../activities/rooms.ts';
import type { Connection } from './connection.ts';
import type { StoredEvent } from './events.ts';
import type { PresenceTracker } from './presence.ts';
import { isFacilitator, type Member, type WorkshopState } from './state.ts';
import {
  RoomParts,
  consolePatch,
  consoleView,
  facilitatorsOf,
  participantShared,
  participantView,
  type Extras,
  type ParticipantShared,
} from './views.ts';

type Audience = 'participant' | 'console';

type Attached = {
  conn: Connection;
  memberId: string;
  audience: Audience | null;
  countsKey: string;
  /** Workshop version of the last participant view sent, to skip sending the same view twice. */
  sentVersion: number;
};

export type DeliveryTiming = {
  /** Facilitator consoles get at most one patch per this many ms, however many changes happen. */
  consoleIntervalMs: number;
  /** Changes only to counts ("34 people here") reach participants at most this often. */
  countsIntervalMs: number;
};

const audienceFor = (m: Member): Audience =>
  isFacilitator(m.role) && m.status === 'admitted' ? 'console' : 'participant';

/**
 * Turns state changes into per-audience views and sends them, coalesced:
 * - things every participant sees (announcement, timer, "now") go out on the next tick to all;
 * - a change to one person (their hand, being admitted) goes to that person only;
 * - counts go out lazily, at most once per `countsIntervalMs`;
 * - consoles get patches with only the members that changed, at most once per `consoleIntervalMs`.
 */
export class ViewDelivery {
  private attached = new Map<string, Attached>();
  private byMember = new Map<string, Set<string>>();

  private allParticipantsNow = false;
  private participantsNow = new Set<string>();
  private immediateArmed = false;

  private consoleDirty = false;
  private consoleMembers = new Set<string>();
  private consoleTimer: NodeJS.Timeout | null = null;
  private lastConsoleFlush = 0;
  private consoleSeq = 0;
  /** Send whole console views at the next flush (something only whole views carry changed). */
  private consolesWhole = false;
  /** The participants' shared part, reused by new connections until the version or counts change. */
  private sharedCache: { version: number; at: number; shared: ParticipantShared } | null = null;
  /** Both walk the whole roster, so a join storm must not redo them for every joiner (see extras, freshShared). */
  private headCount: { at: number; count: number } | null = null;
  private facilitators: ParticipantView['facilitators'] | null = null;

  private countsTimer: NodeJS.Timeout | null = null;
  /** Room counts in self-select lists change with every choice: they go to everyone lazily, like counts. */
  private allParticipantsLazy = false;
  private consoleBreakouts = false;
  private consoleRecord = false;
  private consoleNotes = new Set<string>();
  private consoleCafe = false;
  private consolePolls = false;
  private consoleTurns = false;
  private consoleAgenda = false;
  private consoleCafeNotes = new Set<string>();
  /** Room and table parts of participant views, built once per room per workshop version. */
  private roomParts: { version: number; parts: RoomParts } | null = null;

  constructor(
    private readonly getState: () => WorkshopState,
    private readonly presence: PresenceTracker,
    private readonly clock: () => number,
    private readonly videoEnabled: boolean,
    private readonly timing: DeliveryTiming,
    private readonly tallies: () => PollTallies = () => buildTallies(getState().polls),
  ) {}

  get connectionCount(): number {
    return this.attached.size;
  }

  connectionsOf(memberId: string): number {
    return this.byMember.get(memberId)?.size ?? 0;
  }

  /** A device joins: it gets a whole view at once. */
  attach(conn: Connection, memberId: string): void {
    this.attached.set(conn.id, { conn, memberId, audience: null, countsKey: '', sentVersion: -1 });
    let set = this.byMember.get(memberId);
    if (!set) this.byMember.set(memberId, (set = new Set()));
    set.add(conn.id);
    this.sendWhole(conn.id);
  }

  detach(connId: string): string | null {
    const a = this.attached.get(connId);
    if (!a) return null;
    this.attached.delete(connId);
    const set = this.byMember.get(a.memberId);
    set?.delete(connId);
    if (set && set.size === 0) this.byMember.delete(a.memberId);
    return a.memberId;
  }

  /** Sends a whole view of the right kind to one connection (on attach and on "refresh"). */
  sendWhole(connId: string): void {
    const a = this.attached.get(connId);
    const state = this.getState();
    const member = a && state.members[a.memberId];
    if (!a || !member) return;
    a.audience = audienceFor(member);
    if (a.audience === 'console') {
      a.conn.send('console', consoleView(state, member, this.consoleSeq, this.extras(false)));
    } else {
      // A reconnect storm attaches thousands of devices: reuse the shared part rather than walk
      // the roster for each one. Counts may lag by at most one counts interval, as they do anyway.
      const shared = this.cachedShared(state);
      a.countsKey = countsKey(shared);
      a.sentVersion = state.version;
      a.conn.send('view', participantView(shared, state, member, this.roomViews(state)));
      this.closeIfTurnedAway(a, member);
    }
  }

  private roomViews(state: WorkshopState): RoomParts {
    if (this.roomParts?.version !== state.version) this.roomParts = { version: state.version, parts: new RoomParts(state, this.tallies(), this.clock()) };
    return this.roomParts.parts;
  }

  /** Works out who needs to hear about these events. */
  eventsApplied(events: readonly StoredEvent[], before: WorkshopState): void {
    const hadHand = (id: string) => before.hands.some((h) => h.memberId === id);
    for (const e of events) {
      // who the facilitators are changes only with the workshop or a member event that is not a participant joining
      if (e.type === 'workshop.created' || (e.type.startsWith('member.') && !(e.type === 'member.joined' && e.member.role === 'participant'))) {
        this.facilitators = null;
      }
      switch (e.type) {
        case 'workshop.created':
        case 'announcement.set':
        case 'now.set':
        case 'timer.started':
        case 'timer.paused':
        case 'timer.resumed':
        case 'timer.adjusted':
        case 'timer.stopped':
        case 'timer.ended':
          this.allParticipantsNow = true;
          this.consoleDirty = true;
          break;
        case 'waitingRoom.set':
        case 'lock.set':
          this.consoleDirty = true;
          break;
        case 'member.joined':
          this.memberChanged(e.member.id);
          break;
        case 'member.admitted':
          for (const id of e.memberIds) this.memberChanged(id);
          break;
        case 'member.declined':
        case 'member.readmitted':
          // people who were not in the workshop had no place in the queue
          this.memberChanged(e.memberId);
          break;
        case 'member.removed':
        case 'member.roleChanged':
          this.memberChanged(e.memberId);
          if (hadHand(e.memberId)) this.handsMoved();
          break;
        case 'cohostKey.rotated':
          // the key is only in whole console views
          this.consolesWhole = true;
          this.consoleDirty = true;
          break;
        case 'hand.raised':
          this.memberChanged(e.memberId);
          break;
        case 'breakouts.planned':
        case 'breakouts.roomUpdated':
        case 'breakouts.moved':
        case 'breakouts.discarded':
        case 'breakouts.preassigned':
        case 'breakouts.opened':
        case 'breakouts.adjusted':
        case 'breakouts.ended':
        case 'breakouts.closed':
        case 'breakouts.broadcast':
        case 'breakouts.visited':
        case 'breakouts.helpRequested':
        case 'breakouts.helpAcknowledged':
        case 'breakouts.helpCleared':
        case 'breakouts.notesEdited':
          this.breakoutEvent(e, before);
          break;
        case 'cafe.planned':
        case 'cafe.replanned':
        case 'cafe.tableUpdated':
        case 'cafe.discarded':
        case 'cafe.roundStarted':
        case 'cafe.moving':
        case 'cafe.adjusted':
        case 'cafe.seated':
        case 'cafe.notesEdited':
        case 'cafe.ended':
          this.cafeEvent(e);
          break;
        case 'poll.created':
        case 'poll.updated':
        case 'poll.launched':
        case 'poll.answered':
        case 'poll.closed':
        case 'poll.reopened':
        case 'poll.revealed':
        case 'poll.deleted':
          this.pollEvent(e, before);
          break;
        case 'agenda.planned':
        case 'agenda.segmentStarted':
        case 'agenda.segmentEnded':
        case 'agenda.skipped':
        case 'agenda.moved':
        case 'agenda.extended':
        case 'agenda.finished':
          // the headings are in every participant's view: a handful of changes per workshop
          this.consoleAgenda = true;
          this.consoleDirty = true;
          this.allParticipantsNow = true;
          break;
        case 'harvest.privacySet':
          this.consoleAgenda = true;
          this.consoleDirty = true;
          break;
        case 'member.forgotten':
          // the name changes on consoles, and for anyone who sees it (a facilitator, a roommate)
          this.memberChanged(e.memberId);
          this.facilitators = null;
          this.allParticipantsNow = true;
          break;
        default:
          if (e.type.startsWith('turn.')) this.turnEvent(e);
          break;
        case 'hand.lowered':
        case 'hands.cleared':
          // everyone behind in the queue moves up a place
          this.handsMoved();
          if (e.type === 'hand.lowered') this.memberChanged(e.memberId);
          else {
            this.allParticipantsNow = true;
            for (const h of before.hands) this.consoleMembers.add(h.memberId);
          }
          break;
      }
    }
    this.schedule();
  }

  /** Who hears about a breakout event: rooms' members for what happens in a room, everyone for open/close. */
  private breakoutEvent(e: StoredEvent, before: WorkshopState): void {
    const state = this.getState();
    const b = state.breakouts ?? before.breakouts;
    const open = (s: WorkshopState) => s.breakouts !== null && s.breakouts.phase !== 'draft';
    const inRoom = (roomId: string | null | undefined) => {
      if (!roomId || !b) return;
      for (const [memberId, r] of Object.entries(b.assignment)) if (r === roomId) this.participantsNow.add(memberId);
    };
    this.consoleBreakouts = true;
    this.consoleDirty = true;
    switch (e.type) {
      case 'breakouts.planned':
      case 'breakouts.discarded':
      case 'breakouts.closed':
        // everyone's room changes on the consoles
        for (const id of Object.keys(before.breakouts?.assignment ?? {})) this.consoleMembers.add(id);
        for (const id of Object.keys(state.breakouts?.assignment ?? {})) this.consoleMembers.add(id);
        if (e.type === 'breakouts.closed') {
          this.consoleRecord = true;
          this.allParticipantsNow = true;
        } else if (open(before)) this.allParticipantsNow = true;
        break;
      case 'breakouts.preassigned':
        this.consoleRecord = true;
        break;
      case 'breakouts.opened':
      case 'breakouts.adjusted':
      case 'breakouts.ended':
        this.allParticipantsNow = true;
        break;
      case 'breakouts.moved':
        for (const { memberId, roomId } of e.moves) {
          this.consoleMembers.add(memberId);
          if (!open(state)) continue;
          this.participantsNow.add(memberId);
          inRoom(before.breakouts?.assignment[memberId]);
          inRoom(roomId);
        }
        if (open(state) && (b?.allowSwitch || b?.report.strategy.kind === 'selfSelect')) {
          this.allParticipantsLazy = true;
          this.armCounts();
        }
        break;
      case 'breakouts.roomUpdated':
        if (open(state)) inRoom(e.room.id);
        break;
      case 'breakouts.broadcast':
        if (e.roomId === null) this.allParticipantsNow = open(state);
        else inRoom(e.roomId);
        break;
      case 'breakouts.visited':
        inRoom(before.breakouts?.visits[e.memberId]);
        inRoom(e.roomId);
        break;
      case 'breakouts.helpRequested':
      case 'breakouts.helpAcknowledged':
      case 'breakouts.helpCleared':
        inRoom(e.roomId);
        break;
      case 'breakouts.notesEdited':
        this.consoleNotes.add(e.roomId);
        inRoom(e.roomId);
        break;
    }
  }

  /** A turn event in a room reaches that room's members at once; the plenary's reaches everyone. */
  private turnEvent(e: StoredEvent): void {
    if (!('roomId' in e) || typeof e.roomId !== 'string') return;
    this.consoleTurns = true;
    this.consoleDirty = true;
    if (e.roomId === 'plenary') this.allParticipantsNow = true;
    else for (const id of membersOf(this.getState(), e.roomId)) this.participantsNow.add(id);
  }

  /** A café's plan and clock reach everyone in it at once; notes and late seats only the table concerned. */
  private cafeEvent(e: StoredEvent): void {
    const c = this.getState().cafe;
    this.consoleDirty = true;
    switch (e.type) {
      case 'cafe.notesEdited': {
        this.consoleCafeNotes.add(`${e.tableId}:${e.round}`);
        const index = c ? (c.kind === 'cafe' ? c.tables.findIndex((t) => t.id === e.tableId) : Number(e.tableId.slice(1)) - 1) : -1;
        for (const id of c?.plan[e.round - 1]?.[index] ?? []) this.participantsNow.add(id);
        break;
      }
      case 'cafe.seated': {
        this.consoleCafe = true;
        for (const id of c?.plan[e.round - 1]?.[e.table] ?? []) this.participantsNow.add(id);
        this.participantsNow.add(e.memberId);
        break;
      }
      case 'cafe.tableUpdated':
        this.consoleCafe = true;
        // before the start: who hosts which table is in everyone's invite; after: hosts see notes
        this.allParticipantsNow = true;
        break;
      case 'cafe.ended':
        this.consoleRecord = true;
        this.consoleCafe = true;
        this.allParticipantsNow = true;
        break;
      default:
        this.consoleCafe = true;
        // a draft with tables needing hosts is offered to participants, so they hear about it too
        this.allParticipantsNow = true;
    }
  }

  /**
   * Polls: launching, closing and revealing reach everyone at once; an answer reaches the person who
   * gave it at once, and everyone else's results lazily (at most once per counts interval), so a
   * burst of 2,000 answers is a few result updates, not 2,000 each.
   */
  private pollEvent(e: StoredEvent, before: WorkshopState): void {
    if (!isPollEvent(e)) return;
    this.consolePolls = true;
    this.consoleDirty = true;
    const was = before.polls.polls[e.pollId];
    const seen = (p: { status: string } | undefined) => p !== undefined && p.status !== 'draft';
    if (e.type === 'poll.answered') {
      this.participantsNow.add(e.memberId);
      const poll = this.getState().polls.polls[e.pollId];
      if (poll && (poll.definition.settings.results === 'live' || poll.revealed)) {
        this.allParticipantsLazy = true;
        this.armCounts();
      }
      return;
    }
    if (e.type === 'poll.created' || e.type === 'poll.updated') return;
    if (e.type === 'poll.deleted' && !seen(was)) return;
    this.allParticipantsNow = true;
  }

  /** Presence changed (connect, drop, left): consoles and counts only. */
  presenceChanged(memberId: string): void {
    this.consoleMembers.add(memberId);
    this.consoleDirty = true;
    this.armCounts();
    this.schedule();
  }

  /** Sends a one-off notice to all of a person's devices. */
  notify(memberId: string, notice: Notice): void {
    for (const id of this.byMember.get(memberId) ?? []) this.attached.get(id)?.conn.send('notice', notice);
  }

  /** Tells every device why the workshop is ending for them (it was deleted), then closes it. */
  closeAll(notice: Notice): void {
    for (const a of [...this.attached.values()]) {
      a.conn.send('notice', notice);
      a.conn.close();
    }
  }

  stop(): void {
    if (this.consoleTimer) clearTimeout(this.consoleTimer);
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.consoleTimer = this.countsTimer = null;
  }

  private memberChanged(memberId: string): void {
    this.participantsNow.add(memberId);
    this.consoleMembers.add(memberId);
    this.consoleDirty = true;
    this.armCounts();
  }

  private handsMoved(): void {
    for (const h of this.getState().hands) this.participantsNow.add(h.memberId);
    this.consoleDirty = true;
  }

  /**
   * Presence, and the head count. Counts reach participants lazily anyway (flushCounts, at most once
   * per countsIntervalMs, armed by every change), so unless `freshCount` a count at most that old is
   * reused: a join storm does not walk the roster once per joiner.
   */
  private extras(freshCount = true): Extras {
    const state = this.getState();
    const now = this.clock();
    if (freshCount || !this.headCount || now - this.headCount.at >= this.timing.countsIntervalMs) {
      let count = 0;
      for (const m of Object.values(state.members)) {
        if (m.status === 'admitted' && this.presence.of(m.id, now) !== 'left') count++;
      }
      this.headCount = { at: now, count };
    }
    return { presenceOf: (id) => this.presence.of(id, now), presentCount: this.headCount.count, videoEnabled: this.videoEnabled, tallies: this.tallies(), now };
  }

  private schedule(): void {
    if ((this.allParticipantsNow || this.participantsNow.size) && !this.immediateArmed) {
      this.immediateArmed = true;
      setImmediate(() => this.flushParticipants());
    }
    if (this.consoleDirty && !this.consoleTimer) {
      const wait = Math.max(0, this.lastConsoleFlush + this.timing.consoleIntervalMs - this.clock());
      this.consoleTimer = setTimeout(() => this.flushConsoles(), wait);
    }
  }

  private armCounts(): void {
    if (this.countsTimer) return;
    this.countsTimer = setTimeout(() => this.flushCounts(), this.timing.countsIntervalMs);
    this.countsTimer.unref?.();
  }

  private cachedShared(state: WorkshopState): ParticipantShared {
    const now = this.clock();
    const c = this.sharedCache;
    if (c && c.version === state.version && now - c.at < this.timing.countsIntervalMs) return c.shared;
    return this.freshShared(state, false);
  }

  private freshShared(state: WorkshopState, freshCount = true): ParticipantShared {
    this.facilitators ??= facilitatorsOf(state);
    const shared = participantShared(state, this.extras(freshCount), this.facilitators);
    this.sharedCache = { version: state.version, at: this.clock(), shared };
    return shared;
  }

  private flushParticipants(): void {
    this.immediateArmed = false;
    const state = this.getState();
    // a few people's own views (joins, hands) may carry a count up to one counts interval old
    const shared = this.freshShared(state, this.allParticipantsNow);
    const key = countsKey(shared);
    const targets = this.allParticipantsNow ? this.attached.keys() : this.connectionsFor(this.participantsNow);
    this.allParticipantsNow = false;
    this.participantsNow = new Set();
    const rooms = this.roomViews(state);
    for (const connId of targets) this.sendParticipant(connId, state, shared, key, rooms);
  }

  private flushCounts(): void {
    this.countsTimer = null;
    const state = this.getState();
    const shared = this.freshShared(state);
    const key = countsKey(shared);
    const rooms = this.roomViews(state);
    const everyone = this.allParticipantsLazy;
    this.allParticipantsLazy = false;
    for (const [connId, a] of this.attached) {
      if (everyone) a.sentVersion = -1;
      if (a.countsKey !== key || everyone) this.sendParticipant(connId, state, shared, key, rooms);
    }
  }

  private sendParticipant(connId: string, state: WorkshopState, shared: ParticipantShared, key: string, rooms: RoomParts) {
    const a = this.attached.get(connId);
    const member = a && state.members[a.memberId];
    if (!a || !member) return;
    const audience = audienceFor(member);
    if (audience === 'console') {
      // a participant just became a co-host: switch this device to the console
      if (a.audience !== 'console') this.sendWhole(connId);
      return;
    }
    if (a.audience === 'participant' && a.sentVersion === state.version && a.countsKey === key) return;
    a.audience = 'participant';
    a.countsKey = key;
    a.sentVersion = state.version;
    a.conn.send('view', participantView(shared, state, member, rooms));
    this.closeIfTurnedAway(a, member);
  }

  /** A removed or declined person's device is told why, then closed. */
  private closeIfTurnedAway(a: Attached, member: Member): void {
    if (member.status === 'removed' || member.status === 'declined') {
      a.conn.send('notice', {
        kind: member.status,
        message:
          member.status === 'removed'
            ? 'You were removed from this workshop. If you think this is a mistake, contact the facilitator.'
            : 'The host did not let you into this workshop. Contact the facilitator if you expected to join.',
      });
      a.conn.close();
    }
  }

  private flushConsoles(): void {
    this.consoleTimer = null;
    if (!this.consoleDirty) return;
    this.lastConsoleFlush = this.clock();
    this.consoleSeq += 1;
    const state = this.getState();
    const extras = this.extras(false);
    const patch = consolePatch(state, this.consoleSeq, this.consoleMembers, extras.presenceOf, {
      breakouts: this.consoleBreakouts,
      notesOf: this.consoleNotes,
      record: this.consoleRecord,
      cafe: this.consoleCafe,
      cafeNotesOf: this.consoleCafeNotes,
      polls: this.consolePolls ? this.tallies() : null,
      turnsAt: this.consoleTurns ? this.clock() : null,
      agenda: this.consoleAgenda,
    });
    const whole = this.consolesWhole;
    this.consoleDirty = false;
    this.consolesWhole = false;
    this.consoleMembers = new Set();
    this.consoleBreakouts = this.consoleRecord = this.consoleCafe = this.consolePolls = this.consoleTurns = this.consoleAgenda = false;
    this.consoleNotes = new Set();
    this.consoleCafeNotes = new Set();
    for (const [connId, a] of this.attached) {
      const member = state.members[a.memberId];
      if (!member || audienceFor(member) !== 'console') {
        // a co-host who became a participant again gets a participant view
        if (a.audience === 'console') this.sendWhole(connId);
        continue;
      }
      if (a.audience !== 'console' || whole) this.sendWhole(connId);
      else a.conn.send('console.patch', patch);
    }
  }

  private *connectionsFor(memberIds: Set<string>): Iterable<string> {
    for (const id of memberIds) yield* this.byMember.get(id) ?? [];
  }
}

function countsKey(shared: ParticipantShared): string {
  return `${shared.counts.present}|${shared.counts.hands}|${shared.facilitators.map((f) => f.id).join(',')}`;
}
