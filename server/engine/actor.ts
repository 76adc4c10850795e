import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { Command, CommandResult } from '../../shared/commands.ts';
import { failure, type Ack, type ErrorBody } from '../../shared/errors.ts';
import type { ProfileValues } from '../../shared/profile.ts';
import type { SessionResult } from '../../shared/session.ts';
import type { EventStore } from '../store/event-store.ts';
import { VersionConflictError } from '../store/event-store.ts';
import type { Connection } from './connection.ts';
import { newcomerEvents } from '../activities/breakouts/late.ts';
import { seatNewcomers } from '../activities/cafe/decide.ts';
import { turnLeaveEvents } from '../activities/turns/leaving.ts';
import { harvestOf } from '../activities/harvest.ts';
import { buildTallies, tallyPollEvent, type PollTallies } from '../activities/polls/aggregate.ts';
import { isPollEvent } from '../activities/polls/events.ts';
import { pollExportJson, pollResponsesCsv, pollResultsCsv } from '../activities/polls/export.ts';
import type { PollExportFile, PollExportRequest } from '../../shared/polls.ts';
import type { HarvestRound } from '../../shared/breakouts.ts';
import { decide, decideDue, nextDeadline, type Fresh } from './decide.ts';
import type { HarvestFile, HarvestFormat, HarvestRecord } from '../../shared/harvest.ts';
import { harvestRecord } from '../activities/harvest/record.ts';
import { levelOf, participantHarvestRounds, pollArea } from '../activities/harvest/privacy.ts';
import { harvestFile } from '../activities/harvest/export.ts';
import { FORGOTTEN_NAME, forgetMemberInEvent } from '../retention/forget.ts';
import type { EventBody, StoredEvent } from './events.ts';
import { ViewDelivery, type DeliveryTiming } from './delivery.ts';
import { PresenceTracker } from './presence.ts';
import { apply } from './reducer.ts';
import { hashSecret, newMemberId, newSecret, sameSecret } from './secrets.ts';
import { decideCohostJoin, decideJoin, refusedReason } from './sessions.ts';
import type { WorkshopState } from './state.ts';

export type ActorDeps = {
  store: EventStore;
  clock: () => number;
  log: Logger;
  videoEnabled: boolean;
  timing: DeliveryTiming & { reconnectGraceMs: number; snapshotEvery: number };
};

type Decider = (state: WorkshopState) => { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };

/**
 * The one authority for one workshop. Commands run one at a time: decide (pure) → append to the
 * store → apply (pure) → views. The caller's ack resolves only after the append is durable.
 */
export class WorkshopActor {
  private queue: Promise<unknown> = Promise.resolve();
  private tokenIndex = new Map<string, string>();
  private deadlineTimer: NodeJS.Timeout | null = null;
  private snapshotVersion: number;
  private stopped = false;
  readonly presence: PresenceTracker;
  readonly delivery: ViewDelivery;
  /** Running poll counts, kept in step with the state event by event (rebuilt from it on load). */
  private tallies: PollTallies;

  constructor(
    private state: WorkshopState,
    private readonly deps: ActorDeps,
  ) {
    this.snapshotVersion = state.version;
    this.presence = new PresenceTracker(deps.timing.reconnectGraceMs);
    this.tallies = buildTallies(state.polls);
    this.delivery = new ViewDelivery(() => this.state, this.presence, deps.clock, deps.videoEnabled, deps.timing, () => this.tallies);
    for (const m of Object.values(state.members)) this.tokenIndex.set(m.tokenHash, m.id);
    const expected = Object.values(state.members)
      .filter((m) => m.status === 'admitted')
      .map((m) => m.id);
    this.presence.assumeRecentlySeen(expected, deps.clock());
    // those who do not come back within the grace period turn to "left" on the consoles
    setTimeout(() => {
      if (this.stopped) return;
      for (const id of expected) if (!this.presence.isOnline(id)) this.delivery.presenceChanged(id);
    }, this.presence.grace + 50).unref();
    this.armDeadline();
  }

  get id(): string {
    return this.state.id;
  }

