import type { Command, CommandResult } from '../../../../shared/index.ts';
import type { Result } from '../../lib/session.svelte.ts';

export type Send = (command: Command) => Promise<Result<CommandResult>>;

/** One control's command state: busy while waiting, and the server's refusal to show next to it. */
export class CommandState {
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly send: Send) {}

  async run(command: Command): Promise<boolean> {
    this.busy = true;
    this.error = null;
    const result = await this.send(command);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    return true;
  }
}
