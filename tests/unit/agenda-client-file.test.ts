import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { AgendaFile } from '../../shared/agenda.ts';
import { AGENDA_LIMITS } from '../../shared/agenda-limits.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import en from '../../client/src/lib/i18n/en.ts';
import { parseAgendaFile as parseWith, type ImportResult } from '../../client/src/features/agenda/agenda-file.ts';
import { agendaFile, reId } from '../../client/src/features/agenda/segments.ts';

async function english() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  /** The refusal as the console shows it. */
  return (r: ImportResult) => {
    if (r.ok) throw new Error('expected a refusal');
    return i18n.t(r.problem.key, { where: r.where ? i18n.t(r.where.key, r.where.params) : '', ...r.problem.params });
  };
}

/** As the console does it: with the protocol's own schema. */
const parseAgendaFile = (text: string, taken?: ReadonlySet<string>) => parseWith(text, AgendaFile, taken);

const exported = () => JSON.stringify(agendaFile('Spring meeting', reId(AGENDA_TEMPLATES[0]!.segments)));

describe('importing an agenda file', () => {
  it('reads an exported agenda and gives every segment a new id', () => {
    const text = exported();
    const original = JSON.parse(text) as { segments: { id: string; title: string }[] };
    const taken = new Set(original.segments.map((s) => s.id));
    const result = parseAgendaFile(text, taken);
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.title).toBe('Spring meeting');
    expect(result.segments.map((s) => s.title)).toEqual(original.segments.map((s) => s.title));
    for (const s of result.segments) expect(taken.has(s.id)).toBe(false);
  });

  it('says plainly when the file is not JSON, not an agenda, too new or too big', async () => {
    const say = await english();
    expect(say(parseAgendaFile('<html>'))).toMatch(/not JSON/);
    expect(say(parseAgendaFile('{"indaba":"poll","version":1}'))).toMatch(/not an Indaba agenda/);
    expect(say(parseAgendaFile('[1,2]'))).toMatch(/not an Indaba agenda/);
    expect(say(parseAgendaFile('{"indaba":"agenda","version":2,"segments":[]}'))).toMatch(/newer version/);
    expect(say(parseAgendaFile(' '.repeat(AGENDA_LIMITS.fileChars + 1)))).toMatch(/too large/);
  });

  it('names the segment that is wrong, in the schema’s own words', async () => {
    const say = await english();
    const file = JSON.parse(exported()) as { segments: { minutes: number; title: string }[] };
    file.segments[1]!.title = '';
    const text = say(parseAgendaFile(JSON.stringify(file)));
    expect(text).toContain('segment 2: ');
    expect(text).toContain('Every segment needs a title.');
    expect(text).not.toContain('{{');
  });

  it('refuses an agenda with no segments', async () => {
    const say = await english();
    expect(say(parseAgendaFile('{"indaba":"agenda","version":1,"title":"","segments":[]}'))).toMatch(/no segments/);
  });

  it('a refusal with no segment named leaves no placeholder behind', async () => {
    const say = await english();
    const text = say(parseAgendaFile('{"indaba":"agenda","version":1,"title":7,"segments":[]}'));
    expect(text).toMatch(/^This agenda file cannot be used: [A-Z]/);
    expect(text).not.toContain('{{');
  });
});
