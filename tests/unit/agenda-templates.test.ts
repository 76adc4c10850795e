import { describe, expect, it } from 'vitest';
import { AgendaFile, type Segment } from '../../shared/agenda.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import { DEMO_FIELDS } from '../sim/index.ts';

const parse = (t: (typeof AGENDA_TEMPLATES)[number]) => AgendaFile.parse({ indaba: 'agenda', version: 1, title: t.name, segments: t.segments });

describe('agenda templates', () => {
  it('has the three templates the field asked for', () => {
    expect(AGENDA_TEMPLATES.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Community of practice meeting (90 min)', 'Peer learning session (60 min)', 'Speed networking (30 min)']),
    );
    expect(new Set(AGENDA_TEMPLATES.map((t) => t.id)).size).toBe(AGENDA_TEMPLATES.length);
  });

  for (const template of AGENDA_TEMPLATES) {
    describe(template.name, () => {
      it('parses as an agenda file', () => {
        const result = AgendaFile.safeParse({ indaba: 'agenda', version: 1, title: template.name, segments: template.segments });
        expect(result.error?.issues ?? []).toEqual([]);
      });

      it('adds up to the length in its name', () => {
        const advertised = Number(/\((\d+) min\)$/.exec(template.name)?.[1]);
        expect(advertised).toBeGreaterThan(0);
        expect(parse(template).segments.reduce((sum, s) => sum + s.minutes, 0)).toBe(advertised);
      });

      it('gives café and networking rounds, and the moves between them, enough minutes', () => {
        for (const s of parse(template).segments) {
          const a = s.activity;
          if (a.kind !== 'cafe' && a.kind !== 'networking') continue;
          // people move between rounds, not before the first one
          const neededSeconds = a.rounds * a.roundMinutes * 60 + (a.rounds - 1) * a.moveSeconds;
          expect(neededSeconds, s.title).toBeLessThanOrEqual(s.minutes * 60);
          if (a.kind === 'networking') expect(a.prompts.length, s.title).toBeLessThanOrEqual(a.rounds);
        }
      });

      it('groups people only by fields the demo workshop asks for', () => {
        const fields = new Set(DEMO_FIELDS.map((f) => f.id));
        for (const s of parse(template).segments) {
          if (s.activity.kind !== 'breakouts') continue;
          const strategy = s.activity.strategy;
          if (strategy.kind === 'mix' || strategy.kind === 'groupBy') expect(fields.has(strategy.field), s.title).toBe(true);
        }
      });

      it('has unique segment and option ids, and notes for the facilitator on every segment', () => {
        const segments: Segment[] = parse(template).segments;
        expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
        for (const s of segments) {
          expect(s.id).toMatch(/^s[0-9a-z]{1,16}$/);
          expect(s.notes.length, s.title).toBeGreaterThan(40);
          if (s.activity.kind === 'poll' && 'options' in s.activity.poll) {
            const ids = s.activity.poll.options.map((o) => o.id);
            expect(new Set(ids).size).toBe(ids.length);
          }
        }
      });

      it('loses nothing when parsed: the template is already in its final form', () => {
        const parsed = parse(template);
        for (const [i, s] of template.segments.entries()) expect(parsed.segments[i]).toMatchObject(s);
      });
    });
  }
});
