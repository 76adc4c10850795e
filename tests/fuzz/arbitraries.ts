/**
 * fast-check generators for fuzzing every inbound Socket.IO message. A case names a sender (a pool
 * of sockets in some role) and what it sends. Values that only exist at run time (member ids, join
 * codes, keys, tokens) are generated as `Ref`s and resolved by the runner, so the same seed always
 * generates the same cases, whatever ids the server hands out.
 */
import { AGENDA_LIMITS } from '../../shared/agenda-limits.ts';
import fc from 'fast-check';
import { BREAKOUT_LIMITS } from '../../shared/breakout-limits.ts';
import { CAFE_LIMITS } from '../../shared/cafe-limits.ts';
import { COMMAND_TYPES, type CommandType } from '../../shared/commands.ts';
import { JOIN_CODE_ALPHABET } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { CLIENT_EVENTS } from '../../shared/socket.ts';

/**
 * Who sends. host/cohost/member are in the main workshop (where facilitator commands are fuzzed and
 * anyone may be removed or promoted); stranger has not joined (but may, with a valid request);
 * observer is an admitted participant of a calm workshop where nobody runs facilitator commands;
 * waiting is in the waiting room of a third workshop.
 */
export const POOLS = ['host', 'cohost', 'member', 'stranger', 'observer', 'waiting'] as const;
export type Pool = (typeof POOLS)[number];
export type Sender = { pool: Pool; index: number };

export type RefKind =
  /** a member of the sender's own workshop */
  | 'memberId'
  /** a member of any workshop in the run */
  | 'anyMemberId'
  | 'ownId'
  /** a resume token of someone in the main or waiting workshop */
  | 'token'
  /** the main or waiting workshop's join code, in some spelling */
  | 'code'
  | 'workshopId'
  /** the main workshop's host key / co-host key */
  | 'hostKey'
  | 'cohostKey';

/** A placeholder for a value known only at run time. `pick` chooses among candidates, `variant` a spelling. */
export class Ref {
  constructor(
    readonly kind: RefKind,
    readonly pick: number,
    readonly variant = 0,
  ) {}

  toJSON(): string {
    return `<${this.kind}#${this.pick}${this.variant ? `/${this.variant}` : ''}>`;
  }
}

export type EmitCase = {
  kind: 'emit';
  sender: Sender;
  event: string;
  args: unknown[];
  /** false: emitted without an ack callback (the server must cope, and answer the next message). */
  ack: boolean;
};

/** Hand-written Socket.IO frames, past the client library: reserved event names, broken packets, binary. */
export type RawCase = { kind: 'raw'; sender: Sender; frames: Array<string | Uint8Array>; ackId: number | null };

export type FuzzCase = EmitCase | RawCase;

// ---- leaves --------------------------------------------------------------------------------------

const ref = (kind: RefKind) => fc.tuple(fc.nat(), fc.nat(7)).map(([pick, variant]) => new Ref(kind, pick, variant));

export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'toJSON',
  'hasOwnProperty',
  'then',
  'type',
  'text',
  'memberId',
  'memberIds',
  'length',
  '0',
  '',
  // a key the server might echo back in an error message
  'k'.repeat(2_000),
] as const;

const key = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NASTY_KEYS) }, { weight: 3, arbitrary: fc.string({ maxLength: 12 }) });

export const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 1e308, 5e-324),
);

/** Long strings around the payload limit (16 KB): some fit, some must close the connection. */
const bigString = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('x', ' ', 'é', '𝕏', '"'))
  .map(([n, ch]) => ch.repeat(Math.ceil(n / Buffer.byteLength(JSON.stringify(ch)))));

export const texts = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800',
      '\u202E',
      '\n\t  \r',
      '<script>alert(1)</script>',
      '{@html "x"}',
      'null',
      'undefined',
      '[object Object]',
      '%s%s%n',
      '../../etc/passwd',
      "'; DROP TABLE events; --",
      '𝕏𝕏𝕏',
    ),
  },
  { weight: 1, arbitrary: bigString },
);

/** Binary attachments: Socket.IO sends these as separate frames, the server gets Buffers. */
const binary = fc.oneof(
  { weight: 5, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.integer({ min: 16_000, max: 17_000 }).map((n) => new Uint8Array(n)) },
);

