import type { CommandType } from '../../shared/commands.ts';
import { BreakoutCommands, PARTICIPANT_BREAKOUT_COMMANDS } from '../../shared/breakouts.ts';
import { CafeCommands, PARTICIPANT_CAFE_COMMANDS } from '../../shared/cafe.ts';
import { POLL_COMMANDS } from '../../shared/polls.ts';
import { TURN_COMMAND_ROLES } from '../activities/turns/index.ts';
import type { Role } from '../../shared/session.ts';

/** Who may send each command. Checked on the server for every command, whatever the client shows. */
const RULES: Record<CommandType, readonly Role[]> = {
  'hand.raise': ['participant'],
  'hand.lower': ['host', 'cohost', 'participant'],
  'hands.clear': ['host', 'cohost'],
  'announcement.set': ['host', 'cohost'],
  'now.set': ['host', 'cohost'],
  'timer.start': ['host', 'cohost'],
  'timer.pause': ['host', 'cohost'],
  'timer.resume': ['host', 'cohost'],
  'timer.adjust': ['host', 'cohost'],
  'timer.stop': ['host', 'cohost'],
  'waitingRoom.set': ['host', 'cohost'],
  'lock.set': ['host', 'cohost'],
  'member.admit': ['host', 'cohost'],
  'member.admitAll': ['host', 'cohost'],
  'member.decline': ['host', 'cohost'],
  'member.remove': ['host', 'cohost'],
  'member.readmit': ['host', 'cohost'],
  'member.setRole': ['host'],
  ...breakoutRules(),
  ...cafeRules(),
  ...pollRules(),
  // who may act in a room (its host, facilitators, its members) is decided per room by the turns activity
  ...TURN_COMMAND_ROLES,
  // the run of show and the record: co-hosts drive the agenda and set privacy as the host does
  'agenda.set': ['host', 'cohost'],
  'agenda.next': ['host', 'cohost'],
  'agenda.skip': ['host', 'cohost'],
  'agenda.move': ['host', 'cohost'],
  'agenda.extend': ['host', 'cohost'],
  'agenda.finish': ['host', 'cohost'],
  'harvest.privacy': ['host', 'cohost'],
  'member.forget': ['host', 'cohost'],
};

/** Polls: everyone answers; facilitators prepare, launch, close and reveal. */
function pollRules(): Record<Extract<CommandType, `poll.${string}`>, readonly Role[]> {
  const rules = {} as Record<Extract<CommandType, `poll.${string}`>, readonly Role[]>;
  for (const option of POLL_COMMANDS) {
    const type = option.shape.type.value;
    rules[type] = type === 'poll.answer' ? ['host', 'cohost', 'participant'] : ['host', 'cohost'];
  }
  return rules;
}

/** Café: participants volunteer to host and write their table's notes (facilitators may write too). */
function cafeRules(): Record<Extract<CommandType, `cafe.${string}`>, readonly Role[]> {
  const rules = {} as Record<Extract<CommandType, `cafe.${string}`>, readonly Role[]>;
  for (const option of CafeCommands) {
    const type = option.shape.type.value;
    rules[type] = type === 'cafe.notes' ? ['host', 'cohost', 'participant'] : type === 'cafe.volunteer' ? ['participant', 'cohost'] : ['host', 'cohost'];
  }
  void PARTICIPANT_CAFE_COMMANDS;
  return rules;
}

/** Breakouts: participants act in their own room (checked in the activity), facilitators run the rooms. */
function breakoutRules(): Record<Extract<CommandType, `breakouts.${string}`>, readonly Role[]> {
  const participantOnes: readonly string[] = PARTICIPANT_BREAKOUT_COMMANDS;
  const rules = {} as Record<Extract<CommandType, `breakouts.${string}`>, readonly Role[]>;
  for (const option of BreakoutCommands) {
    const type = option.shape.type.value;
    // facilitators may write notes too; the other participant commands are for people in rooms
    rules[type] = type === 'breakouts.notes' ? ['host', 'cohost', 'participant'] : participantOnes.includes(type) ? ['participant'] : ['host', 'cohost'];
  }
  return rules;
}

export function mayRun(role: Role, type: CommandType): boolean {
  return RULES[type].includes(role);
}
