import type { z } from 'zod';
import type {
  categoryDecision,
  categoryProposal,
  inspectionDraft,
  monitoringDraft,
  profileDraft,
  visitDraft,
} from '../../shared/api/monitoring';
import type { TermDates } from '../../shared/domain/calendar';
import type { PROPOSAL_SOURCES } from '../../shared/domain/categories';
import type { Framework } from '../../shared/domain/sef';
import type { Db } from './database';

/** SQL for the monitoring records. Rows come back in the shapes the contract names. */

export function customTermDates(db: Db): TermDates[] {
  return db
    .prepare(
      `SELECT academic_year AS academicYear, term, starts_on AS startsOn, second_half_on AS secondHalfOn,
              ends_on AS endsOn FROM term_dates`,
    )
    .all() as TermDates[];
}

export function upsertTermDates(db: Db, t: TermDates): void {
  db.prepare(
    `INSERT INTO term_dates (academic_year, term, starts_on, second_half_on, ends_on)
     VALUES (@academicYear, @term, @startsOn, @secondHalfOn, @endsOn)
     ON CONFLICT (academic_year, term) DO UPDATE SET
       starts_on = excluded.starts_on, second_half_on = excluded.second_half_on, ends_on = excluded.ends_on`,
  ).run(t);
}

type VisitDraft = z.infer<typeof visitDraft>;
export interface StoredVisit extends VisitDraft {
  id: number;
  visitor: string;
}

const VISIT_SELECT = `
  SELECT v.id, v.school_id AS schoolId, v.visited_on AS visitedOn, v.visitor_id AS visitorId, p.name AS visitor,
         v.role, v.purpose, v.days, COALESCE(v.notes, '') AS notes, v.report_received_on AS reportReceivedOn,
         v.qa_on AS qaOn, v.claim_status AS claimStatus
  FROM visits v JOIN people p ON p.id = v.visitor_id`;

export function visitsOf(db: Db, schoolId: number): StoredVisit[] {
  return db
    .prepare(`${VISIT_SELECT} WHERE v.school_id = ? ORDER BY v.visited_on DESC, v.id DESC`)
    .all(schoolId) as StoredVisit[];
}

export function getVisit(db: Db, id: number): StoredVisit | undefined {
  return db.prepare(`${VISIT_SELECT} WHERE v.id = ?`).get(id) as StoredVisit | undefined;
}

export function allVisits(db: Db, from: string, to: string): StoredVisit[] {
  return db
    .prepare(`${VISIT_SELECT} WHERE v.visited_on BETWEEN ? AND ? ORDER BY v.visited_on`)
    .all(from, to) as StoredVisit[];
}

export function visitsAwaitingQa(db: Db): StoredVisit[] {
  return db
    .prepare(
      `${VISIT_SELECT} WHERE v.report_received_on IS NOT NULL AND v.qa_on IS NULL ORDER BY v.report_received_on`,
    )
    .all() as StoredVisit[];
}

const visitParams = (d: VisitDraft) => ({ ...d, notes: d.notes.trim() || null });

export function insertVisit(db: Db, d: VisitDraft): number {
  return Number(
    db
      .prepare(
        `INSERT INTO visits (school_id, visited_on, visitor_id, role, purpose, days, notes, report_received_on, qa_on, claim_status)
         VALUES (@schoolId, @visitedOn, @visitorId, @role, @purpose, @days, @notes, @reportReceivedOn, @qaOn, @claimStatus)`,
      )
      .run(visitParams(d)).lastInsertRowid,
  );
}

export function updateVisit(db: Db, id: number, d: VisitDraft): void {
  db.prepare(
    `UPDATE visits SET school_id = @schoolId, visited_on = @visitedOn, visitor_id = @visitorId, role = @role,
       purpose = @purpose, days = @days, notes = @notes, report_received_on = @reportReceivedOn, qa_on = @qaOn,
       claim_status = @claimStatus WHERE id = @id`,
  ).run({ ...visitParams(d), id });
}

