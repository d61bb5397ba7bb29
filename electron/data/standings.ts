import type { DutyCheck, Stage } from '../../shared/domain/concerns';
import type { Db } from './database';
import { prepared } from './prepared';

/**
 * What the suggestion rules need about every school at once, in a few queries rather than one per
 * school: the LA's latest confirmed category, whether Ofsted has it in a category, its open concern,
 * its partnerships and the support it gives on a date.
 */
export interface StandingRow {
  schoolId: number;
  dfe: string;
  name: string;
  district: string;
  doubleDistrict: string;
  districtId: number;
  doubleDistrictId: number;
  closed: boolean;
  category: number | null;
  ofstedCategory: 'Notice to Improve' | 'Special Measures' | null;
}

export function standingRows(db: Db, on: string): StandingRow[] {
  const rows = db
    .prepare(
      `SELECT s.id AS schoolId, s.dfe, s.name, d.name AS district, dd.name AS doubleDistrict,
              d.id AS districtId, dd.id AS doubleDistrictId, s.closed_on IS NOT NULL AS closed,
              (SELECT c.confirmed_category FROM category_reviews c
                WHERE c.school_id = s.id AND c.decided_on IS NOT NULL AND c.decided_on <= @on
                ORDER BY c.decided_on DESC, c.id DESC LIMIT 1) AS category,
              (SELECT NULLIF(i.outcome, 'None') FROM inspections i
                WHERE i.school_id = s.id AND i.type <> 'Monitoring inspection' AND i.inspected_on <= @on
                ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1) AS ofstedCategory
       FROM schools s JOIN districts d ON d.id = s.district_id JOIN double_districts dd ON dd.id = d.double_district_id
       ORDER BY s.name`,
    )
    .all({ on }) as Array<Omit<StandingRow, 'closed'> & { closed: number }>;
  return rows.map((r) => ({ ...r, closed: r.closed === 1 }));
}

/** Each school's current partnerships. */
export function partnershipsOn(db: Db, on: string): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT school_id AS schoolId, partnership_id AS partnershipId FROM partnership_members
       WHERE joined_on <= @on AND (left_on IS NULL OR left_on >= @on)`,
    )
    .all({ on }) as Array<{ schoolId: number; partnershipId: number }>;
  const bySchool = new Map<number, number[]>();
  for (const r of rows) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r.partnershipId]);
  return bySchool;
}

/** How many schools each school is supporting on a date. */
export function supportingOn(db: Db, on: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT supporting_school_id AS schoolId, count(DISTINCT supported_school_id) AS n FROM brokered_support
       WHERE starts_on <= @on AND (ends_on IS NULL OR ends_on >= @on) GROUP BY supporting_school_id`,
    )
    .all({ on }) as Array<{ schoolId: number; n: number }>;
  return new Map(rows.map((r) => [r.schoolId, r.n]));
}

const hasColumns = (db: Db, table: string, columns: readonly string[]) => {
  const found = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name));
  return columns.every((c) => found.has(c));
};

/**
 * The factors of each school's open concern. Concerns arrive with migration 005 (concerns(school_id,
 * factors as a JSON array, closed_on)); a file without that table has no concerns to read.
 */
export function openConcernFactors(db: Db): Map<number, string[]> {
  if (!hasColumns(db, 'concerns', ['school_id', 'factors', 'closed_on'])) return new Map();
  const rows = db
    .prepare('SELECT school_id AS schoolId, factors FROM concerns WHERE closed_on IS NULL')
    .all() as Array<{ schoolId: number; factors: string }>;
  return new Map(
    rows.map((r) => {
      const parsed: unknown = JSON.parse(r.factors);
      return [r.schoolId, Array.isArray(parsed) ? parsed.map(String) : []];
    }),
  );
}

/** An open concern's stage and its duty checks: what is needed to count the duties it is missing. */
export interface ConcernDuties {
  stage: Stage;
  duties: DutyCheck[];
}

/**
 * Every school's open concern with its duty checks, in one query rather than two per concern, for
 * the schools list. Should a school have two open, the one the concern register lists last is kept.
 */
export function openConcernDuties(db: Db): Map<number, ConcernDuties> {
  const rows = prepared(
    db,
    `SELECT c.id, c.school_id AS schoolId, c.stage, k.duty, k.done, k.checked_on AS checkedOn
     FROM concerns c LEFT JOIN concern_duty_checks k ON k.concern_id = c.id
     WHERE c.closed_on IS NULL ORDER BY c.stage DESC, c.opened_on DESC, c.id, k.duty`,
  ).all() as Array<{
    id: number;
    schoolId: number;
    stage: Stage;
    duty: string | null;
    done: number | null;
    checkedOn: string | null;
  }>;
  const byConcern = new Map<number, ConcernDuties & { schoolId: number }>();
  for (const r of rows) {
    let concern = byConcern.get(r.id);
    if (!concern) byConcern.set(r.id, (concern = { schoolId: r.schoolId, stage: r.stage, duties: [] }));
    if (r.duty !== null) concern.duties.push({ duty: r.duty, done: r.done === 1, checkedOn: r.checkedOn });
  }
  return new Map([...byConcern.values()].map(({ schoolId, ...concern }) => [schoolId, concern]));
}
