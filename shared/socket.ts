import type { Ack } from './errors.ts';
import type { HarvestRound } from './breakouts.ts';
import type { HarvestExportRequest, HarvestFile, HarvestRecord, WorkshopDeleteRequest } from './harvest.ts';
import type { PollExportFile, PollExportRequest } from './polls.ts';
import type { CommandInput, CommandResult } from './commands.ts';
import type { SessionRequest, SessionResult } from './session.ts';
import type { ConsolePatch, ConsoleView, Notice, ParticipantView } from './views.ts';
import type { VideoControl, VideoControlResult, VideoPresence, VideoToken, VideoTokenRequest } from './video.ts';

/**
 * Socket.IO event maps, typed from the zod schemas. Inbound payloads are still parsed on the server:
 * the types say what a well-behaved client sends, the schemas check what actually arrived.
 */
export interface ClientToServerEvents {
  session: (request: SessionRequest, ack: (result: Ack<SessionResult>) => void) => void;
  command: (command: CommandInput, ack: (result: Ack<CommandResult>) => void) => void;
  /** Clock sample: the client's send time in, the server's time out. */
  clock: (t0: number, ack: (result: Ack<{ t0: number; server: number }>) => void) => void;
  /** Ask for a whole fresh view (after a gap, or to be sure). */
  refresh: (ack: (result: Ack<{ version: number }>) => void) => void;
  /** "What the rooms said": every closed breakout round's notes. */
  harvest: (ack: (result: Ack<HarvestRound[]>) => void) => void;
  /** Facilitators: the whole workshop record, every level, for the harvest page. */
  'harvest.record': (ack: (result: Ack<HarvestRecord>) => void) => void;
  /** Facilitators: the record's shareable areas as Markdown, HTML, CSV or JSON. */
  'harvest.export': (request: HarvestExportRequest, ack: (result: Ack<HarvestFile>) => void) => void;
  /** The host: delete the workshop and everything about it, now. Everyone connected is told and let go. */
  'workshop.delete': (request: WorkshopDeleteRequest, ack: (result: Ack<{ deleted: true }>) => void) => void;
  /** Facilitators: one poll as a CSV or JSON file. */
  'poll.export': (request: PollExportRequest, ack: (result: Ack<PollExportFile>) => void) => void;
  /** A LiveKit token for the room the server says this person is in (see shared/video.ts). */
  'video.token': (request: VideoTokenRequest, ack: (result: Ack<VideoToken>) => void) => void;
  /** Facilitators: mute, remove from video, allow back, end a room's video. */
  'video.control': (control: VideoControl, ack: (result: Ack<VideoControlResult>) => void) => void;
  /** Facilitators: who LiveKit says is in each of this workshop's video rooms. */
  'video.presence': (ack: (result: Ack<VideoPresence>) => void) => void;
}

export interface ServerToClientEvents {
  view: (view: ParticipantView) => void;
  console: (view: ConsoleView) => void;
  'console.patch': (patch: ConsolePatch) => void;
  notice: (notice: Notice) => void;
}

export const CLIENT_EVENTS = ['session', 'command', 'clock', 'refresh', 'harvest', 'harvest.record', 'harvest.export', 'workshop.delete', 'poll.export', 'video.token', 'video.control', 'video.presence'] as const;
