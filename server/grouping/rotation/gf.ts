/** A small finite field GF(q), q a prime power: elements 0..q-1, operations by table. */
export type Field = { q: number; add: (a: number, b: number) => number; mul: (a: number, b: number) => number };

/** p and k with q = p^k, or null when q is not a prime power. */
export function primePower(q: number): { p: number; k: number } | null {
  if (!Number.isInteger(q) || q < 2) return null;
  for (let p = 2; p * p <= q; p++) {
    if (q % p !== 0) continue;
    let k = 0;
    let rest = q;
    while (rest % p === 0) {
      rest /= p;
      k++;
    }
    return rest === 1 ? { p, k } : null;
  }
  return { p: q, k: 1 };
}

const cache = new Map<number, Field | null>();

/** GF(q) for a prime power q up to 1024, or null. Elements are base-p digit vectors (polynomials). */
export function field(q: number): Field | null {
  if (cache.has(q)) return cache.get(q)!;
  const pk = q <= 1024 ? primePower(q) : null;
  let f: Field | null = null;
  if (pk) {
    const { p, k } = pk;
    const digits = (a: number) => Array.from({ length: k }, (_, i) => Math.floor(a / p ** i) % p);
    const fromDigits = (d: readonly number[]) => d.reduce((sum, x, i) => sum + x * p ** i, 0);
    const addTable = new Uint16Array(q * q);
    for (let a = 0; a < q; a++) {
      const da = digits(a);
      for (let b = 0; b < q; b++) addTable[a * q + b] = fromDigits(digits(b).map((x, i) => (x + da[i]!) % p));
    }
    // Try monic polynomials x^k + c(x) until multiplication modulo it has no zero divisors.
    for (let c = 0; c < q && !f; c++) {
      const low = digits(c);
      const mulTable = new Uint16Array(q * q);
      let isField = true;
      for (let a = 1; a < q && isField; a++) {
        const da = digits(a);
        for (let b = 1; b < q; b++) {
          const prod = new Array<number>(2 * k - 1).fill(0);
          digits(b).forEach((x, i) => da.forEach((y, j) => (prod[i + j] = (prod[i + j]! + x * y) % p)));
          for (let deg = 2 * k - 2; deg >= k; deg--) {
            const top = prod[deg]!;
            prod[deg] = 0;
            for (let i = 0; i < k; i++) prod[deg - k + i] = (((prod[deg - k + i]! - top * low[i]!) % p) + p) % p;
          }
          const v = fromDigits(prod.slice(0, k));
          if (v === 0) {
            isField = false;
            break;
          }
          mulTable[a * q + b] = v;
        }
      }
      if (isField) f = { q, add: (a, b) => addTable[a * q + b]!, mul: (a, b) => mulTable[a * q + b]! };
    }
  }
  cache.set(q, f);
  return f;
}
