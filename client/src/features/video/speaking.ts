import type { SpeakingInterval } from '../../../../shared/video.ts';

/** Pauses shorter than this (a breath) do not split one turn of speaking in two. */
export const MERGE_GAP_MS = 600;
/** Blips shorter than this (a cough, a door) are not speaking. */
export const MIN_INTERVAL_MS = 300;

/**
 * Turns "am I an active speaker now?" (from LiveKit's ActiveSpeakersChanged) into speaking intervals
 * `{from, to}` for the airtime balance. Times come from `now` (the server's clock, so reports from
 * different devices line up). An interval is handed on once it is over and the merge gap has passed.
 */
export class SpeakingTracker {
  private open: { from: number; to: number | null } | null = null;

  constructor(
    private readonly onInterval: (interval: SpeakingInterval) => void,
    private readonly now: () => number,
  ) {}

  /** Call on every active-speakers change with whether this person is among them. */
  update(speaking: boolean): void {
    const t = Math.round(this.now());
    const open = this.open;
    if (speaking) {
      if (!open) this.open = { from: t, to: null };
      else if (open.to !== null) {
        if (t - open.to <= MERGE_GAP_MS) open.to = null;
        else {
          this.emit(open.from, open.to);
          this.open = { from: t, to: null };
        }
      }
    } else if (open && open.to === null) {
      open.to = t;
    }
  }

  /** Hand on what is finished (call now and then, and when leaving a room). */
  flush(final = false): void {
    const open = this.open;
    if (!open) return;
    const t = Math.round(this.now());
    if (open.to === null && !final) return;
    const to = open.to ?? t;
    if (!final && t - to <= MERGE_GAP_MS) return;
    this.open = null;
    this.emit(open.from, to);
  }

  private emit(from: number, to: number): void {
    if (to - from >= MIN_INTERVAL_MS) this.onInterval({ from, to });
  }
}
