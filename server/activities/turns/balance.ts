import type { BalancePerson, RoomBalanceSummary } from '../../../shared/turns.ts';
import { speakingFigures } from './airtime.ts';
import type { RoomContext, RoomTurns } from './state.ts';

/**
 * How evenly a room's speaking time is spread: 1 - Gini, in [0, 1]. 1 is perfectly even; 0 is one
 * person doing all the talking.
 *
 * We use the Gini coefficient normalised by n/(n-1). The plain coefficient can never exceed
 * (n-1)/n, so a pair where one person did all the talking would score 0.5 and a plenary of 40
 * would score 0.025: rooms of different sizes side by side would not be comparable. Normalised,
 * "one person spoke, nobody else did" scores 0 in every room size.
 *
 * Edge cases: nobody in the room, one person, or nobody has spoken yet → 1 (nothing is uneven yet).
 * Negative inputs are treated as 0.
 */
export function balanceScore(values: readonly number[]): number {
  const xs = values.map((v) => Math.max(0, v)).sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((s, v) => s + v, 0);
  if (n < 2 || total <= 0) return 1;
  // Σi Σj |xi - xj| over sorted xs, paired from both ends so that equal values give exactly 0
  let weighted = 0;
  for (let i = 0; i < Math.floor(n / 2); i++) weighted += (n - 1 - 2 * i) * (xs[n - 1 - i]! - xs[i]!);
  const gini = weighted / ((n - 1) * total);
  return clamp01(1 - gini);
}

/** Each value's share of the total, in [0, 1]; all 0 while the total is 0. */
export function shares(values: readonly number[]): number[] {
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  return values.map((v) => (total > 0 ? clamp01(Math.max(0, v) / total) : 0));
}

export type RoomBalance = { summary: RoomBalanceSummary; people: BalancePerson[] };

/**
 * The balance among the people in the room now (someone who left no longer counts: this is about
 * who can still be heard). People are listed most speaking time first, then by name.
 */
export function roomBalance(room: RoomTurns, ctx: RoomContext, roomId: string, now: number): RoomBalance {
  const rows = [...ctx.members].map(([memberId, m]) => ({ memberId, name: m.name, ...speakingFigures(room, memberId, now) }));
  const spoken = rows.map((r) => r.spokenMs);
  const share = shares(spoken);
  const people: BalancePerson[] = rows.map((r, i) => ({
    memberId: r.memberId,
    name: r.name,
    spokenMs: r.spokenMs,
    share: share[i]!,
    turns: r.turns,
    overrunMs: r.overrunMs,
  }));
  people.sort((a, b) => b.spokenMs - a.spokenMs || a.name.localeCompare(b.name) || (a.memberId < b.memberId ? -1 : 1));
  return {
    summary: {
      roomId,
      peopleCount: rows.length,
      notSpoken: spoken.filter((ms) => ms <= 0).length,
      totalMs: spoken.reduce((s, v) => s + v, 0),
      score: balanceScore(spoken),
      shares: [...share].sort((a, b) => b - a),
    },
    people,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