export interface StoredCategory {
  id: number;
  schoolId: number;
  proposedOn: string;
  source: (typeof PROPOSAL_SOURCES)[number];
  proposedById: number | null;
  proposedBy: string | null;
  proposedCategory: number;
  evidence: string;
  decidedOn: string | null;
  confirmedCategory: number | null;
  decisionNotes: string | null;
  supportOverride: 'low' | 'medium' | 'high' | null;
  overrideReason: string | null;
}

export function categoriesOf(db: Db, schoolId: number): StoredCategory[] {
  return db
    .prepare(
      `SELECT c.id, c.school_id AS schoolId, c.proposed_on AS proposedOn, c.source, c.proposed_by_id AS proposedById, p.name AS proposedBy,
              c.proposed_category AS proposedCategory, c.evidence, c.decided_on AS decidedOn,
              c.confirmed_category AS confirmedCategory, c.decision_notes AS decisionNotes,
              c.support_override AS supportOverride, c.override_reason AS overrideReason
       FROM category_reviews c LEFT JOIN people p ON p.id = c.proposed_by_id
       WHERE c.school_id = ? ORDER BY c.proposed_on DESC, c.id DESC`,
    )
    .all(schoolId) as StoredCategory[];
}

export function insertProposal(db: Db, p: z.infer<typeof categoryProposal>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO category_reviews (school_id, proposed_on, source, proposed_by_id, proposed_category, evidence)
         VALUES (@schoolId, @proposedOn, @source, @proposedById, @category, @evidence)`,
      )
      .run({ ...p, evidence: p.evidence.trim() }).lastInsertRowid,
  );
}

export function updateProposal(db: Db, id: number, p: z.infer<typeof categoryProposal>): void {
  db.prepare(
    `UPDATE category_reviews SET proposed_on = @proposedOn, source = @source, proposed_by_id = @proposedById,
       proposed_category = @category, evidence = @evidence WHERE id = @id`,
  ).run({ ...p, evidence: p.evidence.trim(), id });
}

export function recordDecision(db: Db, d: z.infer<typeof categoryDecision>): void {
  db.prepare(
    `UPDATE category_reviews SET decided_on = @decidedOn, confirmed_category = @category, decision_notes = @notes,
       support_override = @supportOverride, override_reason = @overrideReason WHERE id = @id`,
  ).run({
    ...d,
    notes: d.notes.trim() || null,
    overrideReason: d.supportOverride === null ? null : d.overrideReason.trim(),
  });
}

export function frameworks(db: Db): Framework[] {
  const rows = db
    .prepare(
      `SELECT f.code AS framework, f.name, j.code, j.label, j.optional
       FROM sef_frameworks f JOIN sef_judgements j ON j.framework_id = f.id ORDER BY f.id, j.position`,
    )
    .all() as Array<{ framework: string; name: string; code: string; label: string; optional: number }>;
  const byCode = new Map<string, Framework & { judgements: Framework['judgements'][number][] }>();
  for (const row of rows) {
    const f = byCode.get(row.framework) ?? { code: row.framework, name: row.name, judgements: [] };
    f.judgements.push({ code: row.code, label: row.label, optional: row.optional === 1 });
    byCode.set(row.framework, f);
  }
  return [...byCode.values()];
}

export function activeFramework(db: Db): string {
  const row = db.prepare("SELECT value FROM app_settings WHERE key = 'sef.framework'").get() as
    { value: string } | undefined;
  return row?.value ?? 'english-sef';
}

export function setActiveFramework(db: Db, code: string): void {
  db.prepare(
    "INSERT INTO app_settings (key, value) VALUES ('sef.framework', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(code);
}

export interface StoredSef {
  id: number;
  schoolId: number;
  framework: string;
  sefOn: string;
  validated: boolean;
  grades: Record<string, number>;
}

export function sefEntries(db: Db, where: { schoolId?: number; framework?: string } = {}): StoredSef[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.school_id AS schoolId, f.code AS framework, e.sef_on AS sefOn, e.validated,
              g.judgement, g.grade
       FROM sef_entries e JOIN sef_frameworks f ON f.id = e.framework_id
       LEFT JOIN sef_grades g ON g.entry_id = e.id
       WHERE (@schoolId IS NULL OR e.school_id = @schoolId) AND (@framework IS NULL OR f.code = @framework)
       ORDER BY e.sef_on DESC, e.id DESC`,
    )
    .all({ schoolId: where.schoolId ?? null, framework: where.framework ?? null }) as Array<
    Omit<StoredSef, 'grades' | 'validated'> & {
      validated: number;
      judgement: string | null;
      grade: number | null;
    }
  >;
  const byId = new Map<number, StoredSef>();
  for (const { judgement, grade, validated, ...entry } of rows) {
    const found = byId.get(entry.id) ?? { ...entry, validated: validated === 1, grades: {} };
    if (judgement !== null && grade !== null) found.grades[judgement] = grade;
    byId.set(entry.id, found);
  }
  return [...byId.values()];
}

