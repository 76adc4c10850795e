import type { Problem } from './problem.ts';
import type { LowerBound } from './types.ts';

const choose2 = (k: number) => (k * (k - 1)) / 2;

/** Fewest pairs sharing an earlier table when `size` people come from `tables` earlier tables. */
export function evenSplitPairs(size: number, tables: number): number {
  const q = Math.floor(size / tables);
  const rem = size % tables;
  return rem * choose2(q + 1) + (tables - rem) * choose2(q);
}

/**
 * Counting lower bounds on repeat meetings in the planned rounds. Each holds for every schedule
 * with these table sizes and hosts, so a plan can be judged against them:
 * - pairs: pair-slots the rounds use minus the pairs that have not met yet (two hosts never can);
 * - perPerson: someone who sits with more people than they have left to meet repeats the excess
 *   (guest-guest repeats have two ends, so those are halved; with hosts, host-guest repeats are
 *   counted from either side and added);
 * - pigeonhole: a table with more seats than there are tables takes two people who sat together
 *   in the round before.
 * `alreadyRepeats` (repeats in played rounds) is added to the value.
 */
export function lowerBound(p: Problem, alreadyRepeats = 0): LowerBound {
  const { n, sizes, isHost, prior } = p;
  const rounds = sizes.length;
  const hosts = p.priorVisits !== null;
  let available = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) if (prior[a * n + b] === 0 && !(isHost[a] && isHost[b])) available++;
  }
  let slots = 0;
  for (const round of sizes) for (const s of round) slots += choose2(s);
  const pairs = Math.max(0, slots - available);

  // Per person. Tablemates per round at the smaller table size, plus one more for each round at a
  // larger table, the extras spread as kindly as possible (a relaxation, so the bound holds
  // whichever tables are the larger ones). With hosts the pairs split into guest-guest pairs (two
  // guest ends per repeat) and host-guest pairs (one host end and one guest end per repeat): a
  // guest meets exactly one host per round, so more rounds than unmet hosts repeats a host.
  const hostSeat = hosts ? 1 : 0;
  let guestBase = 0;
  let guestExtras = 0;
  let hostBase = 0;
  let hostExtras = 0;
  for (const round of sizes) {
    const min = Math.min(...round);
    guestBase += min - 1 - hostSeat;
    hostBase += min - 1;
    for (const s of round) {
      if (s === min) continue;
      guestExtras += s - hostSeat;
      hostExtras += 1;
    }
  }
  let guestEnds = 0;
  let guestRoom = 0;
  let hostEnds = 0;
  let hostRoom = 0;
  let hostRepeatsSeenByGuests = 0;
  for (let i = 0; i < n; i++) {
    let unmetHosts = 0;
    let unmetOthers = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || prior[i * n + j] !== 0) continue;
      if (hosts && isHost[j]) unmetHosts++;
      else unmetOthers++;
    }
    if (isHost[i]) {
      hostEnds += Math.max(0, hostBase - unmetOthers);
      hostRoom += Math.min(rounds, Math.max(0, unmetOthers - hostBase));
    } else {
      if (hosts) hostRepeatsSeenByGuests += Math.max(0, rounds - unmetHosts);
      guestEnds += Math.max(0, guestBase - unmetOthers);
      guestRoom += Math.min(rounds, Math.max(0, unmetOthers - guestBase));
    }
  }
  guestEnds += Math.max(0, guestExtras - guestRoom);
  hostEnds += hosts ? Math.max(0, hostExtras - hostRoom) : 0;
  const perPerson = Math.max(hostRepeatsSeenByGuests, hostEnds) + Math.ceil(guestEnds / 2);

  let pigeonhole = 0;
  for (let r = 1; r < rounds; r++) for (const s of sizes[r]!) pigeonhole += evenSplitPairs(s, sizes[r - 1]!.length);

  return { pairs, perPerson, pigeonhole, value: alreadyRepeats + Math.max(pairs, perPerson, pigeonhole) };
}
