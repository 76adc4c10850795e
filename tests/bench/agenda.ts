/**
 * The run of show and the harvest at scale, with the 'community-of-practice-90' template.
 *
 * 1. "Next" fan-out: one workshop, a host and n participants on the Indaba server (a child process).
 *    The host loads the template and presses "next" through every segment (welcome, check-in, café,
 *    break, breakouts, harvest plenary, check-out) and once more to finish. Latency per participant
 *    runs from just before the host emits `agenda.next` to the receipt of the first view whose
 *    agenda shows the new current segment (after the last press: every item done). Right after each
 *    Indaba press, a bare Socket.IO server (serve-baseline.ts, its own process) emits to each of n
 *    clients that participant's own view captured from that press: the same per-client payloads.
 *    Between presses the people do what the segment asks (every participant answers the check-in,
 *    every other one the check-out, one person per café table and per breakout room writes notes),
 *    and the next press waits until nothing has been received for a while.
 *    The template's café asks for volunteer hosts ("next" would then wait for them); the bench's copy
 *    sets `hosts: 'none'` so "next" starts it. Its three tables are written for a meeting of a few
 *    dozen: at 2,000 people they would be tables of ~667 (each person's view lists their table, and
 *    the rotation is planned for tables that size). So the bench's café has one table per
 *    `--cafe-table-size` people (default 20, the smallest CAFE_LIMITS.tables allows at 2,000), at
 *    both sizes, so the comparison of bytes is like for like: the template's three tables, then
 *    copies with their name and topic (not the question: 100 full tables would not fit in one
 *    `agenda.set` message). `--cafe-tables 3` runs the template's café as written.
 * 2. Bytes and messages per participant per press, at n and in a second, smaller workshop (`--small`,
 *    default 200) running the same agenda on the same server in the same run.
 * 3. Harvest: after the agenda, every area is made shareable; then the host's `harvest.record` and
 *    each `harvest.export` format are timed (ack round trip, median of `--harvest-reps`), with their
 *    sizes. Baselines: JSON.stringify of the same record in this process, and a `clock` round trip.
 * 4. Server RSS per connected participant at n.
 *
 * A small warm-up workshop (`--warmup-n`, default 100; 0 skips it) runs the whole agenda first, so
 * the measured presses are not the first time the server runs each activity.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { SegmentInput } from '../../shared/agenda.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import { CAFE_LIMITS } from '../../shared/cafe-limits.ts';
import type { HarvestFormat, HarvestRecord } from '../../shared/harvest.ts';
import type { CreateWorkshopResponse } from '../../shared/http.ts';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, createWorkshop, crowd, hostOf, type SimPerson } from '../sim/index.ts';
import { BenchChild } from './child.ts';
import { collectGarbage, percentile, round, sleep } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';
import { connectAll, until } from './sockets.ts';
import { Meter, type PressResult } from './view-meter.ts';

export const bench: Bench = {
  description: 'agenda: each "next" through the community-of-practice template vs a bare Socket.IO emit, bytes per press, harvest record and export times',
  defaultN: 2000,
  run,
};

const MB = 1024 * 1024;
const TEMPLATE_ID = 'community-of-practice-90';
const FORMATS: readonly HarvestFormat[] = ['markdown', 'html', 'polls.csv', 'attendance.csv', 'json'];

/** What a press waits for in a participant's view: this segment current, or (null) the agenda finished. */
type Target = string | null;

function shows(view: ParticipantView | undefined | null, target: Target): boolean {
  const agenda = view?.agenda;
  if (!agenda || agenda.items.length === 0) return false;
  if (target === null) return agenda.items.every((i) => i.status === 'done');
  return agenda.items.some((i) => i.id === target && i.status === 'current');
}

// ---- the agenda -------------------------------------------------------------------------------------

/** The template's segments, with the café's hosts set to 'none' and `tables` tables. */
function benchSegments(tables: number): SegmentInput[] {
  const template = AGENDA_TEMPLATES.find((t) => t.id === TEMPLATE_ID);
  if (!template) throw new Error(`no agenda template "${TEMPLATE_ID}"`);
  return template.segments.map((s) => {
    if (s.activity.kind !== 'cafe') return s;
    const own = s.activity.tables;
    return {
      ...s,
      activity: {
        ...s.activity,
        hosts: 'none' as const,
        tables: Array.from({ length: tables }, (_, i) => {
          const t = own[i % own.length]!;
          return i < own.length ? t : { name: `${t.name ?? 'Table'} ${Math.floor(i / own.length) + 1}`, topic: t.topic ?? '' };
        }),
      },
    };
  });
}

