/**
 * Polls at scale: one workshop, a host, n participants who answer and `--viewers` (default 1) who
 * only watch, on the Indaba server (a child process); the clients live in this process.
 *
 * 1. Single choice, live results, plenary. Each round the host closes the previous poll, creates
 *    and launches a new one, and once everyone sees it open, all n participants answer at once
 *    (or evenly over `--spread-ms`). Per answer: emit → ack latency; per burst: ok acks per second
 *    (from the first emit to the last ack), and afterwards the host console's `responses`, which
 *    must equal the ok acks (a mismatch is reported, not hidden).
 * 2. Baseline: a bare Socket.IO server (serve-echo.ts, its own process) acknowledging each of n
 *    clients' `command` with a tiny echo, with the same payloads and the same burst shape. Rounds
 *    alternate Indaba / baseline after `--warmup` of each; every sample of every measured round counts.
 * 3. Bytes: everything a watching participant receives from the burst until the results have
 *    settled (+1.2 s for stragglers). Messages carrying this poll's results are counted
 *    (`results_updates_per_viewer`) and sized (`bytes_per_results_update`: the whole message, as sent).
 * 4. Word cloud (3 words per person, two of them random: thousands of distinct words): first `--few`
 *    people answer (bytes per update at a few voters), then everyone else in one burst (bytes per
 *    update at n voters, answers per second and ack latency against the echo with the same payloads).
 *
 * `--profile` writes CPU profiles of both servers (read them with profile-summary.ts);
 * `--messages-per-second N` runs Indaba with that per-socket budget instead of the bench's raised one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { PollDefinition } from '../../shared/polls.ts';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, createWorkshop, crowd, hostOf, type SimPerson } from '../sim/index.ts';
import { BenchChild } from './child.ts';
import { Recorder, burst, connectAll, probe, sizeOf, wordsFor, type BurstResult, type Received } from './polls-burst.ts';
import { collectGarbage, percentile, round, sleep } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';
import { until } from './sockets.ts';

export const bench: Bench = {
  description: 'polls: everyone answers at once (single choice, word cloud): answers/s, ack p99 vs a bare Socket.IO echo, bytes per results update',
  defaultN: 2000,
  run,
};

/** child.ts names the scripts it knows; the echo server is started the same way. */
const ECHO_SCRIPT = 'serve-echo.ts' as Parameters<typeof BenchChild.start>[0];
const MB = 1024 * 1024;
/** The responsiveness probe's interval (10 a second: within the production per-socket budget). */
const PROBE_MS = 100;

const OPTIONS = [
  { id: 'funding', label: 'Funding and how to find it' },
  { id: 'voice', label: 'Refugee-led voice in policy' },
  { id: 'safety', label: 'Safety online and offline' },
  { id: 'jobs', label: 'Work and the right to work' },
];

const singleChoice = (k: number): PollDefinition => ({
  kind: 'single',
  question: `Round ${k}: which topic should the next session take up first?`,
  settings: { anonymous: true, results: 'live' },
  options: OPTIONS,
});

const wordCloud: PollDefinition = {
  kind: 'wordcloud',
  question: 'In up to three words: how are you arriving today?',
  settings: { anonymous: true, results: 'live' },
  maxWords: 3,
};

/** One results-carrying message a watcher received. */
type Update = { t: number; bytes: number; resultsBytes: number; responses: number };

type IndabaBurst = BurstResult & {
  /** The host console's total after the burst, and what it should be (earlier answers + ok acks). */
  responses: number;
  expected: number;
  /** First emit → every watcher's view shows the final count (NaN if it never did). */
  visibleMs: number;
  /** Per watcher, the messages that carried this poll's results. */
  updates: Update[][];
  viewerMessages: number;
  viewerBytes: number;
  /** Per answering participant (mean): messages and bytes received in the same window. */
  answererMessages: number;
  answererBytes: number;
  consolePatches: number;
  consoleBytes: number;
  /** `clock` round trips of a watcher every 100 ms, from the burst until the results settled. */
  probe: Float64Array;
};

type BaselineBurst = BurstResult & { probe: Float64Array };

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
const pct = (xs: ArrayLike<number>, q: number) => (xs.length ? percentile(xs, q) : Number.NaN);
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

function pooled(rs: readonly BurstResult[]): Float64Array {
  const out = new Float64Array(rs.reduce((s, r) => s + r.latency.length, 0));
  let at = 0;
  for (const r of rs) {
    out.set(r.latency, at);
    at += r.latency.length;
  }
  return out;
}