/** Writes one SEF (school, framework, date): replacing its grades if that SEF is already held. */
export function upsertSef(
  db: Db,
  entry: {
    schoolId: number;
    framework: string;
    sefOn: string;
    validated: boolean;
    grades: Record<string, number>;
  },
): number {
  const frameworkId = (
    db.prepare('SELECT id FROM sef_frameworks WHERE code = ?').get(entry.framework) as { id: number }
  ).id;
  db.prepare(
    `INSERT INTO sef_entries (school_id, framework_id, sef_on, validated) VALUES (?, ?, ?, ?)
     ON CONFLICT (school_id, framework_id, sef_on) DO UPDATE SET validated = excluded.validated`,
  ).run(entry.schoolId, frameworkId, entry.sefOn, entry.validated ? 1 : 0);
  const { id } = db
    .prepare('SELECT id FROM sef_entries WHERE school_id = ? AND framework_id = ? AND sef_on = ?')
    .get(entry.schoolId, frameworkId, entry.sefOn) as { id: number };
  replaceGrades(db, id, entry.grades);
  return id;
}

/** Corrects a SEF already held (its date too), keeping its framework; its grades are replaced. */
export function updateSef(
  db: Db,
  id: number,
  entry: { sefOn: string; validated: boolean; grades: Record<string, number> },
): void {
  db.prepare('UPDATE sef_entries SET sef_on = ?, validated = ? WHERE id = ?').run(
    entry.sefOn,
    entry.validated ? 1 : 0,
    id,
  );
  replaceGrades(db, id, entry.grades);
}

function replaceGrades(db: Db, id: number, grades: Record<string, number>): void {
  db.prepare('DELETE FROM sef_grades WHERE entry_id = ?').run(id);
  const add = db.prepare('INSERT INTO sef_grades (entry_id, judgement, grade) VALUES (?, ?, ?)');
  for (const [judgement, grade] of Object.entries(grades)) add.run(id, judgement, grade);
}

type InspectionDraft = z.infer<typeof inspectionDraft>;
export function inspectionsOf(db: Db, schoolId: number): Array<InspectionDraft & { id: number }> {
  return (
    db
      .prepare(
        `SELECT id, school_id AS schoolId, inspected_on AS inspectedOn, type, overall, grades, outcome,
                la_response AS laResponse, COALESCE(la_response_outcome, '') AS laResponseOutcome
         FROM inspections WHERE school_id = ? ORDER BY inspected_on DESC, id DESC`,
      )
      .all(schoolId) as Array<Omit<InspectionDraft, 'grades'> & { id: number; grades: string }>
  ).map((row) => ({ ...row, grades: JSON.parse(row.grades) as Record<string, number> }));
}

export function saveInspectionRow(db: Db, id: number | undefined, d: InspectionDraft): number {
  const params = {
    ...d,
    grades: JSON.stringify(d.grades),
    laResponseOutcome: d.laResponseOutcome.trim() || null,
  };
  if (id !== undefined) {
    db.prepare(
      `UPDATE inspections SET inspected_on = @inspectedOn, type = @type, overall = @overall, grades = @grades,
         outcome = @outcome, la_response = @laResponse, la_response_outcome = @laResponseOutcome WHERE id = @id`,
    ).run({ ...params, id });
    return id;
  }
  return Number(
    db
      .prepare(
        `INSERT INTO inspections (school_id, inspected_on, type, overall, grades, outcome, la_response, la_response_outcome)
         VALUES (@schoolId, @inspectedOn, @type, @overall, @grades, @outcome, @laResponse, @laResponseOutcome)`,
      )
      .run(params).lastInsertRowid,
  );
}

