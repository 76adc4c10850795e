import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** A field the facilitator asks joiners to fill in (organisation, country, language...). */
export const ProfileField = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  label: z.string().trim().min(1).max(LIMITS.profileLabelChars),
  required: z.boolean(),
  /** Free text when absent or empty; otherwise the joiner picks one of these. */
  choices: z.array(z.string().trim().min(1).max(LIMITS.profileChoiceChars)).max(LIMITS.profileChoices).default([]),
});
export type ProfileField = z.infer<typeof ProfileField>;

export const ProfileFields = z
  .array(ProfileField)
  .max(LIMITS.profileFields)
  .refine((fields) => new Set(fields.map((f) => f.id)).size === fields.length, 'profile field ids must be unique');

/** What a joiner filled in: field id → value. Checked against the workshop's fields by `checkProfile`. */
export const ProfileValues = z.record(z.string().max(32), z.string().trim().max(LIMITS.profileValueChars));
export type ProfileValues = z.infer<typeof ProfileValues>;

export type ProfileProblem = { fieldId: string; problem: 'missing' | 'not_a_choice' | 'unknown_field' };

/** Returns the cleaned values (unknown and empty ones dropped) or the first problem found. */
export function checkProfile(
  fields: readonly ProfileField[],
  values: ProfileValues,
): { ok: true; values: ProfileValues } | { ok: false; problem: ProfileProblem } {
  const cleaned: ProfileValues = {};
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.id === key)) return { ok: false, problem: { fieldId: key, problem: 'unknown_field' } };
  }
  for (const field of fields) {
    // own keys only: a field called "constructor" must not read Object.prototype
    const value = (Object.hasOwn(values, field.id) ? (values[field.id] ?? '') : '').trim();
    if (!value) {
      if (field.required) return { ok: false, problem: { fieldId: field.id, problem: 'missing' } };
      continue;
    }
    if (field.choices.length > 0 && !field.choices.includes(value)) {
      return { ok: false, problem: { fieldId: field.id, problem: 'not_a_choice' } };
    }
    cleaned[field.id] = value;
  }
  return { ok: true, values: cleaned };
}

export { fieldIdFromLabel } from './field-ids.ts';
