import { z } from 'zod';
import { CafeClock, CafeQuality } from '../../../shared/cafe.ts';

const Table = z.object({ id: z.string(), name: z.string(), topic: z.string(), question: z.string(), hostId: z.string().nullable() });
const Plan = z.array(z.array(z.array(z.string())));

/** Durable facts about world cafés and networking sessions. */
export const CAFE_EVENTS = [
  z.object({
    type: z.literal('cafe.planned'),
    kind: z.enum(['cafe', 'networking']),
    tables: z.array(Table),
    plan: Plan,
    quality: CafeQuality,
    rounds: z.number().int(),
    roundMs: z.number().int(),
    transitionMs: z.number().int(),
    oddOneOut: z.enum(['trio', 'bye']),
    prompts: z.array(z.string()),
    seed: z.number().int(),
  }),
  /** The rounds not yet started, planned again (people came or went); played rounds are unchanged. */
  z.object({ type: z.literal('cafe.replanned'), plan: Plan, quality: CafeQuality }),
  z.object({ type: z.literal('cafe.tableUpdated'), table: Table }),
  z.object({ type: z.literal('cafe.discarded') }),
  z.object({ type: z.literal('cafe.roundStarted'), round: z.number().int(), clock: CafeClock }),
  z.object({ type: z.literal('cafe.moving'), clock: CafeClock }),
  z.object({ type: z.literal('cafe.adjusted'), endsAt: z.number() }),
  /** A late joiner seated at a table of a round (the current one, or the next during a move). */
  z.object({ type: z.literal('cafe.seated'), memberId: z.string(), round: z.number().int(), table: z.number().int() }),
  z.object({ type: z.literal('cafe.notesEdited'), tableId: z.string(), round: z.number().int(), text: z.string(), by: z.string() }),
  z.object({ type: z.literal('cafe.ended') }),
] as const;
