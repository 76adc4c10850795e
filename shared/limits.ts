/** Size limits shared by client forms and server validation, so both say the same thing. */
export const LIMITS = {
  titleChars: 120,
  descriptionChars: 2_000,
  nameChars: 60,
  profileFields: 12,
  profileLabelChars: 60,
  profileChoices: 30,
  profileChoiceChars: 80,
  profileValueChars: 200,
  announcementChars: 500,
  nowChars: 140,
  timerMaxMs: 6 * 60 * 60 * 1000,
  /** Everyone ever joined, including those who left: keeps a join flood from growing a workshop forever. */
  membersPerWorkshop: 5_000,
  /** Largest Socket.IO message the server accepts, in bytes. */
  payloadBytes: 16 * 1024,
} as const;
