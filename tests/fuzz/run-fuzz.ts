/**
 * Property-based fuzzing of every inbound Socket.IO message, over real sockets against a real
 * server. Three workshops:
 * - main: hosts, co-hosts, participants ("member") and strangers send anything; facilitator
 *   commands really run, so people are admitted, removed, promoted, locked out...
 * - calm: admitted participants ("observer") send anything, nobody else acts: every refusal must
 *   change nothing, and the only events are their own hands going up and down.
 * - waiting: people in the waiting room send anything: every command is refused, nothing leaks.
 *
 * Properties, for every case: an answer arrives (or, for a message over the payload limit or a
 * hand-written broken frame, the connection is closed); every answer is `{ok:true,data}` or exactly
 * `{ok:false,error:{code,message}}` with a code from shared/errors.ts and the code the schemas and
 * roles call for; versions never go back on a connection; only facilitators get console messages.
 * At the end: the server is up, consoles patched over the run equal fresh ones, no member twice,
 * every raised hand is an admitted participant's, the calm and waiting workshops changed exactly as
 * their own accepted commands say, and a fresh host command and a fresh join still work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from '../../shared/commands.ts';
import type { Ack } from '../../shared/errors.ts';
import { normaliseJoinCode } from '../../shared/ids.ts';
import type { SessionRequest, SessionResult } from '../../shared/session.ts';
import type { ConsoleView } from '../../shared/views.ts';
import type { CreateWorkshopResponse } from '../../shared/http.ts';
import { DEMO_FIELDS, createWorkshop, hostOf, joinAs, personAt, type SimPerson } from '../sim/index.ts';
import { POOLS, type EmitCase, type FuzzCase, type Pool, type RawCase, type Ref } from './arbitraries.ts';
import { CODE_SPELLINGS, describeCase, generateBatch, resolve } from './cases.ts';
import { FuzzClient, type WorkshopKey } from './client.ts';
import { consoleInvariantProblems, consoleKey, consoleKeyOfMembers, firstDifference } from './consoles.ts';
import { expectationFor, onTheWire, shapeProblem, sizeClass, type SenderState } from './oracle.ts';

export type FuzzOptions = {
  cases: number;
  /** Same seed, same cases (the ids the server hands out differ, the cases do not). */
  seed?: number;
  /** A running server started with FUZZ_SERVER_ENV; without it one is started in this process on a temporary file. */
  url?: string;
  /** Sockets per pool (default 4 hosts, 4 co-hosts, 12 members, 8 strangers, 12 observers, 8 waiting). */
  pools?: Partial<Record<Pool, number>>;
  batchSize?: number;
  ackTimeoutMs?: number;
  progressEvery?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
  maxExamples?: number;
};

export type FuzzFailure = { property: string; detail: string; case?: string; at?: string };

export type FuzzReport = {
  seed: number;
  cases: number;
  seconds: number;
  casesPerSecond: number;
  failures: number;
  byProperty: Record<string, number>;
  examples: FuzzFailure[];
  /** How cases were answered: ok, a refusal code, closed (connection closed), or no answer. */
  answers: Record<string, number>;
  serverUp: boolean;
  freshHostCommand: boolean;
  freshJoin: boolean;
  connectionsClosed: number;
  ackP50Ms: number;
  ackP99Ms: number;
  longestErrorMessage: number;
  events: Record<WorkshopKey, number>;
};

/**
 * What a server under fuzz needs: every socket comes from 127.0.0.1 and sends as fast as it can,
 * so the per-socket and per-address limits (tested on their own in tests/integration) must not
 * dominate. Pass these when starting a server for `runFuzz({url})`.
 */
export const FUZZ_SERVER_ENV = { SOCKET_MESSAGES_PER_SECOND: '100000', JOINS_PER_ADDRESS_PER_MINUTE: '1000000' } as const;

