/** What `npm run bench -- <name>` hands a benchmark: `--n` and every other `--key value` (numbers parsed), `--flag` as true. */
export type BenchOptions = {
  n: number;
  [key: string]: string | number | boolean;
};

/** Printed as the last line: {"bench":"<name>","n":..,"p50_ms":..,"p99_ms":..,"baseline_p99_ms":..,"ratio":..,...}. */
export type BenchResult = { bench: string; n: number } & Record<string, unknown>;

export type Bench = {
  description: string;
  defaultN: number;
  run(options: BenchOptions): Promise<BenchResult>;
};

/** A numeric option or its default. */
export function numberOption(options: BenchOptions, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Progress and notes: stderr, so stdout's last line stays the JSON result. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
