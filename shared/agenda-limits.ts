/** Agenda sizes, shared by client forms and server validation (zod-free, so the client may import it). */
export const AGENDA_LIMITS = {
  /** A day-long workshop has a dozen segments; 30 keeps one `agenda.set` inside one socket message. */
  segments: 30,
  titleChars: 120,
  /** Facilitator notes per segment (never shown to participants). */
  notesChars: 1_000,
  segmentMinutes: 240,
  /** The most one "extend" adds or removes, in minutes. */
  extendMinutes: 60,
  /** An exported agenda file that is larger than this is not an agenda. */
  fileChars: 15_000,
} as const;
