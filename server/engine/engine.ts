import type { Logger } from 'pino';
import type { CreateWorkshopResponse } from '../../shared/http.ts';
import type { ProfileField } from '../../shared/profile.ts';
import { CodeTakenError, type EventStore } from '../store/event-store.ts';
import { WorkshopActor, type ActorDeps } from './actor.ts';
import { replay } from './reducer.ts';
import { hashSecret, newJoinCode, newMemberId, newSecret, newWorkshopId } from './secrets.ts';
import { EMPTY_STATE } from './state.ts';

export type NewWorkshop = {
  title: string;
  description: string;
  profileFields: ProfileField[];
  waitingRoom: boolean;
  hostName?: string | undefined;
};

/**
 * Finds, loads and creates workshop actors. Holds no workshop state itself: everything is rebuilt
 * from the store, so a restart (or later, another node) brings back the same workshops.
 */
export class Engine {
  private actors = new Map<string, Promise<WorkshopActor | null>>();

  constructor(private readonly deps: ActorDeps) {}

  async create({ hostName, ...input }: NewWorkshop): Promise<CreateWorkshopResponse> {
    const id = newWorkshopId();
    const hostKey = newSecret(24);
    const cohostKey = newSecret(18);
    const host = {
      id: newMemberId(),
      name: hostName || 'Facilitator',
      role: 'host' as const,
      profile: {},
      // The host's resume token is the host key itself: the host link is how the host comes back.
      tokenHash: hashSecret(hostKey),
      status: 'admitted' as const,
    };
    for (let attempt = 0; ; attempt++) {
      const code = newJoinCode();
      try {
        const events = await this.deps.store.create(
          { id, code },
          [{ type: 'workshop.created', id, code, cohostKey, host, ...input }],
          this.deps.clock(),
        );
        this.actors.set(id, Promise.resolve(new WorkshopActor(replay(events, EMPTY_STATE), this.deps)));
        this.deps.log.info({ workshopId: id }, 'workshop created');
        return { workshopId: id, code, hostKey, cohostKey };
      } catch (error) {
        // 31^6 ≈ 887 million codes: a clash is rare, several in a row mean something else is wrong
        if (!(error instanceof CodeTakenError) || attempt >= 5) throw error;
      }
    }
  }

  /** The workshop's actor, loaded from the store on first use; null if there is no such workshop. */
  get(workshopId: string): Promise<WorkshopActor | null> {
    let actor = this.actors.get(workshopId);
    if (!actor) {
      actor = this.load(workshopId);
      this.actors.set(workshopId, actor);
      // don't cache "not found": the id may be created later (or by another node)
      actor.then((a) => a ?? this.actors.delete(workshopId)).catch(() => this.actors.delete(workshopId));
    }
    return actor;
  }

  async findByCode(code: string): Promise<WorkshopActor | null> {
    const id = await this.deps.store.findByCode(code);
    return id ? this.get(id) : null;
  }

  /** On boot: rebuild every workshop active since `since`, so their deadlines fire and re-arm. */
  async restoreActive(since: number): Promise<number> {
    const ids = await this.deps.store.activeSince(since);
    // one damaged workshop must not stop the others from coming back
    const results = await Promise.allSettled(ids.map((id) => this.get(id)));
    results.forEach((r, i) => {
      if (r.status === 'rejected') this.deps.log.error({ err: r.reason, workshopId: ids[i] }, 'could not restore workshop');
    });
    return results.filter((r) => r.status === 'fulfilled' && r.value).length;
  }

  /**
   * Deletes the workshop and everything stored about it (not hidden: gone). Everyone connected is
   * told and let go first. False if there was no such workshop.
   */
  async delete(workshopId: string, reason: 'host' | 'retention' = 'host'): Promise<boolean> {
    const message =
      reason === 'host'
        ? undefined
        : 'This workshop has ended and was deleted, as this server deletes workshops after a set time. Nothing from it is kept.';
    const closeLoaded = async () => {
      const loaded = this.actors.get(workshopId);
      if (!loaded) return;
      this.actors.delete(workshopId);
      (await loaded.catch(() => null))?.closeForDeletion(message);
    };
    await closeLoaded();
    const existed = await this.deps.store.exists(workshopId);
    if (existed) await this.deps.store.delete(workshopId);
    // someone who opened it while it was being deleted is let go as well
    await closeLoaded();
    if (existed) this.deps.log.info({ workshopId }, 'workshop deleted');
    return existed;
  }

  async stop(): Promise<void> {
    for (const actor of this.actors.values()) (await actor.catch(() => null))?.stop();
    this.actors.clear();
  }

  private async load(workshopId: string): Promise<WorkshopActor | null> {
    if (!(await this.deps.store.exists(workshopId))) return null;
    // snapshots written before a feature existed lack its part of the state: start those parts empty
    const snapshot = { ...EMPTY_STATE, ...(await this.deps.store.loadSnapshot(workshopId)) };
    const state = replay(await this.deps.store.read(workshopId, snapshot.version), snapshot);
    return new WorkshopActor(state, this.deps);
  }
}
