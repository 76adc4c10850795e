/**
 * What the server should answer to one fuzz message, worked out from the shared zod schemas and
 * what the runner knows about the sender. Kept apart from the runner so each rule reads on its own.
 */
import { PARTICIPANT_BREAKOUT_COMMANDS } from '../../shared/breakouts.ts';
import { PARTICIPANT_CAFE_COMMANDS } from '../../shared/cafe.ts';
import { PollExportRequest } from '../../shared/polls.ts';
import { Command, CommandResult } from '../../shared/commands.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { SessionRequest, SessionResult } from '../../shared/session.ts';
import { CLIENT_EVENTS } from '../../shared/socket.ts';
import type { Pool } from './arbitraries.ts';

export type Code = ErrorCode;

export type Expectation = {
  /** ok:true is a right answer. */
  ok: boolean;
  /** Refusal codes that are right answers. */
  codes: readonly Code[];
  /** Checks the data of an ok answer; returns what is wrong, or null. */
  data?: (data: unknown) => string | null;
};

/** Everything the oracle needs to know about the sender and the run. */
export type SenderState = {
  pool: Pool;
  hasSession: boolean;
  memberId: string | null;
  /** Join codes (normalised) and workshop ids a session request may name. */
  knownCodes: ReadonlySet<string>;
  knownWorkshops: ReadonlySet<string>;
};

const BINARY = { __binary__: true };

/** Whether Socket.IO will send `value` as a binary packet (even an empty Uint8Array counts). */
function containsBinary(value: unknown, depth = 0): boolean {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  if (value === null || typeof value !== 'object' || depth > 2_000) return false;
  return Object.values(value).some((v) => containsBinary(v, depth + 1));
}

/** How many binary attachments Socket.IO will send with `value`. */
function countBinary(value: unknown, depth = 0): number {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 1;
  if (value === null || typeof value !== 'object' || depth > 2_000) return 0;
  let n = 0;
  for (const v of Object.values(value)) n += countBinary(v, depth + 1);
  return n;
}

/** The largest binary attachment anywhere in `value` (0: none, or only empty ones). */
function largestBinary(value: unknown, depth = 0): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value === null || typeof value !== 'object' || depth > 2_000) return 0;
  let largest = 0;
  for (const v of Object.values(value)) largest = Math.max(largest, largestBinary(v, depth + 1));
  return largest;
}

/**
 * What the server decodes from these arguments: JSON's view of them (NaN → null, undefined → null in
 * arrays and dropped in objects, own "__proto__" kept as a key), binary attachments marked.
 * A message with any binary in it goes through socket.io-parser's deconstructPacket on the client,
 * which copies objects by assignment: an own "__proto__" key becomes the copy's prototype and is
 * not sent at all (its binary attachments still are).
 */