  /** Read-only access for HTTP info pages and tests. */
  get snapshot(): Readonly<WorkshopState> {
    return this.state;
  }

  // ---- sessions -------------------------------------------------------------------------------

  join(input: { name: string; profile: ProfileValues; previousToken?: string }): Promise<Ack<SessionResult>> {
    return this.serial(async () => {
      const token = newSecret();
      const previousId = input.previousToken ? this.tokenIndex.get(hashSecret(input.previousToken)) : undefined;
      const joiner = { id: newMemberId(), name: input.name, profile: input.profile, tokenHash: hashSecret(token) };
      const result = await this.execute((s) => decideJoin(s, joiner, previousId ? s.members[previousId] : undefined));
      if (!result.ok) return result;
      return { ok: true, data: { workshopId: this.id, memberId: joiner.id, role: 'participant', resumeToken: token } };
    });
  }

  joinAsCohost(input: { cohostKey: string; name: string; profile: ProfileValues }): Promise<Ack<SessionResult>> {
    return this.serial(async () => {
      if (!sameSecret(input.cohostKey, this.state.cohostKey)) {
        return failure('forbidden', 'This co-host link is not valid. Ask the host for a new one.');
      }
      const token = newSecret();
      const joiner = { id: newMemberId(), name: input.name, profile: input.profile, tokenHash: hashSecret(token) };
      const result = await this.execute((s) => decideCohostJoin(s, joiner));
      if (!result.ok) return result;
      return { ok: true, data: { workshopId: this.id, memberId: joiner.id, role: 'cohost', resumeToken: token } };
    });
  }

  /** The same person coming back (reload, new connection): found by their resume token. */
  resume(token: string, options: { hostOnly?: boolean } = {}): Ack<SessionResult> {
    const memberId = this.tokenIndex.get(hashSecret(token));
    const member = memberId ? this.state.members[memberId] : undefined;
    if (!member || (options.hostOnly && member.role !== 'host')) {
      return options.hostOnly
        ? failure('forbidden', 'This host link is not valid for this workshop. Check you copied all of it.')
        : failure('not_found', 'We could not find you in this workshop. Join again with the join link.');
    }
    const refused = refusedReason(member);
    if (refused) return { ok: false, error: refused };
    return { ok: true, data: { workshopId: this.id, memberId: member.id, role: member.role, resumeToken: token } };
  }

  attach(conn: Connection, memberId: string): void {
    const wasOffline = this.presence.connect(memberId);
    this.delivery.attach(conn, memberId);
    if (wasOffline) this.delivery.presenceChanged(memberId);
  }

  detach(connId: string): void {
    const memberId = this.delivery.detach(connId);
    if (!memberId) return;
    if (this.presence.disconnect(memberId, this.deps.clock())) {
      this.delivery.presenceChanged(memberId);
      // "reconnecting" turns into "left" after the grace period: tell the consoles then
      setTimeout(() => {
        if (!this.stopped && !this.presence.isOnline(memberId)) this.delivery.presenceChanged(memberId);
      }, this.presence.grace + 50).unref();
    }
  }

  refresh(connId: string): void {
    this.delivery.sendWhole(connId);
  }

  /** One poll as a file, for facilitators. Anonymous polls' files carry no names (see polls/export.ts). */
  exportPoll(memberId: string, request: PollExportRequest): Ack<PollExportFile> {
    const member = this.state.members[memberId];
    if (!member || member.status !== 'admitted' || member.role === 'participant') {
      return failure('forbidden', 'Only the facilitators can export poll results.');
    }
    const poll = this.state.polls.polls[request.pollId];
    if (!poll) return failure('not_found', 'This poll is no longer there. Refresh the console and try again.');
    // exports hold shareable areas only: answers set to "room only" or "workshop" never leave in a file
    if (levelOf(this.state, pollArea(poll.id)) !== 'shareable') {
      return failure('forbidden', 'This poll is not set to shareable, so its answers are not exported. Make it shareable first (in the poll, or on the harvest page).');
    }
    const nameOf = (id: string) => this.state.members[id]?.name ?? '';
    const roomName = (id: string) => this.state.breakoutRecord.rounds.at(-1)?.rooms.find((r) => r.id === id)?.name ?? this.state.breakouts?.rooms.find((r) => r.id === id)?.name ?? id;
    const base = `poll-${poll.id}`;
    switch (request.format) {
      case 'json':
        return { ok: true, data: { filename: `${base}.json`, mime: 'application/json', text: pollExportJson(poll, nameOf) } };
      case 'results.csv':
        return { ok: true, data: { filename: `${base}-results.csv`, mime: 'text/csv', text: pollResultsCsv(poll, nameOf, roomName) } };
      case 'responses.csv':
        return { ok: true, data: { filename: `${base}-responses.csv`, mime: 'text/csv', text: pollResponsesCsv(poll, nameOf, roomName) } };
    }
  }

