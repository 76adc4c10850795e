import { applyConsolePatch } from './protocol.ts';
import type { ConsolePatch, ConsoleView, ParticipantView } from '../../../shared/index.ts';

/**
 * What one device knows about its workshop: the latest participant view or console view (a person
 * can switch between them when their role changes) and the version it is at.
 */
export type ViewState = {
  version: number;
  kind: 'participant' | 'console' | null;
  participant: ParticipantView | null;
  console: ConsoleView | null;
};

export const EMPTY_VIEWS: ViewState = { version: -1, kind: null, participant: null, console: null };

/** `refresh`: the client missed something and should ask the server for a whole view. */
export type Received = { state: ViewState; changed: boolean; refresh: boolean };

const unchanged = (state: ViewState, refresh = false): Received => ({ state, changed: false, refresh });

/** A whole participant view. Older than what we hold: ignored. */
export function receiveParticipantView(state: ViewState, view: ParticipantView): Received {
  if (view.version < state.version) return unchanged(state);
  return {
    state: { version: view.version, kind: 'participant', participant: view, console: null },
    changed: true,
    refresh: false,
  };
}

/** A whole console view. Older than what we hold: ignored. */
export function receiveConsoleView(state: ViewState, view: ConsoleView): Received {
  if (view.version < state.version) return unchanged(state);
  return { state: { version: view.version, kind: 'console', participant: null, console: view }, changed: true, refresh: false };
}

/**
 * A console patch applies only on top of the message just before it (seq + 1). A gap, or a patch
 * with no console to apply it to, means we missed something: ask for a whole view.
 */
export function receiveConsolePatch(state: ViewState, patch: ConsolePatch): Received {
  if (!state.console || state.kind !== 'console') return unchanged(state, true);
  if (patch.version < state.version) return unchanged(state);
  const outcome = applyConsolePatch(state.console, patch);
  if (!outcome.ok) return unchanged(state, outcome.reason === 'gap');
  return {
    state: { version: outcome.view.version, kind: 'console', participant: null, console: outcome.view },
    changed: true,
    refresh: false,
  };
}
