/**
 * Breakouts at scale: n participants into rooms of `--rooms-size` (default 10: 200 rooms at 2,000).
 *
 * 1. Compute: `planBreakouts` for every strategy, in-process and pure (see breakouts-compute.ts);
 *    `--compute-only` stops there, `--history-rounds` (default 3) sets how many closed rounds it has.
 * 2. Open fan-out: one workshop, a host and n participants on the Indaba server (a child process).
 *    Each round the host plans (random, by count), waits for the draft on its console, then opens;
 *    latency per participant runs from just before the host emits `breakouts.open` to the receipt of
 *    the first view with `breakout.room` set. Then the rooms close and everyone is back in plenary
 *    before the next round. The baseline is a bare Socket.IO server (serve-baseline.ts, its own
 *    process) emitting to each of n clients that participant's own open view, captured from Indaba's
 *    warm-up round. Rounds alternate Indaba / baseline after one warm-up of each.
 * 3. Bytes: everything one participant receives in the open round's window, at n and in a second,
 *    smaller workshop (`--small`, default 200) on the same server in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { CreateWorkshopResponse } from '../../shared/http.ts';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, createWorkshop, crowd, hostOf, type SimPerson } from '../sim/index.ts';
import { computeBench } from './breakouts-compute.ts';
import { BenchChild } from './child.ts';
import { collectGarbage, percentile, round, sleep } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';
import { connectAll, until } from './sockets.ts';
import { Meter, type PressResult } from './view-meter.ts';

export const bench: Bench = {
  description: 'breakouts: plan time per strategy, open fan-out to every room vs a bare Socket.IO emit, bytes per participant',
  defaultN: 2000,
  run,
};

const MB = 1024 * 1024;

const hasRoom = (v: ParticipantView | undefined): boolean => v?.breakout?.room != null;



/** One workshop on the Indaba server with a host and `n` participants, and its rounds. */
class RoomsWorkshop {
  private closedRounds = 0;
  readonly meter: Meter;

  private constructor(
    readonly label: string,
    readonly host: SimPerson,
    readonly people: SimPerson[],
    readonly rooms: number,
    readonly joinMs: number,
    private readonly timeoutMs: number,
  ) {
    this.meter = new Meter(people.map((p) => p.socket as unknown as Socket));
  }

