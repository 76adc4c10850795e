import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What a benchmark child process says over IPC. */
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'memory'; rss: number; heapUsed: number; external: number; arrayBuffers: number }
  | { type: 'stopped' };

export type ChildOptions = {
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeFlags?: string[];
  /** Keep the child's stdout/stderr lines (the fuzz bench counts server error logs). */
  onOutput?: (line: string, stream: 'stdout' | 'stderr') => void;
};

/**
 * A server for a benchmark, in its own process (its own CPU and its own memory figures), talking
 * over IPC: it says `ready` with its URL, answers `memory`, and exits on `stop`.
 */
export class BenchChild {
  readonly url: string;
  private exited = false;
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
    url: string,
  ) {
    this.url = url;
    proc.once('exit', (code, signal) => {
      this.exited = true;
      this.exitCode = code;
      this.exitSignal = signal;
    });
  }

  static async start(script: 'serve-indaba.ts' | 'serve-baseline.ts', options: ChildOptions = {}): Promise<BenchChild> {
    const proc = fork(path.join(here, script), [], {
      execArgv: ['--import', 'tsx', '--expose-gc', ...(options.nodeFlags ?? [])],
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      let buffered = '';
      proc[stream]?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (options.onOutput) options.onOutput(line, stream);
          else if (stream === 'stderr') process.stderr.write(`[${script}] ${line}\n`);
        }
      });
    }
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s`)), 30_000);
      proc.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m.url);
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with ${code} before it was ready`));
      });
    });
    return new BenchChild(script, proc, url);
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** The child's memory, after a full garbage collection when `gc` is set. */
  memory(gc = true): Promise<Extract<ChildMessage, { type: 'memory' }>> {
    return this.request({ type: 'memory', gc }, 'memory') as Promise<Extract<ChildMessage, { type: 'memory' }>>;
  }

  /** Asks the child to send something to itself (e.g. a template for the baseline). */
  send(message: Record<string, unknown>): void {
    this.proc.send(message);
  }

  /** Closes the server cleanly (writing any --cpu-prof profile), or kills it after 15 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      this.proc.send({ type: 'stop' });
    } catch {
      // IPC already closed
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private request(message: Record<string, unknown>, reply: ChildMessage['type']): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not answer ${reply}`)), 30_000);
      const onMessage = (m: ChildMessage) => {
        if (m.type !== reply) return;
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        resolve(m);
      };
      this.proc.on('message', onMessage);
      this.proc.send(message);
    });
  }
}

/** Shared by the two server scripts: answer `memory` and `stop` on IPC. */
export function serveIpc(stop: () => Promise<void>, onMessage?: (m: Record<string, unknown>) => void): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (m: { type?: string; gc?: boolean } & Record<string, unknown>) => {
    if (m.type === 'memory') {
      if (m.gc && gc) {
        gc();
        gc();
      }
      const mem = process.memoryUsage();
      process.send?.({ type: 'memory', rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external, arrayBuffers: mem.arrayBuffers });
    } else if (m.type === 'stop') {
      void stop().finally(() => {
        process.send?.({ type: 'stopped' });
        process.exit(0);
      });
    } else onMessage?.(m);
  });
  // the benchmark died: don't linger
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
}