function nest(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

// (deeper nesting goes in hand-written frames: the client library itself recurses)
const deep = fc.tuple(fc.integer({ min: 20, max: 1_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => nest(d, k));
const hugeArray = fc.tuple(fc.integer({ min: 100, max: 12_000 }), fc.constantFrom<unknown>(0, 'x', null, {})).map(([n, v]) => new Array(n).fill(v));

const leaf = fc.oneof(
  { weight: 6, arbitrary: texts },
  { weight: 4, arbitrary: numbers },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: binary },
  { weight: 1, arbitrary: ref('memberId') },
);

/** Anything JSON (and Socket.IO binary) can carry, with nasty keys, deep nesting and huge arrays. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 4, arbitrary: leaf },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 5 }) },
      { weight: 2, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 5 }) },
      // objects whose `type` is itself junk (e.g. {type: {toString: 1}})
      { weight: 1, arbitrary: fc.record({ type: fc.dictionary(key, leaf, { maxKeys: 3 }) }) },
    ),
  })).value },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: hugeArray },
);

// ---- commands ------------------------------------------------------------------------------------

const memberId = fc.oneof(
  { weight: 5, arbitrary: ref('memberId') },
  { weight: 1, arbitrary: ref('anyMemberId') },
  { weight: 2, arbitrary: ref('ownId') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/) },
  { weight: 1, arbitrary: fc.oneof(texts, numbers, fc.constant(null)) },
);

/** Mostly valid text for a field of at most `max` characters, and its edges. */
const textUpTo = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 2, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(max), ` ${'y'.repeat(max)} `, 'z'.repeat(max + 1)) },
    { weight: 2, arbitrary: texts },
  );

/** Mostly whole numbers in [min, max], and the edges around them. */
const wholeIn = (min: number, max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 3, arbitrary: fc.constantFrom(min - 1, min, max, max + 1, 0, -1, 1_000.5, Number.NaN, Infinity, -Infinity, -0) },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string({ maxLength: 8 })) },
  );

const flag = fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom<unknown>('true', 1, 0, null) });
const ids = fc.oneof(
  { weight: 8, arbitrary: fc.array(memberId, { minLength: 0, maxLength: 6 }) },
  // long lists of well-formed ids: up to the schema's 5,000 and past the payload limit
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 6_000 }), fc.nat())
      .map(([n, salt]) => Array.from({ length: n }, (_, i) => `id${(salt + i).toString(36).padStart(4, '0')}`)),
  },
  { weight: 1, arbitrary: fc.oneof(memberId, fc.constant('all')) },
);

