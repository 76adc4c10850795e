import type { Presence } from '../../shared/views.ts';

/**
 * Who is connected right now. Ephemeral by design: never logged, rebuilt as people reconnect.
 * Someone whose last connection dropped less than `graceMs` ago is "reconnecting", then "left".
 */
export class PresenceTracker {
  private connections = new Map<string, number>();
  private lastSeen = new Map<string, number>();

  constructor(private readonly graceMs: number) {}

  /** Returns true when this made the person go from not online to online. */
  connect(memberId: string): boolean {
    const count = this.connections.get(memberId) ?? 0;
    this.connections.set(memberId, count + 1);
    return count === 0;
  }

  /** Returns true when this was the person's last connection. */
  disconnect(memberId: string, now: number): boolean {
    const count = (this.connections.get(memberId) ?? 0) - 1;
    if (count > 0) {
      this.connections.set(memberId, count);
      return false;
    }
    this.connections.delete(memberId);
    this.lastSeen.set(memberId, now);
    return true;
  }

  /** After a restart everyone who was in is expected back soon: show them as reconnecting. */
  assumeRecentlySeen(memberIds: Iterable<string>, now: number): void {
    for (const id of memberIds) if (!this.connections.has(id)) this.lastSeen.set(id, now);
  }

  of(memberId: string, now: number): Presence {
    if ((this.connections.get(memberId) ?? 0) > 0) return 'online';
    const seen = this.lastSeen.get(memberId);
    return seen !== undefined && now - seen < this.graceMs ? 'reconnecting' : 'left';
  }

  isOnline(memberId: string): boolean {
    return (this.connections.get(memberId) ?? 0) > 0;
  }

  get grace(): number {
    return this.graceMs;
  }
}
