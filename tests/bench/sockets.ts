import type { Socket } from 'socket.io-client';

/** Socket helpers every socket benchmark shares. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects `n` clients with at most `concurrency` connecting at once. */
export async function connectAll(n: number, concurrency: number, make: (i: number) => Socket): Promise<Socket[]> {
  const sockets: Socket[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const socket = make(i);
      sockets[i] = socket;
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  return sockets;
}

/** Polls `check` every 25 ms until it holds, or fails after `timeoutMs` naming `what`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}
