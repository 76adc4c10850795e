import type { CafeInvite, CafeNotes, ConsoleCafe, MyTable, ParticipantCafe, Seat } from '../../../shared/cafe.ts';
import type { HarvestRound } from '../../../shared/breakouts.ts';
import { isFacilitator, type Member, type WorkshopState } from '../../engine/state.ts';
import { tableIdAt, tableOf, type CafeState, type PastCafe } from './state.ts';

type TableInfo = { id: string; name: string; topic: string; question: string; hostId: string | null };

/** Café tables are fixed; networking pairs are numbered by their place in each round. */
export function tableInfo(c: Pick<CafeState, 'kind' | 'tables'>, index: number): TableInfo {
  if (c.kind === 'cafe' && c.tables[index]) return c.tables[index];
  return { id: tableIdAt(index), name: `Pair ${index + 1}`, topic: '', question: '', hostId: null };
}

/**
 * A participant's café: their table this round (its members, host and notes; the host also sees the
 * table's earlier notes), and where they go next. Tables are built once per delivery and shared.
 */
export class CafeViews {
  private tables = new Map<string, MyTable>();

  constructor(private readonly state: WorkshopState) {}

  participant(member: Member): ParticipantCafe | null {
    const c = this.state.cafe;
    if (!c || c.phase !== 'running' || !c.clock || member.status !== 'admitted') return null;
    const here = tableOf(c, c.round, member.id);
    const hosting = c.kind === 'cafe' && c.tables.some((t) => t.hostId === member.id);
    // facilitators who are not hosting stay in plenary with the console
    if (isFacilitator(member.role) && !hosting && here < 0) return null;
    const table = here >= 0 ? this.table(c, here, hosting && c.tables[here]?.hostId === member.id) : null;
    return {
      kind: c.kind,
      round: c.round,
      rounds: c.rounds,
      clock: c.clock,
      table,
      next: this.seat(c, c.round + 1, member.id),
      prompt: c.kind === 'networking' ? (c.prompts[c.round - 1] ?? '') : (table?.question ?? ''),
    };
  }

  /** Before the start, while some tables have no host: every table, so a participant may volunteer. */
  invite(member: Member): CafeInvite | null {
    const c = this.state.cafe;
    if (!c || c.kind !== 'cafe' || c.phase !== 'draft' || member.status !== 'admitted') return null;
    if (c.tables.every((t) => t.hostId) && !c.tables.some((t) => t.hostId === member.id)) return null;
    return {
      tables: c.tables.map((t) => ({ id: t.id, name: t.name, topic: t.topic, host: t.hostId ? (this.state.members[t.hostId]?.name ?? null) : null })),
      hosting: c.tables.find((t) => t.hostId === member.id)?.id ?? null,
    };
  }

  private table(c: CafeState, index: number, forHost: boolean): MyTable {
    const key = `${index}:${forHost}`;
    const cached = this.tables.get(key);
    if (cached) return cached;
    const info = tableInfo(c, index);
    const person = (id: string) => {
      const m = this.state.members[id];
      return { id, name: m?.name ?? 'Someone', role: m?.role ?? 'participant' };
    };
    const ids = (c.plan[c.round - 1]?.[index] ?? []).filter((id) => this.state.members[id]?.status === 'admitted');
    const notes = c.notes[info.id] ?? {};
    const view: MyTable = {
      id: info.id,
      name: info.name,
      topic: info.topic,
      question: info.question,
      host: info.hostId ? person(info.hostId) : null,
      members: ids.map(person),
      notes: notes[String(c.round)] ?? null,
      earlier: forHost
        ? Object.entries(notes)
            .map(([round, note]) => ({ round: Number(round), text: note.text }))
            .filter((n) => n.round < c.round && n.text)
            .sort((a, b) => a.round - b.round)
        : [],
    };
    this.tables.set(key, view);
    return view;
  }

  private seat(c: CafeState, round: number, memberId: string): Seat | null {
    if (round > c.rounds) return null;
    const index = tableOf(c, round, memberId);
    if (index < 0) return null;
    const info = tableInfo(c, index);
    const others =
      c.kind === 'networking' ? (c.plan[round - 1]?.[index] ?? []).filter((id) => id !== memberId).slice(0, 3).map((id) => this.state.members[id]?.name ?? 'Someone') : [];
    return {
      round,
      tableId: info.id,
      tableName: info.name,
      topic: info.topic,
      host: info.hostId ? (this.state.members[info.hostId]?.name ?? null) : null,
      with: others,
    };
  }
}

export function consoleCafe(state: WorkshopState): ConsoleCafe | null {
  const c = state.cafe;
  if (!c) return null;
  return {
    kind: c.kind,
    phase: c.phase,
    tables: c.tables,
    plan: c.plan,
    played: c.played,
    round: c.round,
    rounds: c.rounds,
    clock: c.clock,
    quality: c.quality,
    prompts: c.prompts,
    oddOneOut: c.oddOneOut,
  };
}

export const cafeNotes = (state: WorkshopState): CafeNotes => state.cafe?.notes ?? {};

/** A finished café as harvest: each table's notes, labelled by round. */
export function cafeHarvest(past: PastCafe, index: number): HarvestRound {
  // pairs change from round to round: a networking harvest lists the pairs that wrote something
  const tables =
    past.kind === 'cafe'
      ? past.tables
      : Object.keys(past.notes)
          .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
          .map((id) => ({ id, name: `Pair ${id.slice(1)}`, topic: '' }));
  return {
    round: index,
    closedAt: past.closedAt,
    kind: past.kind,
    rooms: tables
      .map((t) => ({
        name: t.name,
        topic: t.topic,
        notes: Object.entries(past.notes[t.id] ?? {})
          .filter(([, n]) => n.text.trim())
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([round, n]) => `Round ${round}:\n${n.text}`)
          .join('\n\n'),
      }))
      .filter((t) => past.kind === 'cafe' || t.notes),
  };
}
