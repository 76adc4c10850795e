import type { ConsoleAgenda, Segment } from '../../../../shared/agenda.ts';
import type { Command } from '../../../../shared/index.ts';
import { t } from '../../lib/i18n/index.svelte.ts';
import type { Result } from '../../lib/session.svelte.ts';
import { CommandState, type Send } from '../console/command.svelte.ts';
import { duplicateSegment, putSegment, removeSegment, restoreSegment } from './segments.ts';

/** "Add a segment" edits this id until the editor saves it under a fresh one. */
export const NEW_SEGMENT = 'new';

export type Notice = { text: string; undo?: () => void };

/**
 * The console's agenda actions, shared by the panel's parts. Every change to the plan is sent at
 * once as the whole list (`agenda.set`) built from the latest view, so co-hosts' changes are never
 * overwritten by a stale copy; moving, skipping and the live controls use their own commands.
 */
export class AgendaControl {
  /** List changes: add, edit, remove, duplicate, move, skip, templates, imports. */
  readonly list: CommandState;
  /** Next, extend, finish. */
  readonly live: CommandState;
  /** What just happened ("Saved…", "Removed … Undo"), for the status line; it goes after a while. */
  #notice = $state<Notice | null>(null);
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The segment whose editor is open (NEW_SEGMENT for a new one), or null. */
  editing = $state<string | null>(null);

  #send: Send;
  #agenda: () => ConsoleAgenda;

  constructor(send: Send, agenda: () => ConsoleAgenda) {
    this.#send = send;
    this.#agenda = agenda;
    this.list = new CommandState(send);
    this.live = new CommandState(send);
  }

  get notice(): Notice | null {
    return this.#notice;
  }

  set notice(notice: Notice | null) {
    this.#notice = notice;
    clearTimeout(this.#noticeTimer);
    // an "Undo" stays long enough to be found; a plain "Saved" only needs a moment
    if (notice) this.#noticeTimer = setTimeout(() => (this.#notice = null), notice.undo ? 30_000 : 8_000);
  }

  get segments(): Segment[] {
    return this.#agenda().segments;
  }

  /** Sends the whole plan; the editor shows a refusal itself, so the result goes back to it. */
  async setSegments(segments: Segment[], notice: Notice = { text: t('agenda.saved') }): Promise<Result<unknown>> {
    this.notice = null;
    const result = await this.#send({ type: 'agenda.set', segments });
    if (result.ok) this.notice = notice;
    return result;
  }

  /** Saves one segment (new or edited) into the latest list. */
  saveSegment(segment: Segment): Promise<Result<unknown>> {
    return this.setSegments(putSegment(this.segments, segment));
  }

  async #listChange(command: Command, notice: Notice | null = null): Promise<boolean> {
    this.notice = null;
    const ok = await this.list.run(command);
    if (ok && notice) this.notice = notice;
    return ok;
  }

  async remove(segment: Segment): Promise<void> {
    const index = this.segments.findIndex((s) => s.id === segment.id);
    if (index < 0) return;
    const startedCount = Object.keys(this.#agenda().runs).length;
    await this.#listChange(
      { type: 'agenda.set', segments: removeSegment(this.segments, segment.id) },
      {
        text: t('agenda.row.removed', { title: segment.title }),
        undo: () => void this.#listChange({ type: 'agenda.set', segments: restoreSegment(this.segments, segment, index, startedCount) }, { text: t('agenda.saved') }),
      },
    );
  }

  duplicate(id: string): Promise<boolean> {
    const segments = duplicateSegment(this.segments, id, (title) => t('agenda.row.copyTitle', { title }));
    return this.#listChange({ type: 'agenda.set', segments }, { text: t('agenda.saved') });
  }

  move(segmentId: string, toIndex: number): Promise<boolean> {
    return this.#listChange({ type: 'agenda.move', segmentId, toIndex });
  }

  skip(segmentId: string, skipped: boolean): Promise<boolean> {
    return this.#listChange({ type: 'agenda.skip', segmentId, skipped });
  }

  next(from: string | null): Promise<boolean> {
    return this.live.run({ type: 'agenda.next', from });
  }

  extend(minutes: number): Promise<boolean> {
    return this.live.run({ type: 'agenda.extend', minutes });
  }

  finish(from: string): Promise<boolean> {
    return this.live.run({ type: 'agenda.finish', from });
  }
}
