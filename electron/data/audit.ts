import type { AuditEntry } from '../../shared/api/contract';
import type { Db } from './database';

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditContext {
  user: string;
  now: () => Date;
}

export function writeAudit(
  db: Db,
  ctx: AuditContext,
  entry: { entity: string; entityId: number; action: string; summary: string; changes: Change[] },
): void {
  db.prepare(
    `INSERT INTO audit_log (at, user, entity, entity_id, action, summary, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.now().toISOString(),
    ctx.user,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.summary,
    JSON.stringify(entry.changes),
  );
}

export function auditHistory(db: Db, entity: string, entityId: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, user, action, summary, changes FROM audit_log
       WHERE entity = ? AND entity_id = ? ORDER BY id DESC`,
    )
    .all(entity, entityId) as Array<Omit<AuditEntry, 'changes'> & { changes: string }>;
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Change[] }));
}
