import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgendaFile, SegmentId, Segments, type Segment, type SegmentInput } from '../../shared/agenda.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import { Command } from '../../shared/commands.ts';
import {
  agendaFile,
  agendaFileName,
  duplicateSegment,
  moveSegment,
  moveTargets,
  newSegmentId,
  putSegment,
  reId,
  removeSegment,
  replaceUpcoming,
  restoreSegment,
  withDefaults,
} from '../../client/src/features/agenda/segments.ts';

const seg = (id: string, title = id, minutes = 10): Segment => ({ id, title, minutes, notes: '', activity: { kind: 'plenary' } });
const idsOf = (list: readonly { id: string }[]) => list.map((s) => s.id);

/** A random source that plays back `values` (then repeats the last one). */
const playback = (values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
};

describe('segment ids', () => {
  it('are what the protocol accepts', () => {
    for (let i = 0; i < 200; i++) expect(SegmentId.safeParse(newSegmentId()).success).toBe(true);
  });

  it('are never one already taken, even when the random source repeats itself', () => {
    const first = newSegmentId(new Set(), playback([0.1]));
    // ten draws of 0.1 make `first` again; the next ten of 0.2 make another id
    const second = newSegmentId(new Set([first]), playback([...Array(10).fill(0.1), 0.2]));
    expect(second).not.toBe(first);
    expect(SegmentId.safeParse(second).success).toBe(true);
  });

  it('stay valid at the edges of the random source', () => {
    expect(SegmentId.safeParse(newSegmentId(new Set(), () => 0)).success).toBe(true);
    expect(SegmentId.safeParse(newSegmentId(new Set(), () => 0.999999999)).success).toBe(true);
  });
});

describe('templates and copies get fresh ids', () => {
  for (const template of AGENDA_TEMPLATES) {
    it(`“${template.name}” applied to a plan makes an agenda.set the server accepts`, () => {
      const current = [seg('s1'), seg('s2')];
      const segments = replaceUpcoming(current, new Set(), template.segments);
      expect(segments).toHaveLength(template.segments.length);
      expect(segments.map((s) => s.title)).toEqual(template.segments.map((s) => s.title));
      // none of the template's own ids (s1, s2…) survive: they would clash with the plan they replace
      expect(segments.some((s) => template.segments.some((t) => t.id === s.id))).toBe(false);
      const command = Command.safeParse({ type: 'agenda.set', segments });
      expect(command.error?.issues ?? []).toEqual([]);
    });
  }

  it('keeps the segments that have started first and replaces only what is still to come', () => {
    const current = [seg('sdone'), seg('snow'), seg('slater')];
    const incoming: SegmentInput[] = [{ id: 'sdone', title: 'New one', minutes: 5, activity: { kind: 'break' } }];
    const result = replaceUpcoming(current, new Set(['sdone', 'snow']), incoming);
    expect(result.slice(0, 2)).toEqual(current.slice(0, 2));
    expect(result).toHaveLength(3);
    expect(result[2]!.title).toBe('New one');
    expect(['sdone', 'snow', 'slater']).not.toContain(result[2]!.id);
  });

  it('reId gives every segment its own new id and changes nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('s1', 's2', 'sabc'), { maxLength: 30 }), (ids) => {
        const input = ids.map((id, i) => seg(id, `T${i}`, i + 1));
        const out = reId(input, new Set(ids));
        expect(new Set(idsOf(out)).size).toBe(out.length);
        for (const s of out) expect(ids).not.toContain(s.id);
        expect(out.map(({ id: _, ...rest }) => rest)).toEqual(input.map(({ id: _, ...rest }) => rest));
        expect(Segments.safeParse(out).success).toBe(true);
      }),
    );
  });

  it('fills in the protocol defaults, as the server would', () => {
    const input: SegmentInput[] = [
      { id: 'sa', title: 'Rooms', minutes: 20, activity: { kind: 'breakouts', sizing: { by: 'size', perRoom: 4 }, strategy: { kind: 'random' } } },
      { id: 'sb', title: 'Café', minutes: 40, activity: { kind: 'cafe', tables: [{ topic: 'Housing' }], rounds: 2, roundMinutes: 15 } },
      { id: 'sc', title: 'Pairs', minutes: 15, activity: { kind: 'networking', rounds: 3, roundMinutes: 4 } },
    ];
    const parsed = Segments.parse(input);
    expect(input.map(withDefaults)).toEqual(parsed);
  });

  it('does not share objects with the template, so editing a copy never changes the template', () => {
    const template: SegmentInput = { id: 'sa', title: 'Café', minutes: 40, activity: { kind: 'cafe', tables: [{ topic: 'Housing' }], rounds: 2, roundMinutes: 15 } };
    const [copy] = reId([template]);
    if (copy?.activity.kind !== 'cafe') throw new Error('not a café');
    copy.activity.tables[0]!.topic = 'Changed';
    expect(template.activity.kind === 'cafe' && template.activity.tables[0]!.topic).toBe('Housing');
  });
});

