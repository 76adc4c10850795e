/**
 * Fan-out: one facilitator command (`announcement.set`) reaching every participant of one workshop,
 * against a bare Socket.IO server emitting the same per-client payloads, in the same run.
 *
 * Both servers run as child processes (their own CPU); the clients live in this process. Latency is
 * measured here, from just before the facilitator (or the baseline's control client) emits, to each
 * client's receipt of the view carrying that round's text. Rounds alternate Indaba / baseline after
 * one warm-up round of each, and every sample of every measured round counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, createWorkshop, crowd, hostOf, type SimPerson } from '../sim/index.ts';
import { BenchChild } from './child.ts';
import { collectGarbage, percentile, round, sleep } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';
import { connectAll } from './sockets.ts';

export const bench: Bench = {
  description: 'a facilitator announcement reaching every participant of one workshop, vs a bare Socket.IO emit',
  defaultN: 2000,
  run,
};

type AnySocket = Socket;

/** One measured delivery to every client. */
type Round = {
  text: string;
  t0: number;
  latency: Float64Array;
  got: number;
  /** Every message each client received while the round was open (for bytes and counts). */
  received: unknown[][][];
  done: () => void;
};

type RoundResult = { latency: Float64Array; missing: number; bytes: number; viewBytes: number; messages: number; ackMs: number };

const MB = 1024 * 1024;

/** Listens on each client once; the open round (if any) collects what they receive. */
class Meter {
  current: Round | null = null;

  constructor(readonly sockets: AnySocket[]) {
    sockets.forEach((socket, i) => {
      socket.onAny((event: string, ...args: unknown[]) => {
        this.current?.received[i]!.push([event, ...args]);
      });
      socket.on('view', (view: ParticipantView) => {
        const r = this.current;
        if (!r || view.announcement?.text !== r.text || r.latency[i]! >= 0) return;
        r.latency[i] = performance.now() - r.t0;
        if (++r.got === sockets.length) r.done();
      });
    });
  }

  async measure(text: string, trigger: (text: string, acked: () => void) => void, timeoutMs: number): Promise<RoundResult> {
    const n = this.sockets.length;
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const r: Round = {
      text,
      t0: 0,
      latency: new Float64Array(n).fill(-1),
      got: 0,
      received: Array.from({ length: n }, () => []),
      done,
    };
    let ackMs = Number.NaN;
    this.current = r;
    r.t0 = performance.now();
    trigger(text, () => (ackMs = performance.now() - r.t0));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    // anything else the announcement causes (e.g. a counts view) lands in the next moments
    await sleep(250);
    this.current = null;

    const latency = r.latency.filter((x) => x >= 0);
    let bytes = 0;
    let viewBytes = 0;
    let messages = 0;
    for (const list of r.received) {
      messages += list.length;
      for (const message of list) {
        const size = Buffer.byteLength(JSON.stringify(message));
        bytes += size;
        const view = message[1] as ParticipantView | undefined;
        if (message[0] === 'view' && view?.announcement?.text === text) viewBytes += size;
      }
    }
    return { latency, missing: n - latency.length, bytes: bytes / n, viewBytes: viewBytes / n, messages: messages / n, ackMs };
  }
}


