/**
 * Helpers for the polls bench (polls.ts): an answer burst from many sockets with per-answer ack
 * latency, a recorder for what chosen sockets receive, and deterministic word-cloud answers.
 */
import { connectAll } from './sockets.ts';
import type { Socket } from 'socket.io-client';
import { sleep } from './stats.ts';

/** What one burst of answers gave. Latency is emit → ack, for ok acks only. */
export type BurstResult = {
  sent: number;
  ok: number;
  latency: Float64Array;
  /** Refusals by error code (e.g. rate_limited, conflict). */
  refused: Record<string, number>;
  /** No ack within the timeout. */
  missing: number;
  /** performance.now() of the first emit and of the last ack (any ack). */
  firstEmit: number;
  lastAck: number;
  /** ok acks per second, from the first emit to the last ack. */
  answersPerSecond: number;
};

type AckBody = { ok: boolean; error?: { code?: string } };

/**
 * Every socket emits `command` with its own payload, all at once (spreadMs 0: one synchronous loop)
 * or evenly over `spreadMs`. Each emit's clock starts just before that emit.
 */
export async function burst(sockets: readonly Socket[], payloadOf: (i: number) => unknown, spreadMs: number, timeoutMs: number): Promise<BurstResult> {
  const n = sockets.length;
  const payloads = sockets.map((_, i) => payloadOf(i));
  const sentAt = new Float64Array(n);
  const latency = new Float64Array(n).fill(-1);
  const refused: Record<string, number> = {};
  let answered = 0;
  let lastAck = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const emit = (i: number) => {
    sentAt[i] = performance.now();
    sockets[i]!.emit('command', payloads[i], (ack: AckBody) => {
      const t = performance.now();
      lastAck = t;
      if (ack?.ok) latency[i] = t - sentAt[i]!;
      else {
        const code = ack?.error?.code ?? 'malformed_ack';
        refused[code] = (refused[code] ?? 0) + 1;
      }
      if (++answered === n) done();
    });
  };
  const firstEmit = performance.now();
  if (spreadMs <= 0) {
    for (let i = 0; i < n; i++) emit(i);
  } else {
    // person i answers at firstEmit + i·spread/n; a 2 ms tick sends whoever is due
    let next = 0;
    while (next < n) {
      const due = Math.min(n, Math.floor(((performance.now() - firstEmit) / spreadMs) * n) + 1);
      while (next < due) emit(next++);
      if (next < n) await sleep(2);
    }
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  const okLatency = latency.filter((x) => x >= 0);
  const refusedCount = Object.values(refused).reduce((s, c) => s + c, 0);
  const seconds = (lastAck - firstEmit) / 1000;
  return {
    sent: n,
    ok: okLatency.length,
    latency: okLatency,
    refused,
    missing: n - okLatency.length - refusedCount,
    firstEmit,
    lastAck,
    answersPerSecond: seconds > 0 ? okLatency.length / seconds : Number.NaN,
  };
}

/** One message as received: when, the event and its arguments (sizes are worked out afterwards). */
export type Received = { t: number; event: string; args: unknown[] };

/** Keeps references to what the given sockets receive while recording (cheap during a burst). */
export class Recorder {
  private recording = false;
  readonly lists: Received[][];

  constructor(sockets: readonly Socket[]) {
    this.lists = sockets.map(() => []);
    sockets.forEach((socket, i) => {
      socket.onAny((event: string, ...args: unknown[]) => {
        if (this.recording) this.lists[i]!.push({ t: performance.now(), event, args });
      });
    });
  }

  start(): void {
    for (const list of this.lists) list.length = 0;
    this.recording = true;
  }

  stop(): Received[][] {
    this.recording = false;
    return this.lists.map((list) => list.splice(0));
  }
}

/** Wire-ish size of one received message: the JSON Socket.IO sends, without its few framing bytes. */
export const sizeOf = (m: Received): number => Buffer.byteLength(JSON.stringify([m.event, ...m.args]));


/** A small seeded PRNG (mulberry32): the same words every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = ['trust', 'hope', 'tired', 'curious', 'connected', 'energised', 'listening', 'solidarity', 'learning', 'overwhelmed',
  'grateful', 'inspired', 'safety', 'voice', 'community', 'change', 'patience', 'courage', 'home', 'belonging'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Three distinct words per person, as a crowd types them: one common word (skewed towards the first
 * few, in varied case and spacing, so normalisation has work to do) and two random ones (4–10 letters,
 * nearly all different across the crowd: thousands of distinct words at 2,000 people).
 */
export function wordsFor(count: number, seed = 42): string[][] {
  const random = prng(seed);
  const randomWord = () => {
    const length = 4 + Math.floor(random() * 7);
    let w = '';
    for (let i = 0; i < length; i++) w += LETTERS[Math.floor(random() * LETTERS.length)];
    return w;
  };
  const forms = [(w: string) => w, (w: string) => w[0]!.toUpperCase() + w.slice(1), (w: string) => w.toUpperCase(), (w: string) => ` ${w} `];
  return Array.from({ length: count }, () => {
    // squaring skews the pick towards the first common words, like a real cloud
    const common = COMMON[Math.floor(random() ** 2 * COMMON.length)]!;
    const words = [forms[Math.floor(random() * forms.length)]!(common)];
    while (words.length < 3) {
      const w = randomWord();
      if (!words.some((x) => x.trim().toLowerCase() === w)) words.push(w);
    }
    return words;
  });
}

/**
 * How responsive a server stays for someone who is not answering: a `clock` round trip every
 * `intervalMs` from `socket` until stopped. A probe still unanswered at the stop counts with the
 * time it has waited so far (a lower bound), so a blocked server cannot hide.
 */
export function probe(socket: Socket, intervalMs: number): () => Float64Array {
  const rtts: number[] = [];
  const pending = new Set<number>();
  const send = () => {
    const t0 = performance.now();
    pending.add(t0);
    socket.emit('clock', Date.now(), () => {
      if (pending.delete(t0)) rtts.push(performance.now() - t0);
    });
  };
  send();
  const timer = setInterval(send, intervalMs);
  return () => {
    clearInterval(timer);
    const now = performance.now();
    for (const t0 of pending) rtts.push(now - t0);
    pending.clear();
    return Float64Array.from(rtts);
  };
}

export { connectAll };
