import type { POLL_LIMITS } from '../../../../shared/polls.ts';

/**
 * The poll limits for the browser. shared/polls.ts loads zod, which the client must not download,
 * so this is a copy; `satisfies typeof POLL_LIMITS` makes TypeScript refuse any difference (the
 * server's constants are literal types), and a unit test compares the values too.
 * (Moving POLL_LIMITS to a zod-free shared file would remove the copy.)
 */
export const CLIENT_POLL_LIMITS = {
  questionChars: 300,
  optionChars: 120,
  minOptions: 2,
  options: 20,
  rankingOptions: 10,
  scaleBound: 100,
  scalePoints: 11,
  scaleLabelChars: 40,
  wordChars: 40,
  wordsPerPerson: 10,
  textChars: 1_000,
  checkinChars: 280,
  cloudWords: 50,
  wallEntries: 50,
  participantWallEntries: 20,
  polls: 100,
  openPolls: 3,
  participantClosedPolls: 2,
} as const satisfies typeof POLL_LIMITS;
