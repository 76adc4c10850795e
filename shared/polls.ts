import { z } from 'zod';
import { POLL_LIMITS } from './poll-limits.ts';

/**
 * Polls: what a facilitator defines, what a person answers, the commands for both, and the
 * results everyone sees. Kinds: single choice, multiple choice, scale, word cloud, open text,
 * ranking, and the reflective check-in / check-out question.
 *
 * The client must not load zod (a unit test checks): it imports only types from here, and
 * mirrors POLL_LIMITS in client/src/features/polls/limits.ts (TypeScript checks the copy is equal).
 */

export { POLL_LIMITS };

// ---- ids ------------------------------------------------------------------------------------------

/** Poll ids are made by the server (see `Fresh` in the engine). */
export const PollId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/, 'not a poll id');
export type PollId = z.infer<typeof PollId>;

/** Option ids are made by the editor (o1, o2, …) and stay put when labels change. */
export const OptionId = z.string().regex(/^[A-Za-z0-9_-]{1,24}$/, 'not an option id');
export type OptionId = z.infer<typeof OptionId>;

/** Same shape as breakout room ids (r1, r2, …). */
export const PollRoomId = z.string().regex(/^r[0-9]{1,4}$/, 'not a room id');

// ---- definitions ----------------------------------------------------------------------------------