describe('list changes', () => {
  const list = [seg('sa', 'Welcome'), seg('sb', 'Rooms'), seg('sc', 'Close')];

  it('duplicates a segment just after itself, with a fresh id and the copy title', () => {
    const out = duplicateSegment(list, 'sb', (t) => `${t} (copy)`);
    expect(out.map((s) => s.title)).toEqual(['Welcome', 'Rooms', 'Rooms (copy)', 'Close']);
    expect(new Set(idsOf(out)).size).toBe(4);
    expect(out[2]!.activity).toEqual(list[1]!.activity);
  });

  it('replaces an edited segment in place and adds a new one at the end', () => {
    expect(putSegment(list, { ...list[1]!, title: 'Small groups' }).map((s) => s.title)).toEqual(['Welcome', 'Small groups', 'Close']);
    expect(idsOf(putSegment(list, seg('snew')))).toEqual(['sa', 'sb', 'sc', 'snew']);
  });

  it('puts a removed segment back where it was, but never above segments that have started', () => {
    const without = removeSegment(list, 'sb');
    expect(idsOf(without)).toEqual(['sa', 'sc']);
    expect(idsOf(restoreSegment(without, list[1]!, 1, 0))).toEqual(['sa', 'sb', 'sc']);
    expect(idsOf(restoreSegment(without, list[1]!, 0, 1))).toEqual(['sa', 'sb', 'sc']);
    // already back (a co-host undid it first): nothing doubles
    expect(idsOf(restoreSegment(list, list[1]!, 1, 0))).toEqual(['sa', 'sb', 'sc']);
  });
});

describe('moving segments', () => {
  const list = [seg('sa'), seg('sb'), seg('sc'), seg('sd')];

  it('moves up and down by one place, not past the ends', () => {
    const none = new Set<string>();
    expect(moveTargets(list, none, 'sa')).toEqual({ up: null, down: 1 });
    expect(moveTargets(list, none, 'sc')).toEqual({ up: 1, down: 3 });
    expect(moveTargets(list, none, 'sd')).toEqual({ up: 2, down: null });
  });

  it('never moves a segment that has started, nor anything above one', () => {
    const started = new Set(['sa', 'sb']);
    expect(moveTargets(list, started, 'sa')).toEqual({ up: null, down: null });
    expect(moveTargets(list, started, 'sb')).toEqual({ up: null, down: null });
    expect(moveTargets(list, started, 'sc')).toEqual({ up: null, down: 3 });
  });

  it('each target, applied as the server does, swaps the segment with its neighbour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(), (n, pick, startedRaw) => {
        const items = Array.from({ length: n }, (_, i) => seg(`s${i}`));
        const startedCount = startedRaw % n;
        const started = new Set(idsOf(items.slice(0, startedCount)));
        const i = pick % n;
        const { up, down } = moveTargets(items, started, items[i]!.id);
        if (up !== null) {
          const moved = idsOf(moveSegment(items, items[i]!.id, up));
          expect(moved[i - 1]).toBe(items[i]!.id);
          expect(moved[i]).toBe(items[i - 1]!.id);
          expect(moved.slice(0, startedCount)).toEqual(idsOf(items.slice(0, startedCount)));
        }
        if (down !== null) {
          const moved = idsOf(moveSegment(items, items[i]!.id, down));
          expect(moved[i + 1]).toBe(items[i]!.id);
          expect(moved[i]).toBe(items[i + 1]!.id);
        }
      }),
    );
  });
});

describe('the exported file', () => {
  it('is an agenda file the importer accepts', () => {
    const segments = reId(AGENDA_TEMPLATES[0]!.segments);
    const file = agendaFile('Spring meeting', segments);
    const parsed = AgendaFile.safeParse(JSON.parse(JSON.stringify(file)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.segments).toEqual(segments);
  });

  it('is named after the workshop, safe for any file system', () => {
    expect(agendaFileName('Réseau d’accueil: Spring 2025!')).toBe('agenda-reseau-d-accueil-spring-2025.json');
    expect(agendaFileName('   ')).toBe('agenda.json');
    expect(agendaFileName('مرحبا')).toBe('agenda.json');
    expect(agendaFileName('x'.repeat(200)).length).toBeLessThanOrEqual('agenda-.json'.length + 60);
  });
});
