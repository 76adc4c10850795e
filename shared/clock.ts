/**
 * Clock offset estimation (Cristian's method): the client sends its time t0, the server answers
 * with its time ts, the client notes t1 on arrival. Assuming symmetric delay, the server clock read
 * ts at client time (t0 + t1) / 2. The sample with the shortest round trip bounds the error best.
 */
export type ClockSample = { t0: number; server: number; t1: number };

export type ClockEstimate = { offsetMs: number; rttMs: number; samples: number };

export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (s.t1 < s.t0) continue; // the local clock jumped backwards mid-sample; ignore it
    if (!best || s.t1 - s.t0 < best.t1 - best.t0) best = s;
  }
  if (!best) return null;
  return {
    offsetMs: best.server - (best.t0 + best.t1) / 2,
    rttMs: best.t1 - best.t0,
    samples: samples.length,
  };
}

/** The server's "now" as this client best knows it. */
export function serverNow(localNow: number, estimate: ClockEstimate | null): number {
  return localNow + (estimate?.offsetMs ?? 0);
}
