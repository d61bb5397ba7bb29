import { hash as hashOf } from 'node:crypto';
import type { AuditEntry } from '../../shared/api/records';
import type { AuditAction, AuditEntity } from '../../shared/domain/audit';
import type { FieldChange } from '../../shared/domain/changes';
import type { Db } from './database';
import { prepared } from './prepared';

export type Change = FieldChange;

export interface AuditContext {
  user: string;
  now: () => Date;
  /**
   * The meeting whose minutes decided the change, when it is made by applying them: its entries point
   * at the meeting and say so in their summary ("… at the District Focus Group of 12/11/2026").
   */
  meeting?: { id: number; title: string } | undefined;
}

export interface AuditRecord {
  entity: AuditEntity;
  entityId: number;
  /** The school the record belongs to, so it shows on that school's timeline. */
  schoolId: number | null;
  action: AuditAction;
  summary: string;
  changes: Change[];
  /** The whole record before and after, as stored: a deletion is undone from `before`. */
  before?: unknown | undefined;
  after?: unknown | undefined;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** An entry's columns in a fixed order: what its hash covers. */
interface Sealed {
  id: number;
  at: string;
  user: string;
  entity: string;
  entity_id: number;
  school_id: number | null;
  action: string;
  summary: string;
  changes: string;
  before_state: string | null;
  after_state: string | null;
  /** Absent in a file read before migration 010 added it. */
  meeting_id?: number | null;
  hash: string | null;
}

/** The hash of an entry's content chained to the entry before it. */
function sealOf(previous: string, e: Sealed): string {
  const content = [
    previous,
    e.id,
    e.at,
    e.user,
    e.entity,
    e.entity_id,
    e.school_id,
    e.action,
    e.summary,
    e.changes,
    e.before_state,
    e.after_state,
  ];
  // Only when set, so every entry sealed before the pointer existed keeps its hash.
  if (e.meeting_id != null) content.push(e.meeting_id);
  return hashOf('sha256', JSON.stringify(content), 'hex');
}

/**
 * The last entry's id and the hash the next entry chains to, with the time the write's entries carry:
 * a write is one change, committed at once, so all its entries say when it was made (an import of
 * 650 schools need not read the clock 700 times).
 */
interface ChainEnd {
  id: number;
  hash: string;
  at: string;
}

function readChainEnd(db: Db, ctx: AuditContext): ChainEnd {
  const id = (prepared(db, 'SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
  const last = prepared(
    db,
    'SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1',
  ).get() as { hash: string } | undefined;
  return { id, hash: last?.hash ?? '', at: ctx.now().toISOString() };
}

/**
 * The chain's end while a write holds the file's lock (set by write(), see keepingChainEnd): read at
 * its first entry and then carried from entry to entry, as an import writes hundreds in one write
 * and nobody else can add one meanwhile. `null` until the first entry has read it.
 */
const chainEnds = new WeakMap<Db, ChainEnd | null>();

/**
 * Runs the outermost write's work with the chain's end kept in memory; it is let go when the work
 * ends, committed or rolled back, so the next write reads it from the file again.
 */
export function keepingChainEnd<T>(db: Db, work: () => T): T {
  chainEnds.set(db, null);
  try {
    return work();
  } finally {
    chainEnds.delete(db);
  }
}

/**
 * Runs a nested write's work (a savepoint): if it fails, its entries are rolled back with it, so the
 * kept end goes back to where it stood before.
 */
export function undoingChainEnd<T>(db: Db, work: () => T): T {
  if (!chainEnds.has(db)) return work();
  const stood = chainEnds.get(db)!;
  try {
    return work();
  } catch (error) {
    chainEnds.set(db, stood);
    throw error;
  }
}

const INSERT = `INSERT INTO audit_log (id, at, user, entity, entity_id, school_id, action, summary, changes, before_state, after_state, meeting_id, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function writeAudit(db: Db, ctx: AuditContext, entry: AuditRecord): number {
  const end = chainEnds.get(db) ?? readChainEnd(db, ctx);
  const row: Sealed = {
    id: end.id + 1,
    at: end.at,
    user: ctx.user,
    entity: entry.entity,
    entity_id: entry.entityId,
    school_id: entry.schoolId,
    action: entry.action,
    summary: ctx.meeting ? `${entry.summary} (at the ${ctx.meeting.title})` : entry.summary,
    changes: JSON.stringify(entry.changes),
    before_state: json(entry.before),
    after_state: json(entry.after),
    meeting_id: ctx.meeting?.id ?? null,
    hash: null,
  };
  const sealed = sealOf(end.hash, row);
  row.hash = sealed;
  // Bound by position: binding by name looks each of the thirteen up on the object.
  prepared(db, INSERT).run(
    row.id,
    row.at,
    row.user,
    row.entity,
    row.entity_id,
    row.school_id,
    row.action,
    row.summary,
    row.changes,
    row.before_state,
    row.after_state,
    row.meeting_id,
    sealed,
  );
  if (chainEnds.has(db)) chainEnds.set(db, { id: row.id, hash: sealed, at: end.at });
  return row.id;
}

const ALL = 'SELECT * FROM audit_log ORDER BY id';

/** Seals entries written before the chain existed, in order, so the whole record is chained. */
export function sealAuditChain(db: Db): void {
  const unsealed = db.prepare('SELECT count(*) FROM audit_log WHERE hash IS NULL').pluck().get() as number;
  if (unsealed === 0) return;
  const seal = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  let previous = '';
  for (const entry of db.prepare(ALL).all() as Sealed[]) {
    const hash = entry.hash ?? sealOf(previous, entry);
    if (entry.hash === null) seal.run(hash, entry.id);
    previous = hash;
  }
}

/** The first entry whose content or place in the chain does not match its hash, if any. */
export function verifyAuditChain(db: Db): { entries: number; firstBroken: number | null } {
  let previous = '';
  let entries = 0;
  for (const entry of db.prepare(ALL).iterate() as Iterable<Sealed>) {
    entries++;
    if (entry.hash !== sealOf(previous, entry)) return { entries, firstBroken: entry.id };
    previous = entry.hash;
  }
  return { entries, firstBroken: null };
}

export interface StoredAudit {
  id: number;
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  before: unknown;
}

export function getAudit(db: Db, id: number): StoredAudit | undefined {
  const row = db
    .prepare(
      'SELECT id, entity, entity_id AS entityId, action, before_state AS before FROM audit_log WHERE id = ?',
    )
    .get(id) as (Omit<StoredAudit, 'before'> & { before: string | null }) | undefined;
  return row && { ...row, before: row.before === null ? null : (JSON.parse(row.before) as unknown) };
}

/** Everything recorded about one school and its records, newest first. */
export function schoolHistory(db: Db, schoolId: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.user, a.entity, a.entity_id AS entityId, a.action, a.summary, a.changes,
              a.action = 'delete' AND a.before_state IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM audit_log r WHERE r.entity = a.entity AND r.entity_id = a.entity_id
                  AND r.action = 'restore' AND r.id > a.id) AS undoable
       FROM audit_log a WHERE a.school_id = ? ORDER BY a.id DESC`,
    )
    .all(schoolId) as Array<Omit<AuditEntry, 'changes' | 'undoable'> & { changes: string; undoable: number }>;
  return rows.map((row) => ({
    ...row,
    changes: JSON.parse(row.changes) as Change[],
    undoable: row.undoable === 1,
  }));
}
