import type { Ack } from './errors.ts';
import type { Command, CommandResult } from './commands.ts';
import type { SessionRequest, SessionResult } from './session.ts';
import type { ConsolePatch, ConsoleView, Notice, ParticipantView } from './views.ts';

/**
 * Socket.IO event maps, typed from the zod schemas. Inbound payloads are still parsed on the server:
 * the types say what a well-behaved client sends, the schemas check what actually arrived.
 */
export interface ClientToServerEvents {
  session: (request: SessionRequest, ack: (result: Ack<SessionResult>) => void) => void;
  command: (command: Command, ack: (result: Ack<CommandResult>) => void) => void;
  /** Clock sample: the client's send time in, the server's time out. */
  clock: (t0: number, ack: (result: Ack<{ t0: number; server: number }>) => void) => void;
  /** Ask for a whole fresh view (after a gap, or to be sure). */
  refresh: (ack: (result: Ack<{ version: number }>) => void) => void;
}

export interface ServerToClientEvents {
  view: (view: ParticipantView) => void;
  console: (view: ConsoleView) => void;
  'console.patch': (patch: ConsolePatch) => void;
  notice: (notice: Notice) => void;
}

export const CLIENT_EVENTS = ['session', 'command', 'clock', 'refresh'] as const;
