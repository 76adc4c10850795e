import { t } from '../../lib/i18n/index.svelte.ts';
import type { Message } from './agenda-view.ts';

/** A message from the agenda's pure logic, in the person's language. */
export const say = (m: Message): string => t(m.key, m.params);

/** Summary parts on one line: "4 rooms · Mix by Organisation". */
export const sayAll = (parts: readonly Message[]): string => parts.map(say).join(' · ');

/**
 * A server time as the local wall clock ("16:30"), in the person's own time format. `offsetMs` is
 * serverNow - Date.now(), so a device whose clock is off still shows the right time.
 */
export function clockTime(serverAt: number, offsetMs: number): string {
  return new Date(serverAt - offsetMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
