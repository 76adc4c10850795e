import type { Segment } from '../shared/agenda.ts';
import type { ParticipantPoll, PollAnswer } from '../shared/polls.ts';
import type { ParticipantView } from '../shared/views.ts';
import type { SimPerson } from '../tests/sim/index.ts';

/**
 * What the demo's bots do, through the public protocol only (commands and their own view): answer
 * polls and check-in questions, volunteer to host café tables and write table notes, write in
 * breakout notes, raise hands, speak when given the floor (or pass in a go-around), and now and
 * then lose their connection for a while.
 */

const rand = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(list: readonly T[]): T => list[rand(list.length)]!;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A refused command (the moment passed, someone else was quicker) is part of a live room: ignore it. */
const quietly = (p: Promise<unknown>) => p.catch(() => null);

const IDEAS = [
  'Peer mentors from the community made the biggest difference.',
  'Funding is short-term; we need multi-year commitments.',
  'Translate the intake forms into Dari and Arabic.',
  'Share one referral map between all partners.',
  'Young people want a say in how services are designed.',
  'Mental health support must not wait for legal status.',
];

const CHECKIN = [
  'A bit tired after a long week of registrations, but glad to be here.',
  'Joining from the office on a shaky connection: audio only for now.',
  'We just opened a new women’s group and I am excited about it.',
  'Worried about the funding cuts, hoping to hear how others cope.',
  'Good, it is evening here and the children are asleep.',
  'Curious: this is my first time in this network.',
];

const CHECKOUT = [
  'The idea of a shared referral map. I will talk with Omar about it.',
  'That lived experience must mean a seat where decisions are made.',
  'I feel less alone with our problems. Thank you all.',
  'I will bring the peer-mentor idea to my team on Monday.',
  'New contacts in Kenya and Colombia I want to keep.',
];

const WORDS = ['trust', 'funding', 'Trust', 'language', 'safety', 'youth', 'housing', 'networks', 'hope', 'solidarity'];

/** Café table notes, by a word in the table's topic; anything else gets the general ideas. */
const TABLE_NOTES: Record<string, string[]> = {
  trust: [
    'Trust came when we hired staff from the community itself.',
    'Keeping small promises (calling back, being on time) matters more than big projects.',
    'People trusted us once we stopped asking for documents at the door.',
  ],
  organisations: [
    'A shared referral list, updated monthly, saves people from telling their story five times.',
    'Credit: name the small partner in reports, not only the big one.',
    'Competition for the same grants gets in the way of sharing.',
  ],
  lived: [
    'Two seats on our board are for people who came as refugees.',
    'Pay people for their time and expertise, not only "thank you".',
    'Consultation is not leadership: who decides the budget?',
  ],
};

function answerFor(poll: ParticipantPoll): PollAnswer | null {
  const d = poll.definition;
  switch (d.kind) {
    case 'single':
      return { kind: 'single', optionId: pick(d.options).id };
    case 'multiple':
      return { kind: 'multiple', optionIds: [...new Set([pick(d.options).id, pick(d.options).id])].slice(0, d.maxChoices) };
    case 'scale':
      // most people found it useful: lean to the upper half
      return { kind: 'scale', value: Math.max(d.min, d.max - rand(Math.ceil((d.max - d.min + 1) / 2) + 1)) };
    case 'wordcloud':
      return { kind: 'wordcloud', words: [...new Set([pick(WORDS), pick(WORDS)])].slice(0, d.maxWords) };
    case 'ranking':
      return { kind: 'ranking', order: [...d.options].sort(() => Math.random() - 0.5).map((o) => o.id) };
    case 'text':
      return { kind: 'text', text: pick(IDEAS) };
    case 'checkin':
      return { kind: 'checkin', text: pick(d.moment === 'checkin' ? CHECKIN : CHECKOUT) };
  }
}