/** Café tables for `people`: the template's own count if asked for, else one per `size` people. */
function cafeTablesFor(people: number, asked: number, size: number): number {
  if (asked > 0) return Math.min(CAFE_LIMITS.tables, asked);
  return Math.min(CAFE_LIMITS.tables, Math.max(3, Math.ceil(people / size)));
}




/** Runs `task` for every item with at most `concurrency` at once; counts refusals. */
async function pool<T>(items: readonly T[], concurrency: number, task: (item: T, i: number) => Promise<boolean>): Promise<number> {
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      if (!(await task(items[i]!, i).catch(() => false))) refused++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(items.length, concurrency) }, worker));
  return refused;
}

// ---- one workshop running the agenda ----------------------------------------------------------------

type Press = { label: string; from: Target; target: Target; kind: string };

type PressOutcome = PressResult & { press: Press; activityMs: number };

type Hooks = {
  /** Called right after each measured Indaba press (the baseline runs here). */
  afterPress?: (press: Press, result: PressResult, index: number) => Promise<void>;
  /** Before each press: a clean heap here and on the server. */
  beforePress?: () => Promise<void>;
};

class AgendaWorkshop {
  readonly meter: Meter;
  readonly problems: Record<string, string> = {};
  refused = 0;
  answers = 0;
  notes = 0;

  private constructor(
    readonly label: string,
    readonly host: SimPerson,
    readonly people: SimPerson[],
    readonly segments: SegmentInput[],
    readonly joinMs: number,
    private readonly options: { timeoutMs: number; settleMs: number; quietMs: number; concurrency: number },
  ) {
    this.meter = new Meter(people.map((p) => p.socket as unknown as Socket));
  }

