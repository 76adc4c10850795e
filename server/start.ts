import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Server } from 'socket.io';
import { loadConfig, type Config } from './config.ts';
import { Engine } from './engine/engine.ts';
import { createHttpApp } from './http/app.ts';
import { startRetentionSweep } from './retention/sweep.ts';
import { attachRealtime } from './realtime/socket-server.ts';
import { SqliteEventStore } from './store/sqlite-store.ts';
import { createVideoService, type VideoService } from './video/video-service.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export type StartOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  dataFile: string;
  createPassword?: string;
  logLevel?: string;
  clientDir?: string;
  /** Overrides of any other setting, as environment variable names (e.g. RECONNECT_GRACE_SECONDS). */
  env?: Record<string, string>;
  clock?: () => number;
};

export type RunningServer = {
  url: string;
  port: number;
  engine: Engine;
  io: Server;
  /** LiveKit video; null when the LIVEKIT_* settings are not there. */
  video: VideoService | null;
  log: Logger;
  close(): Promise<void>;
};

/** Builds and starts the whole server. Used by main.ts, the demo, and the tests. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const config: Config = loadConfig({
    ...options.env,
    PORT: String(options.port ?? 0),
    HOST: options.host ?? '127.0.0.1',
    DATA_FILE: options.dataFile,
    CREATE_PASSWORD: options.createPassword ?? options.env?.CREATE_PASSWORD ?? '',
    LOG_LEVEL: options.logLevel ?? options.env?.LOG_LEVEL ?? 'silent',
  });
  return startWithConfig(config, { clientDir: options.clientDir, clock: options.clock });
}

export async function startWithConfig(
  config: Config,
  extra: { clientDir?: string | undefined; clock?: (() => number) | undefined } = {},
): Promise<RunningServer> {
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'indaba' } });
  const clock = extra.clock ?? Date.now;
  const video = createVideoService(config, log, clock);
  const store = new SqliteEventStore(config.DATA_FILE, { synchronous: config.SQLITE_SYNCHRONOUS });
  const engine = new Engine({
    store,
    clock,
    log,
    // without LiveKit every screen says video is off, and how to turn it on
    videoEnabled: video !== null,
    timing: {
      consoleIntervalMs: 100,
      countsIntervalMs: 1_000,
      reconnectGraceMs: config.RECONNECT_GRACE_SECONDS * 1000,
      snapshotEvery: 200,
    },
  });
  // expired workshops go before anything is restored or anyone can open them
  const stopRetention = config.RETENTION_DAYS
    ? await startRetentionSweep({ engine, store, days: config.RETENTION_DAYS, clock, log })
    : null;
  const restored = await engine.restoreActive(clock() - config.RESTORE_DAYS * 24 * 3600 * 1000);

  const app = createHttpApp({
    engine,
    store,
    log,
    createPassword: config.CREATE_PASSWORD,
    livekitUrl: config.LIVEKIT_URL,
    video,
    trustProxy: config.TRUST_PROXY,
    clientDir: extra.clientDir ?? path.resolve(here, '../dist/client'),
  });
  const server = http.createServer(app);
  const io = attachRealtime(server, engine, log, {
    clock,
    messagesPerSecond: config.SOCKET_MESSAGES_PER_SECOND,
    joinsPerAddressPerMinute: config.JOINS_PER_ADDRESS_PER_MINUTE,
    trustProxy: config.TRUST_PROXY,
    video,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${port}`;
  log.info({ url, restored, dataFile: config.DATA_FILE, retentionDays: config.RETENTION_DAYS ?? null, video: video ? config.LIVEKIT_URL : 'off' }, 'indaba listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    engine,
    io,
    video,
    log,
    close: () =>
      (closing ??= (async () => {
        await stopRetention?.();
        await engine.stop();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        await store.close();
      })()),
  };
}