/** The room the bot is in now, as turns name it. */
const roomOf = (v: ParticipantView) => v.turns?.room.roomId ?? v.breakout?.room?.id ?? v.cafe?.table?.id ?? 'plenary';

/** "I spoke for the last few seconds", as the browser reports it from the microphone. */
const reportSpeaking = (bot: SimPerson, roomId: string, ms: number) => {
  const to = Date.now();
  return quietly(bot.command({ type: 'turn.airtime.report', roomId, from: to - ms, to }));
};

async function answerPolls(bot: SimPerson, v: ParticipantView): Promise<boolean> {
  const poll = v.polls.find((p) => p.status === 'open' && !p.myAnswer);
  const answer = poll && answerFor(poll);
  if (!poll || !answer) return false;
  // a sentence takes a while to type, on a phone more so
  if (poll.definition.kind === 'checkin') await sleep(2_000 + rand(6_000));
  await quietly(bot.command({ type: 'poll.answer', pollId: poll.id, answer, roomId: v.breakout?.room?.id ?? null }));
  return true;
}

/** Before a café: offer to host a table nobody hosts yet. */
async function volunteer(bot: SimPerson, v: ParticipantView, roll: number): Promise<boolean> {
  const invite = v.cafeInvite;
  if (!invite || invite.hosting) return false;
  const free = invite.tables.filter((t) => !t.host);
  if (!free.length || roll > 0.35) return false;
  await quietly(bot.command({ type: 'cafe.volunteer', tableId: pick(free).id }));
  return true;
}

/** At a café table: add to this round's notes (the host most of all). In a networking pair: talk. */
async function atTable(bot: SimPerson, v: ParticipantView, roll: number): Promise<boolean> {
  const cafe = v.cafe;
  const table = cafe?.table;
  if (!cafe || !table || cafe.clock.phase !== 'talking') return false;
  if (roll < 0.5) await reportSpeaking(bot, table.id, 3_000 + rand(8_000));
  const hosting = table.host?.id === v.me.id;
  if (cafe.kind !== 'cafe' || roll > (hosting ? 0.7 : 0.3)) return true;
  const topic = `${table.topic} ${table.name}`.toLowerCase();
  const pool = Object.entries(TABLE_NOTES).find(([word]) => topic.includes(word))?.[1] ?? IDEAS;
  const before = table.notes?.text ?? '';
  const line = `- ${pick(pool)}`;
  if (!before.includes(line) && before.length < 1_500) {
    await quietly(bot.command({ type: 'cafe.notes', tableId: table.id, text: before ? `${before}\n${line}` : line, round: cafe.round }));
  }
  return true;
}

/** In a breakout room: pick a room when choosing is open, write in the notes, talk, take turns, now and then ask for help. */
async function inBreakout(bot: SimPerson, v: ParticipantView, roll: number): Promise<boolean> {
  const breakout = v.breakout;
  if (!breakout) return false;
  if (!breakout.room && breakout.choices?.length) {
    const open = breakout.choices.filter((c) => c.cap === null || c.count < c.cap);
    if (open.length) await quietly(bot.command({ type: 'breakouts.choose', roomId: pick(open).id }));
    return true;
  }
  const room = breakout.room;
  if (!room) return false;
  if (roll < 0.03 && room.help === 'none') await quietly(bot.command({ type: 'breakouts.help' }));
  else if (roll < 0.35) {
    const before = room.notes?.text ?? '';
    const line = `- ${pick(IDEAS)}`;
    if (!before.includes(line) && before.length < 1_500) {
      await quietly(bot.command({ type: 'breakouts.notes', roomId: room.id, text: before ? `${before}\n${line}` : line }));
    }
  } else if (roll < 0.55) await reportSpeaking(bot, room.id, 3_000 + rand(10_000));
  else await roomTurns(bot, v, roll);
  return true;
}