  /** What the rooms said, for people inside the workshop (as far as privacy levels let them see); null for anyone not let in. */
  harvest(memberId: string): HarvestRound[] | null {
    const member = this.state.members[memberId];
    if (member?.status !== 'admitted') return null;
    return member.role === 'participant' ? participantHarvestRounds(this.state, memberId) : harvestOf(this.state);
  }

  /** The whole record, every level, for the facilitators' harvest page. */
  harvestRecord(memberId: string): Ack<HarvestRecord> {
    if (!this.isFacilitator(memberId)) return failure('forbidden', 'Only the facilitators can open the harvest page. Ask a host to share what you need.');
    return { ok: true, data: harvestRecord(this.state, this.tallies, this.deps.clock(), { kind: 'facilitators' }) };
  }

  /** The record's shareable parts as a file; areas at other levels are left out and listed as left out. */
  exportHarvest(memberId: string, format: HarvestFormat): Ack<HarvestFile> {
    if (!this.isFacilitator(memberId)) return failure('forbidden', 'Only the facilitators can export the harvest.');
    const record = harvestRecord(this.state, this.tallies, this.deps.clock(), { kind: 'export' });
    return { ok: true, data: harvestFile(record, format, this.state.title) };
  }

  /** Only the host deletes, and only with the join code typed out. */
  mayDelete(memberId: string, confirm: string): Ack<null> {
    const member = this.state.members[memberId];
    if (member?.status !== 'admitted' || member.role !== 'host') return failure('forbidden', 'Only the host can delete this workshop.');
    if (confirm.replace(/[^A-Za-z0-9]/g, '').toUpperCase() !== this.state.code.toUpperCase()) {
      return failure('bad_request', 'That is not this workshop\'s join code. Type the code shown on the page to confirm.');
    }
    return { ok: true, data: null };
  }

  private isFacilitator(memberId: string): boolean {
    const member = this.state.members[memberId];
    return member?.status === 'admitted' && member.role !== 'participant';
  }

  // ---- commands -------------------------------------------------------------------------------

  command(memberId: string, command: Command): Promise<Ack<CommandResult>> {
    return this.serial(async () => {
      const now = this.deps.clock();
      const fresh = lazyFresh((id) => this.presence.of(id, now) !== 'left');
      const forgotten = command.type === 'member.forget' ? this.state.members[command.memberId] : undefined;
      const result = await this.execute((s) => decide(s, memberId, command, this.deps.clock(), fresh));
      if (!result.ok) return result;
      if (forgotten && (forgotten.name !== FORGOTTEN_NAME || Object.keys(forgotten.profile).length > 0)) {
        // not hidden but gone: the stored log itself no longer holds the name or profile
        const { id, name } = forgotten;
        await this.deps.store.rewriteEvents(this.id, (event) => forgetMemberInEvent(event, id, name, FORGOTTEN_NAME));
        this.snapshotVersion = 0;
      }
      return { ok: true, data: { version: this.state.version } };
    });
  }

  /** The workshop was deleted: everyone connected is told and let go, and nothing more runs. */
  closeForDeletion(message = 'This workshop was deleted by its host. Nothing from it is kept.'): void {
    this.delivery.closeAll({ kind: 'workshop_gone', message });
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.delivery.stop();
  }

