import type { SchoolRow } from '../../shared/api/schools';
import { isCategory, supportLevel, type SupportLevel } from '../../shared/domain/categories';
import { describeSchool } from '../../shared/domain/changes';
import { SCHOOL_LABELS, schoolFieldsRules, type SchoolFields } from '../../shared/domain/school';
import type { Db } from './database';
import { prepared, preparedRaw } from './prepared';
import type { RecordTable } from './write';

/** A school's columns but its SIP's name, which the list reads once for the few SIPs, not per school. */
const SCHOOL_COLUMNS = `s.id, s.dfe, s.urn, s.name, s.type, s.phase, s.district_id, d.name, dd.id, dd.name,
  s.diocese, s.number_on_roll, s.headteacher, s.chair_of_governors, s.sip_id, s.postcode, s.closed_on,
  c.confirmed_category, c.support_override`;
const SCHOOL_FROM = `schools s
  JOIN districts d ON d.id = s.district_id
  JOIN double_districts dd ON dd.id = d.double_district_id
  LEFT JOIN category_reviews c ON c.id = (
    SELECT id FROM category_reviews WHERE school_id = s.id AND decided_on IS NOT NULL
    ORDER BY decided_on DESC, id DESC LIMIT 1)`;

/** A row of SCHOOL_COLUMNS, in their order there. */
type SchoolColumns = [
  id: number,
  dfe: string,
  urn: number | null,
  name: string,
  type: string | null,
  phase: string,
  districtId: number,
  district: string,
  doubleDistrictId: number,
  doubleDistrict: string,
  diocese: string | null,
  numberOnRoll: number | null,
  headteacher: string | null,
  chairOfGovernors: string | null,
  sipId: number | null,
  postcode: string | null,
  closedOn: string | null,
  category: number | null,
  supportOverride: SupportLevel | null,
];
type WithSip = [...SchoolColumns, sip: string | null];

/**
 * The school a row of SCHOOL_COLUMNS describes, with its SIP's name. The current category is the latest
 * confirmed one; its support level follows the shared rule from the DIG's override. Read as columns
 * and built here in one literal: better-sqlite3 builds a row's object key by key, which for the list's
 * 650 rows cost more than the query.
 */
function schoolFrom(c: SchoolColumns | WithSip, sip: string | null): SchoolRow {
  const category = c[17];
  return {
    id: c[0],
    dfe: c[1],
    urn: c[2],
    name: c[3],
    type: c[4],
    phase: c[5],
    districtId: c[6],
    district: c[7],
    doubleDistrictId: c[8],
    doubleDistrict: c[9],
    diocese: c[10],
    numberOnRoll: c[11],
    headteacher: c[12],
    chairOfGovernors: c[13],
    sipId: c[14],
    sip,
    postcode: c[15],
    closedOn: c[16],
    category,
    supportLevel:
      category !== null && isCategory(category)
        ? supportLevel({ category, override: c[18], overrideReason: null })
        : null,
  };
}

export function listSchools(db: Db): SchoolRow[] {
  const names = new Map(preparedRaw(db, 'SELECT id, name FROM people').all() as Array<[number, string]>);
  return (
    preparedRaw(db, `SELECT ${SCHOOL_COLUMNS} FROM ${SCHOOL_FROM} ORDER BY s.name`).all() as SchoolColumns[]
  ).map((c) => schoolFrom(c, c[14] === null ? null : (names.get(c[14]) ?? null)));
}

/**
 * Each school's id and name by its DfE number, closed ones included: all an import needs to find the
 * school a row names, without the category and support each list row works out.
 */
export function schoolsByDfe(db: Db): Map<string, { id: number; dfe: string; name: string }> {
  const rows = prepared(db, 'SELECT id, dfe, name FROM schools').all() as Array<{
    id: number;
    dfe: string;
    name: string;
  }>;
  return new Map(rows.map((row) => [row.dfe, row]));
}