  static async start(
    url: string,
    label: string,
    n: number,
    segments: SegmentInput[],
    options: { timeoutMs: number; settleMs: number; quietMs: number; concurrency: number },
    closers: Array<{ close(): unknown }>,
  ): Promise<AgendaWorkshop> {
    const workshop: CreateWorkshopResponse = await createWorkshop(url, {
      title: `Community of practice meeting (${label})`,
      description: 'Agenda benchmark: the whole run of show, then the harvest.',
      profileFields: DEMO_FIELDS,
    });
    const host = await hostOf(url, workshop);
    closers.push(host);
    note(`agenda: ${label}: joining ${n} participants (concurrency ${options.concurrency})...`);
    const joinStart = performance.now();
    const progress = setInterval(() => {
      const members = host.console?.members.length ?? 0;
      note(`  ${Math.max(0, members - 1)}/${n} joined after ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);
    }, 5_000);
    let people: SimPerson[];
    try {
      people = await crowd(url, workshop.code, n, { concurrency: options.concurrency });
    } finally {
      clearInterval(progress);
    }
    closers.push(...people);
    const joinMs = performance.now() - joinStart;
    note(`agenda: ${label}: ${n} joined in ${(joinMs / 1000).toFixed(1)} s`);
    // counts reach participants at most once a second: let the join storm's last views land
    await until(() => people.every((p) => p.view?.counts.present === n + 1), 30_000, 'everyone to see the final head count');
    await host.do({ type: 'agenda.set', segments });
    await until(() => people.every((p) => (p.view?.agenda?.items.length ?? 0) === segments.length), options.timeoutMs, 'everyone to see the agenda');
    await sleep(1_500);
    return new AgendaWorkshop(label, host, people, segments, joinMs, options);
  }

  /** Every press of the agenda, in order: into each segment, then the finish. */
  presses(): Press[] {
    const list: Press[] = [];
    let from: Target = null;
    for (const s of this.segments) {
      const label = `${s.id}:${s.activity.kind}`;
      list.push({ label, from, target: s.id, kind: s.activity.kind });
      from = s.id;
    }
    list.push({ label: 'end', from, target: null, kind: 'end' });
    return list;
  }

  async runAgenda(hooks: Hooks = {}): Promise<PressOutcome[]> {
    const outcomes: PressOutcome[] = [];
    const presses = this.presses();
    for (const [index, press] of presses.entries()) {
      await this.meter.quiet(this.options.quietMs, 30_000);
      if (hooks.beforePress) await hooks.beforePress();
      const result = await this.meter.measure(
        (view) => shows(view, press.target),
        (acked) =>
          this.host.socket.emit('command', { type: 'agenda.next', from: press.from }, (ack) => {
            if (!ack.ok) note(`agenda.next refused: ${ack.error.message}`);
            acked();
          }),
        this.options.timeoutMs,
        this.options.settleMs,
      );
      await this.host.untilConsole((c) => c.agenda.currentId === press.target, this.options.timeoutMs, `${press.label} on the console`);
      const run = press.target ? this.host.console?.agenda.runs[press.target] : undefined;
      if (run?.problem) {
        this.problems[press.label] = run.problem;
        note(`  ${press.label}: the activity did not start by itself: ${run.problem}`);
      }
      if (hooks.afterPress) await hooks.afterPress(press, result, index);
      const activityStart = performance.now();
      await this.activity(press);
      outcomes.push({ ...result, press, activityMs: performance.now() - activityStart });
    }
    return outcomes;
  }

  /** What the people do during a segment, so the harvest has answers and notes. */
  private async activity(press: Press): Promise<void> {
    const c = this.options.concurrency * 2;
    if (press.kind === 'checkin' || press.kind === 'checkout') {
      const who = press.kind === 'checkin' ? this.people : this.people.filter((_, i) => i % 2 === 0);
      this.refused += await pool(who, c, async (p, i) => {
        const poll = p.view?.polls.find((x) => x.status === 'open' && x.definition.kind === 'checkin');
        if (!poll) return false;
        const text =
          press.kind === 'checkin'
            ? `Arriving from a busy month at ${p.view?.me.name ?? 'work'}'s organisation: we opened a new drop-in (${i}).`
            : `I take with me the idea of shared referrals, and I would like to talk with table ${i % 7} again.`;
        const r = await p.command({ type: 'poll.answer', pollId: poll.id, answer: { kind: 'checkin', text } });
        if (r.ok) this.answers++;
        return r.ok;
      });
    } else if (press.kind === 'cafe') {
      const writers = new Map<string, { p: SimPerson; round: number }>();
      for (const p of this.people) {
        const cafe = p.view?.cafe;
        if (cafe?.table && !writers.has(cafe.table.id)) writers.set(cafe.table.id, { p, round: cafe.round });
      }
      this.refused += await pool([...writers], c, async ([tableId, { p, round: r }]) => {
        const text = `Table ${tableId}, round ${r}: trust grows when we keep our promises, share credit, and let people with lived experience lead. Ideas: a shared referral sheet; a monthly call.`;
        const ack = await p.command({ type: 'cafe.notes', tableId, text, round: r });
        if (ack.ok) this.notes++;
        return ack.ok;
      });
    } else if (press.kind === 'breakouts') {
      const writers = new Map<string, SimPerson>();
      for (const p of this.people) {
        const room = p.view?.breakout?.room;
        if (room && !writers.has(room.id)) writers.set(room.id, p);
      }
      this.refused += await pool([...writers], c, async ([roomId, p]) => {
        const text = `Room ${roomId}: we will try a shared intake form across our organisations and meet again in March to see how it went.`;
        const ack = await p.command({ type: 'breakouts.notes', roomId, text });
        if (ack.ok) this.notes++;
        return ack.ok;
      });
    }
  }
}

// ---- harvest ------------------------------------------------------------------------------------------

type HarvestFigures = {
  record_ms: number;
  record_bytes: number;
  record_stringify_ms: number;
  clock_rtt_ms: number;
  export_ms: Record<string, number>;
  export_bytes: Record<string, number>;
  shared_areas: number;
};

const median = (xs: number[]) => percentile(Float64Array.from(xs), 50);