const roomId = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r9') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('r0x', '', null, 3, 'plenary') });
const tableId = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('t1', 't2', 't3', 't9') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('x1', '', null, 't') });
const pollId = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('poll-1', 'poll-2', 'pollXYZ1') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', 'x', null, 7) });
const settings = fc.record({ anonymous: fc.boolean(), results: fc.constantFrom('live', 'onReveal') });
const twoOptions = [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }];
const pollDefinition = fc.oneof(
  fc.tuple(textUpTo(200), settings).map(([question, s]) => ({ kind: 'single', question: question || 'Q?', settings: s, options: twoOptions })),
  fc.tuple(textUpTo(200), settings).map(([question, s]) => ({ kind: 'multiple', question: question || 'Q?', settings: s, options: twoOptions, maxChoices: 1 })),
  settings.map((s) => ({ kind: 'wordcloud', question: 'One word?', settings: s, maxWords: 3 })),
  settings.map((s) => ({ kind: 'checkin', question: 'How are you arriving?', settings: s, moment: 'checkin' })),
  fc.constantFrom<unknown>({ kind: 'single', question: '', settings: { anonymous: true, results: 'live' }, options: [] }, { kind: 'poll' }, null),
);
const pollAnswer = fc.oneof(
  fc.constantFrom('a', 'b', 'zz').map((optionId) => ({ kind: 'single', optionId })),
  fc.array(fc.constantFrom('a', 'b', 'a'), { maxLength: 3 }).map((optionIds) => ({ kind: 'multiple', optionIds })),
  fc.array(textUpTo(40), { maxLength: 4 }).map((words) => ({ kind: 'wordcloud', words })),
  textUpTo(600).map((text) => ({ kind: 'checkin', text })),
  fc.constantFrom<unknown>({ kind: 'scale', value: 99 }, { kind: 'text' }, null),
);
const turnRoom = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('plenary', 'r1', 't1') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', 'r 1', null, 5) });
const roomSpec = fc.record(
  { name: textUpTo(BREAKOUT_LIMITS.roomNameChars), topic: textUpTo(BREAKOUT_LIMITS.topicChars), prompt: textUpTo(BREAKOUT_LIMITS.promptChars), cap: wholeIn(1, 50) },
  { requiredKeys: [] },
);
const fieldId = fc.constantFrom('organisation', 'language', 'missing', '');
const strategy = fc.oneof(
  fc.constantFrom({ kind: 'random' }, { kind: 'avoidPrevious' }, { kind: 'selfSelect' }, { kind: 'preassigned' }, { kind: 'previous' }),
  fieldId.map((field) => ({ kind: 'mix', field })),
  fieldId.map((field) => ({ kind: 'groupBy', field })),
  fc.constantFrom<unknown>({ kind: 'manual' }, 'random', null),
);
const sizing = fc.oneof(
  wholeIn(1, BREAKOUT_LIMITS.rooms).map((rooms) => ({ by: 'count', rooms })),
  wholeIn(2, BREAKOUT_LIMITS.roomSize).map((perRoom) => ({ by: 'size', perRoom })),
);
const memberGroups = fc.array(fc.array(memberId, { minLength: 0, maxLength: 4 }), { maxLength: 3 });

const segmentId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('s1', 's2', 's3', 's4') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', 'x1', null) });
const segmentActivity = fc.oneof(
  fc.constantFrom<unknown>({ kind: 'plenary' }, { kind: 'break' }, { kind: 'checkin', question: 'How are you arriving?' }, { kind: 'checkout', question: 'One word?' }),
  fc.constantFrom<unknown>({ kind: 'goAround', order: 'random', turnSeconds: 60 }, { kind: 'networking', rounds: 2, roundMinutes: 1, moveSeconds: 5 }),
  fc.tuple(sizing, strategy).map(([s, st]) => ({ kind: 'breakouts', sizing: s, strategy: st, prompt: 'Talk' })),
  wholeIn(1, 3).map((rounds) => ({ kind: 'cafe', tables: [{ topic: 'A' }, { topic: 'B' }], rounds, roundMinutes: 1, moveSeconds: 5 })),
  fc.constantFrom<unknown>({ kind: 'poll', poll: { kind: 'single', question: 'Q?', settings: { anonymous: true, results: 'live' }, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } }, { kind: 'dance' }),
);

