import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/commands.ts';
import type { HarvestFormat, PrivacyLevel } from '../../shared/harvest.ts';
import { nextDeadline } from '../../server/engine/decide.ts';
import type { WorkshopState } from '../../server/engine/state.ts';
import { harvestOf } from '../../server/activities/harvest.ts';
import { harvestFile } from '../../server/activities/harvest/export.ts';
import { levelOf, participantHarvestRounds, visibility } from '../../server/activities/harvest/privacy.ts';
import { harvestRecord, type HarvestAudience } from '../../server/activities/harvest/record.ts';
import { buildTallies } from '../../server/activities/polls/aggregate.ts';
import { act, tick, workshopWith } from './activity-helpers.ts';
import { HOST } from './helpers.ts';

/**
 * Who sees what in the record. A workshop is run once through the real engine with a unique
 * marker (letters and digits only, so no renderer's escaping changes it) in every note, every
 * written answer and every profile answer; then privacy levels are set at random and the record
 * and every export format are searched for markers that must not be there.
 */

const MIN = 60_000;
const LEVELS: PrivacyLevel[] = ['room', 'workshop', 'shareable'];
const FORMATS: HarvestFormat[] = ['markdown', 'html', 'polls.csv', 'attendance.csv', 'json'];
const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(3, '0')}`);
const NAME = (id: string) => `Person ${id}`;

type Scenario = {
  s: WorkshopState;
  /** area → marker → the members allowed to see it at room level (everyone in that room or table). */
  notes: Map<string, Map<string, Set<string>>>;
  /** area → markers of written answers. */
  answers: Map<string, string[]>;
  anonymousPolls: string[];
  profileMarkers: string[];
};

function finish(s: WorkshopState, busy: (s: WorkshopState) => boolean): WorkshopState {
  for (let d = nextDeadline(s); busy(s) && d !== null; d = nextDeadline(s)) s = tick(s, d);
  return s;
}

function scenario(): Scenario {
  const people = Object.fromEntries(ids.map((id) => [id, [`ZQorg${id}Q`, 'English'] as [string, string]]));
  let s = workshopWith(people, ['co001']);
  const notes = new Map<string, Map<string, Set<string>>>();
  const answers = new Map<string, string[]>();
  const anonymousPolls: string[] = [];
  let at = 100_000;
  const next = () => (at += 1_000);

  for (const round of [1, 2]) {
    s = act(s, HOST, { type: 'breakouts.plan', sizing: { by: 'count', rooms: 3 }, strategy: { kind: 'random' } }, next());
    s = act(s, HOST, { type: 'breakouts.open', durationMs: 10 * MIN }, next());
    const area = new Map<string, Set<string>>();
    for (const room of s.breakouts!.rooms) {
      const members = Object.keys(s.breakouts!.assignment).filter((id) => s.breakouts!.assignment[id] === room.id);
      const marker = `ZQb${round}${room.id}Q`;
      s = act(s, members[0]!, { type: 'breakouts.notes', roomId: room.id, text: `Our room said: ${marker}` }, next());
      area.set(marker, new Set(members));
    }
    notes.set(`breakouts:${round}`, area);
    s = act(s, HOST, { type: 'breakouts.close', immediately: true }, next());
  }

  for (const kind of ['cafe', 'networking'] as const) {
    const n = kind === 'cafe' ? 1 : 2;
    const plan: CommandInput =
      kind === 'cafe'
        ? { type: 'cafe.plan', kind, tables: [{ name: 'Jobs' }, { name: 'Schools' }, { name: 'Health' }], rounds: 2, roundMs: 10 * MIN, transitionMs: 30_000 }
        : { type: 'cafe.plan', kind, rounds: 2, roundMs: 3 * MIN };
    s = act(s, HOST, plan, next());
    s = act(s, HOST, { type: 'cafe.start' }, next());
    const area = new Map<string, Set<string>>();
    for (const round of [1, 2]) {
      const tables = s.cafe!.plan[round - 1]!;
      for (const [t, members] of tables.entries()) {
        const marker = `ZQc${n}t${t + 1}r${round}Q`;
        s = act(s, members[0]!, { type: 'cafe.notes', tableId: `t${t + 1}`, text: marker }, s.updatedAt + 1);
        // café notes stay with the table: everyone who ever sat there may see them; a pair's only its pair
        const allowed = kind === 'cafe' ? new Set(s.cafe!.plan.flatMap((r) => r[t] ?? [])) : new Set(members);
        area.set(marker, allowed);
      }
      if (round === 1) s = tick(s, nextDeadline(s)!);
      if (round === 1) s = tick(s, nextDeadline(s)!);
    }
    notes.set(`cafe:${n}`, area);
    s = finish(s, (x) => x.cafe !== null);
    at = s.updatedAt;
  }

  for (const anonymous of [false, true]) {
    s = act(s, HOST, { type: 'poll.create', poll: { kind: 'text', question: anonymous ? 'Anonymous question' : 'Named question', settings: { anonymous, results: 'live' } } }, next());
    const pollId = Object.keys(s.polls.polls).at(-1)!;
    s = act(s, HOST, { type: 'poll.launch', pollId, scope: 'plenary' }, next());
    const markers: string[] = [];
    for (const id of ids) {
      const marker = `ZQ${anonymous ? 'anon' : 'named'}${id}Q`;
      s = act(s, id, { type: 'poll.answer', pollId, answer: { kind: 'text', text: `I think ${marker}` } }, next());
      markers.push(marker);
    }
    answers.set(`poll:${pollId}`, markers);
    if (anonymous) anonymousPolls.push(pollId);
  }
  s = act(s, HOST, { type: 'poll.create', poll: { kind: 'checkin', moment: 'checkout', question: 'Leaving with?', settings: { anonymous: true, results: 'live' } } }, next());
  const checkout = Object.keys(s.polls.polls).at(-1)!;
  s = act(s, HOST, { type: 'poll.launch', pollId: checkout, scope: 'plenary' }, next());
  for (const id of ids.slice(0, 4)) s = act(s, id, { type: 'poll.answer', pollId: checkout, answer: { kind: 'checkin', text: `Hope ZQout${id}Q` } }, next());
  answers.set(`poll:${checkout}`, ids.slice(0, 4).map((id) => `ZQout${id}Q`));
  anonymousPolls.push(checkout);
  return { s, notes, answers, anonymousPolls, profileMarkers: ids.map((id) => `ZQorg${id}Q`) };
}

const world = scenario();
const AREAS = ['attendance', ...world.notes.keys(), ...world.answers.keys()];

const withLevels = (levels: Record<string, PrivacyLevel>): WorkshopState =>
  Object.entries(levels).reduce((s, [area, level]) => act(s, HOST, { type: 'harvest.privacy', area, level }, 9_000_000), world.s);
const recordOf = (s: WorkshopState, audience: HarvestAudience) => harvestRecord(s, buildTallies(s.polls), 9_500_000, audience);
const allFormats = (s: WorkshopState, audience: HarvestAudience): string[] => {
  const record = recordOf(s, audience);
  return FORMATS.map((f) => harvestFile(record, f, 'Peer learning').text);
};
const markersOf = (area: string): string[] =>
  area === 'attendance' ? world.profileMarkers : [...(world.notes.get(area)?.keys() ?? []), ...(world.answers.get(area) ?? [])];

const levelsArb = fc.record(Object.fromEntries(AREAS.map((a) => [a, fc.constantFrom(...LEVELS)])) as Record<string, fc.Arbitrary<PrivacyLevel>>);

describe('privacy levels', () => {
  it('are workshop until the facilitators set one', () => {
    expect(levelOf(world.s, 'breakouts:1')).toBe('workshop');
    expect(levelOf(withLevels({ 'breakouts:1': 'room' }), 'breakouts:1')).toBe('room');
  });

  it('decide how much of an area each audience sees', () => {
    const p: HarvestAudience = { kind: 'participant', memberId: 'p001' };
    expect(LEVELS.map((l) => visibility(l, { kind: 'facilitators' }))).toEqual(['all', 'all', 'all']);
    expect(LEVELS.map((l) => visibility(l, { kind: 'export' }))).toEqual(['none', 'none', 'all']);
    expect(LEVELS.map((l) => visibility(l, p))).toEqual(['own', 'all', 'all']);
  });
});

describe('an export', () => {
  it('never contains text from an area that is not shareable, in any format', () => {
    fc.assert(
      fc.property(levelsArb, (levels) => {
        const s = withLevels(levels);
        const files = allFormats(s, { kind: 'export' });
        for (const area of AREAS) {
          for (const marker of markersOf(area)) {
            for (const text of files) {
              if (levels[area] === 'shareable') continue;
              expect(text, `${area} (${levels[area]})`).not.toContain(marker);
            }
          }
        }
        // and what is shareable is there (the check above would pass on an empty file)
        const json = files[FORMATS.indexOf('json')]!;
        for (const area of AREAS.filter((a) => levels[a] === 'shareable')) for (const m of markersOf(area)) expect(json).toContain(m);
      }),
      { numRuns: 40 },
    );
  });
});

describe("a participant's record", () => {
  it("never contains another room's room-level notes, in the record or its renderings", () => {
    fc.assert(
      fc.property(levelsArb, fc.constantFrom(...ids, 'co001'), (levels, memberId) => {
        const s = withLevels(levels);
        const texts = [...allFormats(s, { kind: 'participant', memberId }), JSON.stringify(participantHarvestRounds(s, memberId))];
        for (const [area, markers] of world.notes) {
          for (const [marker, allowed] of markers) {
            const mayRead = levels[area] !== 'room' || allowed.has(memberId);
            for (const text of texts.slice(-2)) {
              if (mayRead) expect(text, `${area} ${marker}`).toContain(marker);
              else expect(text, `${area} ${marker}`).not.toContain(marker);
            }
            if (!mayRead) for (const text of texts) expect(text).not.toContain(marker);
          }
        }
        // room-level answers and attendance never reach a participant
        for (const area of AREAS.filter((a) => !world.notes.has(a) && levels[a] === 'room')) {
          for (const m of markersOf(area)) for (const text of texts) expect(text).not.toContain(m);
        }
        for (const m of world.profileMarkers) for (const text of texts) expect(text).not.toContain(m);
      }),
      { numRuns: 40 },
    );
  });
});

describe('anonymous polls', () => {
  /** The part of a rendering about one poll: its Markdown section, its HTML section, its CSV rows, its JSON object. */
  function pollPart(format: HarvestFormat, text: string, question: string): string {
    switch (format) {
      case 'markdown': {
        const start = text.indexOf(`### ${question}`);
        if (start < 0) return '';
        const rest = text.slice(start + 4);
        const end = rest.search(/\n##+ /);
        return end < 0 ? rest : rest.slice(0, end);
      }
      case 'html': {
        const start = text.indexOf(`<h3>${question}</h3>`);
        return start < 0 ? '' : text.slice(start, text.indexOf('</section>', start));
      }
      case 'polls.csv':
        return text
          .split('\r\n')
          .filter((line) => line.startsWith(question))
          .join('\n');
      case 'json':
      case 'attendance.csv':
        return '';
    }
  }

  it('never carry a name, for any audience, in any format', () => {
    const audiences: HarvestAudience[] = [{ kind: 'facilitators' }, { kind: 'export' }, ...ids.slice(0, 3).map((memberId) => ({ kind: 'participant', memberId }) as const)];
    fc.assert(
      fc.property(levelsArb, fc.constantFrom(...audiences), (levels, audience) => {
        const s = withLevels(levels);
        const record = recordOf(s, audience);
        for (const poll of record.polls.filter((p) => world.anonymousPolls.some((id) => p.area === `poll:${id}`))) {
          expect(poll.anonymous).toBe(true);
          expect(poll.answers.every((a) => a.name === null)).toBe(true);
          const json = JSON.stringify(poll);
          for (const id of ids) expect(json).not.toContain(NAME(id));
          for (const format of FORMATS) {
            const part = pollPart(format, harvestFile(record, format, 'Peer learning').text, poll.question);
            if (format !== 'json' && format !== 'attendance.csv') expect(part, format).toContain('ZQ');
            for (const id of ids) expect(part, format).not.toContain(NAME(id));
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('keep names on named polls (so the check above is not vacuous)', () => {
    const record = recordOf(world.s, { kind: 'facilitators' });
    const named = record.polls.find((p) => p.question === 'Named question')!;
    expect(named.answers).toContainEqual({ text: 'I think ZQnamedp001Q', name: 'Person p001' });
    expect(harvestFile(record, 'markdown', 'x').text).toContain('I think ZQnamedp001Q (Person p001)');
  });
});

describe('"What the rooms said" for a participant', () => {
  it('is the whole harvest, in its order and shape, when nothing is room-level', () => {
    expect(participantHarvestRounds(world.s, 'p001')).toEqual(harvestOf(world.s));
  });

  it('keeps a room-level round to the member’s own room, and the rest as it is', () => {
    fc.assert(
      fc.property(levelsArb, fc.constantFrom(...ids), (levels, memberId) => {
        const s = withLevels(levels);
        const all = harvestOf(s);
        const mine = participantHarvestRounds(s, memberId);
        for (const round of mine) {
          const area = round.kind === 'breakouts' ? `breakouts:${round.round}` : `cafe:${round.round}`;
          const whole = all.find((r) => r.kind === round.kind && r.round === round.round)!;
          expect({ ...round, rooms: [] }).toEqual({ ...whole, rooms: [] });
          if (levels[area] !== 'room') expect(round).toEqual(whole);
          else if (round.kind !== 'networking') {
            // their own rooms or tables, each as everyone else sees it, in the same order
            const names = whole.rooms.map((r) => r.name);
            expect(round.rooms.every((r) => whole.rooms.some((w) => w.name === r.name && w.notes === r.notes))).toBe(true);
            expect(round.rooms.map((r) => names.indexOf(r.name))).toEqual([...round.rooms.map((r) => names.indexOf(r.name))].sort((a, b) => a - b));
          }
        }
        // rounds keep harvestOf's order; a round is left out only when it is room-level
        const key = (r: { kind: string; round: number }) => `${r.kind}:${r.round}`;
        expect(mine.map(key)).toEqual(all.map(key).filter((k) => mine.some((r) => key(r) === k)));
        for (const r of all.filter((r) => !mine.some((m) => key(m) === key(r)))) {
          expect(levels[r.kind === 'breakouts' ? `breakouts:${r.round}` : `cafe:${r.round}`]).toBe('room');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shows a room-level breakout round with only the member’s room', () => {
    const s = withLevels({ 'breakouts:1': 'room' });
    const [mine] = participantHarvestRounds(s, 'p001');
    const room = s.breakoutRecord.rounds[0]!.groups.findIndex((g) => g.includes('p001'));
    expect(mine!.rooms).toEqual([harvestOf(s)[0]!.rooms[room]]);
  });
});
