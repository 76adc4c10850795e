/**
 * Turns: what a timed turn costs on the wire. n people in the plenary, one speaker given a turn of
 * --turn-ms (default 60 s): every message each person receives from the start of the turn until
 * just after its deadline. A countdown is a deadline, so the right answer is a handful of messages
 * (the turn starting, and ending), never one per second. The "ticking" figures are what a server
 * sending the time left every second would send with the same view, for comparison.
 */
import { DEMO_FIELDS, createWorkshop, crowd, hostOf, type SimPerson } from '../sim/index.ts';
import { BenchChild } from './child.ts';
import { round, sleep } from './stats.ts';
import { note, numberOption, type Bench, type BenchOptions, type BenchResult } from './types.ts';

export const bench: Bench = {
  description: 'messages and bytes per person during one timed turn (state changes only, never ticks)',
  defaultN: 500,
  run,
};

async function run(options: BenchOptions): Promise<BenchResult> {
  const n = options.n;
  const turnMs = numberOption(options, 'turn-ms', 60_000);
  const indaba = await BenchChild.start('serve-indaba.ts');
  const closers: { close(): unknown }[] = [];
  try {
    const w = await createWorkshop(indaba.url, { title: 'Turns bench', profileFields: DEMO_FIELDS });
    const host = await hostOf(indaba.url, w);
    closers.push(host);
    note(`turns: joining ${n} people...`);
    const people: SimPerson[] = await crowd(indaba.url, w.code, n, { concurrency: 50 });
    closers.push(...people);
    const speaker = people[0]!;
    await speaker.do({ type: 'turn.hand.raise', roomId: 'plenary' });
    // let joins, counts and the raised hand settle before counting
    await sleep(2_500);

    const received = people.map(() => ({ messages: 0, bytes: 0, views: 0 }));
    people.forEach((p, i) =>
      p.socket.onAny((event: string, ...args: unknown[]) => {
        received[i]!.messages++;
        received[i]!.bytes += Buffer.byteLength(JSON.stringify([event, ...args]));
        if (event === 'view') received[i]!.views++;
      }),
    );
    note(`turns: a ${turnMs / 1000} s turn with ${n} people in the room...`);
    const t0 = Date.now();
    await host.do({ type: 'turn.next', roomId: 'plenary', lengthMs: turnMs });
    const last = people[n - 1]!;
    const started = await last.untilView((v) => v.turns?.room.current?.memberId === speaker.id, 30_000, 'the turn on everyone\'s screen');
    const viewBytes = Buffer.byteLength(JSON.stringify(['view', started]));
    // the speaker ends their turn a little after the time is up (overrun is shown, not cut off)
    await sleep(Math.max(0, t0 + turnMs + 1_500 - Date.now()));
    await host.do({ type: 'turn.end', roomId: 'plenary' });
    await last.untilView((v) => v.turns?.room.current === null, 30_000, 'the end of the turn');
    await sleep(1_000);

    const total = received.reduce((s, r) => ({ messages: s.messages + r.messages, bytes: s.bytes + r.bytes, views: s.views + r.views }), { messages: 0, bytes: 0, views: 0 });
    const seconds = (Date.now() - t0) / 1000;
    return {
      bench: 'turns',
      n,
      turn_seconds: turnMs / 1000,
      window_seconds: round(seconds, 1),
      messages_per_person: round(total.messages / n, 2),
      bytes_per_person: Math.round(total.bytes / n),
      views_per_person: round(total.views / n, 2),
      messages_total: total.messages,
      bytes_total: total.bytes,
      view_bytes: viewBytes,
      ticking_messages_per_person: Math.ceil(turnMs / 1000),
      ticking_bytes_per_person: Math.ceil(turnMs / 1000) * viewBytes,
      ratio_to_ticking: round(total.bytes / n / (Math.ceil(turnMs / 1000) * viewBytes), 3),
    };
  } finally {
    for (const c of closers) c.close();
    await indaba.stop();
  }
}
