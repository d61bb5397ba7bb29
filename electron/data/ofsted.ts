import {
  inspectionDraft,
  monitoringDraft,
  ofstedLabels,
  type InspectionDraft,
  type MonitoringDraft,
} from '../../shared/api/ofsted';
import { formatDate } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export type StoredInspection = InspectionDraft & { id: number };
export type StoredMonitoringVisit = MonitoringDraft & { id: number };

const INSPECTION_SELECT = `
  SELECT id, school_id AS schoolId, inspected_on AS inspectedOn, type, overall, grades, outcome,
         la_response AS laResponse, COALESCE(la_response_outcome, '') AS laResponseOutcome
  FROM inspections`;
type RawInspection = Omit<StoredInspection, 'grades'> & { grades: string };
const parsed = (row: RawInspection): StoredInspection => ({
  ...row,
  grades: JSON.parse(row.grades) as Record<string, number>,
});

export function inspectionsOf(db: Db, schoolId: number): StoredInspection[] {
  return (
    prepared(db, `${INSPECTION_SELECT} WHERE school_id = ? ORDER BY inspected_on DESC, id DESC`).all(
      schoolId,
    ) as RawInspection[]
  ).map(parsed);
}

const inspectionParams = (d: InspectionDraft) => ({
  ...d,
  grades: JSON.stringify(d.grades),
  laResponseOutcome: d.laResponseOutcome.trim() || null,
});
const INSPECTION_VALUES =
  '@schoolId, @inspectedOn, @type, @overall, @grades, @outcome, @laResponse, @laResponseOutcome';
const INSPECTION_COLUMNS =
  'school_id, inspected_on, type, overall, grades, outcome, la_response, la_response_outcome';

export const inspections: RecordTable<StoredInspection, InspectionDraft> = {
  entity: 'inspection',
  rules: inspectionDraft,
  labels: ofstedLabels,
  get: (db, id) => {
    const row = prepared(db, `${INSPECTION_SELECT} WHERE id = ?`).get(id) as RawInspection | undefined;
    return row && parsed(row);
  },
  insert: (db, d) =>
    Number(
      prepared(db, `INSERT INTO inspections (${INSPECTION_COLUMNS}) VALUES (${INSPECTION_VALUES})`).run(
        inspectionParams(d),
      ).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE inspections SET school_id = @schoolId, inspected_on = @inspectedOn, type = @type, overall = @overall,
           grades = @grades, outcome = @outcome, la_response = @laResponse, la_response_outcome = @laResponseOutcome
         WHERE id = @id`,
    ).run({ ...inspectionParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM inspections WHERE id = ?').run(id),
  restore: (db, row) =>
    void prepared(
      db,
      `INSERT INTO inspections (id, ${INSPECTION_COLUMNS}) VALUES (@id, ${INSPECTION_VALUES})`,
    ).run({ ...inspectionParams(row), id: row.id }),
  describe: (i) => ({
    'Inspection date': formatDate(i.inspectedOn),
    Type: i.type,
    'Overall effectiveness': i.overall === null ? null : String(i.overall),
    ...Object.fromEntries(
      Object.entries(i.grades)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([judgement, grade]) => [`Grade: ${judgement}`, String(grade)]),
    ),
    Outcome: i.outcome,
    'LA response': i.laResponse,
    'Result of the LA response': i.laResponseOutcome.trim() || null,
  }),
  schoolOf: (i) => i.schoolId,
  title: (i) => `Ofsted ${i.type.toLowerCase()} of ${formatDate(i.inspectedOn)}`,
};

const MONITORING_SELECT = `
  SELECT id, school_id AS schoolId, visited_on AS visitedOn, progress, COALESCE(notes, '') AS notes
  FROM monitoring_visits`;

export function monitoringVisitsOf(db: Db, schoolId: number): StoredMonitoringVisit[] {
  return prepared(db, `${MONITORING_SELECT} WHERE school_id = ? ORDER BY visited_on DESC, id DESC`).all(
    schoolId,
  ) as StoredMonitoringVisit[];
}

const monitoringParams = (d: MonitoringDraft) => ({ ...d, notes: d.notes.trim() || null });

export const monitoringVisits: RecordTable<StoredMonitoringVisit, MonitoringDraft> = {
  entity: 'hmi-visit',
  rules: monitoringDraft,
  labels: ofstedLabels,
  get: (db, id) =>
    prepared(db, `${MONITORING_SELECT} WHERE id = ?`).get(id) as StoredMonitoringVisit | undefined,
  insert: (db, d) =>
    Number(
      prepared(
        db,
        'INSERT INTO monitoring_visits (school_id, visited_on, progress, notes) VALUES (@schoolId, @visitedOn, @progress, @notes)',
      ).run(monitoringParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      'UPDATE monitoring_visits SET school_id = @schoolId, visited_on = @visitedOn, progress = @progress, notes = @notes WHERE id = @id',
    ).run({ ...monitoringParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM monitoring_visits WHERE id = ?').run(id),
  restore: (db, row) =>
    void prepared(
      db,
      'INSERT INTO monitoring_visits (id, school_id, visited_on, progress, notes) VALUES (@id, @schoolId, @visitedOn, @progress, @notes)',
    ).run({ ...monitoringParams(row), id: row.id }),
  describe: (m) => ({
    'Visit date': formatDate(m.visitedOn),
    Progress: m.progress,
    Notes: m.notes.trim() || null,
  }),
  schoolOf: (m) => m.schoolId,
  title: (m) => `HMI monitoring visit of ${formatDate(m.visitedOn)}`,
};

/** Schools ever judged to need a Notice to Improve or Special Measures: a statement of action may be due. */
export function schoolsEverInCategory(db: Db): number[] {
  return (
    prepared(
      db,
      "SELECT DISTINCT school_id AS id FROM inspections WHERE outcome IN ('Notice to Improve', 'Special Measures')",
    ).all() as Array<{ id: number }>
  ).map((r) => r.id);
}

/** Schools with a Special Measures judgement, for the urgent-case rule across the LA. */
export function schoolsEverInSpecialMeasures(db: Db): number[] {
  return (
    prepared(
      db,
      "SELECT DISTINCT school_id AS id FROM inspections WHERE outcome = 'Special Measures'",
    ).all() as Array<{
      id: number;
    }>
  ).map((r) => r.id);
}

/**
 * Each school Ofsted has in a category today: the outcome of its latest judgement, since a
 * monitoring inspection never sets or clears one (the rule of `categoryJudgement`, for every school
 * in one query). Only the few judgements that put a school in a category are looked at, each asked
 * whether a later one followed: ranking all of every school's inspections took fifteen times as long.
 */
export function currentOfstedCategories(db: Db): Map<number, 'Notice to Improve' | 'Special Measures'> {
  const rows = prepared(
    db,
    `SELECT i.school_id AS schoolId, i.outcome FROM inspections i
     WHERE i.outcome IN ('Notice to Improve', 'Special Measures') AND i.type <> 'Monitoring inspection'
       AND NOT EXISTS (
         SELECT 1 FROM inspections later
         WHERE later.school_id = i.school_id AND later.type <> 'Monitoring inspection'
           AND (later.inspected_on > i.inspected_on OR (later.inspected_on = i.inspected_on AND later.id > i.id)))`,
  ).all() as Array<{ schoolId: number; outcome: 'Notice to Improve' | 'Special Measures' }>;
  return new Map(rows.map((r) => [r.schoolId, r.outcome]));
}