/** One valid-shaped example generator per command type: the record makes adding a type without one a type error. */
const COMMANDS: { [T in CommandType]: fc.Arbitrary<Record<string, unknown>> } = {
  'hand.raise': fc.constant({ type: 'hand.raise' }),
  'hand.lower': fc.option(memberId, { nil: undefined }).map((id) => (id === undefined ? { type: 'hand.lower' } : { type: 'hand.lower', memberId: id })),
  'hands.clear': fc.constant({ type: 'hands.clear' }),
  'announcement.set': textUpTo(LIMITS.announcementChars).map((text) => ({ type: 'announcement.set', text })),
  'now.set': textUpTo(LIMITS.nowChars).map((text) => ({ type: 'now.set', text })),
  'timer.start': fc
    .tuple(wholeIn(1_000, LIMITS.timerMaxMs), fc.option(textUpTo(LIMITS.nowChars), { nil: undefined }))
    .map(([durationMs, label]) => (label === undefined ? { type: 'timer.start', durationMs } : { type: 'timer.start', durationMs, label })),
  'timer.pause': fc.constant({ type: 'timer.pause' }),
  'timer.resume': fc.constant({ type: 'timer.resume' }),
  'timer.adjust': wholeIn(-LIMITS.timerMaxMs, LIMITS.timerMaxMs).map((deltaMs) => ({ type: 'timer.adjust', deltaMs })),
  'timer.stop': fc.constant({ type: 'timer.stop' }),
  'waitingRoom.set': flag.map((enabled) => ({ type: 'waitingRoom.set', enabled })),
  'lock.set': flag.map((locked) => ({ type: 'lock.set', locked })),
  'member.admit': ids.map((memberIds) => ({ type: 'member.admit', memberIds })),
  'member.admitAll': fc.constant({ type: 'member.admitAll' }),
  'member.decline': memberId.map((id) => ({ type: 'member.decline', memberId: id })),
  'member.remove': memberId.map((id) => ({ type: 'member.remove', memberId: id })),
  'member.readmit': memberId.map((id) => ({ type: 'member.readmit', memberId: id })),
  'member.setRole': fc
    .tuple(memberId, fc.oneof({ weight: 8, arbitrary: fc.constantFrom('cohost', 'participant') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('host', 'Cohost', '', null) }))
    .map(([id, role]) => ({ type: 'member.setRole', memberId: id, role })),
  'breakouts.plan': fc
    .record({ sizing, strategy, rooms: fc.array(roomSpec, { maxLength: 4 }), together: memberGroups, apart: memberGroups, cohosts: fc.constantFrom('float', 'assign') }, { requiredKeys: ['sizing', 'strategy'] })
    .map((c) => ({ type: 'breakouts.plan', ...c })),
  'breakouts.room.update': fc.tuple(roomId, roomSpec).map(([id, room]) => ({ type: 'breakouts.room.update', roomId: id, room })),
  'breakouts.move': fc.tuple(memberId, fc.oneof(roomId, fc.constant(null))).map(([id, room]) => ({ type: 'breakouts.move', memberId: id, roomId: room })),
  'breakouts.rebalance': fc.constant({ type: 'breakouts.rebalance' }),
  'breakouts.discard': fc.constant({ type: 'breakouts.discard' }),
  'breakouts.preassign': fc
    .oneof(fc.constantFrom('name,room\nAmina,Room 1\nBen,Room 2', 'a;b', '"unclosed,quote', ''), textUpTo(BREAKOUT_LIMITS.csvChars))
    .map((csv) => ({ type: 'breakouts.preassign', csv })),
  'breakouts.open': fc
    .record({ durationMs: wholeIn(30_000, BREAKOUT_LIMITS.maxDurationMs), warningMs: wholeIn(0, 600_000), graceMs: wholeIn(0, 300_000), allowReturn: flag, allowSwitch: flag }, { requiredKeys: ['durationMs'] })
    .map((c) => ({ type: 'breakouts.open', ...c })),
  'breakouts.adjust': wholeIn(-BREAKOUT_LIMITS.maxDurationMs, BREAKOUT_LIMITS.maxDurationMs).map((deltaMs) => ({ type: 'breakouts.adjust', deltaMs })),
  'breakouts.close': fc.option(flag, { nil: undefined }).map((immediately) => (immediately === undefined ? { type: 'breakouts.close' } : { type: 'breakouts.close', immediately })),
  'breakouts.broadcast': fc
    .tuple(textUpTo(BREAKOUT_LIMITS.messageChars), fc.option(roomId, { nil: undefined }))
    .map(([text, room]) => (room === undefined ? { type: 'breakouts.broadcast', text } : { type: 'breakouts.broadcast', text, roomId: room })),
  'breakouts.visit': fc.oneof(roomId, fc.constant(null)).map((room) => ({ type: 'breakouts.visit', roomId: room })),
  'breakouts.help.acknowledge': roomId.map((room) => ({ type: 'breakouts.help.acknowledge', roomId: room })),
  'breakouts.choose': roomId.map((room) => ({ type: 'breakouts.choose', roomId: room })),
  'breakouts.return': fc.constant({ type: 'breakouts.return' }),
  'breakouts.help': fc.constant({ type: 'breakouts.help' }),
  'breakouts.help.cancel': fc.constant({ type: 'breakouts.help.cancel' }),
  'breakouts.notes': fc.tuple(roomId, textUpTo(BREAKOUT_LIMITS.notesChars)).map(([room, text]) => ({ type: 'breakouts.notes', roomId: room, text })),
  'cafe.plan': fc
    .record(
      {
        kind: fc.constantFrom('cafe', 'networking'),
        tables: fc.array(fc.record({ name: textUpTo(CAFE_LIMITS.tableNameChars), topic: textUpTo(CAFE_LIMITS.topicChars), hostId: fc.oneof(memberId, fc.constant(null)) }, { requiredKeys: [] }), { maxLength: 4 }),
        rounds: wholeIn(1, CAFE_LIMITS.rounds),
        roundMs: wholeIn(30_000, CAFE_LIMITS.maxRoundMs),
        transitionMs: wholeIn(5_000, 300_000),
        oddOneOut: fc.constantFrom('trio', 'bye'),
        prompts: fc.array(textUpTo(CAFE_LIMITS.questionChars), { maxLength: 3 }),
      },
      { requiredKeys: ['kind', 'rounds', 'roundMs'] },
    )
    .map((c) => ({ type: 'cafe.plan', ...c })),
  'cafe.regenerate': fc.constant({ type: 'cafe.regenerate' }),
  'cafe.table.update': fc
    .tuple(tableId, fc.record({ name: textUpTo(CAFE_LIMITS.tableNameChars), hostId: fc.oneof(memberId, fc.constant(null)) }, { requiredKeys: [] }))
    .map(([id, table]) => ({ type: 'cafe.table.update', tableId: id, table })),
  'cafe.discard': fc.constant({ type: 'cafe.discard' }),
  'cafe.start': fc.constant({ type: 'cafe.start' }),
  'cafe.adjust': wholeIn(-CAFE_LIMITS.maxRoundMs, CAFE_LIMITS.maxRoundMs).map((deltaMs) => ({ type: 'cafe.adjust', deltaMs })),
  'cafe.next': fc.constant({ type: 'cafe.next' }),
  'cafe.stop': fc.constant({ type: 'cafe.stop' }),
  'cafe.volunteer': tableId.map((id) => ({ type: 'cafe.volunteer', tableId: id })),
  'cafe.notes': fc.tuple(tableId, textUpTo(CAFE_LIMITS.notesChars)).map(([id, text]) => ({ type: 'cafe.notes', tableId: id, text })),
  'poll.create': pollDefinition.map((poll) => ({ type: 'poll.create', poll })),
  'poll.update': fc.tuple(pollId, pollDefinition).map(([id, poll]) => ({ type: 'poll.update', pollId: id, poll })),
  'poll.launch': fc.tuple(pollId, fc.constantFrom<unknown>('plenary', 'rooms', 'everywhere')).map(([id, scope]) => ({ type: 'poll.launch', pollId: id, scope })),
  'poll.answer': fc.tuple(pollId, pollAnswer).map(([id, answer]) => ({ type: 'poll.answer', pollId: id, answer })),
  'poll.close': pollId.map((id) => ({ type: 'poll.close', pollId: id })),
  'poll.reopen': pollId.map((id) => ({ type: 'poll.reopen', pollId: id })),
  'poll.reveal': fc.tuple(pollId, flag).map(([id, revealed]) => ({ type: 'poll.reveal', pollId: id, revealed })),
  'poll.delete': pollId.map((id) => ({ type: 'poll.delete', pollId: id })),
  'turn.hand.raise': turnRoom.map((roomId) => ({ type: 'turn.hand.raise', roomId })),
  'turn.hand.lower': fc.tuple(turnRoom, fc.option(memberId, { nil: undefined })).map(([roomId, m]) => (m === undefined ? { type: 'turn.hand.lower', roomId } : { type: 'turn.hand.lower', roomId, memberId: m })),
  'turn.settings': fc.tuple(turnRoom, fc.constantFrom<unknown>('first_come', 'fewest_turns', 'loudest'), wholeIn(5_000, 3_600_000)).map(([roomId, order, turnMs]) => ({ type: 'turn.settings', roomId, order, turnMs })),
  'turn.next': turnRoom.map((roomId) => ({ type: 'turn.next', roomId })),
  'turn.pick': fc.tuple(turnRoom, memberId).map(([roomId, m]) => ({ type: 'turn.pick', roomId, memberId: m })),
  'turn.extend': fc.tuple(turnRoom, wholeIn(1_000, 1_800_000)).map(([roomId, ms]) => ({ type: 'turn.extend', roomId, ms })),
  'turn.end': turnRoom.map((roomId) => ({ type: 'turn.end', roomId })),
  'turn.pause': turnRoom.map((roomId) => ({ type: 'turn.pause', roomId })),
  'turn.resume': turnRoom.map((roomId) => ({ type: 'turn.resume', roomId })),
  'turn.skip': turnRoom.map((roomId) => ({ type: 'turn.skip', roomId })),
  'turn.goAround.start': fc
    .tuple(turnRoom, fc.constantFrom<unknown>('random', 'alphabetical', 'custom', 'shuffle'), wholeIn(5_000, 600_000), flag)
    .map(([roomId, order, turnMs, autoAdvance]) => ({ type: 'turn.goAround.start', roomId, order, turnMs, autoAdvance })),
  'turn.goAround.stop': turnRoom.map((roomId) => ({ type: 'turn.goAround.stop', roomId })),
  'turn.pass': turnRoom.map((roomId) => ({ type: 'turn.pass', roomId })),
  'turn.comeBack': turnRoom.map((roomId) => ({ type: 'turn.comeBack', roomId })),
  'turn.airtime.report': fc
    .tuple(turnRoom, fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 600_000 }))
    .map(([roomId, from, len]) => ({ type: 'turn.airtime.report', roomId, from, to: from + len })),
  'agenda.set': fc
    .array(
      fc.record({
        id: segmentId,
        title: textUpTo(AGENDA_LIMITS.titleChars),
        minutes: wholeIn(1, 30),
        notes: textUpTo(200),
        activity: segmentActivity,
      }),
      { maxLength: 6 },
    )
    .map((segments) => ({ type: 'agenda.set', segments })),
  'agenda.next': fc.option(segmentId, { nil: null }).map((from) => ({ type: 'agenda.next', from })),
  'agenda.skip': fc.tuple(segmentId, fc.boolean()).map(([segmentId, skipped]) => ({ type: 'agenda.skip', segmentId, skipped })),
  'agenda.move': fc.tuple(segmentId, wholeIn(0, 8)).map(([segmentId, toIndex]) => ({ type: 'agenda.move', segmentId, toIndex })),
  'agenda.extend': fc.constantFrom(-5, 5, 0, 61).map((minutes) => ({ type: 'agenda.extend', minutes })),
  'agenda.finish': segmentId.map((from) => ({ type: 'agenda.finish', from })),
  'harvest.privacy': fc
    .tuple(fc.constantFrom('attendance', 'breakouts:1', 'cafe:1', 'poll:abcd', 'nope'), fc.constantFrom('room', 'workshop', 'shareable', 'public'))
    .map(([area, level]) => ({ type: 'harvest.privacy', area, level })),
  'member.forget': memberId.map((id) => ({ type: 'member.forget', memberId: id })),
};
if (Object.keys(COMMANDS).sort().join() !== [...COMMAND_TYPES].sort().join()) {
  throw new Error('tests/fuzz/arbitraries.ts: COMMANDS must cover exactly shared/commands.ts COMMAND_TYPES');
}

