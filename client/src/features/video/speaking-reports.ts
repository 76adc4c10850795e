import type { SpeakingReport } from '../../../../shared/video.ts';
import type { Result } from '../../lib/session.svelte.ts';
import type { Command, CommandResult } from '../../../../shared/commands.ts';

/**
 * Voice activity from the video room, sent to the server as airtime reports (one per speaking
 * interval, in order) for the room's speaking balance. The server refuses impossible claims; a
 * refused report is dropped quietly, since there is nothing the speaker could do about it.
 */
export function speakingReporter(send: (command: Command) => Promise<Result<CommandResult>>): (report: SpeakingReport) => void {
  let queue: Promise<unknown> = Promise.resolve();
  return (report) => {
    for (const { from, to } of report.intervals) {
      if (to <= from) continue;
      queue = queue.then(() => send({ type: 'turn.airtime.report', roomId: report.roomId, from, to })).catch(() => undefined);
    }
  };
}
