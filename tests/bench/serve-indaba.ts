/**
 * The Indaba server as a benchmark child process (see child.ts): a temporary SQLite file, raised
 * per-socket message and per-address join budgets (every simulated person is 127.0.0.1), logs
 * silent unless BENCH_LOG_LEVEL says otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/start.ts';
import { serveIpc } from './child.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-bench-'));
const server = await startServer({
  port: 0,
  dataFile: path.join(dir, 'bench.db'),
  env: {
    SOCKET_MESSAGES_PER_SECOND: process.env.BENCH_MESSAGES_PER_SECOND ?? '100000',
    // every simulated person connects from 127.0.0.1
    JOINS_PER_ADDRESS_PER_MINUTE: process.env.BENCH_JOINS_PER_MINUTE ?? '1000000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  },
});

let stopping: Promise<void> | null = null;
serveIpc(
  () =>
    (stopping ??= server
      .close()
      .catch(() => undefined)
      .finally(() => fs.rmSync(dir, { recursive: true, force: true }))),
);
process.send?.({ type: 'ready', url: server.url });
