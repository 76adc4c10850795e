/**
 * Fair speaking time, per room: what the engine plugs in. Commands and views are in
 * shared/turns.ts; events in ./events.ts; the slice in ./state.ts.
 */
import type { Role } from '../../../shared/session.ts';
import type { TurnCommandType } from '../../../shared/turns.ts';

export { TURN_EVENTS, TurnEvent, type TurnEventType, type TurnOutcome } from './events.ts';
export { EMPTY_TURNS, roomOf, runsRoom, type RoomContext, type RoomTurns, type TurnsState } from './state.ts';
export { applyTurnEvent, replayTurns } from './reducer.ts';
export { decideTurn, decideLeave, decideCloseRoom, type TurnDecision, type TurnFresh } from './decide.ts';
export { nextDeadline, decideDue } from './turn-machine.ts';
export { checkReport } from './airtime.ts';
export { balanceScore } from './balance.ts';
export {
  roomTurnsShared,
  roomTurnView,
  myTurnView,
  balanceView,
  balanceSummary,
  balanceAudience,
  type RoomTurnsShared,
  type BalanceAudience,
} from './views.ts';

/**
 * Workshop roles allowed to send each turn command, for the engine's authorise table. Every admitted
 * person may send them: who may do what in a room (its host, facilitators, any member of a room
 * with no host, the speaker) is decided per room by `decideTurn`.
 */
export const TURN_COMMAND_ROLES: Record<TurnCommandType, readonly Role[]> = {
  'turn.hand.raise': ['host', 'cohost', 'participant'],
  'turn.hand.lower': ['host', 'cohost', 'participant'],
  'turn.settings': ['host', 'cohost', 'participant'],
  'turn.next': ['host', 'cohost', 'participant'],
  'turn.pick': ['host', 'cohost', 'participant'],
  'turn.extend': ['host', 'cohost', 'participant'],
  'turn.end': ['host', 'cohost', 'participant'],
  'turn.pause': ['host', 'cohost', 'participant'],
  'turn.resume': ['host', 'cohost', 'participant'],
  'turn.skip': ['host', 'cohost', 'participant'],
  'turn.goAround.start': ['host', 'cohost', 'participant'],
  'turn.goAround.stop': ['host', 'cohost', 'participant'],
  'turn.pass': ['host', 'cohost', 'participant'],
  'turn.comeBack': ['host', 'cohost', 'participant'],
  'turn.airtime.report': ['host', 'cohost', 'participant'],
};
