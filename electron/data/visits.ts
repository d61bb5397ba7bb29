import { visitDraft, visitLabels, type VisitDraft } from '../../shared/api/visits';
import { formatDate } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export interface StoredVisit extends VisitDraft {
  id: number;
  visitor: string;
}

const SELECT = `
  SELECT v.id, v.school_id AS schoolId, v.visited_on AS visitedOn, v.visitor_id AS visitorId, p.name AS visitor,
         v.role, v.purpose, v.days, COALESCE(v.notes, '') AS notes, v.report_received_on AS reportReceivedOn,
         v.qa_on AS qaOn, v.claim_status AS claimStatus
  FROM visits v JOIN people p ON p.id = v.visitor_id`;

export function visitsOf(db: Db, schoolId: number): StoredVisit[] {
  return prepared(db, `${SELECT} WHERE v.school_id = ? ORDER BY v.visited_on DESC, v.id DESC`).all(
    schoolId,
  ) as StoredVisit[];
}

export function allVisits(db: Db, from: string, to: string): StoredVisit[] {
  return prepared(db, `${SELECT} WHERE v.visited_on BETWEEN ? AND ? ORDER BY v.visited_on`).all(
    from,
    to,
  ) as StoredVisit[];
}

/**
 * The schools a SIP visited between two dates: the Monitoring page's "SIP visit this term". The role is
 * written into the SQL rather than bound, so SQLite can answer from the partial index of SIP visits.
 */
export function schoolsVisitedBySip(db: Db, from: string, to: string): Set<number> {
  const rows = prepared(
    db,
    "SELECT DISTINCT school_id AS id FROM visits WHERE role = 'SIP' AND visited_on BETWEEN ? AND ?",
  ).all(from, to) as Array<{ id: number }>;
  return new Set(rows.map((r) => r.id));
}

export function visitsAwaitingQa(db: Db): StoredVisit[] {
  return prepared(
    db,
    `${SELECT} WHERE v.report_received_on IS NOT NULL AND v.qa_on IS NULL ORDER BY v.report_received_on`,
  ).all() as StoredVisit[];
}

const params = (d: VisitDraft) => ({ ...d, notes: d.notes.trim() || null });
const COLUMNS = `school_id = @schoolId, visited_on = @visitedOn, visitor_id = @visitorId, role = @role,
  purpose = @purpose, days = @days, notes = @notes, report_received_on = @reportReceivedOn, qa_on = @qaOn,
  claim_status = @claimStatus`;

export const visits: RecordTable<StoredVisit, VisitDraft> = {
  entity: 'visit',
  rules: visitDraft,
  labels: visitLabels,
  get: (db, id) => prepared(db, `${SELECT} WHERE v.id = ?`).get(id) as StoredVisit | undefined,
  insert: (db, d) =>
    Number(
      prepared(
        db,
        `INSERT INTO visits (school_id, visited_on, visitor_id, role, purpose, days, notes, report_received_on, qa_on, claim_status)
           VALUES (@schoolId, @visitedOn, @visitorId, @role, @purpose, @days, @notes, @reportReceivedOn, @qaOn, @claimStatus)`,
      ).run(params(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(db, `UPDATE visits SET ${COLUMNS} WHERE id = @id`).run({ ...params(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM visits WHERE id = ?').run(id),
  restore: (db, row) =>
    void prepared(
      db,
      `INSERT INTO visits (id, school_id, visited_on, visitor_id, role, purpose, days, notes, report_received_on, qa_on, claim_status)
         VALUES (@id, @schoolId, @visitedOn, @visitorId, @role, @purpose, @days, @notes, @reportReceivedOn, @qaOn, @claimStatus)`,
    ).run({ ...params(row), id: row.id }),
  describe: (v) => ({
    'Visit date': formatDate(v.visitedOn),
    Visitor: v.visitor,
    Role: v.role,
    Purpose: v.purpose,
    Days: String(v.days),
    Notes: v.notes.trim() || null,
    'Report received': v.reportReceivedOn && formatDate(v.reportReceivedOn),
    'Quality-assured': v.qaOn && formatDate(v.qaOn),
    Claim: v.claimStatus,
  }),
  schoolOf: (v) => v.schoolId,
  title: (v) => `${v.role} visit of ${formatDate(v.visitedOn)}`,
};
