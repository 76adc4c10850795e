import type { TurnCommand } from '../../../../shared/turns.ts';
import type { Result } from '../../lib/session.svelte.ts';

/** Sends one turn command and resolves when the server has acknowledged (or refused) it. */
export type TurnSend = (command: TurnCommand) => Promise<Result<unknown>>;

/** One control's command state: busy while waiting, and the server's refusal to show next to it. */
export class TurnCommandState {
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly send: () => TurnSend) {}

  async run(command: TurnCommand): Promise<boolean> {
    this.busy = true;
    this.error = null;
    const result = await this.send()(command);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    return true;
  }
}