export function onTheWire(value: unknown): unknown {
  const text = jsonAsSent(value, (v) => (ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? BINARY : v));
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

function jsonAsSent(value: unknown, binary: (v: unknown) => unknown): string | undefined {
  const dropProto = containsBinary(value);
  return JSON.stringify(value, (k, v: unknown) => (dropProto && k === '__proto__' ? undefined : binary(v)));
}

/** The bytes Socket.IO will put in the text frame, and the largest binary frame it sends with it. */
export function frameSizes(event: string, args: unknown[], withAck: boolean): { text: number; largestBinary: number; attachments: number } {
  const packet = [event, ...args];
  const biggest = largestBinary(packet);
  let attachments = 0;
  const body = jsonAsSent(packet, (v) => (ArrayBuffer.isView(v) ? { _placeholder: true, num: attachments++ } : v)) ?? '';
  // "2" or "5n-" (binary), plus an ack id of a few digits, plus the transport's "4"
  return {
    text: Buffer.byteLength(body) + (withAck ? 8 : 2) + (containsBinary(packet) ? 4 : 0),
    largestBinary: biggest,
    attachments: countBinary(packet),
  };
}

/**
 * Bigger than this must close the connection; within ±SLACK of the limit, either answer is fine
 * ('edge', also used for packets with more attachments than socket.io-parser accepts).
 */
export const SIZE_SLACK = 64;
export type SizeClass = 'fits' | 'edge' | 'over';
/** socket.io-parser's default limit: a packet with more binary attachments closes the connection. */
export const MAX_ATTACHMENTS = 10;

export function sizeClass(event: string, args: unknown[], withAck: boolean): SizeClass {
  const { text, largestBinary, attachments } = frameSizes(event, args, withAck);
  if (attachments > MAX_ATTACHMENTS) return 'edge';
  const biggest = Math.max(text, largestBinary);
  if (biggest > LIMITS.payloadBytes + SIZE_SLACK) return 'over';
  if (biggest >= LIMITS.payloadBytes - SIZE_SLACK) return 'edge';
  return 'fits';
}

const refusal = (...codes: Code[]): Expectation => ({ ok: false, codes });
const ANY_DECISION: readonly Code[] = ['forbidden', 'not_found', 'conflict', 'waiting', 'locked', 'removed', 'declined', 'bad_request'];

const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/**
 * `schema.safeParse`, except that a throw counts as "not valid": zod 4.6's length checks run on
 * values of the wrong type and throw on e.g. `{length: {toString: null}}`. The server must answer
 * such input with bad_request like any other invalid message.
 */
function parses<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): { ok: true; data: T } | { ok: false } {
  try {
    const r = schema.safeParse(value);
    return r.success ? { ok: true, data: r.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** `args` as the server decodes them (see onTheWire). */
export function expectationFor(event: string, wireArgs: unknown[], sender: SenderState): Expectation {
  const payload = wireArgs[0];
  if (!(CLIENT_EVENTS as readonly string[]).includes(event)) return refusal('unknown_event');

  switch (event) {
    case 'clock': {
      if (typeof payload !== 'number' || !Number.isFinite(payload)) return refusal('bad_request');
      return {
        ok: true,
        codes: [],
        data: (d) => {
          const x = d as { t0?: unknown; server?: unknown };
          if (x.t0 !== payload) return `clock echoed t0 ${String(x.t0)} for ${payload}`;
          if (typeof x.server !== 'number' || !Number.isFinite(x.server)) return 'clock answer has no server time';
          return null;
        },
      };
    }
    case 'refresh':
      if (!sender.hasSession) return refusal('not_joined');
      return { ok: true, codes: [], data: (d) => (isInt((d as { version?: unknown }).version) ? null : 'refresh answer has no version') };
    case 'session':
      return sessionExpectation(payload, sender);
    case 'harvest':
      if (!sender.hasSession) return refusal('not_joined');
      if (sender.pool === 'waiting') return refusal('waiting');
      // hosts and observers are always inside; others may have been removed or be waiting by now
      return {
        ok: true,
        codes: sender.pool === 'observer' || sender.pool === 'host' ? [] : ['waiting'],
        data: (d) => (Array.isArray(d) ? null : 'harvest answer is not a list'),
      };
    case 'poll.export':
      if (!sender.hasSession) return refusal('not_joined');
      if (!parses(PollExportRequest, payload).ok) return refusal('bad_request');
      return refusal('forbidden', 'not_found');
    case 'video.token':
    case 'video.control':
    case 'video.presence':
      // the fuzzed server runs without LiveKit: video is off for everyone who has joined
      if (!sender.hasSession) return refusal('not_joined');
      return refusal('bad_request', 'not_found');
    default:
      return commandExpectation(payload, sender);
  }
}

function sessionExpectation(payload: unknown, sender: SenderState): Expectation {
  if (sender.hasSession) return refusal('conflict');
  const parsed = parses(SessionRequest, payload);
  if (!parsed.ok) return refusal('bad_request');
  const request = parsed.data;
  const known = request.type === 'join' ? sender.knownCodes.has(request.code) : sender.knownWorkshops.has(request.workshopId);
  if (!known) return refusal('not_found');
  const role = request.type === 'join' ? 'participant' : request.type === 'cohost' ? 'cohost' : request.type === 'host' ? 'host' : null;
  return {
    ok: true,
    codes: ['bad_request', 'not_found', 'forbidden', 'locked', 'removed', 'declined'],
    data: (d) => {
      const r = SessionResult.safeParse(d);
      if (!r.success) return `session answer is not a SessionResult: ${r.error.issues[0]?.message}`;
      if (role && r.data.role !== role) return `a '${request.type}' session came back with role ${r.data.role}`;
      if (request.type !== 'join' && r.data.workshopId !== request.workshopId) return 'session answer names another workshop';
      return null;
    },
  };
}

function commandExpectation(payload: unknown, sender: SenderState): Expectation {
  if (!sender.hasSession) return refusal('not_joined');
  const parsed = parses(Command, payload);
  if (!parsed.ok) return refusal('bad_request');
  const command = parsed.data;
  const acked: Expectation['data'] = (d) => (CommandResult.safeParse(d).success ? null : 'command answer has no version');
  switch (sender.pool) {
    case 'observer':
      // an admitted participant in a workshop where nobody else acts
      if (command.type === 'hand.raise') return { ok: true, codes: [], data: acked };
      if (command.type === 'hand.lower') {
        const own = command.memberId === undefined || command.memberId === sender.memberId;
        return own ? { ok: true, codes: [], data: acked } : refusal('forbidden');
      }
      // turns: any member may queue in the plenary; runner-only commands and rooms that do not exist are refused
      if (command.type.startsWith('turn.')) return { ok: true, codes: ['forbidden', 'not_found', 'conflict', 'bad_request'], data: acked };
      // no poll ever exists in the calm workshop
      if (command.type === 'poll.answer') return refusal('not_found');
      // a participant's own breakout commands are allowed, but this workshop never has rooms
      if ([...PARTICIPANT_BREAKOUT_COMMANDS, ...PARTICIPANT_CAFE_COMMANDS].includes(command.type as never)) return refusal('conflict');
      return refusal('forbidden');
    case 'waiting':
      return refusal('waiting');
    default:
      // the main workshop: roles and statuses change all the time; any decision is possible
      return { ok: true, codes: ANY_DECISION, data: acked };
  }
}

/** The shape of every answer: `{ok:true, data}` or exactly `{ok:false, error:{code, message}}` with a known code. */
export function shapeProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return `answer is not an object: ${JSON.stringify(answer)}`;
  const a = answer as { ok?: unknown; data?: unknown; error?: unknown };
  if (a.ok === true) return Object.keys(a).sort().join() === 'data,ok' ? null : `ok answer has keys ${Object.keys(a).join()}`;
  if (a.ok !== false) return `answer has ok=${JSON.stringify(a.ok)}`;
  if (Object.keys(a).sort().join() !== 'error,ok') return `refusal has keys ${Object.keys(a).join()}`;
  const e = a.error as { code?: unknown; message?: unknown } | null;
  if (typeof e !== 'object' || e === null || Object.keys(e).sort().join() !== 'code,message') return `refusal error is ${JSON.stringify(e)}`;
  if (!ErrorCode.safeParse(e.code).success) return `refusal code ${JSON.stringify(e.code)} is not in shared/errors.ts`;
  if (typeof e.message !== 'string' || e.message.trim().length < 5) return `refusal message ${JSON.stringify(e.message)} says nothing`;
  return null;
}
