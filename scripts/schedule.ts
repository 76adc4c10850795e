/**
 * `npm run schedule -- --people N --table-size P --rounds R [--hosts] [--seed S] [--json]`
 *
 * Plans a world-café / networking rotation. With --json prints exactly
 * {"people":N,"rounds":[[[...ids],...],...]} (people 0..N-1, one inner array per table per round;
 * with --hosts table t's host is person t and stands first at that table every round). Without it,
 * a readable table and the quality. Bad arguments: one line on stderr and exit code 2.
 */
import { planRotation, RotationInputError } from '../server/grouping/rotation/index.ts';

const USAGE = 'usage: npm run schedule -- --people N --table-size P --rounds R [--hosts] [--seed S] [--json]';

type Args = { people: number; tableSize: number; rounds: number; hosts: boolean; seed: number; json: boolean };

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const numeric = new Set(['people', 'table-size', 'rounds', 'seed']);
  const boolean = new Set(['hosts', 'json']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; ${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (boolean.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (numeric.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value; ${USAGE}`);
      values.set(name, value);
    } else throw new UsageError(`unknown option "${arg}"; ${USAGE}`);
  }
  const whole = (name: string, min: number, max: number, fallback?: number): number => {
    const raw = values.get(name);
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      throw new UsageError(`--${name} is required; ${USAGE}`);
    }
    const v = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return v;
  };
  return {
    people: whole('people', 1, 5000),
    tableSize: whole('table-size', 2, 5000),
    rounds: whole('rounds', 0, 500),
    seed: whole('seed', -(2 ** 31), 2 ** 32 - 1, 1),
    hosts: flags.has('hosts'),
    json: flags.has('json'),
  };
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`schedule: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let plan;
  try {
    plan = planRotation({ people: args.people, tableSize: args.tableSize, rounds: args.rounds, hosts: args.hosts, seed: args.seed });
  } catch (error) {
    if (error instanceof RotationInputError) {
      process.stderr.write(`schedule: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ people: args.people, rounds: plan.rounds })}\n`);
    return 0;
  }
  const tables = plan.rounds[0]?.length ?? 0;
  const sizes = plan.rounds[0]?.map((t) => t.length) ?? [];
  const sizeText = sizes.length ? (Math.min(...sizes) === Math.max(...sizes) ? `${sizes[0]}` : `${Math.min(...sizes)}-${Math.max(...sizes)}`) : '0';
  const width = String(args.people - 1).length;
  const lines = [
    `${args.people} people, ${tables} tables of ${sizeText}, ${args.rounds} rounds${args.hosts ? ', hosts stay (h)' : ''}, seed ${args.seed}`,
  ];
  plan.rounds.forEach((round, r) => {
    lines.push(`Round ${r + 1}`);
    round.forEach((table, t) => {
      const seats = table.map((p, i) => `${String(p).padStart(width)}${args.hosts && i === 0 ? 'h' : args.hosts ? ' ' : ''}`);
      lines.push(`  Table ${String(t + 1).padStart(String(tables).length)}: ${seats.join(' ')}`.trimEnd());
    });
  });
  const q = plan.quality;
  const b = q.lowerBound;
  lines.push(
    '',
    `Quality: ${q.summary}`,
    `Repeat meetings: ${q.repeats} (counting lower bound ${b.value}: pair slots ${b.pairs}, per person ${b.perPerson}, pigeonhole ${b.pigeonhole})`,
    `Distinct pairs met: ${q.distinctPairs}; most meetings of one pair: ${q.maxMeetings}; table revisits: ${q.tableRevisits}; size spread: ${q.sizeSpread}`,
    `Method: ${plan.method}${plan.iterations ? ` (${plan.iterations} tabu steps, stopped by ${plan.stoppedBy})` : ''}; time ${plan.ms.toFixed(1)} ms`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
