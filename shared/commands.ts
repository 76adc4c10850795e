import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { BreakoutCommands } from './breakouts.ts';
import { CafeCommands } from './cafe.ts';
import { POLL_COMMANDS } from './polls.ts';
import { TURN_COMMANDS } from './turns.ts';
import { AGENDA_COMMANDS } from './agenda.ts';
import { HARVEST_COMMANDS } from './harvest.ts';
import { MemberId } from './ids.ts';

/**
 * Every command a person can send once in a workshop, as one discriminated union on `type`.
 * Who may send which command is decided on the server (see server/engine/authorise.ts).
 */
const text = (max: number) => z.string().trim().max(max);

export const Command = z.discriminatedUnion('type', [
  // anyone admitted
  z.object({ type: z.literal('hand.raise') }).strict(),
  /** Without memberId: lower your own hand. With it: a host lowers someone's hand (e.g. after calling on them). */
  z.object({ type: z.literal('hand.lower'), memberId: MemberId.optional() }).strict(),
  // hosts and co-hosts
  z.object({ type: z.literal('hands.clear') }).strict(),
  /** Empty text clears the banner. */
  z.object({ type: z.literal('announcement.set'), text: text(LIMITS.announcementChars) }).strict(),
  /** "What is happening now", shown at the top of every participant's screen. */
  z.object({ type: z.literal('now.set'), text: text(LIMITS.nowChars) }).strict(),
  z
    .object({
      type: z.literal('timer.start'),
      durationMs: z.number().int().min(1_000).max(LIMITS.timerMaxMs),
      label: text(LIMITS.nowChars).optional(),
    })
    .strict(),
  z.object({ type: z.literal('timer.pause') }).strict(),
  z.object({ type: z.literal('timer.resume') }).strict(),
  /** Add (positive) or remove (negative) time from the running or paused timer. */
  z
    .object({ type: z.literal('timer.adjust'), deltaMs: z.number().int().min(-LIMITS.timerMaxMs).max(LIMITS.timerMaxMs) })
    .strict(),
  z.object({ type: z.literal('timer.stop') }).strict(),
  z.object({ type: z.literal('waitingRoom.set'), enabled: z.boolean() }).strict(),
  z.object({ type: z.literal('lock.set'), locked: z.boolean() }).strict(),
  z.object({ type: z.literal('member.admit'), memberIds: z.array(MemberId).min(1).max(5_000) }).strict(),
  z.object({ type: z.literal('member.admitAll') }).strict(),
  z.object({ type: z.literal('member.decline'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('member.remove'), memberId: MemberId }).strict(),
  /** Lets a removed or declined person back in with the link they already have. */
  z.object({ type: z.literal('member.readmit'), memberId: MemberId }).strict(),
  // host only
  z.object({ type: z.literal('member.setRole'), memberId: MemberId, role: z.enum(['cohost', 'participant']) }).strict(),
  ...BreakoutCommands,
  ...CafeCommands,
  ...POLL_COMMANDS,
  ...TURN_COMMANDS,
  ...AGENDA_COMMANDS,
  ...HARVEST_COMMANDS,
]);
export type Command = z.infer<typeof Command>;
/** What a well-behaved client sends (defaults filled in by the server). */
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as readonly CommandType[];

export const CommandResult = z.object({ version: z.number().int() });
export type CommandResult = z.infer<typeof CommandResult>;