export const POLL_KINDS = ['single', 'multiple', 'scale', 'wordcloud', 'text', 'ranking', 'checkin'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const PollSettings = z
  .object({
    /** Anonymous: nobody (facilitators included) is ever sent who answered what; exports carry no names. */
    anonymous: z.boolean(),
    /** live: results shown as answers come in; onReveal: hidden until a facilitator reveals them. */
    results: z.enum(['live', 'onReveal']),
  })
  .strict();
export type PollSettings = z.infer<typeof PollSettings>;

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} can be at most ${max} characters. Shorten it and try again.`);

const Question = text(POLL_LIMITS.questionChars, 'The question').min(1, 'Type a question first.');

export const PollOption = z
  .object({ id: OptionId, label: text(POLL_LIMITS.optionChars, 'An option').min(1, 'Every option needs some text.') })
  .strict();
export type PollOption = z.infer<typeof PollOption>;

const options = (max: number) =>
  z
    .array(PollOption)
    .min(POLL_LIMITS.minOptions, `Give at least ${POLL_LIMITS.minOptions} options.`)
    .max(max, `A poll can have at most ${max} options. Remove some and try again.`)
    .refine((list) => new Set(list.map((o) => o.id)).size === list.length, 'Two options have the same id. Reload and try again.');

const base = { question: Question, settings: PollSettings };

export const PollDefinition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), ...base, options: options(POLL_LIMITS.options) }).strict(),
  z
    .object({
      kind: z.literal('multiple'),
      ...base,
      options: options(POLL_LIMITS.options),
      /** The most options one person may tick. */
      maxChoices: z.number().int().min(1).max(POLL_LIMITS.options),
    })
    .strict()
    .refine((d) => d.maxChoices <= d.options.length, {
      message: 'The most choices per person cannot be more than the number of options.',
      path: ['maxChoices'],
    }),
  z
    .object({
      kind: z.literal('scale'),
      ...base,
      min: z.number().int().min(-POLL_LIMITS.scaleBound).max(POLL_LIMITS.scaleBound),
      max: z.number().int().min(-POLL_LIMITS.scaleBound).max(POLL_LIMITS.scaleBound),
      /** What the ends mean, e.g. "not at all" … "completely". May be empty. */
      minLabel: text(POLL_LIMITS.scaleLabelChars, 'A scale label'),
      maxLabel: text(POLL_LIMITS.scaleLabelChars, 'A scale label'),
    })
    .strict()
    .refine((d) => d.max > d.min && d.max - d.min + 1 <= POLL_LIMITS.scalePoints, {
      message: `A scale goes from a lower to a higher number, with at most ${POLL_LIMITS.scalePoints} points (like 0 to 10).`,
      path: ['max'],
    }),
  z
    .object({
      kind: z.literal('wordcloud'),
      ...base,
      /** Words one person may give (each counts once). */
      maxWords: z.number().int().min(1).max(POLL_LIMITS.wordsPerPerson),
    })
    .strict(),
  z.object({ kind: z.literal('text'), ...base }).strict(),
  z.object({ kind: z.literal('ranking'), ...base, options: options(POLL_LIMITS.rankingOptions) }).strict(),
  /** A reflective question at the start or the end: everyone answers in a sentence, shown as a wall. */
  z.object({ kind: z.literal('checkin'), ...base, moment: z.enum(['checkin', 'checkout']) }).strict(),
]);
export type PollDefinition = z.infer<typeof PollDefinition>;
export type PollDefinitionOf<K extends PollKind> = Extract<PollDefinition, { kind: K }>;

// ---- answers --------------------------------------------------------------------------------------

const Word = z.string().max(POLL_LIMITS.wordChars, `Each word can be at most ${POLL_LIMITS.wordChars} characters.`);

export const PollAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), optionId: OptionId }).strict(),
  z.object({ kind: z.literal('multiple'), optionIds: z.array(OptionId).min(1, 'Choose at least one option.').max(POLL_LIMITS.options) }).strict(),
  z.object({ kind: z.literal('scale'), value: z.number().int() }).strict(),
  z
    .object({
      kind: z.literal('wordcloud'),
      words: z.array(Word).min(1, 'Type at least one word.').max(POLL_LIMITS.wordsPerPerson),
    })
    .strict(),
  z.object({ kind: z.literal('text'), text: text(POLL_LIMITS.textChars, 'Your answer').min(1, 'Type an answer first.') }).strict(),
  /** Every option, best first. */
  z.object({ kind: z.literal('ranking'), order: z.array(OptionId).min(1).max(POLL_LIMITS.rankingOptions) }).strict(),
  z
    .object({ kind: z.literal('checkin'), text: text(POLL_LIMITS.checkinChars, 'Your answer').min(1, 'Type an answer first.') })
    .strict(),
]);
export type PollAnswer = z.infer<typeof PollAnswer>;
export type PollAnswerOf<K extends PollKind> = Extract<PollAnswer, { kind: K }>;

// ---- commands -------------------------------------------------------------------------------------

export const PollScope = z.enum(['plenary', 'rooms']);
export type PollScope = z.infer<typeof PollScope>;

export const PollStatus = z.enum(['draft', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

/** Spread into the Command union in shared/commands.ts. */
export const POLL_COMMANDS = [
  /** A draft, prepared before the workshop or on the spot; nobody but facilitators sees it. */
  z.object({ type: z.literal('poll.create'), poll: PollDefinition }).strict(),
  /** Drafts only: once launched, options stay as people saw them. */
  z.object({ type: z.literal('poll.update'), pollId: PollId, poll: PollDefinition }).strict(),
  /** Opens a draft in plenary, or in every open breakout room at once (results per room and all together). */
  z.object({ type: z.literal('poll.launch'), pollId: PollId, scope: PollScope }).strict(),
  /**
   * One response per person, changeable until the poll closes. `roomId` is the room the client
   * believes it is in (rooms scope): an answer meant for another room is refused, not miscounted.
   */
  z.object({ type: z.literal('poll.answer'), pollId: PollId, answer: PollAnswer, roomId: PollRoomId.nullable().optional() }).strict(),
  z.object({ type: z.literal('poll.close'), pollId: PollId }).strict(),
  z.object({ type: z.literal('poll.reopen'), pollId: PollId }).strict(),
  /** Show (true) or hide again (false) the results of an "on reveal" poll; also keeps a closed poll on screens. */
  z.object({ type: z.literal('poll.reveal'), pollId: PollId, revealed: z.boolean() }).strict(),
  z.object({ type: z.literal('poll.delete'), pollId: PollId }).strict(),
] as const;

export type PollCommand = z.infer<(typeof POLL_COMMANDS)[number]>;
export type PollCommandType = PollCommand['type'];

/** Which poll commands a participant may send; every other one is for facilitators. */
export const PARTICIPANT_POLL_COMMANDS = ['poll.answer'] as const;

// ---- results --------------------------------------------------------------------------------------

const Count = z.number().int().min(0);
/** People who answered (not words or ticks). */
const responses = Count;

export const OptionCount = z.object({ id: OptionId, label: z.string(), count: Count });
export type OptionCount = z.infer<typeof OptionCount>;

export const RankedOption = z.object({
  id: OptionId,
  label: z.string(),
  /** Borda count: with k options, first place earns k−1 points, last earns 0. */
  points: Count,
  /** 1 is best; options with equal points share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
});
export type RankedOption = z.infer<typeof RankedOption>;

export const CloudWord = z.object({ text: z.string(), count: Count });
export type CloudWord = z.infer<typeof CloudWord>;

/** `name` is null on anonymous polls: walls never say who wrote what. */
export const WallEntry = z.object({ text: z.string(), name: z.string().nullable() });
export type WallEntry = z.infer<typeof WallEntry>;

export const PollResults = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), responses, options: z.array(OptionCount) }),
  /** Counts are ticks per option: they may add up to more than `responses`. */
  z.object({ kind: z.literal('multiple'), responses, options: z.array(OptionCount) }),
  z.object({
    kind: z.literal('scale'),
    responses,
    min: z.number().int(),
    max: z.number().int(),
    minLabel: z.string(),
    maxLabel: z.string(),
    /** counts[i] is how many chose min + i. */
    counts: z.array(Count),
    /** null until someone answers. */
    mean: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('wordcloud'),
    responses,
    /** Different words given (after normalisation), of which `words` are the most frequent. */
    distinctWords: Count,
    words: z.array(CloudWord),
  }),
  /** Best first. */
  z.object({ kind: z.literal('ranking'), responses, options: z.array(RankedOption) }),
  /** Newest first, at most `wallEntries` of them; `responses` is the total. */
  z.object({ kind: z.literal('text'), responses, entries: z.array(WallEntry) }),
  z.object({ kind: z.literal('checkin'), responses, entries: z.array(WallEntry) }),
]);
export type PollResults = z.infer<typeof PollResults>;
export type PollResultsOf<K extends PollKind> = Extract<PollResults, { kind: K }>;

// ---- views ----------------------------------------------------------------------------------------

/** A launched poll as one participant sees it. */
export const ParticipantPoll = z.object({
  id: PollId,
  definition: PollDefinition,
  status: z.enum(['open', 'closed']),
  scope: PollScope,
  /** This person's own answer (only ever sent to them). */
  myAnswer: PollAnswer.nullable(),
  /** null while hidden (an "on reveal" poll not yet revealed). */
  results: PollResults.nullable(),
  /** Whose answers `results` counts: their room's (rooms scope, in a room) or everyone's. */
  resultsOf: z.enum(['room', 'all']),
});
export type ParticipantPoll = z.infer<typeof ParticipantPoll>;

/** Open polls first, then recently closed ones; its size follows the facilitator's polls, never the crowd. */
export const ParticipantPolls = z.array(ParticipantPoll);
export type ParticipantPolls = z.infer<typeof ParticipantPolls>;

export const RoomResults = z.object({ roomId: PollRoomId.nullable(), results: PollResults });
export type RoomResults = z.infer<typeof RoomResults>;

/** Every poll of the workshop, for hosts and co-hosts: drafts too, and results even when hidden from participants. */
export const FacilitatorPoll = z.object({
  id: PollId,
  definition: PollDefinition,
  status: PollStatus,
  scope: PollScope.nullable(),
  revealed: z.boolean(),
  createdAt: z.number(),
  launchedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** All together. null for drafts. */
  results: PollResults.nullable(),
  /** Rooms scope: per room (roomId null: people who answered outside any room). Empty otherwise. */
  rooms: z.array(RoomResults),
});
export type FacilitatorPoll = z.infer<typeof FacilitatorPoll>;

export const FacilitatorPolls = z.array(FacilitatorPoll);
export type FacilitatorPolls = z.infer<typeof FacilitatorPolls>;

// ---- export ---------------------------------------------------------------------------------------

/** A facilitator asks for one poll's results or responses as a file (made on the server, downloaded in the browser). */
export const PollExportRequest = z
  .object({ pollId: PollId, format: z.enum(['results.csv', 'responses.csv', 'json']) })
  .strict();
export type PollExportRequest = z.infer<typeof PollExportRequest>;
export type PollExportFile = { filename: string; mime: string; text: string };
