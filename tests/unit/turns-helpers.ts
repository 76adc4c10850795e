import { expect } from 'vitest';
import { TurnCommand } from '../../shared/turns.ts';
import { decideTurn, type TurnDecision, type TurnFresh } from '../../server/activities/turns/decide.ts';
import { TurnEvent as TurnEventSchema } from '../../server/activities/turns/events.ts';
import type { TurnEvent } from '../../server/activities/turns/events.ts';
import { decideDue } from '../../server/activities/turns/turn-machine.ts';
import { applyTurnEvent } from '../../server/activities/turns/reducer.ts';
import { EMPTY_TURNS, roomOf, type RoomContext, type RoomTurns, type TurnsState } from '../../server/activities/turns/state.ts';

export const ROOM = 'room1';
export const HOST = 'host1';

/** A room with these people (id → name), all in since `joinedAt`, run by HOST (a facilitator, not a member). */
export function roomCtx(
  people: Record<string, string>,
  options: { joinedAt?: number; runners?: string[]; anyMemberRuns?: boolean } = {},
): RoomContext {
  return {
    members: new Map(Object.entries(people).map(([id, name]) => [id, { name, joinedAt: options.joinedAt ?? 0 }])),
    runners: new Set(options.runners ?? [HOST]),
    anyMemberRuns: options.anyMemberRuns ?? false,
  };
}

type Cmd = TurnCommand extends infer C ? (C extends TurnCommand ? Omit<C, 'roomId'> & { roomId?: string } : never) : never;

/** Deterministic "randomness" for go-arounds. */
export function seeded(seed = 1): TurnFresh {
  let s = seed;
  return { random: () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646 };
}

/**
 * decide + apply as the workshop actor will: every command is parsed by its schema first, every
 * event by its schema after, and the clock-driven events come from `tick`.
 */
export class Harness {
  state: TurnsState = EMPTY_TURNS;
  log: TurnEvent[] = [];
  constructor(
    public ctx: RoomContext,
    public fresh: TurnFresh = seeded(),
  ) {}

  get room(): RoomTurns {
    return roomOf(this.state, ROOM);
  }

  try(actor: string, command: Cmd, now: number): TurnDecision {
    const parsed = TurnCommand.parse({ roomId: ROOM, ...command });
    const decision = decideTurn(this.state, this.ctx, actor, parsed, now, this.fresh);
    if (decision.ok) this.apply(decision.events);
    return decision;
  }

  run(actor: string, command: Cmd, now: number): TurnEvent[] {
    const decision = this.try(actor, command, now);
    if (!decision.ok) throw new Error(`refused: ${decision.error.message}`);
    return decision.events;
  }

  refused(actor: string, command: Cmd, now: number): { code: string; message: string } {
    const decision = this.try(actor, command, now);
    expect(decision.ok, 'expected a refusal').toBe(false);
    return decision.ok ? { code: '', message: '' } : decision.error;
  }

  tick(now: number): TurnEvent[] {
    const events = decideDue(this.state, now);
    this.apply(events);
    return events;
  }

  apply(events: readonly TurnEvent[]): void {
    for (const e of events) {
      expect(TurnEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
      this.state = applyTurnEvent(this.state, e);
      this.log.push(e);
    }
  }
}
