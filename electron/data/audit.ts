import type { AuditEntry } from '../../shared/api/records';
import type { AuditAction, AuditEntity } from '../../shared/domain/audit';
import type { FieldChange } from '../../shared/domain/changes';
import type { Db } from './database';

export type Change = FieldChange;

export interface AuditContext {
  user: string;
  now: () => Date;
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

export function writeAudit(db: Db, ctx: AuditContext, entry: AuditRecord): number {
  return Number(
    db
      .prepare(
        `INSERT INTO audit_log (at, user, entity, entity_id, school_id, action, summary, changes, before_state, after_state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.now().toISOString(),
        ctx.user,
        entry.entity,
        entry.entityId,
        entry.schoolId,
        entry.action,
        entry.summary,
        JSON.stringify(entry.changes),
        json(entry.before),
        json(entry.after),
      ).lastInsertRowid,
  );
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