type MonitoringDraft = z.infer<typeof monitoringDraft>;
export function monitoringVisitsOf(db: Db, schoolId: number): Array<MonitoringDraft & { id: number }> {
  return db
    .prepare(
      `SELECT id, school_id AS schoolId, visited_on AS visitedOn, progress, COALESCE(notes, '') AS notes
       FROM monitoring_visits WHERE school_id = ? ORDER BY visited_on DESC, id DESC`,
    )
    .all(schoolId) as Array<MonitoringDraft & { id: number }>;
}

export function insertMonitoringVisit(db: Db, d: MonitoringDraft): number {
  return Number(
    db
      .prepare(
        'INSERT INTO monitoring_visits (school_id, visited_on, progress, notes) VALUES (@schoolId, @visitedOn, @progress, @notes)',
      )
      .run({ ...d, notes: d.notes.trim() || null }).lastInsertRowid,
  );
}

export function updateMonitoringVisit(db: Db, id: number, d: MonitoringDraft): void {
  db.prepare(
    'UPDATE monitoring_visits SET visited_on = @visitedOn, progress = @progress, notes = @notes WHERE id = @id',
  ).run({
    ...d,
    notes: d.notes.trim() || null,
    id,
  });
}

/** Schools with a Special Measures judgement, for the urgent-case rule across the LA. */
export function schoolsEverInSpecialMeasures(db: Db): number[] {
  return (
    db
      .prepare("SELECT DISTINCT school_id AS id FROM inspections WHERE outcome = 'Special Measures'")
      .all() as Array<{
      id: number;
    }>
  ).map((r) => r.id);
}

type ProfileDraft = z.infer<typeof profileDraft>;
export function profilesOf(db: Db, schoolId: number): Array<ProfileDraft & { id: number }> {
  return (
    db
      .prepare(
        `SELECT id, school_id AS schoolId, academic_year AS academicYear, term, number_on_roll AS numberOnRoll,
                attendance, exclusions, budget_position AS budgetPosition, new_headteacher AS newHeadteacher,
                COALESCE(staff_changes, '') AS staffChanges, COALESCE(notes, '') AS notes
         FROM termly_profiles WHERE school_id = ?
         ORDER BY academic_year DESC, CASE term WHEN 'summer' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END`,
      )
      .all(schoolId) as Array<Omit<ProfileDraft, 'newHeadteacher'> & { id: number; newHeadteacher: number }>
  ).map((row) => ({ ...row, newHeadteacher: row.newHeadteacher === 1 }));
}

/** One profile per school and term: recording it again replaces it. */
export function upsertProfile(db: Db, d: ProfileDraft): number {
  db.prepare(
    `INSERT INTO termly_profiles (school_id, academic_year, term, number_on_roll, attendance, exclusions,
       budget_position, new_headteacher, staff_changes, notes)
     VALUES (@schoolId, @academicYear, @term, @numberOnRoll, @attendance, @exclusions, @budgetPosition,
       @newHeadteacher, @staffChanges, @notes)
     ON CONFLICT (school_id, academic_year, term) DO UPDATE SET number_on_roll = excluded.number_on_roll,
       attendance = excluded.attendance, exclusions = excluded.exclusions, budget_position = excluded.budget_position,
       new_headteacher = excluded.new_headteacher, staff_changes = excluded.staff_changes, notes = excluded.notes`,
  ).run({
    ...d,
    newHeadteacher: d.newHeadteacher ? 1 : 0,
    staffChanges: d.staffChanges.trim() || null,
    notes: d.notes.trim() || null,
  });
  return (
    db
      .prepare('SELECT id FROM termly_profiles WHERE school_id = ? AND academic_year = ? AND term = ?')
      .get(d.schoolId, d.academicYear, d.term) as { id: number }
  ).id;
}
