/** Generating, resolving and describing fuzz cases. */
import fc from 'fast-check';
import { Ref, fuzzCase, type FuzzCase } from './arbitraries.ts';

/** The cases of a run: batch `b` of `size` cases is always the same for the same seed. */
export function generateBatch(seed: number, b: number, size: number): FuzzCase[] {
  return fc.sample(fuzzCase, { seed: (seed ^ Math.imul(b + 1, 0x9e3779b1)) | 0, numRuns: size });
}

/** A readable, bounded description of a case for failure reports (deep nesting cut at 6 levels). */
export function describeCase(c: unknown): string {
  const shorten = (v: unknown, depth: number): unknown => {
    if (v instanceof Ref) return v.toJSON();
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : String(v);
    if (v === undefined) return '<undefined>';
    if (ArrayBuffer.isView(v)) return `<${v.byteLength} bytes>`;
    if (v === null || typeof v !== 'object') return v;
    if (depth > 6) return Array.isArray(v) ? '[…deeper]' : '{…deeper}';
    if (Array.isArray(v)) {
      const items = v.slice(0, 6).map((x) => shorten(x, depth + 1));
      return v.length > 6 ? [...items, `…(${v.length} items)`] : items;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).slice(0, 8)) {
      Object.defineProperty(out, k, { value: shorten((v as Record<string, unknown>)[k], depth + 1), enumerable: true });
    }
    return out;
  };
  const text = JSON.stringify(shorten(c, 0));
  return text.length > 700 ? `${text.slice(0, 700)}…` : text;
}

/** Deep copy with every Ref replaced by its value for this sender; own "__proto__" keys stay keys. */
export function resolve(value: unknown, lookup: (r: Ref) => unknown): unknown {
  if (value instanceof Ref) return lookup(value);
  if (Array.isArray(value)) return value.map((v) => resolve(v, lookup));
  if (ArrayBuffer.isView(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    Object.defineProperty(out, k, { value: resolve((value as Record<string, unknown>)[k], lookup), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Ways people type a join code: the server must normalise all but the last two. */
export const CODE_SPELLINGS = [
  (c: string) => c,
  (c: string) => c.toLowerCase(),
  (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`,
  (c: string) => ` ${c.slice(0, 3).toLowerCase()} ${c.slice(3).toLowerCase()} `,
  (c: string) => `${c.slice(0, 3)}\t${c.slice(3)}`,
  (c: string) => `${c.slice(0, 3)}.${c.slice(3)}`,
  (c: string) => `${c}X`,
  (c: string) => c.slice(1),
];