/** Small-room speaking turns: raise a hand now and then; with hands up and nobody speaking, call the next one (any member may, in a breakout room). */
async function roomTurns(bot: SimPerson, v: ParticipantView, roll: number): Promise<void> {
  const turns = v.turns;
  if (!turns) return;
  const roomId = turns.room.roomId;
  if (!turns.room.current && turns.room.queueLength > 0) {
    await quietly(bot.command({ type: 'turn.next', roomId, lengthMs: 60_000 }));
  } else if (!turns.me.hand.raised && !turns.me.speaking && roll < 0.85) {
    await quietly(bot.command({ type: 'turn.hand.raise', roomId }));
  }
}

/**
 * Given the floor (a go-around, or called from the queue): sometimes pass or ask to come back
 * later, otherwise speak for a few seconds, report it, and say "I am done".
 */
function speakWhenCalled(bot: SimPerson, isStopping: () => boolean): void {
  const handled = new Set<string>();
  bot.socket.on('view', () => {
    // the person's own listener ran first: bot.view is the newest view
    const v = bot.view;
    const current = v?.turns?.room.current;
    if (!v || !current || current.memberId !== v.me.id || isStopping()) return;
    const key = `${v.turns!.room.roomId}:${current.startedAt}`;
    if (handled.has(key)) return;
    handled.add(key);
    const roomId = v.turns!.room.roomId;
    const stillMine = () => {
      const now = bot.view?.turns?.room.current;
      return now?.memberId === v.me.id && now.startedAt === current.startedAt;
    };
    const roll = Math.random();
    if (current.source === 'goAround' && roll < 0.15) {
      setTimeout(() => stillMine() && void quietly(bot.command({ type: 'turn.pass', roomId })), 1_500 + rand(2_000));
      return;
    }
    if (current.source === 'goAround' && roll < 0.2 && v.turns!.me.mayComeBack) {
      setTimeout(() => stillMine() && void quietly(bot.command({ type: 'turn.comeBack', roomId })), 1_500);
      return;
    }
    const speakMs = Math.min(current.clock.lengthMs - 1_000, 3_000 + rand(6_000));
    setTimeout(() => {
      if (!stillMine()) return;
      void reportSpeaking(bot, roomId, speakMs).then(() => quietly(bot.command({ type: 'turn.end', roomId })));
    }, speakMs);
  });
}

/** One bot's life, until the demo stops. */
export async function live(bot: SimPerson, isStopping: () => boolean): Promise<void> {
  speakWhenCalled(bot, isStopping);
  while (!isStopping()) {
    await sleep(2_000 + rand(6_000));
    const v = bot.view;
    if (isStopping() || !bot.socket.connected || !v || v.me.status !== 'admitted') continue;
    const roll = Math.random();
    if (roll < 0.8 && (await answerPolls(bot, v))) continue;
    if (await volunteer(bot, v, roll)) continue;
    if (await atTable(bot, v, roll)) continue;
    if (await inBreakout(bot, v, roll)) continue;
    if (v.turns?.room.goAround) continue; // listening to the go-around
    // hands go up in plenary talks and harvests, and come down again
    const now = v.agenda?.items.find((i) => i.status === 'current')?.kind;
    const talk = !v.agenda || now === 'plenary';
    const handUp = v.turns?.me.hand.raised ?? false;
    if (roll < 0.12 && (talk || handUp)) await quietly(bot.command({ type: handUp ? 'turn.hand.lower' : 'turn.hand.raise', roomId: 'plenary' }));
    else if (roll < 0.14) {
      // a weak connection: gone for a bit, then back as the same person
      bot.socket.disconnect();
      await sleep(5_000 + rand(25_000));
      if (!isStopping()) bot.socket.connect();
    }
  }
}

// ---- the automatic facilitator (--auto) ---------------------------------------------------------

type Console = NonNullable<SimPerson['console']>;
type Command = Parameters<SimPerson['command']>[0];

/**
 * Presses "Next" every `seconds`, and in between does what a facilitator would: gives the floor to
 * raised hands in plenary, finds café hosts and starts the café, moves café rounds on at the same
 * pace, and waits for a go-around to finish. Writes a line per step to `log`.
 */
