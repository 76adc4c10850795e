import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { SegmentInput } from '../../shared/agenda.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import type { Ack } from '../../shared/errors.ts';
import type { HarvestFile, HarvestRecord } from '../../shared/harvest.ts';
import type { ParticipantView } from '../../shared/views.ts';
import { DEMO_FIELDS, ServerProcess, SimPerson, createWorkshop, freePort, hostOf, joinAs, personAt } from '../sim/index.ts';

/**
 * A whole template agenda run with "next" by simulated people on a real server process: every
 * activity that exists, a kill -9 in the middle, and the harvest export checked against what the
 * people wrote and answered. Then the host deletes the workshop and no row of it is left.
 */
describe('running a template agenda end to end', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-agenda-'));
  const dataFile = path.join(dir, 'indaba.db');
  const server = new ServerProcess(await freePort(), { DATA_FILE: dataFile, RECONNECT_GRACE_SECONDS: '5' });
  const everyone: SimPerson[] = [];
  afterAll(async () => {
    everyone.forEach((p) => p.close());
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const template = AGENDA_TEMPLATES.find((t) => t.id === 'community-of-practice-90')!;
  // the template, plus the activities it does not use, so every activity runs once
  const extra: SegmentInput[] = [
    {
      id: 'sx1',
      title: 'Quick poll',
      minutes: 3,
      activity: {
        kind: 'poll',
        poll: { kind: 'single', question: 'Meet again next month?', settings: { anonymous: true, results: 'live' }, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
      },
    },
    { id: 'sx2', title: 'Pairs', minutes: 6, activity: { kind: 'networking', rounds: 2, roundMinutes: 2, moveSeconds: 20, prompts: ['What are you proud of?'] } },
    { id: 'sx3', title: 'One word each', minutes: 5, activity: { kind: 'goAround', order: 'alphabetical', turnSeconds: 30 } },
  ];
  const segments = [...template.segments, ...extra];

  it('runs every segment, survives a restart in the middle, and exports what was produced', async () => {
    await server.start();
    const w = await createWorkshop(server.url, { title: 'Community of practice', profileFields: DEMO_FIELDS });
    const host = await hostOf(server.url, w);
    const ps: SimPerson[] = [];
    for (let i = 0; i < 8; i++) ps.push(await joinAs(server.url, w.code, personAt(i)));
    everyone.push(host, ...ps);
    await host.untilConsole((c) => c.members.filter((m) => m.presence === 'online').length === 9);

    await host.do({ type: 'agenda.set', segments });
    const plan = await host.untilConsole((c) => c.agenda.segments.length === segments.length);
    expect(plan.agenda.segments[0]?.notes.length).toBeGreaterThan(0);
    const headings = await ps[0]!.untilView((v) => v.agenda?.items.length === segments.length);
    expect(JSON.stringify(headings.agenda)).not.toContain(plan.agenda.segments[0]!.notes);

    const produced = { checkin: [] as string[], breakoutNotes: [] as string[], cafeNotes: [] as string[] };
    const next = async (id: string) => {
      const from = (await host.untilConsole(() => true)).agenda.currentId;
      await host.do({ type: 'agenda.next', from });
      await host.untilConsole((c) => c.agenda.currentId === id, 5_000, `segment ${id} running`);
      for (const p of ps) await p.untilView((v) => v.agenda?.items.find((i) => i.status === 'current')?.id === id, 5_000, `${id} current for everyone`);
    };
    const answerOpen = async (p: SimPerson, kind: string, answer: (v: ParticipantView) => Parameters<SimPerson['do']>[0]) => {
      const v = await p.untilView((x) => x.polls.some((poll) => poll.status === 'open' && poll.definition.kind === kind), 5_000, `open ${kind} poll`);
      await p.do(answer(v));
    };

    for (const segment of template.segments) {
      await next(segment.id);
      const kind = segment.activity.kind;
      if (kind === 'plenary' || kind === 'break') {
        const v = await ps[1]!.untilView((x) => x.now === segment.title && x.timer?.state === 'running', 5_000, `${segment.id} timer`);
        expect(v.timer?.state === 'running' && v.timer.durationMs).toBe(segment.minutes * 60_000);
      }
      if (kind === 'checkin' || kind === 'checkout') {
        for (const [i, p] of ps.entries()) {
          const text = `${kind} answer number ${i}`;
          if (kind === 'checkin') produced.checkin.push(text);
          await answerOpen(p, 'checkin', (v) => ({ type: 'poll.answer', pollId: v.polls.find((x) => x.status === 'open')!.id, answer: { kind: 'checkin', text } }));
        }
      }
      if (kind === 'cafe') {
        // the café waits for hosts: three people volunteer from the card they see, then the host starts it
        const waiting = await host.untilConsole((c) => c.cafe?.phase === 'draft');
        expect(waiting.agenda.runs[segment.id]?.problem).toMatch(/host at every table/);
        for (const [i, p] of ps.slice(0, 3).entries()) {
          await p.untilView((v) => v.cafeInvite !== null, 5_000, 'the invitation to host');
          await p.do({ type: 'cafe.volunteer', tableId: `t${i + 1}` });
        }
        await host.do({ type: 'cafe.start' });
        for (const [i, p] of ps.entries()) {
          const v = await p.untilView((x) => x.cafe?.table !== null && x.cafe?.table !== undefined, 5_000, 'a café table');
          if (i >= 3) continue; // the hosts keep the notes, one per table
          const text = `Table note number ${i}`;
          produced.cafeNotes.push(text);
          await p.do({ type: 'cafe.notes', tableId: v.cafe!.table!.id, text, round: v.cafe!.round });
        }
      }
      if (kind === 'breakouts') {
        const rooms = new Set<string>();
        for (const [i, p] of ps.entries()) {
          const v = await p.untilView((x) => x.breakout?.room !== null && x.breakout?.room !== undefined, 5_000, 'a breakout room');
          const room = v.breakout!.room!;
          expect(room.prompt.length).toBeGreaterThan(0);
          if (rooms.has(room.id)) continue;
          rooms.add(room.id);
          const text = `Room note number ${i}`;
          produced.breakoutNotes.push(text);
          await p.do({ type: 'breakouts.notes', roomId: room.id, text });
        }
        // the segment's strategy, on this workshop's own "organisation" question
        const c = await host.untilConsole((x) => Object.keys(x.notes).length === rooms.size);
        expect(c.breakouts?.phase).toBe('open');
        expect(c.breakouts?.report.strategy).toEqual({ kind: 'mix', field: 'organisation' });

        // kill -9 in the middle of the agenda: the same segment, rooms and notes come back
        await server.kill('SIGKILL');
        await server.start();
        const back = await host.untilConsole((x) => x.agenda.currentId === segment.id && host.socket.connected, 15_000, 'console back after restart');
        expect(back.breakouts?.phase).toBe('open');
        expect(Object.values(back.notes).map((n) => n.text).sort()).toEqual([...produced.breakoutNotes].sort());
        for (const p of ps) await p.untilView((x) => x.breakout?.room !== null && x.breakout?.room !== undefined && p.socket.connected, 15_000, 'back in their room');
      }
    }

    await next('sx1');
    for (const p of ps.slice(0, 5)) await answerOpen(p, 'single', (v) => ({ type: 'poll.answer', pollId: v.polls.find((x) => x.status === 'open')!.id, answer: { kind: 'single', optionId: 'yes' } }));
    await next('sx2');
    for (const p of ps) await p.untilView((v) => v.cafe?.kind === 'networking');
    await next('sx3');
    const around = await host.untilConsole((c) => c.turns.some((t) => t.room.roomId === 'plenary' && t.room.goAround !== null));
    expect(around.turns.length).toBeGreaterThan(0);

    // "next" on the last segment finishes the agenda
    await host.do({ type: 'agenda.next', from: 'sx3' });
    const done = await host.untilConsole((c) => c.agenda.finishedAt !== null);
    expect(Object.values(done.agenda.runs).every((r) => r.endedAt !== null)).toBe(true);
    expect(done.polls.every((p) => p.status !== 'open')).toBe(true);

    // ---- the harvest -------------------------------------------------------------------------
    const record = (await host.raw('harvest.record')) as Ack<HarvestRecord>;
    if (!record.ok) throw new Error(record.error.message);
    expect(record.data.agenda.map((s) => s.title)).toEqual(segments.map((s) => s.title));
    expect(record.data.agenda.every((s) => s.startedAt !== null && s.endedAt !== null)).toBe(true);
    const allNotes = record.data.notes.flatMap((n) => n.rooms.flatMap((r) => r.notes.map((x) => x.text)));
    for (const text of [...produced.breakoutNotes, ...produced.cafeNotes]) expect(allNotes).toContain(text);
    const checkins = record.data.polls.find((p) => p.kind === 'checkin' && p.answers.some((a) => a.text.startsWith('checkin')));
    expect(checkins?.answers.map((a) => a.text).sort()).toEqual([...produced.checkin].sort());
    const quick = record.data.polls.find((p) => p.question === 'Meet again next month?')!;
    expect(quick.results.kind === 'single' && quick.results.options.find((o) => o.id === 'yes')?.count).toBe(5);
    expect(record.data.attendance.admitted).toBe(9);

    // privacy: breakout notes shareable, café notes room only, everything else left at "workshop"
    const breakoutArea = record.data.notes.find((n) => n.kind === 'breakouts')!.area;
    const cafeArea = record.data.notes.find((n) => n.kind === 'cafe')!.area;
    await host.do({ type: 'harvest.privacy', area: breakoutArea, level: 'shareable' });
    await host.do({ type: 'harvest.privacy', area: quick.area, level: 'shareable' });
    await host.do({ type: 'harvest.privacy', area: cafeArea, level: 'room' });

    const exported = (await host.raw('harvest.export', { format: 'json' })) as Ack<HarvestFile>;
    if (!exported.ok) throw new Error(exported.error.message);
    const file = JSON.parse(exported.data.text) as HarvestRecord;
    expect(file.levels).toEqual(['shareable']);
    const fileNotes = file.notes.flatMap((n) => n.rooms.flatMap((r) => r.notes.map((x) => x.text)));
    expect(fileNotes.sort()).toEqual([...produced.breakoutNotes].sort());
    for (const text of [...produced.cafeNotes, ...produced.checkin]) expect(exported.data.text).not.toContain(text);
    expect(file.polls.map((p) => p.question)).toEqual(['Meet again next month?']);
    expect(file.omitted.map((o) => o.area)).toContain(cafeArea);
    // nobody's name: attendance is not shareable, the quick poll was anonymous
    for (let i = 0; i < 8; i++) expect(exported.data.text).not.toContain(personAt(i).name);

    const markdown = (await host.raw('harvest.export', { format: 'markdown' })) as Ack<HarvestFile>;
    expect(markdown.ok && markdown.data.text).toContain(produced.breakoutNotes[0]!);
    expect(markdown.ok && markdown.data.text).toMatch(/shareable/i);

    // a participant sees café notes only from tables they sat at
    const theirs = await ps[4]!.harvest();
    if (!theirs.ok) throw new Error(theirs.error.message);
    const cafeRooms = theirs.data.filter((r) => r.kind === 'cafe').flatMap((r) => r.rooms);
    expect(cafeRooms.length).toBeGreaterThan(0);
    expect(cafeRooms.length).toBeLessThan(record.data.notes.find((n) => n.kind === 'cafe')!.rooms.length + 1);
    const participantExport = (await ps[4]!.raw('harvest.export', { format: 'json' })) as Ack<HarvestFile>;
    expect(participantExport).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // ---- deleting: gone from the store, everyone told ------------------------------------------
    const wrong = (await host.raw('workshop.delete', { confirm: 'NOPE' })) as Ack<unknown>;
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ps[0]!.raw('workshop.delete', { confirm: w.code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.raw('workshop.delete', { confirm: w.code })).toEqual({ ok: true, data: { deleted: true } });
    await ps[0]!.until(() => ps[0]!.notices.some((n) => n.kind === 'workshop_gone'), 5_000, 'told the workshop is gone');
    const db = new Database(dataFile, { readonly: true });
    try {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      for (const { name } of tables) {
        const column = name === 'workshops' ? 'id' : 'workshop_id';
        const rows = db.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE ${column} = ?`).get(w.workshopId) as { n: number };
        expect(rows.n, `rows left in ${name}`).toBe(0);
      }
    } finally {
      db.close();
    }
    const again = new SimPerson(server.url);
    everyone.push(again);
    const resumed = await again.start({ type: 'join', code: w.code, name: 'Late', profile: { organisation: 'X' } });
    expect(resumed.ok).toBe(false);
  }, 120_000);
});