  static async start(
    url: string,
    label: string,
    n: number,
    roomSize: number,
    concurrency: number,
    timeoutMs: number,
    closers: Array<{ close(): unknown }>,
  ): Promise<RoomsWorkshop> {
    const workshop: CreateWorkshopResponse = await createWorkshop(url, {
      title: `Community of practice: breakouts (${label})`,
      description: 'Breakouts benchmark: everyone into rooms and back.',
      profileFields: DEMO_FIELDS,
    });
    const host = await hostOf(url, workshop);
    closers.push(host);
    note(`breakouts: ${label}: joining ${n} participants (concurrency ${concurrency})...`);
    const joinStart = performance.now();
    const progress = setInterval(() => {
      const members = host.console?.members.length ?? 0;
      note(`  ${Math.max(0, members - 1)}/${n} joined after ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);
    }, 5_000);
    let people: SimPerson[];
    try {
      people = await crowd(url, workshop.code, n, { concurrency });
    } finally {
      clearInterval(progress);
    }
    closers.push(...people);
    const joinMs = performance.now() - joinStart;
    note(`breakouts: ${label}: ${n} joined in ${(joinMs / 1000).toFixed(1)} s`);
    // counts reach participants at most once a second: let the join storm's last views land
    await until(() => people.every((p) => p.view?.counts.present === n + 1), 30_000, 'everyone to see the final head count');
    await sleep(1_500);
    return new RoomsWorkshop(label, host, people, Math.max(1, Math.round(n / roomSize)), joinMs, timeoutMs);
  }

  /** Plan (random, by count) and wait for the draft on the console; open (measured); close and wait for plenary. */
  async round(): Promise<PressResult & { planMs: number; closeMs: number }> {
    const expected = this.closedRounds + 1;
    const planStart = performance.now();
    await this.host.do({ type: 'breakouts.plan', sizing: { by: 'count', rooms: this.rooms }, strategy: { kind: 'random' } });
    await this.host.untilConsole(
      (c) => c.breakouts?.phase === 'draft' && c.breakouts.round === expected && c.breakouts.report.people === this.people.length,
      this.timeoutMs,
      `the draft of round ${expected}`,
    );
    const planMs = performance.now() - planStart;
    // the draft's console patch is out; start the open from a quiet server and a clean heap here
    collectGarbage();
    await sleep(300);

    const result = await this.meter.measure(
      hasRoom,
      (acked) =>
        this.host.socket.emit('command', { type: 'breakouts.open', durationMs: 600_000 }, (ack) => {
          if (!ack.ok) note(`breakouts.open refused: ${ack.error.message}`);
          acked();
        }),
      this.timeoutMs,
      250,
    );

    const closeStart = performance.now();
    await this.host.do({ type: 'breakouts.close', immediately: true });
    await until(() => this.people.every((p) => p.view?.breakout === null), this.timeoutMs, 'everyone back in plenary');
    await this.host.untilConsole((c) => c.breakouts === null && c.record.rounds.length === expected, this.timeoutMs, 'the closed round on the console');
    this.closedRounds = expected;
    return { ...result, planMs, closeMs: performance.now() - closeStart };
  }
}

const p = (r: PressResult, q: number) => (r.latency.length ? percentile(r.latency, q) : Number.NaN);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

function allLatencies(rs: PressResult[]): Float64Array {
  const out = new Float64Array(rs.reduce((s, r) => s + r.latency.length, 0));
  let at = 0;
  for (const r of rs) {
    out.set(r.latency, at);
    at += r.latency.length;
  }
  return out;
}

const mean = <T>(rs: T[], f: (r: T) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const roomSize = numberOption(options, 'rooms-size', 10);
  const small = numberOption(options, 'small', 200);
  const rounds = numberOption(options, 'rounds', 5);
  const smallRounds = numberOption(options, 'small-rounds', 3);
  const warmup = numberOption(options, 'warmup', 1);
  const computeRuns = numberOption(options, 'compute-runs', 5);
  const historyRounds = numberOption(options, 'history-rounds', 3);
  const concurrency = numberOption(options, 'concurrency', 50);
  const timeoutMs = numberOption(options, 'timeout', 60_000);
  const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-prof-')) : undefined;
  const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const loadStart = os.loadavg()[0]!;

  // ---- 1. Compute: pure, in this process, before any server runs ------------------------------
  note(`breakouts: compute — ${n} people into ${Math.max(1, Math.round(n / roomSize))} rooms, ${computeRuns} runs per strategy`);
  const compute = computeBench(n, roomSize, computeRuns, note, historyRounds);
  if (options['compute-only']) return { bench: 'breakouts', n, ...compute, load_avg_1m: round(loadStart) };

  const children: BenchChild[] = [];
  const closers: Array<{ close(): unknown }> = [];
  try {
    // ---- 2. Open fan-out on Indaba ------------------------------------------------------------
    const indaba = await BenchChild.start('serve-indaba.ts', { nodeFlags });
    children.push(indaba);
    const memEmpty = await indaba.memory();
    const big = await RoomsWorkshop.start(indaba.url, `n=${n}`, n, roomSize, concurrency, timeoutMs, closers);
    const memFull = await indaba.memory();

    const indabaRound = async () => {
      await indaba.memory(true);
      return big.round();
    };
    let captured: (PressResult & { planMs: number }) | null = null;
    for (let i = 0; i < warmup; i++) {
      captured = await indabaRound();
      note(`  warm-up: indaba p50 ${fmt(p(captured, 50))} p99 ${fmt(p(captured, 99))} ms (missing ${captured.missing}), plan ${captured.planMs.toFixed(0)} ms`);
    }
    if (!captured || captured.missing) throw new Error('the warm-up round did not put every participant in a room: no baseline payloads to send');
    const views: Record<string, ParticipantView> = {};
    big.people.forEach((person, i) => (views[person.id] = captured!.views[i]!));

    // ---- Baseline: bare Socket.IO, each client its own captured open view -----------------------
    const baseline = await BenchChild.start('serve-baseline.ts', { nodeFlags });
    children.push(baseline);
    baseline.send({ type: 'views', views });
    const baseEmpty = await baseline.memory();
    note(`breakouts: connecting ${n} clients to the baseline...`);
    const baseStart = performance.now();
    const baseSockets = await connectAll(n, concurrency, (i) =>
      io(baseline.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 1_000,
        auth: { id: big.people[i]!.id, name: big.people[i]!.view?.me.name ?? '' },
      }),
    );
    closers.push(...baseSockets);
    const baseConnectMs = performance.now() - baseStart;
    const control = (await connectAll(1, 1, () => io(baseline.url, { transports: ['websocket'], forceNew: true, auth: { control: true } })))[0]!;
    closers.push(control);
    const held = async () => ((await control.timeout(10_000).emitWithAck('count-views')) as { views: number }).views;
    const heldStart = performance.now();
    while ((await held()) !== n) {
      if (performance.now() - heldStart > 30_000) throw new Error('the baseline did not receive the captured views');
      await sleep(100);
    }
    await sleep(1_000);
    const baseFull = await baseline.memory();
    // the baseline clients keep the latest view as SimPerson does
    const latest: unknown[] = new Array(n);
    baseSockets.forEach((s, i) => s.on('view', (v: unknown) => (latest[i] = v)));
    const baselineMeter = new Meter(baseSockets);
    let version = 1_000_000;
    const baselineRound = async () => {
      collectGarbage();
      await baseline.memory(true);
      await sleep(300);
      return baselineMeter.measure(hasRoom, (acked) => control.emit('trigger-views', ++version, () => acked()), timeoutMs, 250);
    };
    for (let i = 0; i < warmup; i++) await baselineRound();

    // ---- Measured rounds, alternating ---------------------------------------------------------
    const ours: (PressResult & { planMs: number; closeMs: number })[] = [];
    const theirs: PressResult[] = [];
    for (let i = 0; i < rounds; i++) {
      const a = await indabaRound();
      const b = await baselineRound();
      ours.push(a);
      theirs.push(b);
      note(
        `  round ${i + 1}/${rounds}: indaba p50 ${fmt(p(a, 50))} p99 ${fmt(p(a, 99))} ms (missing ${a.missing}, ${Math.round(a.bytes)} B/participant)` +
          ` | baseline p50 ${fmt(p(b, 50))} p99 ${fmt(p(b, 99))} ms (missing ${b.missing}, ${Math.round(b.bytes)} B)`,
      );
    }
    // the big workshop's clients are done: free this process's CPU for the small workshop
    for (const s of baseSockets) s.close();
    control.close();

    // ---- 3. Bytes in a second, smaller workshop, same server, same run ----------------------------
    const little = await RoomsWorkshop.start(indaba.url, `n=${small}`, small, roomSize, concurrency, timeoutMs, closers);
    for (let i = 0; i < warmup; i++) await little.round();
    const smallResults: PressResult[] = [];
    for (let i = 0; i < smallRounds; i++) {
      const r = await little.round();
      smallResults.push(r);
      note(`  ${small}-person workshop round ${i + 1}/${smallRounds}: p99 ${fmt(p(r, 99))} ms, ${Math.round(r.bytes)} B/participant (missing ${r.missing})`);
    }

    const oursAll = allLatencies(ours);
    const theirsAll = allLatencies(theirs);
    const smallAll = allLatencies(smallResults);
    const p99 = percentile(oursAll, 99);
    const baseP99 = percentile(theirsAll, 99);
    const bytes = mean(ours, (r) => r.bytes);
    const bytesSmall = mean(smallResults, (r) => r.bytes);
    const result: BenchResult = {
      bench: 'breakouts',
      n,
      rooms: big.rooms,
      p50_ms: round(percentile(oursAll, 50)),
      p99_ms: round(p99),
      baseline_p50_ms: round(percentile(theirsAll, 50)),
      baseline_p99_ms: round(baseP99),
      ratio: round(p99 / baseP99),
      // rounds run back to back, so a noisy moment hits one pair: the median of per-round ratios is steadier
      ratio_median_by_round: round(percentile(Float64Array.from(ours.map((r, i) => p(r, 99) / p(theirs[i]!, 99))), 50)),
      missing: ours.reduce((s, r) => s + r.missing, 0),
      baseline_missing: theirs.reduce((s, r) => s + r.missing, 0),
      bytes_per_participant: Math.round(bytes),
      bytes_per_participant_at_200: Math.round(bytesSmall),
      bytes_small_n: small,
      bytes_growth_ratio: round(bytes / bytesSmall, 3),
      baseline_bytes_per_participant: Math.round(mean(theirs, (r) => r.bytes)),
      open_view_bytes: Math.round(mean(ours, (r) => r.viewBytes)),
      messages_per_participant: round(mean(ours, (r) => r.messages)),
      max_ms: round(percentile(oursAll, 100)),
      baseline_max_ms: round(percentile(theirsAll, 100)),
      p99_by_round_ms: ours.map((r) => round(p(r, 99), 1)),
      baseline_p99_by_round_ms: theirs.map((r) => round(p(r, 99), 1)),
      p99_ms_at_200: round(percentile(smallAll, 99)),
      open_ack_ms: round(percentile(Float64Array.from(ours.map((r) => r.ackMs)), 50)),
      plan_to_draft_ms: round(percentile(Float64Array.from(ours.map((r) => r.planMs)), 50)),
      close_to_plenary_ms: round(percentile(Float64Array.from(ours.map((r) => r.closeMs)), 50)),
      rounds,
      samples: oursAll.length,
      ...compute,
      join_seconds: round(big.joinMs / 1000, 1),
      baseline_connect_seconds: round(baseConnectMs / 1000, 1),
      rss_mb: round(memFull.rss / MB, 1),
      rss_kb_per_participant: round((memFull.rss - memEmpty.rss) / 1024 / n, 1),
      baseline_rss_kb_per_client: round((baseFull.rss - baseEmpty.rss) / 1024 / n, 1),
      load_avg_1m: round(loadStart),
    };
    if (profileDir) note(`breakouts: CPU profiles (open in Chrome DevTools, or tests/bench/profile-summary.ts) will be in ${profileDir}`);
    return result;
  } finally {
    for (const c of closers) c.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}
