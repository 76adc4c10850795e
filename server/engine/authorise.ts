import type { CommandType } from '../../shared/commands.ts';
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
};

export function mayRun(role: Role, type: CommandType): boolean {
  return RULES[type].includes(role);
}