  // ---- internals ------------------------------------------------------------------------------

  /** Runs `task` after every earlier task of this workshop has finished. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Decide against the current state and make the events durable. If another writer moved the log
   * on (a second node, later), catch up and decide again.
   */
  private async execute(decider: Decider): Promise<{ ok: true } | { ok: false; error: ErrorBody }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const decision = decider(this.state);
      if (!decision.ok) return decision;
      if (decision.events.length === 0) return { ok: true };
      // people let in while rooms are open go straight to a room, in the same durable write
      const events = [
        ...decision.events,
        ...newcomerEvents(this.state, decision.events),
        ...seatNewcomers(this.state, decision.events),
        ...turnLeaveEvents(this.state, decision.events, this.deps.clock()),
      ];
      try {
        const stored = await this.deps.store.append(this.id, this.state.version, events, this.deps.clock());
        this.applyStored(stored);
        return { ok: true };
      } catch (error) {
        if (error instanceof VersionConflictError) {
          try {
            this.applyStored(await this.deps.store.read(this.id, this.state.version));
            continue;
          } catch (readError) {
            error = readError;
          }
        }
        this.deps.log.error({ err: error, workshopId: this.id }, 'append failed');
        return failure('server_error', 'The server could not save that. Please try again in a moment.');
      }
    }
    return failure('conflict', 'The workshop changed while you were doing that. Please try again.');
  }

  private applyStored(stored: readonly StoredEvent[]): void {
    if (stored.length === 0) return;
    const before = this.state;
    for (const event of stored) {
      const polls = this.state.polls;
      this.state = apply(this.state, event);
      if (isPollEvent(event)) tallyPollEvent(this.tallies, polls, this.state.polls, event);
      if (event.type === 'member.joined') this.tokenIndex.set(event.member.tokenHash, event.member.id);
    }
    this.delivery.eventsApplied(stored, before);
    this.armDeadline();
    if (this.state.version - this.snapshotVersion >= this.deps.timing.snapshotEvery) {
      this.snapshotVersion = this.state.version;
      this.deps.store.saveSnapshot(this.id, this.state).catch((err: unknown) => {
        this.deps.log.warn({ err, workshopId: this.id }, 'snapshot failed; the log still has everything');
      });
    }
  }

  private retryDeadline(): void {
    if (this.stopped) return;
    setTimeout(() => this.armDeadline(), 1_000).unref();
  }

  /** One timer per workshop, for the earliest deadline in its state. Passed deadlines fire at once. */
  private armDeadline(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
    const at = nextDeadline(this.state);
    if (at === null || this.stopped) return;
    const wait = Math.min(Math.max(0, at - this.deps.clock()), 2 ** 31 - 1);
    this.deadlineTimer = setTimeout(() => {
      this.deadlineTimer = null;
      this.serial(async () => {
        const now = this.deps.clock();
        const result = await this.execute((s) => ({ ok: true, events: decideDue(s, now, (id) => this.presence.of(id, now) !== 'left') }));
        // a deadline not due yet (clock drift) is re-armed; one that failed to save is retried
        if (result.ok) this.armDeadline();
        else this.retryDeadline();
      }).catch((err: unknown) => {
        this.deps.log.error({ err, workshopId: this.id }, 'deadline failed; retrying');
        this.retryDeadline();
      });
    }, wait);
  }
}

/**
 * Fresh random values for one decision, made only if the decision asks for them: most commands
 * (a poll answer, a raised hand) need none, and 2,000 answers should not draw 2,000 keys.
 */
function lazyFresh(here: (memberId: string) => boolean): Fresh {
  let cohostKey: string | undefined;
  let pollId: string | undefined;
  let seed: number | undefined;
  return {
    get cohostKey() {
      return (cohostKey ??= newSecret(18));
    },
    get pollId() {
      return (pollId ??= newSecret(9));
    },
    get seed() {
      return (seed ??= randomInt(2 ** 31));
    },
    here,
    random: Math.random,
  };
}
