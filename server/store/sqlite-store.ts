import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EventBody, type StoredEvent } from '../engine/events.ts';
import type { WorkshopState } from '../engine/state.ts';
import { CodeTakenError, VersionConflictError, type EventStore } from './event-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  workshop_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workshops_updated ON workshops(updated_at);
`;

/**
 * The embedded default store. WAL mode: an append is durable once its transaction commits, and a
 * crash of the process (kill -9) loses nothing that was acknowledged. `synchronous=FULL` also
 * survives power loss at some cost per write; NORMAL is the default for speed.
 */
export class SqliteEventStore implements EventStore {
  private db: Database.Database;
  private statements;

  constructor(file: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    // deleted and rewritten content is overwritten with zeros, not left in free pages of the file
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      version: db.prepare<[string], { version: number }>('SELECT version FROM workshops WHERE id = ?'),
      insertWorkshop: db.prepare('INSERT INTO workshops (id, code, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)'),
      insertEvent: db.prepare('INSERT INTO events (workshop_id, seq, at, body) VALUES (?, ?, ?, ?)'),
      bump: db.prepare('UPDATE workshops SET version = ?, updated_at = ? WHERE id = ?'),
      read: db.prepare<[string, number], { seq: number; at: number; body: string }>(
        'SELECT seq, at, body FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq',
      ),
      // only for a workshop that still exists: a snapshot saved just after a delete must not bring its data back
      saveSnapshot: db.prepare(
        'INSERT INTO snapshots (workshop_id, version, state) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM workshops WHERE id = ?) ON CONFLICT(workshop_id) DO UPDATE SET version = excluded.version, state = excluded.state',
      ),
      loadSnapshot: db.prepare<[string], { state: string }>('SELECT state FROM snapshots WHERE workshop_id = ?'),
      byCode: db.prepare<[string], { id: string }>('SELECT id FROM workshops WHERE code = ?'),
      active: db.prepare<[number], { id: string }>('SELECT id FROM workshops WHERE updated_at >= ? ORDER BY updated_at'),
      older: db.prepare<[number], { id: string }>('SELECT id FROM workshops WHERE updated_at < ? ORDER BY updated_at'),
      updateEvent: db.prepare('UPDATE events SET body = ? WHERE workshop_id = ? AND seq = ?'),
      deleteEvents: db.prepare('DELETE FROM events WHERE workshop_id = ?'),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE workshop_id = ?'),
      deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
    };
  }

  private writeEvents(workshopId: string, from: number, events: readonly EventBody[], at: number): StoredEvent[] {
    const stored: StoredEvent[] = [];
    let seq = from;
    for (const event of events) {
      seq += 1;
      this.statements.insertEvent.run(workshopId, seq, at, JSON.stringify(event));
      stored.push({ ...event, seq, at });
    }
    this.statements.bump.run(seq, at, workshopId);
    return stored;
  }

  async create(workshop: { id: string; code: string }, events: readonly EventBody[], at: number) {
    return this.db.transaction(() => {
      if (this.statements.byCode.get(workshop.code)) throw new CodeTakenError(workshop.code);
      this.statements.insertWorkshop.run(workshop.id, workshop.code, at, at);
      return this.writeEvents(workshop.id, 0, events, at);
    })();
  }

  async append(workshopId: string, expectedVersion: number, events: readonly EventBody[], at: number) {
    return this.db.transaction(() => {
      const actual = this.statements.version.get(workshopId)?.version ?? -1;
      if (actual !== expectedVersion) throw new VersionConflictError(workshopId, expectedVersion, actual);
      return this.writeEvents(workshopId, expectedVersion, events, at);
    })();
  }

  async read(workshopId: string, afterSeq: number): Promise<StoredEvent[]> {
    return this.statements.read.all(workshopId, afterSeq).map((row) => ({
      ...EventBody.parse(JSON.parse(row.body)),
      seq: row.seq,
      at: row.at,
    }));
  }

  async saveSnapshot(workshopId: string, state: WorkshopState) {
    this.statements.saveSnapshot.run(workshopId, state.version, JSON.stringify(state), workshopId);
  }

  async loadSnapshot(workshopId: string): Promise<WorkshopState | null> {
    const row = this.statements.loadSnapshot.get(workshopId);
    return row ? (JSON.parse(row.state) as WorkshopState) : null;
  }

  async findByCode(code: string) {
    return this.statements.byCode.get(code)?.id ?? null;
  }

  async exists(workshopId: string) {
    return this.statements.version.get(workshopId) !== undefined;
  }

  async activeSince(since: number) {
    return this.statements.active.all(since).map((r) => r.id);
  }

  async olderThan(cutoff: number) {
    return this.statements.older.all(cutoff).map((r) => r.id);
  }

  async rewriteEvents(workshopId: string, rewrite: (event: StoredEvent) => EventBody | null) {
    const changed = this.db.transaction(() => {
      let count = 0;
      for (const row of this.statements.read.all(workshopId, 0)) {
        const body = EventBody.parse(JSON.parse(row.body));
        const next = rewrite({ ...body, seq: row.seq, at: row.at });
        if (next === null) continue;
        // parsed again: what is stored stays a valid event, without seq and at (kept in their columns)
        const text = JSON.stringify(EventBody.parse(next));
        if (text === JSON.stringify(body)) continue;
        this.statements.updateEvent.run(text, workshopId, row.seq);
        count += 1;
      }
      this.statements.deleteSnapshot.run(workshopId);
      return count;
    })();
    this.flushDeleted();
    return changed;
  }

  async delete(workshopId: string) {
    this.db.transaction(() => {
      this.statements.deleteEvents.run(workshopId);
      this.statements.deleteSnapshot.run(workshopId);
      this.statements.deleteWorkshop.run(workshopId);
    })();
    this.flushDeleted();
  }

  /**
   * Until a checkpoint, the write-ahead log file still holds copies of the pages as they were before
   * a delete. Copy the log into the database (where secure_delete zeroed the old content) and empty it.
   */
  private flushDeleted(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  isOpen() {
    return this.db.open;
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
