/** Poll sizes, shared by client forms and server validation (zod-free, so the client may import it). */
export const POLL_LIMITS = {
  questionChars: 300,
  optionChars: 120,
  minOptions: 2,
  options: 20,
  /** Ranking asks people to order every option: more than ten is a chore on a phone. */
  rankingOptions: 10,
  /** A scale runs between these bounds and has at most `scalePoints` points (0 to 10 is 11). */
  scaleBound: 100,
  scalePoints: 11,
  scaleLabelChars: 40,
  wordChars: 40,
  /** The most words a facilitator may ask for in one word-cloud answer. */
  wordsPerPerson: 10,
  textChars: 1_000,
  /** A check-in / check-out answer is a sentence. */
  checkinChars: 280,
  /** Results carry the top words only, so their size never grows with the number of voters. */
  cloudWords: 50,
  /** Walls (open text, check-in) carry the most recent answers only, with a total count. */
  wallEntries: 50,
  /** Participants' walls are shorter: their view stays a few KB even when every answer is long. */
  participantWallEntries: 20,
  /** Polls kept with one workshop (prepared and run). */
  polls: 100,
  /** Open at the same time: keeps a participant's screen (and view) small. */
  openPolls: 3,
  /** Closed polls still shown to participants (the latest, and revealed ones). */
  participantClosedPolls: 2,
} as const;