const announcementText = (k: number) =>
  `Round ${k}: please come back to the main room in two minutes and bring one question from your breakout.`;

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const rounds = numberOption(options, 'rounds', 5);
  const warmup = numberOption(options, 'warmup', 1);
  const concurrency = numberOption(options, 'concurrency', 50);
  const timeoutMs = numberOption(options, 'timeout', 60_000);
  const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-prof-')) : undefined;
  const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

  const children: BenchChild[] = [];
  const closers: Array<{ close(): unknown }> = [];
  try {
    // ---- Indaba: one workshop, a host, n participants ---------------------------------------
    const indaba = await BenchChild.start('serve-indaba.ts', { nodeFlags });
    children.push(indaba);
    const workshop = await createWorkshop(indaba.url, {
      title: 'Community of practice: monthly exchange',
      description: 'Fan-out benchmark: one plenary with everyone in it.',
      profileFields: DEMO_FIELDS,
    });
    const memEmpty = await indaba.memory();
    const host = await hostOf(indaba.url, workshop);
    closers.push(host);

    note(`fanout: joining ${n} participants (concurrency ${concurrency})...`);
    const joinStart = performance.now();
    const progress = setInterval(() => {
      const members = host.console?.members.length ?? 0;
      note(`  ${Math.max(0, members - 1)}/${n} joined after ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);
    }, 5_000);
    let people: SimPerson[];
    try {
      people = await crowd(indaba.url, workshop.code, n, { concurrency });
    } finally {
      clearInterval(progress);
    }
    closers.push(...people);
    const joinMs = performance.now() - joinStart;
    note(`fanout: ${n} joined in ${(joinMs / 1000).toFixed(1)} s`);
    // counts reach participants at most once a second: wait until everyone sees everyone
    const settleStart = performance.now();
    while (people.some((p) => p.view?.counts.present !== n + 1)) {
      if (performance.now() - settleStart > 30_000) throw new Error('participants did not all see the final head count within 30 s');
      await sleep(100);
    }
    await sleep(1_500);
    const memFull = await indaba.memory();

    const indabaMeter = new Meter(people.map((p) => p.socket as unknown as AnySocket));
    const triggerIndaba = (text: string, acked: () => void) =>
      host.socket.emit('command', { type: 'announcement.set', text }, (result) => {
        if (!result.ok) note(`announcement refused: ${result.error.message}`);
        acked();
      });

    // warm-up round: also captures a real view for the baseline to send
    const indabaRound = async (k: number) => {
      collectGarbage();
      await indaba.memory(true);
      await sleep(200);
      return indabaMeter.measure(announcementText(k), triggerIndaba, timeoutMs);
    };
    let k = 0;
    for (let i = 0; i < warmup; i++) await indabaRound(k++);
    const sample = people[0]!.view;
    if (!sample?.announcement) throw new Error('no participant view with an announcement to use as the baseline payload');

    // ---- Baseline: bare Socket.IO, the same n clients' names and ids --------------------------
    const baseline = await BenchChild.start('serve-baseline.ts', { nodeFlags });
    children.push(baseline);
    baseline.send({ type: 'template', view: sample });
    const baseEmpty = await baseline.memory();
    note(`fanout: connecting ${n} clients to the baseline...`);
    const baseStart = performance.now();
    const baseSockets = await connectAll(n, concurrency, (i) =>
      io(baseline.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 1_000,
        auth: { id: people[i]!.id, name: people[i]!.view?.me.name ?? '' },
      }),
    );
    closers.push(...baseSockets);
    const baseConnectMs = performance.now() - baseStart;
    const control = (await connectAll(1, 1, () => io(baseline.url, { transports: ['websocket'], forceNew: true, auth: { control: true } })))[0]!;
    closers.push(control);
    await sleep(1_000);
    const baseFull = await baseline.memory();
    // the baseline clients keep the latest view as SimPerson does
    const latest: unknown[] = new Array(n);
    baseSockets.forEach((s, i) => s.on('view', (v: unknown) => (latest[i] = v)));
    const baselineMeter = new Meter(baseSockets);
    const triggerBaseline = (text: string, acked: () => void) => control.emit('trigger', text, () => acked());
    const baselineRound = async (k: number) => {
      collectGarbage();
      await baseline.memory(true);
      await sleep(200);
      return baselineMeter.measure(announcementText(k), triggerBaseline, timeoutMs);
    };
    for (let i = 0; i < warmup; i++) await baselineRound(k++);

    // ---- Measured rounds, alternating ---------------------------------------------------------
    const ours: RoundResult[] = [];
    const theirs: RoundResult[] = [];
    for (let i = 0; i < rounds; i++) {
      const a = await indabaRound(k++);
      const b = await baselineRound(k++);
      ours.push(a);
      theirs.push(b);
      note(
        `  round ${i + 1}/${rounds}: indaba p50 ${a.latency.length ? percentile(a.latency, 50).toFixed(1) : '-'} p99 ${a.latency.length ? percentile(a.latency, 99).toFixed(1) : '-'} ms` +
          ` (missing ${a.missing}) | baseline p50 ${b.latency.length ? percentile(b.latency, 50).toFixed(1) : '-'} p99 ${b.latency.length ? percentile(b.latency, 99).toFixed(1) : '-'} ms (missing ${b.missing})`,
      );
    }

    const all = (rs: RoundResult[]) => {
      const out = new Float64Array(rs.reduce((s, r) => s + r.latency.length, 0));
      let at = 0;
      for (const r of rs) {
        out.set(r.latency, at);
        at += r.latency.length;
      }
      return out;
    };
    const mean = (rs: RoundResult[], f: (r: RoundResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const oursAll = all(ours);
    const theirsAll = all(theirs);
    const p99 = percentile(oursAll, 99);
    const baseP99 = percentile(theirsAll, 99);
    const result: BenchResult = {
      bench: 'fanout',
      n,
      p50_ms: round(percentile(oursAll, 50)),
      p99_ms: round(p99),
      baseline_p50_ms: round(percentile(theirsAll, 50)),
      baseline_p99_ms: round(baseP99),
      ratio: round(p99 / baseP99),
      bytes_per_participant: Math.round(mean(ours, (r) => r.bytes)),
      baseline_bytes_per_participant: Math.round(mean(theirs, (r) => r.bytes)),
      view_bytes: Math.round(mean(ours, (r) => r.viewBytes)),
      messages_per_participant: round(mean(ours, (r) => r.messages)),
      max_ms: round(percentile(oursAll, 100)),
      baseline_max_ms: round(percentile(theirsAll, 100)),
      // rounds run back to back, so a noisy moment hits one pair: the median of per-round ratios is steadier
      ratio_median_by_round: round(percentile(Float64Array.from(ours.map((r, i) => percentile(r.latency, 99) / percentile(theirs[i]!.latency, 99))), 50)),
      p99_by_round_ms: ours.map((r) => round(percentile(r.latency, 99), 1)),
      baseline_p99_by_round_ms: theirs.map((r) => round(percentile(r.latency, 99), 1)),
      command_ack_ms: round(percentile(Float64Array.from(ours.map((r) => r.ackMs)), 50)),
      missing: ours.reduce((s, r) => s + r.missing, 0),
      baseline_missing: theirs.reduce((s, r) => s + r.missing, 0),
      rounds,
      samples: oursAll.length,
      join_seconds: round(joinMs / 1000, 1),
      joins_per_second: Math.round(n / (joinMs / 1000)),
      baseline_connect_seconds: round(baseConnectMs / 1000, 1),
      rss_mb: round(memFull.rss / MB, 1),
      rss_empty_mb: round(memEmpty.rss / MB, 1),
      rss_kb_per_participant: round((memFull.rss - memEmpty.rss) / 1024 / n, 1),
      heap_kb_per_participant: round((memFull.heapUsed - memEmpty.heapUsed) / 1024 / n, 1),
      baseline_rss_kb_per_client: round((baseFull.rss - baseEmpty.rss) / 1024 / n, 1),
    };
    if (profileDir) note(`fanout: CPU profiles (open in Chrome DevTools) will be in ${profileDir}`);
    return result;
  } finally {
    for (const c of closers) c.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}
