import type { Socket } from 'socket.io-client';
import type { ParticipantView } from '../../shared/views.ts';
import { sleep } from './stats.ts';

/**
 * Measures one facilitator action reaching every client: when each client first receives a view
 * that shows it, and the bytes and messages each received meanwhile. Shared by the benchmarks that
 * compare Indaba with a bare Socket.IO server sending the same views.
 */

type Round = {
  /** The view that counts as "arrived" for this round. */
  arrived: (view: ParticipantView) => boolean;
  t0: number;
  latency: Float64Array;
  got: number;
  received: unknown[][][];
  views: (ParticipantView | undefined)[];
  done: () => void;
};

export type PressResult = {
  latency: Float64Array;
  missing: number;
  bytes: number;
  viewBytes: number;
  messages: number;
  ackMs: number;
  views: (ParticipantView | undefined)[];
};

/** Listens on each client once; the open round (if any) collects what they receive. */
export class Meter {
  current: Round | null = null;
  lastMessageAt = 0;

  constructor(readonly sockets: Socket[]) {
    sockets.forEach((socket, i) => {
      socket.onAny((event: string, ...args: unknown[]) => {
        this.lastMessageAt = performance.now();
        this.current?.received[i]!.push([event, ...args]);
      });
      socket.on('view', (view: ParticipantView) => {
        const r = this.current;
        if (!r || r.latency[i]! >= 0 || !r.arrived(view)) return;
        r.latency[i] = performance.now() - r.t0;
        r.views[i] = view;
        if (++r.got === sockets.length) r.done();
      });
    });
  }

  /** Resolves once nothing has arrived for `quietMs` (or after `maxMs`). */
  async quiet(quietMs: number, maxMs: number): Promise<void> {
    const start = performance.now();
    while (performance.now() - Math.max(this.lastMessageAt, start) < quietMs && performance.now() - start < maxMs) await sleep(50);
  }

  async measure(arrived: (view: ParticipantView) => boolean, trigger: (acked: () => void) => void, timeoutMs: number, settleMs: number): Promise<PressResult> {
    const n = this.sockets.length;
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const r: Round = {
      arrived,
      t0: 0,
      latency: new Float64Array(n).fill(-1),
      got: 0,
      received: Array.from({ length: n }, () => []),
      views: new Array(n),
      done,
    };
    let ackMs = Number.NaN;
    this.current = r;
    r.t0 = performance.now();
    trigger(() => (ackMs = performance.now() - r.t0));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    // anything else the press causes (a second view, counts) lands in the next moments
    await sleep(settleMs);
    this.current = null;

    const latency = r.latency.filter((x) => x >= 0);
    let bytes = 0;
    let viewBytes = 0;
    let messages = 0;
    for (const list of r.received) {
      messages += list.length;
      let first = true;
      for (const message of list) {
        const size = Buffer.byteLength(JSON.stringify(message));
        bytes += size;
        if (first && message[0] === 'view' && arrived(message[1] as ParticipantView)) {
          viewBytes += size;
          first = false;
        }
      }
    }
    return { latency, missing: n - latency.length, bytes: bytes / n, viewBytes: viewBytes / n, messages: messages / n, ackMs, views: r.views };
  }
}
