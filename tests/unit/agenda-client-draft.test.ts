import { describe, expect, it } from 'vitest';
import { Segment, type SegmentKind } from '../../shared/agenda.ts';
import { AGENDA_LIMITS } from '../../shared/agenda-limits.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import { reId, SEGMENT_KINDS } from '../../client/src/features/agenda/segments.ts';
import {
  buildSegment,
  draftFromSegment,
  newDraft,
  roundsFit,
  strategyFromValue,
  strategyValue,
  type SegmentDraft,
} from '../../client/src/features/agenda/segment-draft.ts';

const fieldsOf = (result: ReturnType<typeof buildSegment>) => (result.ok ? [] : result.problems.map((p) => p.field));

/** A draft of this kind with what it needs filled in, as a facilitator would. */
function filled(kind: SegmentKind): SegmentDraft {
  const d = newDraft('sabc', kind);
  d.title = `A ${kind} segment`;
  d.question = 'How are you arriving today?';
  d.poll = { kind: 'single', question: 'Which topic first?', options: [{ id: 'o1', label: 'Housing' }, { id: 'o2', label: 'Jobs' }], settings: { anonymous: true, results: 'live' } };
  d.minutes = '50';
  return d;
}

describe('building a segment from the editor', () => {
  for (const kind of SEGMENT_KINDS) {
    it(`a new ${kind} segment, filled in, is one the server accepts`, () => {
      const built = buildSegment(filled(kind));
      if (!built.ok) throw new Error(JSON.stringify(built.problems));
      expect(built.segment.activity.kind).toBe(kind);
      const parsed = Segment.safeParse(built.segment);
      expect(parsed.error?.issues ?? []).toEqual([]);
    });
  }

  it('every segment of every template survives a round trip through the editor unchanged', () => {
    for (const template of AGENDA_TEMPLATES) {
      for (const segment of reId(template.segments)) {
        const built = buildSegment(draftFromSegment(segment));
        if (!built.ok) throw new Error(`${template.name} / ${segment.title}: ${JSON.stringify(built.problems)}`);
        expect(built.segment).toEqual(Segment.parse(segment));
      }
    }
  });

  it('marks each field that needs fixing, in the order of the form', () => {
    const d = newDraft('sabc', 'checkin');
    d.title = '  ';
    d.minutes = '0';
    expect(fieldsOf(buildSegment(d))).toEqual(['title', 'minutes', 'question']);
    d.minutes = String(AGENDA_LIMITS.segmentMinutes + 1);
    expect(fieldsOf(buildSegment(d))).toContain('minutes');
    d.minutes = '1.5';
    expect(fieldsOf(buildSegment(d))).toContain('minutes');
  });

  it('asks for the poll before a poll segment can be saved', () => {
    const d = filled('poll');
    d.poll = null;
    expect(fieldsOf(buildSegment(d))).toEqual(['poll']);
  });

  it('checks rooms, rounds and seconds against the limits the server uses', () => {
    const rooms = filled('breakouts');
    rooms.sizingBy = 'size';
    rooms.perRoom = '1';
    expect(fieldsOf(buildSegment(rooms))).toEqual(['perRoom']);
    rooms.sizingBy = 'count';
    rooms.rooms = '0';
    expect(fieldsOf(buildSegment(rooms))).toEqual(['rooms']);

    const cafe = filled('cafe');
    cafe.tables = [];
    cafe.rounds = '0';
    cafe.moveSeconds = '2';
    expect(fieldsOf(buildSegment(cafe))).toEqual(['rounds', 'moveSeconds', 'tables']);

    const go = filled('goAround');
    go.turnSeconds = '4';
    expect(fieldsOf(buildSegment(go))).toEqual(['turnSeconds']);
  });

  it('keeps the notes for facilitators, trimmed, within the limit', () => {
    const d = filled('plenary');
    d.notes = '  Say hello.  ';
    const built = buildSegment(d);
    expect(built.ok && built.segment.notes).toBe('Say hello.');
    d.notes = 'x'.repeat(AGENDA_LIMITS.notesChars + 1);
    expect(fieldsOf(buildSegment(d))).toEqual(['notes']);
  });

  it('leaves out blank networking prompts and blank parts of café tables', () => {
    const pairs = filled('networking');
    pairs.prompts = ['What brought you here?', '  ', 'One hope for next year'];
    const built = buildSegment(pairs);
    expect(built.ok && built.segment.activity.kind === 'networking' && built.segment.activity.prompts).toEqual(['What brought you here?', 'One hope for next year']);

    const cafe = filled('cafe');
    cafe.tables = [{ name: '', topic: ' Housing ', question: '' }];
    const café = buildSegment(cafe);
    expect(café.ok && café.segment.activity.kind === 'cafe' && café.segment.activity.tables).toEqual([{ topic: 'Housing' }]);
  });

  it('switching the kind keeps what was typed for the other kind', () => {
    const d = filled('checkin');
    d.kind = 'plenary';
    d.kind = 'checkout';
    const built = buildSegment(d);
    expect(built.ok && built.segment.activity).toEqual({ kind: 'checkout', question: 'How are you arriving today?' });
  });
});

describe('breakout strategies in a select', () => {
  it('round-trip through their option value', () => {
    for (const s of [{ kind: 'random' }, { kind: 'mix', field: 'org' }, { kind: 'groupBy', field: 'language' }, { kind: 'avoidPrevious' }, { kind: 'selfSelect' }, { kind: 'preassigned' }, { kind: 'previous' }] as const) {
      expect(strategyFromValue(strategyValue(s))).toEqual(s);
    }
    expect(strategyFromValue('nonsense')).toEqual({ kind: 'random' });
    expect(strategyFromValue('mix:')).toEqual({ kind: 'random' });
  });
});

describe('café rounds against the segment length', () => {
  it('warns when the rounds and moves take longer than the segment', () => {
    expect(roundsFit({ rounds: '3', roundMinutes: '15', moveSeconds: '30', minutes: '45' })).toEqual({ rounds: 3, needed: 46, minutes: 45 });
    expect(roundsFit({ rounds: '3', roundMinutes: '15', moveSeconds: '30', minutes: '46' })).toBeNull();
    expect(roundsFit({ rounds: '', roundMinutes: '15', moveSeconds: '30', minutes: '10' })).toBeNull();
  });
});