async function harvest(host: SimPerson, reps: number, timeoutMs: number): Promise<HarvestFigures> {
  const socket = host.socket.timeout(timeoutMs);
  const getRecord = async (): Promise<HarvestRecord> => {
    const ack = await socket.emitWithAck('harvest.record');
    if (!ack.ok) throw new Error(`harvest.record refused: ${ack.error.message}`);
    return ack.data;
  };
  // every area shareable, so the exports carry everything
  const first = await getRecord();
  const areas = [first.attendance.area, ...first.notes.map((x) => x.area), ...first.polls.map((x) => x.area)];
  for (const area of areas) await host.do({ type: 'harvest.privacy', area, level: 'shareable' });
  await sleep(500);

  const recordMs: number[] = [];
  const stringifyMs: number[] = [];
  const clockMs: number[] = [];
  let recordBytes = 0;
  for (let i = 0; i <= reps; i++) {
    collectGarbage();
    const t0 = performance.now();
    const record = await getRecord();
    const ms = performance.now() - t0;
    const s0 = performance.now();
    const json = JSON.stringify(record);
    const sMs = performance.now() - s0;
    const c0 = performance.now();
    await socket.emitWithAck('clock', Date.now());
    const cMs = performance.now() - c0;
    if (i === 0) continue; // warm-up
    recordMs.push(ms);
    stringifyMs.push(sMs);
    clockMs.push(cMs);
    recordBytes = Buffer.byteLength(json);
  }
  const exportMs: Record<string, number> = {};
  const exportBytes: Record<string, number> = {};
  for (const format of FORMATS) {
    const times: number[] = [];
    for (let i = 0; i <= reps; i++) {
      collectGarbage();
      const t0 = performance.now();
      const ack = await socket.emitWithAck('harvest.export', { format });
      const ms = performance.now() - t0;
      if (!ack.ok) throw new Error(`harvest.export ${format} refused: ${ack.error.message}`);
      exportBytes[format] = Buffer.byteLength(ack.data.text);
      if (i > 0) times.push(ms);
    }
    exportMs[format] = round(median(times));
  }
  return {
    record_ms: round(median(recordMs)),
    record_bytes: recordBytes,
    record_stringify_ms: round(median(stringifyMs)),
    clock_rtt_ms: round(median(clockMs)),
    export_ms: exportMs,
    export_bytes: exportBytes,
    shared_areas: areas.length,
  };
}

// ---- the run --------------------------------------------------------------------------------------------

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const p = (r: PressResult, q: number) => (r.latency.length ? percentile(r.latency, q) : Number.NaN);
const mean = <T>(rs: T[], f: (r: T) => number) => (rs.length ? rs.reduce((s, r) => s + f(r), 0) / rs.length : Number.NaN);

