import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JoinCode } from '../../shared/ids.ts';
import { isJoinCode } from '../../client/src/lib/protocol.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Every runtime (non-type) import of shared/ files reachable from the client's source. */
function sharedRuntimeImports(): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (target.startsWith(path.join(root, 'shared')) && !found.has(target)) {
        found.add(target);
        visit(target);
      }
    }
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|svelte)$/.test(entry.name)) visit(p);
    }
  };
  walk(path.join(root, 'client/src'));
  return found;
}

describe('what the browser downloads of the shared protocol', () => {
  it('never loads zod: the client imports only zod-free shared files at runtime', () => {
    const files = sharedRuntimeImports();
    expect(files.size).toBeGreaterThan(0);
    for (const file of files) {
      expect(fs.readFileSync(file, 'utf8'), path.relative(root, file)).not.toMatch(/from 'zod'/);
    }
  });

  it('checks join codes exactly as the server’s schema does', () => {
    const codeish = fc.oneof(fc.string({ maxLength: 24 }), fc.stringMatching(/^[2-9A-Za-z -]{0,12}$/));
    fc.assert(
      fc.property(codeish, (s) => {
        expect(isJoinCode(s)).toBe(JoinCode.safeParse(s).success);
      }),
    );
  });
});
