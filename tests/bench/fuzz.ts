/**
 * `npm run bench -- fuzz [--n 100000] [--seed S]`: the fuzzer of tests/fuzz at length, against the
 * server in a child process (so a crash shows as a dead process, and its error logs are counted).
 */
import { runFuzz } from '../fuzz/run-fuzz.ts';
import { BenchChild } from './child.ts';
import { round } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';

export const bench: Bench = {
  description: 'property-based fuzzing of every inbound message over real sockets',
  defaultN: 100_000,
  run,
};

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const seed = numberOption(options, 'seed', Date.now() % 2 ** 31);
  let errorLogs = 0;
  let otherStderr = 0;
  const samples: string[] = [];
  const server = await BenchChild.start('serve-indaba.ts', {
    env: { BENCH_LOG_LEVEL: 'warn' },
    onOutput: (line, stream) => {
      if (!line.trim()) return;
      let level = 0;
      try {
        level = (JSON.parse(line) as { level?: number }).level ?? 0;
      } catch {
        // not a log line: e.g. a library writing to stderr
        if (stream === 'stderr') otherStderr++;
        if (samples.length < 10) samples.push(line.slice(0, 300));
        return;
      }
      if (level >= 50) {
        errorLogs++;
        if (samples.length < 10) samples.push(line.slice(0, 300));
      }
    },
  });
  try {
    note(`fuzz: ${n} cases, seed ${seed}, server pid ${server.pid}`);
    const report = await runFuzz({
      cases: n,
      seed,
      url: server.url,
      progressEvery: 10_000,
      onProgress: (done, r) =>
        note(`  ${done}/${n} cases, ${r.seconds.toFixed(0)} s, ${Math.round(done / r.seconds)}/s, ${r.failures} failures${r.failures ? ` ${JSON.stringify(r.byProperty)}` : ''}`),
    });
    for (const f of report.examples) note(`FAIL [${f.property}] ${f.detail}${f.case ? `\n     case: ${f.case}` : ''}${f.at ? ` (${f.at})` : ''}`);
    for (const s of samples) note(`server output: ${s}`);
    const memory = server.alive ? await server.memory(false) : null;
    return {
      bench: 'fuzz',
      n: report.cases,
      seed,
      seconds: round(report.seconds, 1),
      cases_per_second: report.casesPerSecond,
      // a logged server error is a failure even when every reply looked right
      failures: report.failures + errorLogs,
      server_up: report.serverUp && server.alive,
      fresh_host_command: report.freshHostCommand,
      fresh_join: report.freshJoin,
      by_property: report.byProperty,
      answers: report.answers,
      ack_p50_ms: report.ackP50Ms,
      ack_p99_ms: report.ackP99Ms,
      connections_closed: report.connectionsClosed,
      longest_error_message: report.longestErrorMessage,
      workshop_versions: report.events,
      server_error_logs: errorLogs,
      server_stderr_lines: otherStderr,
      rss_mb: memory ? round(memory.rss / 1024 / 1024, 1) : null,
    };
  } finally {
    await server.stop();
  }
}