function allLatencies(rs: PressResult[]): Float64Array {
  const out = new Float64Array(rs.reduce((s, r) => s + r.latency.length, 0));
  let at = 0;
  for (const r of rs) {
    out.set(r.latency, at);
    at += r.latency.length;
  }
  return out;
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const small = numberOption(options, 'small', 200);
  const warmupN = numberOption(options, 'warmup-n', 100);
  const concurrency = numberOption(options, 'concurrency', 50);
  const timeoutMs = numberOption(options, 'timeout', 60_000);
  const settleMs = numberOption(options, 'settle', 1_000);
  const quietMs = numberOption(options, 'quiet', 700);
  const reps = numberOption(options, 'harvest-reps', 5);
  const cafeTables = numberOption(options, 'cafe-tables', 0);
  const cafeTableSize = numberOption(options, 'cafe-table-size', 20);
  const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-prof-')) : undefined;
  const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const loadStart = os.loadavg()[0]!;
  const segmentsFor = (people: number) => benchSegments(cafeTablesFor(people, cafeTables, cafeTableSize));
  const wopts = { timeoutMs, settleMs, quietMs, concurrency };
  const started = performance.now();

  const children: BenchChild[] = [];
  const closers: Array<{ close(): unknown }> = [];
  try {
    const indaba = await BenchChild.start('serve-indaba.ts', { nodeFlags });
    children.push(indaba);

    // ---- warm-up: the whole agenda once in a small workshop ----------------------------------------
    if (warmupN > 0) {
      const warm: Array<{ close(): unknown }> = [];
      const w = await AgendaWorkshop.start(indaba.url, `warm-up n=${warmupN}`, warmupN, segmentsFor(warmupN), wopts, warm);
      const outcomes = await w.runAgenda();
      await harvest(w.host, 1, timeoutMs);
      note(`agenda: warm-up done (p99 ${fmt(percentile(allLatencies(outcomes), 99))} ms)`);
      for (const c of warm) c.close();
      await sleep(1_000);
    }

    // ---- the workshop at n, and the baseline beside it ----------------------------------------------
    const memEmpty = await indaba.memory();
    const big = await AgendaWorkshop.start(indaba.url, `n=${n}`, n, segmentsFor(n), wopts, closers);
    const memFull = await indaba.memory();

    const baseline = await BenchChild.start('serve-baseline.ts', { nodeFlags });
    children.push(baseline);
    const baseEmpty = await baseline.memory();
    note(`agenda: connecting ${n} clients to the baseline...`);
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
    const control = (await connectAll(1, 1, () => io(baseline.url, { transports: ['websocket'], forceNew: true, auth: { control: true } })))[0]!;
    closers.push(control);
    await sleep(1_000);
    const baseFull = await baseline.memory();
    // the baseline clients keep the latest view as SimPerson does
    const latest: unknown[] = new Array(n);
    baseSockets.forEach((s, i) => s.on('view', (v: unknown) => (latest[i] = v)));
    const baselineMeter = new Meter(baseSockets);
    let version = 1_000_000;

    const theirs: PressResult[] = [];
    const hooks: Hooks = {
      beforePress: async () => {
        collectGarbage();
        await indaba.memory(true);
        await sleep(300);
      },
      afterPress: async (press, ours, index) => {
        // the baseline: each client its own view from this press
        const views: Record<string, ParticipantView> = {};
        big.people.forEach((person, i) => {
          const v = ours.views[i];
          if (v) views[person.id] = v;
        });
        baseline.send({ type: 'views', views });
        // IPC is in order: once memory answers, the views are in place
        await baseline.memory(true);
        const baselinePress = async () => {
          collectGarbage();
          await sleep(300);
          return baselineMeter.measure((view) => shows(view, press.target), (acked) => control.emit('trigger-views', ++version, () => acked()), timeoutMs, settleMs);
        };
        if (index === 0) await baselinePress(); // warm-up
        const b = await baselinePress();
        theirs.push(b);
        note(
          `  ${press.label.padEnd(12)} indaba p50 ${fmt(p(ours, 50))} p99 ${fmt(p(ours, 99))} ms (missing ${ours.missing}, ack ${fmt(ours.ackMs)} ms, ` +
            `${Math.round(ours.bytes)} B, ${ours.messages.toFixed(2)} msgs/participant) | baseline p50 ${fmt(p(b, 50))} p99 ${fmt(p(b, 99))} ms (missing ${b.missing}, ${Math.round(b.bytes)} B)`,
        );
      },
    };
    note(`agenda: ${n} participants: pressing "next" through ${big.segments.length} segments (café: ${cafeTablesFor(n, cafeTables, cafeTableSize)} tables) and the finish...`);
    const ours = await big.runAgenda(hooks);
    const memAfter = await indaba.memory();
    for (const s of baseSockets) s.close();
    control.close();

    note(`agenda: harvest at n=${n} (${reps} runs per request)...`);
    const harvestBig = await harvest(big.host, reps, timeoutMs);
    note(`  record ${harvestBig.record_ms} ms (${harvestBig.record_bytes} B), exports ${JSON.stringify(harvestBig.export_ms)} ms`);
    // the big workshop's clients are done: free this process's CPU for the small workshop
    for (const person of big.people) person.close();

    // ---- the same agenda in a smaller workshop, same server, same run -----------------------------------
    const little = await AgendaWorkshop.start(indaba.url, `n=${small}`, small, segmentsFor(small), wopts, closers);
    const smallResults = await little.runAgenda({
      beforePress: async () => {
        collectGarbage();
        await indaba.memory(true);
        await sleep(300);
      },
    });
    for (const r of smallResults) note(`  ${small}-person ${r.press.label.padEnd(12)} p99 ${fmt(p(r, 99))} ms, ${Math.round(r.bytes)} B, ${r.messages.toFixed(2)} msgs/participant`);
    const harvestSmall = await harvest(little.host, Math.min(reps, 3), timeoutMs);

    // ---- the result ---------------------------------------------------------------------------------------
    const oursAll = allLatencies(ours);
    const theirsAll = allLatencies(theirs);
    const p99 = percentile(oursAll, 99);
    const baseP99 = percentile(theirsAll, 99);
    const p99NoCafe = percentile(allLatencies(ours.filter((r) => r.press.kind !== 'cafe')), 99);
    const baseP99NoCafe = percentile(allLatencies(theirs.filter((_, i) => ours[i]!.press.kind !== 'cafe')), 99);
    const bytes = mean(ours, (r) => r.bytes);
    const bytesSmall = mean(smallResults, (r) => r.bytes);
    const notCafe = (r: PressOutcome) => r.press.kind !== 'cafe';
    const bytesNoCafe = mean(ours.filter(notCafe), (r) => r.bytes);
    const bytesSmallNoCafe = mean(smallResults.filter(notCafe), (r) => r.bytes);
    const bySegment: Record<string, Record<string, number>> = {};
    ours.forEach((r, i) => {
      const b = theirs[i]!;
      const s = smallResults[i];
      bySegment[r.press.label] = {
        p50_ms: round(p(r, 50)),
        p99_ms: round(p(r, 99)),
        baseline_p99_ms: round(p(b, 99)),
        ratio: round(p(r, 99) / p(b, 99)),
        ack_ms: round(r.ackMs),
        bytes: Math.round(r.bytes),
        bytes_small: s ? Math.round(s.bytes) : Number.NaN,
        p99_ms_small: s ? round(p(s, 99)) : Number.NaN,
        ack_ms_small: s ? round(s.ackMs) : Number.NaN,
        view_bytes: Math.round(r.viewBytes),
        messages: round(r.messages),
        missing: r.missing,
      };
    });
    const result: BenchResult = {
      bench: 'agenda',
      n,
      template: TEMPLATE_ID,
      presses: ours.length,
      p50_ms: round(percentile(oursAll, 50)),
      p99_ms: round(p99),
      baseline_p50_ms: round(percentile(theirsAll, 50)),
      baseline_p99_ms: round(baseP99),
      ratio: round(p99 / baseP99),
      // presses run back to back, so a noisy moment hits one pair: the median of per-press ratios is steadier
      // the café's "next" plans the whole rotation before anyone moves: the fan-out alone is the rest
      p99_ms_without_cafe: round(p99NoCafe),
      baseline_p99_ms_without_cafe: round(baseP99NoCafe),
      ratio_without_cafe: round(p99NoCafe / baseP99NoCafe),
      ratio_median_by_press: round(percentile(Float64Array.from(ours.map((r, i) => p(r, 99) / p(theirs[i]!, 99))), 50)),
      missing: ours.reduce((s, r) => s + r.missing, 0),
      baseline_missing: theirs.reduce((s, r) => s + r.missing, 0),
      bytes_per_participant: Math.round(bytes),
      bytes_at_small_n: Math.round(bytesSmall),
      small_n: small,
      bytes_growth: round(bytes / bytesSmall, 3),
      bytes_growth_without_cafe: round(bytesNoCafe / bytesSmallNoCafe, 3),
      baseline_bytes_per_participant: Math.round(mean(theirs, (r) => r.bytes)),
      messages_per_press: round(mean(ours, (r) => r.messages)),
      messages_per_press_at_small_n: round(mean(smallResults, (r) => r.messages)),
      max_ms: round(percentile(oursAll, 100)),
      baseline_max_ms: round(percentile(theirsAll, 100)),
      next_ack_p50_ms: round(median(ours.map((r) => r.ackMs))),
      p99_ms_at_small_n: round(percentile(allLatencies(smallResults), 99)),
      by_segment: bySegment,
      problems: { ...big.problems },
      answers: big.answers,
      notes_written: big.notes,
      refused: big.refused,
      record_ms: harvestBig.record_ms,
      record_bytes: harvestBig.record_bytes,
      record_stringify_ms: harvestBig.record_stringify_ms,
      clock_rtt_ms: harvestBig.clock_rtt_ms,
      export_ms: harvestBig.export_ms,
      export_bytes: harvestBig.export_bytes,
      record_ms_at_small_n: harvestSmall.record_ms,
      export_ms_at_small_n: harvestSmall.export_ms,
      export_bytes_at_small_n: harvestSmall.export_bytes,
      cafe_tables: cafeTablesFor(n, cafeTables, cafeTableSize),
      cafe_tables_at_small_n: cafeTablesFor(small, cafeTables, cafeTableSize),
      join_seconds: round(big.joinMs / 1000, 1),
      rss_mb: round(memFull.rss / MB, 1),
      rss_mb_after_agenda: round(memAfter.rss / MB, 1),
      rss_kb_per_participant: round((memFull.rss - memEmpty.rss) / 1024 / n, 1),
      baseline_rss_kb_per_client: round((baseFull.rss - baseEmpty.rss) / 1024 / n, 1),
      seconds: round((performance.now() - started) / 1000, 1),
      load_avg_1m: round(loadStart),
    };
    if (profileDir) note(`agenda: CPU profiles (open in Chrome DevTools, or tests/bench/profile-summary.ts) will be in ${profileDir}`);
    return result;
  } finally {
    for (const c of closers) c.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}