export const validShapedCommand = fc.oneof(...COMMAND_TYPES.map((t) => COMMANDS[t]));

/** Near misses of a well-formed object: a field dropped, one added, one replaced with junk, a wrong type name, wrapped. */
function mutated(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(7), key, junk).map(([obj, how, k, j]) => {
    const keys = Object.keys(obj).filter((x) => x !== 'type');
    const copy: Record<string, unknown> = { ...obj };
    const type = typeof obj.type === 'string' ? obj.type : '';
    switch (how) {
      case 0:
        if (keys.length) delete copy[keys[0]!];
        else delete copy.type;
        return copy;
      case 1:
        Object.defineProperty(copy, k, { value: j, enumerable: true, configurable: true, writable: true });
        return copy;
      case 2:
        copy[keys[0] ?? 'type'] = j;
        return copy;
      case 3:
        copy.type = [type.toUpperCase(), `${type} `, ` ${type}`, type.replace('.', '_'), `${type}\u0000`, type.split('.')[0], ''][k.length % 7];
        return copy;
      case 4:
        return [copy];
      case 5:
        return JSON.stringify(copy);
      case 6:
        return { command: copy };
      default:
        copy.type = j;
        return copy;
    }
  });
}

export const commandPayload = fc.oneof(
  { weight: 12, arbitrary: validShapedCommand },
  { weight: 5, arbitrary: mutated(validShapedCommand) },
  { weight: 3, arbitrary: junk },
);

