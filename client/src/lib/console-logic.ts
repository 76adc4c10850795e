import type { ConsoleMember, ConsoleView, Presence, Role } from '../../../shared/index.ts';

/** The console's lists, derived from one console view. Pure: unit tested without a browser. */

const ROLE_ORDER: Record<Role, number> = { host: 0, cohost: 1, participant: 2 };
const PRESENCE_ORDER: Record<Presence, number> = { online: 0, reconnecting: 1, left: 2 };

const byName = (a: ConsoleMember, b: ConsoleMember) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** People in the workshop: facilitators first, then by presence (online first), then by name. */
export function admittedPeople(members: readonly ConsoleMember[]): ConsoleMember[] {
  return members
    .filter((m) => m.status === 'admitted')
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || byName(a, b),
    );
}

/** The waiting room, first come first served. */
export function waitingPeople(members: readonly ConsoleMember[]): ConsoleMember[] {
  return members.filter((m) => m.status === 'waiting').sort((a, b) => a.joinedAt - b.joinedAt || byName(a, b));
}

/** Removed and declined people, who can be let back in. */
export function turnedAway(members: readonly ConsoleMember[]): ConsoleMember[] {
  return members.filter((m) => m.status === 'removed' || m.status === 'declined').sort(byName);
}

export type HandInQueue = { position: number; memberId: string; name: string; raisedAt: number };

/** Raised hands in the order they were raised, with names (a hand whose person is unknown is skipped). */
export function handsQueue(view: Pick<ConsoleView, 'hands' | 'members'>): HandInQueue[] {
  const names = new Map(view.members.map((m) => [m.id, m.name]));
  const queue: HandInQueue[] = [];
  for (const h of [...view.hands].sort((a, b) => a.raisedAt - b.raisedAt)) {
    const name = names.get(h.memberId);
    if (name === undefined) continue;
    queue.push({ position: queue.length + 1, memberId: h.memberId, name, raisedAt: h.raisedAt });
  }
  return queue;
}

export type ConsoleCounts = { online: number; total: number; participants: number; waiting: number; hands: number };

/** "12 online of 14": admitted people only; waiting people are counted on their own. */
export function consoleCounts(view: Pick<ConsoleView, 'hands' | 'members'>): ConsoleCounts {
  let online = 0;
  let total = 0;
  let participants = 0;
  let waiting = 0;
  for (const m of view.members) {
    if (m.status === 'waiting') waiting++;
    if (m.status !== 'admitted') continue;
    total++;
    if (m.role === 'participant') participants++;
    if (m.presence === 'online') online++;
  }
  return { online, total, participants, waiting, hands: view.hands.length };
}

export type MemberActions = { setRole: 'cohost' | 'participant' | null; remove: boolean };

/** What the viewer may do to a member; the server checks again, this only decides what to show. */
export function memberActions(viewer: { id: string; role: Role }, member: ConsoleMember): MemberActions {
  const self = viewer.id === member.id;
  if (self || member.role === 'host' || member.status !== 'admitted') return { setRole: null, remove: false };
  const setRole = viewer.role === 'host' ? (member.role === 'cohost' ? 'participant' : 'cohost') : null;
  const remove = viewer.role === 'host' || (viewer.role === 'cohost' && member.role === 'participant');
  return { setRole, remove };
}

/** "Refugee Aid · Jordan": a member's answers in the order of the workshop's questions. */
export function profileSummary(fields: readonly { id: string }[], profile: Readonly<Record<string, string>>): string {
  return fields
    .map((f) => profile[f.id]?.trim())
    .filter((v): v is string => Boolean(v))
    .join(' · ');
}