export async function autoFacilitate(host: SimPerson, seconds: number, isStopping: () => boolean, log: (text: string) => void): Promise<void> {
  const step = seconds * 1_000;
  const tell = async (command: Command): Promise<boolean> => {
    const result = await host.command(command).catch((e: Error) => ({ ok: false as const, error: { message: e.message } }));
    if (!result.ok) log(`${command.type} refused: ${result.error.message}`);
    return result.ok;
  };
  const nameOf = (id: string | null | undefined) => host.console?.members.find((m) => m.id === id)?.name ?? '(nobody)';

  /** Plenary: now and then give the floor to the first raised hand, for a minute at most. */
  async function plenary(): Promise<void> {
    const until = Date.now() + step;
    while (!isStopping() && Date.now() < until) {
      await sleep(Math.min(4_000, until - Date.now()));
      const c = host.console;
      const room = c?.turns.find((t) => t.room.roomId === 'plenary')?.room;
      const first = room?.queue[0];
      if (!room || !first || room.current || room.goAround || Date.now() > until - 3_000) continue;
      if (await tell({ type: 'turn.next', roomId: 'plenary', lengthMs: 60_000 })) log(`  gives the floor to ${nameOf(first.memberId)}`);
    }
  }

  /** Breakout rooms: answer help calls, and tell every room halfway through how long is left. */
  async function breakouts(): Promise<void> {
    const until = Date.now() + step;
    let told = false;
    while (!isStopping() && Date.now() < until) {
      await sleep(Math.min(2_000, until - Date.now()));
      const b = host.console?.breakouts;
      if (!b || b.phase !== 'open') continue;
      for (const call of b.help.filter((h) => !h.acknowledged)) {
        const room = b.rooms.find((r) => r.id === call.roomId)?.name ?? call.roomId;
        if (await tell({ type: 'breakouts.help.acknowledge', roomId: call.roomId })) log(`  ${nameOf(call.memberId)} asked for help in ${room}: on the way`);
      }
      if (!told && Date.now() > until - step / 2 && b.clock) {
        told = true;
        const minutes = Math.max(1, Math.round((b.clock.endsAt - Date.now()) / 60_000));
        if (await tell({ type: 'breakouts.broadcast', text: `About ${minutes} minutes left: write your ideas in the notes.` })) log('  message to every room: time left');
      }
    }
  }

  /** A café waiting for hosts: give bots a moment to volunteer, ask someone to host each table left, start it. */
  async function startCafe(): Promise<void> {
    await host.untilConsole((c) => c.cafe !== null && c.cafe.tables.every((t) => t.hostId), step, 'café hosts').catch(() => undefined);
    const cafe = host.console?.cafe;
    if (!cafe) return;
    const volunteered = cafe.tables.filter((t) => t.hostId).map((t) => `${t.name}: ${nameOf(t.hostId)}`);
    const free = (host.console?.members ?? []).filter(
      (m) => m.role === 'participant' && m.status === 'admitted' && m.presence === 'online' && !cafe.tables.some((t) => t.hostId === m.id),
    );
    const asked: string[] = [];
    for (const table of cafe.tables.filter((t) => !t.hostId)) {
      const person = free.splice(rand(free.length), 1)[0];
      if (person && (await tell({ type: 'cafe.table.update', tableId: table.id, table: { hostId: person.id } }))) asked.push(`${table.name}: ${person.name}`);
    }
    log(`  table hosts who volunteered: ${volunteered.join(', ') || 'none'}${asked.length ? `; asked to host: ${asked.join(', ')}` : ''}`);
    await tell({ type: 'cafe.start' });
  }

  /** Rounds move on every `step`, the move between them cut to a few seconds; the last round ends with "Next". */
  async function rounds(): Promise<void> {
    for (;;) {
      await sleep(step);
      const cafe = host.console?.cafe;
      if (isStopping() || !cafe || cafe.phase !== 'running' || cafe.round >= cafe.rounds) return;
      await tell({ type: 'cafe.next' });
      await sleep(3_000);
      if (host.console?.cafe?.clock?.phase === 'moving') await tell({ type: 'cafe.next' });
      log(`  round ${host.console?.cafe?.round ?? '?'} of ${cafe.rounds}`);
    }
  }

  async function during(segment: Segment): Promise<void> {
    switch (segment.activity.kind) {
      case 'cafe':
      case 'networking':
        await host.untilConsole((c) => c.cafe !== null, 5_000, 'café plan').catch(() => undefined);
        if (host.console?.cafe?.phase === 'draft') await startCafe();
        return rounds();
      case 'goAround': {
        // everyone has their turn, within reason; the facilitator passes to leave the time to the others
        const until = Date.now() + step * 5;
        const plenaryTurns = (c: Console | null) => c?.turns.find((t) => t.room.roomId === 'plenary')?.room;
        await sleep(step);
        while (!isStopping() && Date.now() < until && plenaryTurns(host.console)?.goAround) {
          if (plenaryTurns(host.console)?.current?.memberId === host.session?.memberId) await tell({ type: 'turn.pass', roomId: 'plenary' });
          await sleep(1_000);
        }
        return;
      }
      case 'plenary':
        return plenary();
      case 'breakouts':
        return breakouts();
      default:
        return sleep(step);
    }
  }

  /** What the bots did in the segment, from the console. */
  function summary(segment: Segment): string | null {
    const c = host.console;
    if (!c) return null;
    const run = c.agenda.runs[segment.id];
    const poll = run?.pollId ? c.polls.find((p) => p.id === run.pollId) : undefined;
    const parts: string[] = [];
    if (poll) parts.push(`${poll.results?.responses ?? 0} answers`);
    if (segment.activity.kind === 'cafe') {
      const tableRounds = Object.values(c.cafeNotes).reduce((n, byRound) => n + Object.keys(byRound).length, 0);
      parts.push(`table notes written in ${tableRounds} table-rounds`);
      if (c.cafe) parts.push(c.cafe.quality.summary);
    }
    if (segment.activity.kind === 'networking' && c.cafe) parts.push(`${c.cafe.plan[0]?.length ?? 0} pairs a round; ${c.cafe.quality.summary}`);
    if (segment.activity.kind === 'breakouts') parts.push(`${c.breakouts?.rooms.length ?? 0} rooms, notes in ${Object.keys(c.notes).length}`);
    const plenaryTurns = c.turns.find((t) => t.room.roomId === 'plenary');
    if (segment.activity.kind === 'goAround' && plenaryTurns) {
      parts.push(`${plenaryTurns.balance.peopleCount - plenaryTurns.balance.notSpoken} of ${plenaryTurns.balance.peopleCount} spoke`);
    }
    return parts.length ? parts.join(', ') : null;
  }

  await sleep(Math.min(step, 10_000));
  while (!isStopping()) {
    const agenda = host.console?.agenda;
    if (!agenda || agenda.finishedAt !== null) break;
    if (!(await tell({ type: 'agenda.next', from: agenda.currentId }))) {
      await sleep(2_000);
      continue;
    }
    const c = await host.untilConsole((v) => v.agenda.currentId !== agenda.currentId || v.agenda.finishedAt !== null, 5_000).catch(() => null);
    const current = c?.agenda.segments.find((s) => s.id === c.agenda.currentId);
    if (!c || !current) break;
    const problem = c.agenda.runs[current.id]?.problem;
    log(`Next → "${current.title}" (${current.activity.kind}, ${current.minutes} min planned)${problem ? `. ${problem}` : ''}`);
    await during(current);
    const said = summary(current);
    if (said) log(`  ${said}`);
  }
  log('The agenda is done: the harvest is in the console. Ctrl+C stops the demo.');
}
