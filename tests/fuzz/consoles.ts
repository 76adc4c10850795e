/** Comparing facilitator consoles and checking what must hold in any of them. */
import type { ConsoleView } from '../../shared/views.ts';

/** A console as a comparable string: what a facilitator sees, without per-viewer and per-message fields. */
export function consoleKey(c: ConsoleView): string {
  return JSON.stringify({
    version: c.version,
    settings: c.settings,
    now: c.now,
    announcement: c.announcement,
    timer: c.timer,
    hands: c.hands,
    workshop: c.workshop,
    members: [...c.members].sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
}

/** Invariants of any console: no member twice, hands unique and each an admitted participant's. */
export function consoleInvariantProblems(c: ConsoleView, label: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const m of c.members) {
    if (ids.has(m.id)) problems.push(`${label}: member ${m.id} listed twice`);
    ids.add(m.id);
  }
  const byId = new Map(c.members.map((m) => [m.id, m]));
  const raised = new Set<string>();
  for (const h of c.hands) {
    if (raised.has(h.memberId)) problems.push(`${label}: hand of ${h.memberId} in the queue twice`);
    raised.add(h.memberId);
    const m = byId.get(h.memberId);
    if (!m) problems.push(`${label}: hand of ${h.memberId}, who is not a member`);
    else if (m.role !== 'participant' || m.status !== 'admitted') {
      problems.push(`${label}: hand of ${m.name} (${m.role}, ${m.status}) in the queue`);
    }
    if (m && m.handRaisedAt !== h.raisedAt) problems.push(`${label}: ${m.name}'s handRaisedAt ${m.handRaisedAt} ≠ queue's ${h.raisedAt}`);
  }
  for (const m of c.members) {
    if (m.handRaisedAt !== null && !raised.has(m.id)) problems.push(`${label}: ${m.name} has handRaisedAt but is not in the queue`);
  }
  return problems;
}

export function consoleKeyOfMembers(c: ConsoleView): string {
  return JSON.stringify(c.members.map((m) => [m.id, m.role, m.status]).sort());
}

export function firstDifference(a: ConsoleView | null, b: ConsoleView | null): string {
  if (!a || !b) return `missing console (${a ? 'fresh' : 'patched'})`;
  for (const k of ['version', 'settings', 'now', 'announcement', 'timer', 'hands', 'workshop'] as const) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return `${k}: patched ${JSON.stringify(a[k])?.slice(0, 200)} vs fresh ${JSON.stringify(b[k])?.slice(0, 200)}`;
  }
  const fresh = new Map(b.members.map((m) => [m.id, m]));
  for (const m of a.members) {
    const f = fresh.get(m.id);
    if (JSON.stringify(m) !== JSON.stringify(f)) return `member ${m.id}: patched ${JSON.stringify(m)} vs fresh ${JSON.stringify(f)}`;
  }
  return `member counts ${a.members.length} vs ${b.members.length}`;
}
