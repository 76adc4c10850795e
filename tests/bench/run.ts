/**
 * `npm run bench -- <name> [--n 2000] [--other value]`: runs one benchmark and prints, as the last
 * line, one JSON object (see /QUALITY.md): {"bench":"<name>","n":..,"p50_ms":..,"p99_ms":..,...}.
 * Progress and notes go to stderr, so the last line of stdout is always the result.
 */
import type { Bench } from './types.ts';

/** name → module. A new benchmark is one file exporting `bench: Bench`, and one line here. */
const BENCHES: Record<string, () => Promise<Bench>> = {
  fanout: async () => (await import('./fanout.ts')).bench,
  breakouts: async () => (await import('./breakouts.ts')).bench,
  polls: async () => (await import('./polls.ts')).bench,
  fuzz: async () => (await import('./fuzz.ts')).bench,
  turns: async () => (await import('./turns.ts')).bench,
  agenda: async () => (await import('./agenda.ts')).bench,
  schedule: async () => {
    const { run, instances } = await import('./schedule.ts');
    return {
      description: 'world-café rotation scheduler: repeat meetings against the lower bound and a random shuffle, per instance',
      defaultN: instances.length,
      run: async (options) => {
        const summary = await run(process.argv.slice(3));
        return { bench: 'schedule', n: options.n, ...summary };
      },
    };
  },
};

function parseArgs(argv: readonly string[]): { name: string | undefined; options: Record<string, string | number | boolean> } {
  let name: string | undefined;
  const options: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      name ??= arg;
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    const value = inline ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : undefined);
    options[key] = value === undefined ? true : value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return { name, options };
}

async function main(): Promise<number> {
  const { name, options } = parseArgs(process.argv.slice(2));
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(BENCHES).map(async ([key, get]) => {
        const b = await get();
        return `  ${key.padEnd(10)} ${b.description} (default --n ${b.defaultN})`;
      }),
    );
    process.stderr.write(`${name ? `Unknown benchmark "${name}". ` : ''}Usage: npm run bench -- <name> [--n N]\n`);
    process.stdout.write(`Benchmarks:\n${lines.join('\n')}\n`);
    return 1;
  }
  const bench = await load();
  const n = typeof options.n === 'number' && options.n > 0 ? Math.floor(options.n) : bench.defaultN;
  const result = await bench.run({ ...options, n });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
