/** Breakout sizes, shared by client forms and server validation (zod-free, so the client may import it). */
export const BREAKOUT_LIMITS = {
  rooms: 500,
  roomSize: 500,
  roomNameChars: 60,
  topicChars: 140,
  promptChars: 500,
  messageChars: 500,
  notesChars: 5_000,
  /** Fits in one socket message with room to spare (LIMITS.payloadBytes is 16 KB). */
  csvChars: 12_000,
  /** Rows a pre-assigned list keeps in all (sent in parts of at most csvChars). */
  preassignedRows: 5_000,
  maxDurationMs: 4 * 60 * 60 * 1000,
  /** The most harvest rounds a workshop keeps. */
  rounds: 100,
} as const;
