import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { startServer, type RunningServer, type StartOptions } from '../../server/start.ts';
import type { SimPerson } from '../sim/person.ts';

/** A temporary data file that is removed after the test file. */
export function tempDataFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'indaba.db');
}

/** The real server in this process, on a free port and a temporary SQLite file. */
export async function testServer(options: Partial<StartOptions> = {}): Promise<RunningServer> {
  const server = await startServer({ port: 0, dataFile: tempDataFile(), ...options });
  afterAll(() => server.close());
  return server;
}

/** Collects simulated people so every test closes its sockets. */
export function people(): { add<T extends SimPerson | SimPerson[]>(p: T): T } {
  const all: SimPerson[] = [];
  afterEach(() => {
    for (const p of all.splice(0)) p.close();
  });
  return {
    add(p) {
      all.push(...(Array.isArray(p) ? p : [p]));
      return p;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