const pooledProbe = (rs: readonly { probe: Float64Array }[]) => Float64Array.from(rs.flatMap((r) => [...r.probe]));


/** The most messages in any one-second window. */
function maxPerSecond(times: readonly number[]): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= 1_000) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

function resultsUpdates(list: readonly Received[], pollId: string): Update[] {
  const out: Update[] = [];
  for (const m of list) {
    if (m.event !== 'view') continue;
    const poll = (m.args[0] as ParticipantView).polls.find((p) => p.id === pollId);
    if (!poll?.results) continue;
    out.push({ t: m.t, bytes: sizeOf(m), resultsBytes: Buffer.byteLength(JSON.stringify(poll.results)), responses: poll.results.responses });
  }
  return out;
}

const burstLine = (label: string, r: BurstResult) =>
  `${label} p50 ${fmt(pct(r.latency, 50))} p99 ${fmt(pct(r.latency, 99))} ms, ${fmt(r.answersPerSecond, 0)} answers/s, ${r.ok}/${r.sent} ok` +
  `${r.missing ? `, ${r.missing} without ack` : ''}${Object.keys(r.refused).length ? `, refused ${JSON.stringify(r.refused)}` : ''}`;

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const rounds = numberOption(options, 'rounds', 5);
  const warmup = numberOption(options, 'warmup', 1);
  const concurrency = numberOption(options, 'concurrency', 50);
  const timeoutMs = numberOption(options, 'timeout', 60_000);
  const spreadMs = numberOption(options, 'spread-ms', 0);
  const viewers = Math.max(1, numberOption(options, 'viewers', 1));
  const few = Math.min(n - 1, Math.max(1, numberOption(options, 'few', 20)));
  const settleMs = numberOption(options, 'settle', 15_000);
  const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-prof-')) : undefined;
  const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const env: Record<string, string> = {};
  if (typeof options['messages-per-second'] === 'number') env.BENCH_MESSAGES_PER_SECOND = String(options['messages-per-second']);
  const loadStart = os.loadavg()[0]!;
  if (n < 2) throw new Error('the polls bench needs --n 2 or more');

  const children: BenchChild[] = [];
  const closers: Array<{ close(): unknown }> = [];
  try {
    // ---- Indaba: one workshop, a host, n answering participants and the watchers ---------------
    const indaba = await BenchChild.start('serve-indaba.ts', { nodeFlags, env });
    children.push(indaba);
    const workshop = await createWorkshop(indaba.url, {
      title: 'Community of practice: monthly exchange',
      description: 'Polls benchmark: everyone answers at once.',
      profileFields: DEMO_FIELDS,
    });
    const memEmpty = await indaba.memory();
    const host = await hostOf(indaba.url, workshop);
    closers.push(host);
    note(`polls: joining ${n} participants and ${viewers} watcher(s) (concurrency ${concurrency})...`);
    const joinStart = performance.now();
    const progress = setInterval(() => {
      const members = host.console?.members.length ?? 0;
      note(`  ${Math.max(0, members - 1)}/${n + viewers} joined after ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);
    }, 5_000);
    let people: SimPerson[];
    try {
      people = await crowd(indaba.url, workshop.code, n + viewers, { concurrency });
    } finally {
      clearInterval(progress);
    }
    closers.push(...people);
    const joinMs = performance.now() - joinStart;
    note(`polls: ${n + viewers} joined in ${(joinMs / 1000).toFixed(1)} s`);
    await until(() => people.every((p) => p.view?.counts.present === n + viewers + 1), 30_000, 'everyone to see the final head count');
    await sleep(1_500);
    const memFull = await indaba.memory();

    const answerers = people.slice(0, n);
    const watchers = people.slice(n);
    const answerSockets = answerers.map((p) => p.socket as unknown as Socket);
    const watcherRecorder = new Recorder(watchers.map((p) => p.socket as unknown as Socket));
    const answererRecorder = new Recorder(answerSockets);
    const hostRecorder = new Recorder([host.socket as unknown as Socket]);

    const consoleResponses = (pollId: string) => host.console?.polls.find((p) => p.id === pollId)?.results?.responses ?? -1;
    const viewResponses = (p: SimPerson, pollId: string) => p.view?.polls.find((x) => x.id === pollId)?.results?.responses ?? -1;

    /** Burst windows (monotonic µs, the clock V8 profiles use) for polls-profile.ts. */
    const windows: { label: string; from: number; acked: number; to: number }[] = [];
    const kindOf = (pollId: string) => host.console?.polls.find((p) => p.id === pollId)?.definition.kind ?? 'poll';

    let openPoll: string | null = null;
    /** Closes the previous poll (at most three may be open), creates this one and launches it in plenary. */
    const launch = async (definition: PollDefinition): Promise<string> => {
      if (openPoll) await host.do({ type: 'poll.close', pollId: openPoll });
      const before = host.console?.polls.length ?? 0;
      await host.do({ type: 'poll.create', poll: definition });
      const c = await host.untilConsole((v) => v.polls.length === before + 1, timeoutMs, 'the new poll on the console');
      const pollId = c.polls.at(-1)!.id;
      await host.do({ type: 'poll.launch', pollId, scope: 'plenary' });
      await until(() => people.every((p) => p.view?.polls.some((x) => x.id === pollId && x.status === 'open')), timeoutMs, 'everyone to see the poll open');
      openPoll = pollId;
      return pollId;
    };

    const indabaBurst = async (pollId: string, sockets: readonly Socket[], payloadOf: (i: number) => unknown): Promise<IndabaBurst> => {
      const already = Math.max(0, consoleResponses(pollId));
      collectGarbage();
      await indaba.memory(true);
      await sleep(300);
      watcherRecorder.start();
      answererRecorder.start();
      hostRecorder.start();
      const from = process.hrtime.bigint() / 1000n;
      const stopProbe = probe(watchers[0]!.socket as unknown as Socket, PROBE_MS);
      const b = await burst(sockets, payloadOf, spreadMs, timeoutMs);
      const acked = Number(process.hrtime.bigint() / 1000n);
      const expected = already + b.ok;
      try {
        await until(
          () => consoleResponses(pollId) === expected && watchers.every((w) => viewResponses(w, pollId) === expected),
          settleMs,
          `the console and the watchers to show ${expected} responses`,
        );
      } catch (error) {
        note(`polls: ${(error as Error).message} (console says ${consoleResponses(pollId)})`);
      }
      const probed = stopProbe();
      // lazy results go out at most once per counts interval: let the last ones land
      await sleep(1_200);
      windows.push({ label: kindOf(pollId), from: Number(from), acked, to: Number(process.hrtime.bigint() / 1000n) });
      const watched = watcherRecorder.stop();
      const answered = answererRecorder.stop();
      const hosted = hostRecorder.stop()[0]!;
      const updates = watched.map((list) => resultsUpdates(list, pollId));
      const finals = updates.map((list) => list.find((u) => u.responses === expected)?.t ?? Number.NaN);
      const answeredBytes = answered.map((list) => list.reduce((s, m) => s + sizeOf(m), 0));
      const patches = hosted.filter((m) => m.event === 'console.patch' || m.event === 'console');
      return {
        ...b,
        responses: consoleResponses(pollId),
        expected,
        visibleMs: Math.max(...finals) - b.firstEmit,
        updates,
        viewerMessages: mean(watched.map((l) => l.length)),
        viewerBytes: mean(watched.map((l) => l.reduce((s, m) => s + sizeOf(m), 0))),
        answererMessages: mean(answered.map((l) => l.length)),
        answererBytes: mean(answeredBytes),
        consolePatches: patches.length,
        consoleBytes: patches.reduce((s, m) => s + sizeOf(m), 0),
        probe: probed,
      };
    };

    // ---- Baseline: a bare Socket.IO echo, the same number of clients ---------------------------
    const echo = await BenchChild.start(ECHO_SCRIPT, { nodeFlags });
    children.push(echo);
    note(`polls: connecting ${n} clients to the echo baseline...`);
    const baseSockets = await connectAll(n, concurrency, () =>
      io(echo.url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000 }),
    );
    closers.push(...baseSockets);
    const baseProbe = (await connectAll(1, 1, () => io(echo.url, { transports: ['websocket'], forceNew: true })))[0]!;
    closers.push(baseProbe);
    const baselineBurst = async (sockets: readonly Socket[], payloadOf: (i: number) => unknown): Promise<BaselineBurst> => {
      collectGarbage();
      await echo.memory(true);
      await sleep(300);
      const stopProbe = probe(baseProbe, PROBE_MS);
      const b = await burst(sockets, payloadOf, spreadMs, timeoutMs);
      await sleep(PROBE_MS);
      return { ...b, probe: stopProbe() };
    };

    const answerOf = (pollId: string, k: number) => (i: number) => ({
      type: 'poll.answer',
      pollId,
      answer: { kind: 'single', optionId: OPTIONS[(i * 7 + k) % OPTIONS.length]!.id },
    });

    // ---- Single choice: warm-up, then measured rounds alternating ------------------------------
    let k = 0;
    const ours: IndabaBurst[] = [];
    const theirs: BaselineBurst[] = [];
    const mismatches: string[] = [];
    const check = (label: string, r: IndabaBurst) => {
      if (r.responses !== r.expected) mismatches.push(`${label}: console ${r.responses}, expected ${r.expected} (ok acks ${r.ok})`);
    };
    for (let i = 0; i < warmup + rounds; i++) {
      const measured = i >= warmup;
      const pollId = await launch(singleChoice(++k));
      const a = await indabaBurst(pollId, answerSockets, answerOf(pollId, k));
      const b = await baselineBurst(baseSockets, answerOf(pollId, k));
      const label = measured ? `round ${i - warmup + 1}/${rounds}` : `warm-up ${i + 1}/${warmup}`;
      check(label, a);
      note(
        `  ${label}: ${burstLine('indaba', a)}, probe max ${fmt(pct(a.probe, 100), 0)} ms; console ${a.responses}; ${a.updates[0]!.length} results updates to a watcher,` +
          ` ${fmt(mean(a.updates[0]!.map((u) => u.bytes)), 0)} B each, final results seen after ${fmt(a.visibleMs, 0)} ms | ${burstLine('echo', b)}, probe max ${fmt(pct(b.probe, 100), 0)} ms`,
      );
      if (measured) {
        ours.push(a);
        theirs.push(b);
      }
    }

    // ---- Word cloud: a few voters, then everyone else at once -----------------------------------
    const words = wordsFor(n);
    const cloudId = await launch(wordCloud);
    const cloudAnswer = (offset: number) => (i: number) => ({ type: 'poll.answer', pollId: cloudId, answer: { kind: 'wordcloud', words: words[offset + i]! } });
    const cloudFew = await indabaBurst(cloudId, answerSockets.slice(0, few), cloudAnswer(0));
    check(`word cloud, first ${few}`, cloudFew);
    note(`  word cloud, first ${few}: ${burstLine('indaba', cloudFew)}; ${fmt(mean(cloudFew.updates[0]!.map((u) => u.bytes)), 0)} B per results update`);
    const cloudAll = await indabaBurst(cloudId, answerSockets.slice(few), cloudAnswer(few));
    check(`word cloud, other ${n - few}`, cloudAll);
    const cloudBase = await baselineBurst(baseSockets.slice(few), cloudAnswer(few));
    const cloudResults = host.console?.polls.find((p) => p.id === cloudId)?.results;
    const cloud = cloudResults?.kind === 'wordcloud' ? cloudResults : null;
    note(
      `  word cloud, other ${n - few}: ${burstLine('indaba', cloudAll)}; console ${cloudAll.responses}, ${cloud?.distinctWords ?? '?'} distinct words;` +
        ` ${cloudAll.updates[0]!.length} results updates, ${fmt(mean(cloudAll.updates[0]!.map((u) => u.bytes)), 0)} B each | ${burstLine('echo', cloudBase)}`,
    );
    for (const m of mismatches) note(`polls: MISMATCH ${m}`);
    const memAfter = await indaba.memory();

    // ---- Summary ------------------------------------------------------------------------------
    const oursAll = pooled(ours);
    const theirsAll = pooled(theirs);
    const p99 = pct(oursAll, 99);
    const baseP99 = pct(theirsAll, 99);
    const updatesOf = (rs: readonly IndabaBurst[]) => rs.flatMap((r) => r.updates.flat());
    const single = updatesOf(ours);
    const cloudUpdates = updatesOf([cloudAll]);
    const cloudFewUpdates = updatesOf([cloudFew]);
    const perViewer = (rs: readonly IndabaBurst[]) => mean(rs.flatMap((r) => r.updates.map((u) => u.length)));
    const cloudBytes = mean(cloudUpdates.map((u) => u.bytes));
    const cloudFewBytes = mean(cloudFewUpdates.map((u) => u.bytes));
    const result: BenchResult = {
      bench: 'polls',
      n,
      answers_per_second: Math.round(pct(Float64Array.from(ours.map((r) => r.answersPerSecond)), 50)),
      p50_ms: round(pct(oursAll, 50)),
      p99_ms: round(p99),
      baseline_p50_ms: round(pct(theirsAll, 50)),
      baseline_p99_ms: round(baseP99),
      ratio: round(p99 / baseP99),
      // rounds run back to back, so a noisy moment hits one pair: the median of per-round ratios is steadier
      ratio_median_by_round: round(pct(Float64Array.from(ours.map((r, i) => pct(r.latency, 99) / pct(theirs[i]!.latency, 99))), 50)),
      baseline_answers_per_second: Math.round(pct(Float64Array.from(theirs.map((r) => r.answersPerSecond)), 50)),
      acks: Math.round(mean(ours.map((r) => r.ok))),
      responses: Math.round(mean(ours.map((r) => r.responses))),
      acks_by_round: ours.map((r) => r.ok),
      responses_by_round: ours.map((r) => r.responses),
      mismatches: mismatches.length,
      refused: ours.reduce((s, r) => s + Object.values(r.refused).reduce((t, c) => t + c, 0), 0),
      missing_acks: ours.reduce((s, r) => s + r.missing, 0),
      max_ms: round(pct(oursAll, 100)),
      baseline_max_ms: round(pct(theirsAll, 100)),
      p99_by_round_ms: ours.map((r) => round(pct(r.latency, 99), 1)),
      baseline_p99_by_round_ms: theirs.map((r) => round(pct(r.latency, 99), 1)),
      answers_per_second_by_round: ours.map((r) => Math.round(r.answersPerSecond)),
      bytes_per_results_update: Math.round(mean(single.map((u) => u.bytes))),
      results_bytes: Math.round(mean(single.map((u) => u.resultsBytes))),
      results_updates_per_viewer: round(perViewer(ours), 1),
      max_results_updates_per_second: Math.max(...ours.flatMap((r) => r.updates.map((l) => maxPerSecond(l.map((u) => u.t))))),
      results_visible_ms: round(pct(Float64Array.from(ours.map((r) => r.visibleMs)), 50), 0),
      viewer_bytes_per_burst: Math.round(mean(ours.map((r) => r.viewerBytes))),
      viewer_messages_per_burst: round(mean(ours.map((r) => r.viewerMessages)), 1),
      answerer_bytes_per_burst: Math.round(mean(ours.map((r) => r.answererBytes))),
      answerer_messages_per_burst: round(mean(ours.map((r) => r.answererMessages)), 1),
      // a watcher's `clock` round trip during bursts: how long anyone else waits while everyone answers
      probe_p50_ms: round(pct(pooledProbe(ours), 50)),
      probe_max_ms: round(pct(pooledProbe(ours), 100)),
      baseline_probe_max_ms: round(pct(pooledProbe(theirs), 100)),
      console_patches_per_burst: round(mean(ours.map((r) => r.consolePatches)), 1),
      console_bytes_per_patch: Math.round(mean(ours.map((r) => r.consoleBytes / Math.max(1, r.consolePatches)))),
      wordcloud_answers_per_second: Math.round(cloudAll.answersPerSecond),
      wordcloud_p50_ms: round(pct(cloudAll.latency, 50)),
      wordcloud_p99_ms: round(pct(cloudAll.latency, 99)),
      wordcloud_baseline_p99_ms: round(pct(cloudBase.latency, 99)),
      wordcloud_ratio: round(pct(cloudAll.latency, 99) / pct(cloudBase.latency, 99)),
      wordcloud_probe_max_ms: round(pct(cloudAll.probe, 100)),
      wordcloud_acks: cloudFew.ok + cloudAll.ok,
      wordcloud_responses: cloudAll.responses,
      wordcloud_distinct_words: cloud?.distinctWords ?? null,
      wordcloud_words_shown: cloud?.words.length ?? null,
      wordcloud_bytes_per_results_update: Math.round(cloudBytes),
      wordcloud_results_bytes: Math.round(mean(cloudUpdates.map((u) => u.resultsBytes))),
      wordcloud_results_updates_per_viewer: round(perViewer([cloudAll]), 1),
      wordcloud_few: few,
      wordcloud_bytes_per_results_update_at_few: Math.round(cloudFewBytes),
      wordcloud_bytes_growth: round(cloudBytes / cloudFewBytes, 3),
      wordcloud_results_visible_ms: round(cloudAll.visibleMs, 0),
      rounds,
      samples: oursAll.length,
      spread_ms: spreadMs,
      viewers,
      join_seconds: round(joinMs / 1000, 1),
      rss_mb: round(memAfter.rss / MB, 1),
      rss_kb_per_participant: round((memFull.rss - memEmpty.rss) / 1024 / (n + viewers), 1),
      load_avg_1m: round(loadStart),
    };
    if (profileDir) {
      fs.writeFileSync(path.join(profileDir, 'bursts.json'), JSON.stringify({ indabaPid: indaba.pid, echoPid: echo.pid, windows }));
      note(`polls: CPU profiles will be in ${profileDir}; bursts only: npx tsx tests/bench/polls-profile.ts ${profileDir}`);
    }
    return result;
  } finally {
    for (const c of closers) c.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}