const DEFAULT_POOLS: Record<Pool, number> = { host: 4, cohost: 4, member: 12, stranger: 8, observer: 12, waiting: 8 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? (Date.now() % 2 ** 31);
  const batchSize = options.batchSize ?? 500;
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const progressEvery = options.progressEvery ?? 10_000;
  const maxExamples = options.maxExamples ?? 30;
  const sizes = { ...DEFAULT_POOLS, ...options.pools };

  // ---- the server ------------------------------------------------------------------------------
  let url = options.url;
  let ownServer: { close(): Promise<void> } | null = null;
  let tempDir: string | null = null;
  if (!url) {
    const { startServer } = await import('../../server/start.ts');
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-fuzz-'));
    const server = await startServer({ port: 0, dataFile: path.join(tempDir, 'fuzz.db'), env: FUZZ_SERVER_ENV });
    url = server.url;
    ownServer = server;
  }
  const serverUrl = url;

  const report: FuzzReport = {
    seed,
    cases: 0,
    seconds: 0,
    casesPerSecond: 0,
    failures: 0,
    byProperty: {},
    examples: [],
    answers: {},
    serverUp: false,
    freshHostCommand: false,
    freshJoin: false,
    connectionsClosed: 0,
    ackP50Ms: 0,
    ackP99Ms: 0,
    longestErrorMessage: 0,
    events: { main: 0, calm: 0, waiting: 0 },
  };
  const fail = (property: string, detail: string, c?: FuzzCase, at?: string) => {
    report.failures++;
    report.byProperty[property] = (report.byProperty[property] ?? 0) + 1;
    // a few examples of each property, so a common failure does not hide a rare one
    const shown = report.examples.filter((e) => e.property === property).length;
    if (shown < 3 && report.examples.length < maxExamples) report.examples.push({ property, detail, ...(c ? { case: describeCase(c) } : {}), ...(at ? { at } : {}) });
  };
  const count = (answer: string, client?: FuzzClient, c?: FuzzCase) => {
    report.answers[answer] = (report.answers[answer] ?? 0) + 1;
    if (client && c) client.note(`${c.kind === 'raw' ? `raw ${JSON.stringify(c.frames[0]).slice(0, 30)}` : `${c.event}${c.ack ? '' : ' (no ack)'}`}: ${answer}`);
  };
  const ackTimes: number[] = [];

  const everyone: Array<FuzzClient | SimPerson> = [];
  try {
    // ---- three workshops and the people in them ---------------------------------------------
    const ws: Record<WorkshopKey, CreateWorkshopResponse> = {
      main: await createWorkshop(serverUrl, { title: 'Fuzz: main room', profileFields: DEMO_FIELDS }),
      calm: await createWorkshop(serverUrl, { title: 'Fuzz: calm room' }),
      waiting: await createWorkshop(serverUrl, { title: 'Fuzz: waiting room', waitingRoom: true }),
    };
    const workshopOf = (id: string): WorkshopKey | null => (Object.keys(ws) as WorkshopKey[]).find((k) => ws[k].workshopId === id) ?? null;
    const knownCodes = new Set(Object.values(ws).map((w) => normaliseJoinCode(w.code)));
    const knownWorkshops = new Set(Object.values(ws).map((w) => w.workshopId));

    const watchers = {
      calm: await hostOf(serverUrl, ws.calm),
      waiting: await hostOf(serverUrl, ws.waiting),
    };
    everyone.push(watchers.calm, watchers.waiting);

    const pools: Record<Pool, FuzzClient[]> = { host: [], cohost: [], member: [], stranger: [], observer: [], waiting: [] };
    const tokens: string[] = [];
    const make = async (pool: Pool, i: number): Promise<FuzzClient> => {
      const label = `${pool}#${i}`;
      const who = personAt(i + 100 * POOLS.indexOf(pool));
      const client =
        pool === 'observer'
          ? new FuzzClient(serverUrl, pool, label, {
              mayGetConsole: false,
              view: (v) => (v.me.role !== 'participant' || v.me.status !== 'admitted' ? `observer's view says ${v.me.role}/${v.me.status}` : null),
            })
          : pool === 'waiting'
            ? new FuzzClient(serverUrl, pool, label, {
                mayGetConsole: false,
                view: (v) =>
                  v.me.status !== 'waiting' || v.announcement || v.timer || v.now || v.facilitators.length || v.counts.present
                    ? `a waiting person's view shows more than their status: ${JSON.stringify({ me: v.me, now: v.now, counts: v.counts })}`
                    : null,
              })
            : new FuzzClient(serverUrl, pool, label, { mayGetConsole: true });
      everyone.push(client);
      await client.ready();
      let request: SessionRequest | null = null;
      if (pool === 'host') request = { type: 'host', workshopId: ws.main.workshopId, hostKey: ws.main.hostKey };
      if (pool === 'cohost') request = { type: 'cohost', workshopId: ws.main.workshopId, cohostKey: ws.main.cohostKey, ...who };
      if (pool === 'member') request = { type: 'join', code: ws.main.code, ...who };
      if (pool === 'observer') request = { type: 'join', code: ws.calm.code, name: who.name };
      if (pool === 'waiting') request = { type: 'join', code: ws.waiting.code, name: who.name };
      if (request) {
        const r = await client.session(request);
        if (!r.ok) throw new Error(`fuzz setup: ${label} could not join: ${r.error.message}`);
        client.workshop = workshopOf(r.data.workshopId);
        client.resumeWith =
          pool === 'host' ? request : { type: 'resume', workshopId: r.data.workshopId, token: r.data.resumeToken };
        if (pool !== 'host' && pool !== 'observer') tokens.push(r.data.resumeToken);
      }
      return client;
    };
    for (const pool of POOLS) for (let i = 0; i < sizes[pool]; i++) pools[pool].push(await make(pool, i));

    await sleep(300);
    const versionOf = async (p: SimPerson) => ((await p.socket.timeout(ackTimeoutMs).emitWithAck('refresh')) as Ack<{ version: number }>);
    const start = {
      calm: await versionOf(watchers.calm),
      waiting: await versionOf(watchers.waiting),
    };
    if (!start.calm.ok || !start.waiting.ok) throw new Error('fuzz setup: refresh refused');
    const calmStart = { version: start.calm.data.version, members: consoleKeyOfMembers(watchers.calm.console!) };
    const waitingStart = { version: start.waiting.data.version, members: watchers.waiting.console!.members.length };

    // calm model: each observer's hand as its own accepted commands left it, and the events that made
    const hand = new Map<FuzzClient, boolean>(pools.observer.map((o) => [o, false]));
    let calmEvents = 0;

    // ---- ids for Refs, refreshed every batch ----------------------------------------------------
    let ids: Record<WorkshopKey, string[]> = { main: [], calm: [], waiting: [] };
    // the co-host key changes when a co-host is removed or demoted: use the one the console shows
    let cohostKey = ws.main.cohostKey;
    const refreshIds = () => {
      const mainConsole = pools.host.find((h) => h.person.console)?.person.console;
      cohostKey = mainConsole?.workshop.cohostKey ?? cohostKey;
      ids = {
        main: mainConsole?.members.map((m) => m.id) ?? [],
        calm: watchers.calm.console?.members.map((m) => m.id) ?? [],
        waiting: watchers.waiting.console?.members.map((m) => m.id) ?? [],
      };
    };
    const lookup = (client: FuzzClient) => (r: Ref): unknown => {
      const pick = <T>(list: readonly T[], fallback: T) => (list.length ? list[r.pick % list.length]! : fallback);
      switch (r.kind) {
        case 'memberId':
          return pick(ids[client.workshop ?? 'main'], 'nobody0000');
        case 'anyMemberId':
          return pick([...ids.main, ...ids.calm, ...ids.waiting], 'nobody0000');
        case 'ownId':
          return client.memberId ?? 'nobody0000';
        case 'token':
          return pick(tokens, 'x'.repeat(24));
        case 'code':
          return CODE_SPELLINGS[r.variant % CODE_SPELLINGS.length]!([ws.main.code, ws.waiting.code][r.pick % 2]!);
        case 'workshopId':
          return [ws.main.workshopId, ws.waiting.workshopId, ws.calm.workshopId][r.pick % 3];
        case 'hostKey':
          return ws.main.hostKey;
        case 'cohostKey':
          return r.variant === 0 ? ws.main.cohostKey : cohostKey;
      }
    };
    const senderState = (client: FuzzClient): SenderState => ({
      pool: client.pool,
      hasSession: client.hasSession,
      memberId: client.memberId,
      knownCodes,
      knownWorkshops,
    });

    /** Disconnects since the last look: only removal (main workshop, never a host) may close a connection. */
    const checkDisconnects = (client: FuzzClient, c?: FuzzCase) => {
      for (const reason of client.disconnects.splice(0)) {
        report.connectionsClosed++;
        const removed = reason === 'io server disconnect' && !client.mustStay;
        if (!removed) fail('no unexpected disconnect', `${client.label} was disconnected (${reason}); before: ${client.recent.join(' → ')}`, c);
      }
      for (const p of client.problems.splice(0)) fail(p.includes("'console") ? 'participants never get console data' : 'views', p, c);
    };

    /** For an observer whose own command may have gone through unanswered: learn its hand from the server, in order. */
    const syncHand = async (client: FuzzClient, c: FuzzCase) => {
      if (client.pool !== 'observer') return;
      const problem = await client.ready(ackTimeoutMs);
      if (problem) return fail('stays connected', problem, c);
      // a refused command from the same person queues behind anything of theirs still running
      const barrier = (await client.socket.timeout(ackTimeoutMs).emitWithAck('command', { type: 'hands.clear' })) as Ack<unknown>;
      if (barrier.ok || barrier.error.code !== 'forbidden') fail('refusals', `observer's hands.clear answered ${JSON.stringify(barrier)}`, c);
      await client.socket.timeout(ackTimeoutMs).emitWithAck('refresh');
      const raised = client.person.view?.hand.raised ?? false;
      if (raised !== hand.get(client)) {
        calmEvents++;
        hand.set(client, raised);
      }
    };

    /** A clock sample: does this connection still get answers? */
    const probe = async (client: FuzzClient, ms = ackTimeoutMs): Promise<'ok' | 'closed' | 'no answer' | 'wrong'> => {
      if (!client.socket.connected) return 'closed';
      try {
        const r = (await client.socket.timeout(ms).emitWithAck('clock', 1)) as Ack<{ t0: number }>;
        return r.ok && r.data.t0 === 1 ? 'ok' : 'wrong';
      } catch {
        return client.socket.connected ? 'no answer' : 'closed';
      }
    };

    const runEmit = async (c: EmitCase, client: FuzzClient) => {
      const args = resolve(c.args, lookup(client)) as unknown[];
      const wire = onTheWire(args) as unknown[];
      const size = sizeClass(c.event, args, c.ack);
      const expectation = expectationFor(c.event, wire, senderState(client));
      const hadSession = client.hasSession;
      const generation = client.generation;
      client.closeExpected = size !== 'fits';
      try {
        if (!c.ack) {
          client.socket.emit(c.event as 'clock', ...(args as [number, () => void]));
          const alive = await probe(client);
          count(alive === 'closed' ? 'closed' : 'unanswered (no ack asked)', client, c);
          if (alive === 'no answer') fail('answers every message', `no answer to a clock sample after an unacknowledged '${c.event}'`, c);
          else if (alive === 'wrong') fail('answers every message', `wrong clock answer after an unacknowledged '${c.event}'`, c);
          else if (alive === 'closed' && size === 'fits' && client.mustStay) fail('no unexpected disconnect', `${client.label} closed after an unacknowledged '${c.event}'`, c);
          if (size === 'over' && alive === 'ok') fail('payload limit', `a ${c.event} message over ${16 * 1024} bytes was accepted`, c);
          // what it did is unknown: start that connection over so the model stays true
          if (c.event === 'session' && !hadSession) await client.reset();
          if (c.event === 'command') await syncHand(client, c);
          return;
        }
        const t0 = performance.now();
        let answer: unknown;
        try {
          answer = await client.socket.timeout(ackTimeoutMs).emitWithAck(c.event as 'clock', ...(args as [number]));
        } catch (error) {
          if (client.socket.connected) {
            count('no answer', client, c);
            fail('answers every message', `no answer within ${ackTimeoutMs} ms (${(error as Error).message})`, c);
          } else {
            count('closed', client, c);
            if (size === 'fits' && client.mustStay) fail('no unexpected disconnect', `${client.label} closed while waiting for an answer`, c);
          }
          if (c.event === 'command') await syncHand(client, c);
          return;
        }
        ackTimes.push(performance.now() - t0);
        if (size === 'over') fail('payload limit', `a '${c.event}' message over ${16 * 1024} bytes was answered`, c);
        const shape = shapeProblem(answer);
        if (shape) {
          count('malformed', client, c);
          return fail('answer shape', shape, c);
        }
        const a = answer as Ack<unknown>;
        if (!a.ok) {
          count(a.error.code, client, c);
          report.longestErrorMessage = Math.max(report.longestErrorMessage, a.error.message.length);
          if (a.error.code === 'server_error') return fail('no server errors', `server_error: ${a.error.message}`, c);
          if (!expectation.codes.includes(a.error.code)) {
            return fail(
              'refusal codes',
              `${client.label}${hadSession ? '' : ' (no session)'} got ${a.error.code} ("${a.error.message.slice(0, 120)}"), expected ${[...(expectation.ok ? ['ok'] : []), ...expectation.codes].join('|')}; before: ${client.recent.join(' → ')}`,
              c,
            );
          }
          return;
        }
        count('ok', client, c);
        if (!expectation.ok) return fail('refusal codes', `${client.label} got ok, expected ${expectation.codes.join('|')}; before: ${client.recent.join(' → ')}`, c);
        const wrong = expectation.data?.(a.data);
        if (wrong) return fail('answer data', wrong, c);
        if (c.event === 'session') {
          const result = a.data as SessionResult;
          client.accepted(result, workshopOf(result.workshopId), generation);
        }
        if (c.event === 'command') {
          const version = (a.data as { version: number }).version;
          const back = client.seeAckVersion(version);
          if (back) fail('versions only grow', back, c);
          if (client.pool === 'observer') {
            const command = Command.parse(wire[0]);
            const before = hand.get(client)!;
            const after = command.type === 'hand.raise' ? true : command.type === 'hand.lower' ? false : before;
            if (after !== before) calmEvents++;
            hand.set(client, after);
          }
        }
      } finally {
        client.closeExpected = false;
      }
    };

    const runRaw = async (c: RawCase, client: FuzzClient) => {
      client.closeExpected = true;
      try {
        const closed = new Promise<undefined>((resolve) => client.socket.once('disconnect', () => resolve(undefined)));
        const answered = c.ackId === null ? Promise.resolve(undefined) : Promise.race([client.rawAnswer(c.ackId, 2_000), closed]);
        client.writeRaw(c.frames);
        const answer = await answered;
        if (answer !== undefined) {
          count('raw answered', client, c);
          const shape = shapeProblem(answer);
          if (shape) fail('answer shape', `hand-written frame: ${shape}`, c);
          else if (!(answer as Ack<unknown>).ok && (answer as { error: { code: string } }).error.code === 'server_error') {
            fail('no server errors', 'server_error for a hand-written frame', c);
          }
        }
        let alive = await probe(client, 1_000);
        // Socket.IO drops a message pipelined right behind a namespace "disconnect" frame, and only
        // closes the connection on the next one: ask again before calling it a hang
        if (alive === 'no answer') alive = await probe(client, 2_000);
        count(alive === 'closed' ? 'closed' : `raw then ${alive}`, client, c);
        if (alive === 'no answer' || alive === 'wrong') fail('answers every message', `after a hand-written frame the connection stayed open but the clock got ${alive}`, c);
        // the frame may have done anything the model cannot see: start over on a new connection
        client.socket.disconnect();
      } finally {
        client.closeExpected = false;
      }
      await client.ready(ackTimeoutMs);
      if (client.pool === 'observer') await syncHand(client, c);
    };

    const runCase = async (c: FuzzCase, client: FuzzClient) => {
      client.casesRun++;
      if (client.pool === 'stranger' && client.hasSession && client.casesRun % 16 === 0) await client.reset();
      const problem = await client.ready(ackTimeoutMs);
      checkDisconnects(client);
      if (problem) return fail(client.mustStay ? 'stays connected' : 'reconnects', problem, c);
      if (c.kind === 'raw') await runRaw(c, client);
      else await runEmit(c, client);
      checkDisconnects(client, c);
    };

    // ---- the run -----------------------------------------------------------------------------------
    const started = performance.now();
    let nextProgress = progressEvery;
    // each socket runs its cases in order; sockets run side by side; at most two batches in flight,
    // so one slow socket does not hold up the others at every batch boundary
    const tails = new Map<FuzzClient, Promise<void>>();
    let previous: Promise<void> = Promise.resolve();
    for (let b = 0, queued = 0; queued < options.cases; b++) {
      const size = Math.min(batchSize, options.cases - queued);
      const batch = generateBatch(seed, b, size);
      refreshIds();
      for (const c of batch) {
        const list = pools[c.sender.pool];
        const client = list[c.sender.index % list.length];
        if (!client) continue;
        const tail = (tails.get(client) ?? Promise.resolve()).then(async () => {
          try {
            await runCase(c, client);
          } catch (error) {
            fail('runner', `${client.label}: ${(error as Error).stack?.split('\n').slice(0, 6).join(' | ') ?? String(error)}`, c);
          }
        });
        tails.set(client, tail);
      }
      queued += size;
      const batchDone = Promise.all([...tails.values()]);
      await previous;
      previous = batchDone.then(() => {
        report.cases += size;
        report.seconds = (performance.now() - started) / 1000;
        if (report.cases >= nextProgress || report.cases === options.cases) {
          nextProgress += progressEvery;
          options.onProgress?.(report.cases, report);
        }
      });
    }
    await previous;
    report.seconds = (performance.now() - started) / 1000;
    report.casesPerSecond = Math.round(report.cases / report.seconds);
    report.ackP50Ms = Math.round(percentile(ackTimes, 50) * 100) / 100;
    report.ackP99Ms = Math.round(percentile(ackTimes, 99) * 100) / 100;

    // ---- after the run -------------------------------------------------------------------------
    const all = POOLS.flatMap((p) => pools[p]);
    for (const client of all) {
      const problem = await client.ready(ackTimeoutMs);
      if (problem) fail(client.mustStay ? 'stays connected' : 'reconnects', problem, undefined, 'after the run');
      checkDisconnects(client);
    }
    await sleep(500);

    const health = await fetch(`${serverUrl}/healthz`).then((r) => r.status, () => 0);
    report.serverUp = health === 200;
    if (!report.serverUp) fail('server stays up', `GET /healthz answered ${health}`, undefined, 'after the run');

    const fresh = {
      main: await hostOf(serverUrl, ws.main),
      calm: await hostOf(serverUrl, ws.calm),
      waiting: await hostOf(serverUrl, ws.waiting),
    };
    everyone.push(fresh.main, fresh.calm, fresh.waiting);

    // consoles kept up to date by patches over the whole run equal ones made fresh now
    const holders: Array<[string, WorkshopKey, SimPerson]> = [
      ...pools.host.map((h) => [h.label, 'main', h.person] as [string, WorkshopKey, SimPerson]),
      ['calm host', 'calm', watchers.calm],
      ['waiting-room host', 'waiting', watchers.waiting],
    ];
    for (const [label, key, holder] of holders) {
      const same = () => Boolean(holder.console && fresh[key].console && consoleKey(holder.console) === consoleKey(fresh[key].console));
      const deadline = Date.now() + 3_000;
      while (!same() && Date.now() < deadline) await sleep(100);
      if (!same()) {
        fail('patched console equals a fresh one', `${label}: ${firstDifference(holder.console, fresh[key].console)}`, undefined, 'after the run');
      }
      if (holder.gaps) fail('patched console equals a fresh one', `${label} saw ${holder.gaps} gaps in console patches`, undefined, 'after the run');
    }
    for (const key of ['main', 'calm', 'waiting'] as const) {
      for (const p of consoleInvariantProblems(fresh[key].console!, `${key} workshop`)) fail('console invariants', p, undefined, 'after the run');
      report.events[key] = fresh[key].console!.version;
    }
    for (const h of pools.host) {
      if (h.person.console) for (const p of consoleInvariantProblems(h.person.console, `${h.label}'s patched console`)) fail('console invariants', p, undefined, 'after the run');
    }

    // calm: nothing but the observers' own hands happened
    const calm = fresh.calm.console!;
    const expectedVersion = calmStart.version + calmEvents;
    if (calm.version !== expectedVersion) {
      fail('refusals change nothing', `calm workshop is at version ${calm.version}; its observers' accepted hand changes make ${expectedVersion}`, undefined, 'after the run');
    }
    const expectedHands = pools.observer.filter((o) => hand.get(o)).map((o) => o.memberId).sort();
    const actualHands = calm.hands.map((h) => h.memberId).sort();
    if (expectedHands.join() !== actualHands.join()) {
      fail('refusals change nothing', `calm hands ${JSON.stringify(actualHands)}, expected ${JSON.stringify(expectedHands)}`, undefined, 'after the run');
    }
    if (consoleKeyOfMembers(calm) !== calmStart.members) fail('refusals change nothing', 'calm workshop members changed', undefined, 'after the run');
    if (calm.announcement || calm.now || calm.timer || calm.settings.locked || calm.settings.waitingRoom) {
      fail('refusals change nothing', `calm workshop changed: ${JSON.stringify({ a: calm.announcement, now: calm.now, timer: calm.timer, settings: calm.settings })}`, undefined, 'after the run');
    }

    // waiting room: only new people joining it happened, and nobody got in
    const waiting = fresh.waiting.console!;
    const joinedSince = waiting.members.length - waitingStart.members;
    if (waiting.version !== waitingStart.version + joinedSince) {
      fail('refusals change nothing', `waiting-room workshop went from version ${waitingStart.version} to ${waiting.version} with ${joinedSince} joins`, undefined, 'after the run');
    }
    const inside = waiting.members.filter((m) => m.role !== 'host' && m.status !== 'waiting');
    if (inside.length) fail('refusals change nothing', `in the waiting-room workshop ${inside.map((m) => `${m.name}: ${m.status}`).join(', ')}`, undefined, 'after the run');
    if (!waiting.settings.waitingRoom || waiting.settings.locked || waiting.announcement || waiting.now || waiting.timer) {
      fail('refusals change nothing', 'waiting-room workshop settings or plenary changed', undefined, 'after the run');
    }

    // a fresh host command and a fresh participant still work
    const text = `Fuzz run ${seed} finished`;
    const commands = [
      { type: 'lock.set', locked: false },
      { type: 'waitingRoom.set', enabled: false },
      { type: 'announcement.set', text },
    ] as const;
    const results = [];
    for (const command of commands) results.push(await fresh.main.command(command));
    report.freshHostCommand = results.every((r) => r.ok);
    if (!report.freshHostCommand) fail('server stays up', `fresh host commands: ${JSON.stringify(results)}`, undefined, 'after the run');
    try {
      const newcomer = await joinAs(serverUrl, ws.main.code, personAt(9_999));
      everyone.push(newcomer);
      await newcomer.untilView((v) => v.announcement?.text === text, 5_000, 'the announcement');
      report.freshJoin = true;
    } catch (error) {
      fail('server stays up', `a fresh participant could not join: ${(error as Error).message}`, undefined, 'after the run');
    }
    return report;
  } finally {
    for (const p of everyone) p.close();
    await ownServer?.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