// ---- sessions ------------------------------------------------------------------------------------

const joinCode = fc.oneof(
  { weight: 5, arbitrary: ref('code') },
  { weight: 2, arbitrary: fc.stringMatching(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`)) },
  { weight: 1, arbitrary: texts },
);
const displayName = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom('', '   ', 'n'.repeat(LIMITS.nameChars), 'n'.repeat(LIMITS.nameChars + 1), '<b>Mallory</b>') },
  { weight: 1, arbitrary: texts },
);
const COUNTRIES = ['Greece', 'Italy', 'Kenya', 'Narnia', ''];
const profile = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { organisation: fc.oneof(fc.constantFrom('Caritas Lebanon', 'Sea-Watch', '', '   '), textUpTo(LIMITS.profileValueChars)), country: fc.constantFrom(...COUNTRIES) },
      { requiredKeys: [] },
    ),
  },
  { weight: 2, arbitrary: fc.dictionary(key, textUpTo(LIMITS.profileValueChars), { maxKeys: 4 }) },
  { weight: 1, arbitrary: junk },
);
const secret = fc.oneof(
  { weight: 3, arbitrary: ref('token') },
  { weight: 2, arbitrary: ref('hostKey') },
  { weight: 2, arbitrary: ref('cohostKey') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/) },
  { weight: 1, arbitrary: texts },
);
const workshopId = fc.oneof(
  { weight: 5, arbitrary: ref('workshopId') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{6,40}$/) },
  { weight: 1, arbitrary: texts },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const validShapedSession: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(joinCode, displayName, optional(profile), optional(secret))
      .map(([code, name, p, previousToken]) => withoutUndefined({ type: 'join', code, name, profile: p, previousToken })),
  },
  { weight: 2, arbitrary: fc.tuple(workshopId, secret).map(([w, token]) => ({ type: 'resume', workshopId: w, token })) },
  { weight: 2, arbitrary: fc.tuple(workshopId, secret).map(([w, hostKey]) => ({ type: 'host', workshopId: w, hostKey })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(workshopId, secret, displayName, optional(profile))
      .map(([w, cohostKey, name, p]) => withoutUndefined({ type: 'cohost', workshopId: w, cohostKey, name, profile: p })),
  },
);

export const sessionPayload = fc.oneof(
  { weight: 12, arbitrary: validShapedSession },
  { weight: 4, arbitrary: mutated(validShapedSession) },
  { weight: 3, arbitrary: junk },
);

// ---- cases ---------------------------------------------------------------------------------------

const unknownEvent = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'view', 'console', 'console.patch', 'notice', 'error', 'message', 'ping', 'Session', 'command ', 'COMMAND', ''),
  fc.string({ maxLength: 30 }),
  bigString,
);

const clockArg = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }) },
  { weight: 3, arbitrary: numbers },
  { weight: 1, arbitrary: junk },
);

type Message = { event: string; payload: unknown };
const message: fc.Arbitrary<Message> = fc.oneof(
  { weight: 50, arbitrary: commandPayload.map((payload) => ({ event: 'command', payload })) },
  { weight: 16, arbitrary: sessionPayload.map((payload) => ({ event: 'session', payload })) },
  { weight: 8, arbitrary: clockArg.map((payload) => ({ event: 'clock', payload })) },
  { weight: 6, arbitrary: fc.option(junk, { freq: 2 }).map((payload) => ({ event: 'refresh', payload })) },
  { weight: 6, arbitrary: fc.tuple(unknownEvent, junk).map(([event, payload]) => ({ event, payload })) },
);

const sender: fc.Arbitrary<Sender> = fc.tuple(
  fc.oneof(
    { weight: 20, arbitrary: fc.constant<Pool>('host') },
    { weight: 10, arbitrary: fc.constant<Pool>('cohost') },
    { weight: 15, arbitrary: fc.constant<Pool>('member') },
    { weight: 15, arbitrary: fc.constant<Pool>('stranger') },
    { weight: 25, arbitrary: fc.constant<Pool>('observer') },
    { weight: 15, arbitrary: fc.constant<Pool>('waiting') },
  ),
  fc.nat(1_000),
).map(([pool, index]) => ({ pool, index }));

const emitCase: fc.Arbitrary<EmitCase> = fc
  .tuple(sender, message, fc.nat(19), fc.array(junk, { minLength: 1, maxLength: 2 }))
  .map(([s, m, shape, extra]) => ({
    kind: 'emit' as const,
    sender: s,
    event: m.event,
    // usually one payload; sometimes none, sometimes more than the server expects
    args: shape === 0 ? [] : shape === 1 ? [m.payload, ...extra] : [m.payload],
    ack: shape !== 2 && shape !== 3,
  }));

const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
/** Socket.IO packets as text (the transport adds its own "4" message prefix): type digit, [attachments-], [/nsp,], [ack id], [JSON]. */
const RAW_PACKETS = [
  '',
  '2',
  '2[',
  '2[]',
  '2{}',
  '2"command"',
  '2[null]',
  '2[{}]',
  '2[["command"]]',
  '3[]',
  '3999["x"]',
  '0',
  '0{"token":1}',
  '0/admin,{}',
  '1',
  '4',
  '4{"message":"x"}',
  '51-["command",{"_placeholder":true,"num":0}]',
  '5["command"]',
  '6[]',
  '7',
  '-1',
  '2-1["clock",1]',
  '299999999999999999999["clock",1]',
  '2/admin,["clock",1]',
  '9',
];

const rawCase: fc.Arbitrary<RawCase> = fc
  .tuple(
    sender,
    fc.oneof(
      // well-formed event packets with names the client library would refuse to send
      {
        weight: 4,
        arbitrary: fc.tuple(
          fc.oneof(fc.constantFrom(...RESERVED, ...CLIENT_EVENTS), fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null)),
          fc.array(junk, { maxLength: 2 }),
          fc.boolean(),
        ),
      },
      { weight: 3, arbitrary: fc.constantFrom(...RAW_PACKETS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
      // nesting far deeper than any library would build: up to the payload limit
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...CLIENT_EVENTS), fc.integer({ min: 1_000, max: 8_500 }), fc.boolean())
          .map(([event, depth, arrays]) =>
            arrays
              ? `2["${event}",${'['.repeat(depth)}${']'.repeat(depth)}]`
              : `2["${event}",${'{"a":'.repeat(Math.floor(depth / 3))}1${'}'.repeat(Math.floor(depth / 3))}]`,
          ),
      },
      // a binary event whose attachment count or placeholder is wrong, then a binary frame
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 3 }), fc.uint8Array({ maxLength: 16 })).map(
          ([count, num, bytes]) => [`5${count}-["command",{"_placeholder":true,"num":${num}}]`, bytes] as Array<string | Uint8Array>,
        ),
      },
    ),
    fc.nat(1_000_000),
  )
  .map(([s, shape, ackSalt]) => {
    if (typeof shape === 'string') return { kind: 'raw' as const, sender: s, frames: [shape], ackId: null };
    if (Array.isArray(shape) && shape.length === 2 && shape[1] instanceof Uint8Array) {
      return { kind: 'raw' as const, sender: s, frames: shape as Array<string | Uint8Array>, ackId: null };
    }
    const [name, args, withAck] = shape as [unknown, unknown[], boolean];
    const ackId = withAck ? 900_000_000 + ackSalt : null;
    let body: string;
    try {
      body = JSON.stringify([name, ...args]);
    } catch {
      body = '[]';
    }
    return { kind: 'raw' as const, sender: s, frames: [`2${ackId ?? ''}${body}`], ackId };
  });

/** One fuzz case. About one in fifteen is a hand-written frame. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof({ weight: 14, arbitrary: emitCase }, { weight: 1, arbitrary: rawCase });
