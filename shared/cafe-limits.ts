/** World café and networking sizes, shared by client forms and server validation (zod-free). */
export const CAFE_LIMITS = {
  tables: 100,
  rounds: 30,
  tableNameChars: 60,
  topicChars: 140,
  questionChars: 300,
  notesChars: 5_000,
  maxRoundMs: 60 * 60 * 1000,
  /** Wall-clock cap for planning inside the live server, so one plan never stalls other workshops for long. */
  planBudgetMs: 400,
} as const;