/** Whether the file holds any school, without reading them all. */
export const holdsSchools = (db: Db): boolean =>
  (prepared(db, 'SELECT EXISTS (SELECT 1 FROM schools) AS held').get() as { held: number }).held === 1;

export function getSchool(db: Db, id: number): SchoolRow | undefined {
  const row = preparedRaw(
    db,
    `SELECT ${SCHOOL_COLUMNS}, p.name FROM ${SCHOOL_FROM} LEFT JOIN people p ON p.id = s.sip_id WHERE s.id = ?`,
  ).get(id) as WithSip | undefined;
  return row && schoolFrom(row, row[19]);
}

const COLUMNS = {
  dfe: 'dfe',
  urn: 'urn',
  name: 'name',
  type: 'type',
  phase: 'phase',
  districtId: 'district_id',
  diocese: 'diocese',
  numberOnRoll: 'number_on_roll',
  headteacher: 'headteacher',
  chairOfGovernors: 'chair_of_governors',
  sipId: 'sip_id',
  postcode: 'postcode',
} as const satisfies Record<keyof SchoolFields, string>;

const fieldNames = Object.keys(COLUMNS) as Array<keyof SchoolFields>;

// Bound by position, in COLUMNS' order: binding by name looks each field up on the object, which an
// import writing 650 schools pays for 8,000 times.
const INSERT = `INSERT INTO schools (${fieldNames.map((f) => COLUMNS[f]).join(', ')})
  VALUES (${fieldNames.map(() => '?').join(', ')})`;
const UPDATE = `UPDATE schools SET ${fieldNames.map((f) => `${COLUMNS[f]} = ?`).join(', ')} WHERE id = ?`;
const valuesOf = (fields: SchoolFields) => fieldNames.map((f) => fields[f]);

/** Schools are never deleted: a school that closes is closed, and keeps its history. */
export const schools: RecordTable<SchoolRow, SchoolFields> = {
  entity: 'school',
  rules: schoolFieldsRules,
  labels: SCHOOL_LABELS,
  get: getSchool,
  insert: (db, fields) => Number(prepared(db, INSERT).run(...valuesOf(fields)).lastInsertRowid),
  update: (db, id, fields) => void prepared(db, UPDATE).run(...valuesOf(fields), id),
  describe: (school) => {
    // Added to the description made for this call rather than copied into another object.
    const described = describeSchool(school);
    described['Closed on'] = school.closedOn;
    return described;
  },
  schoolOf: (school) => school.id,
  title: (school) => `school ${school.name}`,
};

/**
 * Moves DfE numbers and URNs out of the way inside an import's transaction, so schools that swap
 * numbers (a routine correction) never trip the unique rules half-way; each is then written in full.
 */
export function releaseNumbers(db: Db, ids: readonly number[]): void {
  const release = prepared(
    db,
    "UPDATE schools SET dfe = printf('000/%04d', id % 10000), urn = NULL WHERE id = ?",
  );
  for (const id of ids) release.run(id);
}

export function setClosedOn(db: Db, id: number, closedOn: string | null): void {
  prepared(db, 'UPDATE schools SET closed_on = ? WHERE id = ?').run(closedOn, id);
}

/** Which school, if any, already holds a DfE number or URN: both must be unique across the LA. */
export function findClash(db: Db, fields: Pick<SchoolFields, 'dfe' | 'urn'>, exceptId?: number) {
  const other = exceptId ?? -1;
  const byDfe = prepared(db, 'SELECT name FROM schools WHERE dfe = ? AND id <> ?').get(fields.dfe, other) as
    { name: string } | undefined;
  const byUrn =
    fields.urn === null
      ? undefined
      : (prepared(db, 'SELECT name FROM schools WHERE urn = ? AND id <> ?').get(fields.urn, other) as
          { name: string } | undefined);
  return { dfe: byDfe?.name, urn: byUrn?.name };
}
