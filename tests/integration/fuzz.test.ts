import { describe, expect, it } from 'vitest';
import { FUZZ_SERVER_ENV, runFuzz, type FuzzReport } from '../fuzz/run-fuzz.ts';
import { SimPerson, createWorkshop, joinAs } from '../sim/index.ts';
import { people, testServer } from './harness.ts';

/** Every failure with the case that caused it, so a red run says what to fix and how to replay it. */
function explain(report: FuzzReport): string {
  const lines = report.examples.map((f) => `- [${f.property}] ${f.detail}${f.case ? `\n    case: ${f.case}` : ''}${f.at ? ` (${f.at})` : ''}`);
  return `${report.failures} fuzz failures (seed ${report.seed}; replay with FUZZ_SEED=${report.seed}):\n${lines.join('\n')}\nby property: ${JSON.stringify(report.byProperty)}`;
}

describe('fuzzing every inbound message over real sockets', async () => {
  const server = await testServer({ env: { ...FUZZ_SERVER_ENV } });

  it('answers arbitrary and malformed messages as the schemas and roles say, and stays up and consistent', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20_251_122);
    const cases = Number(process.env.FUZZ_CASES ?? 400);
    const report = await runFuzz({ cases, seed, url: server.url });

    expect(report.failures, explain(report)).toBe(0);
    expect(report.cases).toBe(cases);
    expect(report.serverUp).toBe(true);
    expect(report.freshHostCommand).toBe(true);
    expect(report.freshJoin).toBe(true);
    // the run reached the places it is meant to: accepted commands and each kind of refusal
    expect(report.answers.ok ?? 0).toBeGreaterThan(cases / 20);
    for (const code of ['bad_request', 'forbidden', 'not_joined', 'waiting', 'conflict', 'unknown_event']) {
      expect(report.answers[code] ?? 0, `answers ${JSON.stringify(report.answers)}`).toBeGreaterThan(0);
    }
  }, 60_000);

  // Found by the fuzzer, kept as small cases so a regression names itself.
  describe('what the fuzzer found', () => {
    const crowd = people();

    it('answers objects that cannot be turned into text with bad_request, not server_error', async () => {
      const w = await createWorkshop(server.url, { title: 'toString' });
      const stranger = crowd.add(new SimPerson(server.url));
      // zod 4.6's length checks throw on a value whose `length` cannot be compared with a number
      const hostile = { length: { toString: null } };
      expect(await stranger.raw('session', { type: 'join', code: w.code, name: hostile })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const p = crowd.add(await joinAs(server.url, w.code, { name: 'Mallory' }));
      const commands: unknown[] = [
        { type: { toString: 'x' } },
        { type: [{ toString: 1, valueOf: 2 }] },
        { type: 'announcement.set', text: hostile },
        { type: 'member.admit', memberIds: hostile },
      ];
      for (const command of commands) {
        expect(await p.raw('command', command), JSON.stringify(command)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
    });
  });
});
