import { LIMITS, fieldIdFromLabel } from '../../lib/protocol.ts';
import type { ProfileField } from '../../../../shared/index.ts';

/** One profile field as the facilitator edits it: choices are typed one per line. */
export type FieldDraft = { key: number; label: string; required: boolean; kind: 'text' | 'choices'; choicesText: string };

export type DraftProblem = 'label' | 'labelLong' | 'duplicate' | 'noChoices' | 'tooManyChoices' | 'choiceLong';

let nextKey = 1;

export function newDraft(label = '', options: Partial<Omit<FieldDraft, 'key' | 'label'>> = {}): FieldDraft {
  return { key: nextKey++, label, required: false, kind: 'text', choicesText: '', ...options };
}

/** "Syria\n\n Jordan \nSyria" → ["Syria", "Jordan"]. */
export function parseChoices(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const choice = line.trim();
    if (!choice || seen.has(choice)) continue;
    seen.add(choice);
    out.push(choice);
  }
  return out;
}

/** The first problem with one draft, given the labels of the drafts before it. */
export function draftProblem(draft: FieldDraft, earlierLabels: readonly string[]): DraftProblem | null {
  const label = draft.label.trim();
  if (!label) return 'label';
  if (label.length > LIMITS.profileLabelChars) return 'labelLong';
  if (earlierLabels.some((l) => l.trim().toLowerCase() === label.toLowerCase())) return 'duplicate';
  if (draft.kind === 'choices') {
    const choices = parseChoices(draft.choicesText);
    if (choices.length === 0) return 'noChoices';
    if (choices.length > LIMITS.profileChoices) return 'tooManyChoices';
    if (choices.some((c) => c.length > LIMITS.profileChoiceChars)) return 'choiceLong';
  }
  return null;
}

export type BuiltFields =
  | { ok: true; fields: ProfileField[] }
  | { ok: false; problems: { key: number; index: number; problem: DraftProblem }[] };

/** Turns the editor's drafts into the profile fields the server expects, or says what to fix. */
export function buildProfileFields(drafts: readonly FieldDraft[]): BuiltFields {
  const problems: { key: number; index: number; problem: DraftProblem }[] = [];
  drafts.forEach((d, index) => {
    const problem = draftProblem(
      d,
      drafts.slice(0, index).map((e) => e.label),
    );
    if (problem) problems.push({ key: d.key, index, problem });
  });
  if (problems.length) return { ok: false, problems };
  const taken: string[] = [];
  const fields = drafts.map((d): ProfileField => {
    const id = fieldIdFromLabel(d.label, taken);
    taken.push(id);
    return { id, label: d.label.trim(), required: d.required, choices: d.kind === 'choices' ? parseChoices(d.choicesText) : [] };
  });
  return { ok: true, fields };
}
