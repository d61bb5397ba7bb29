import { ApiError } from '../../shared/api/errors';
import { sefDraft, sefLabels, type SefDraft } from '../../shared/api/sef';
import { WELSH_GRADES_REFUSED } from '../../shared/domain/effectiveness';
import { formatDate } from '../../shared/domain/format';
import type { Framework } from '../../shared/domain/sef';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export interface StoredSef extends SefDraft {
  id: number;
  framework: string;
}

export function frameworks(db: Db): Framework[] {
  const rows = prepared(
    db,
    `SELECT f.code AS framework, f.name, j.code, j.label, j.optional
       FROM sef_frameworks f JOIN sef_judgements j ON j.framework_id = f.id ORDER BY f.id, j.position`,
  ).all() as Array<{ framework: string; name: string; code: string; label: string; optional: number }>;
  const byCode = new Map<string, Framework & { judgements: Framework['judgements'][number][] }>();
  for (const row of rows) {
    const f = byCode.get(row.framework) ?? { code: row.framework, name: row.name, judgements: [] };
    f.judgements.push({ code: row.code, label: row.label, optional: row.optional === 1 });
    byCode.set(row.framework, f);
  }
  return [...byCode.values()];
}

export function activeFramework(db: Db): string {
  const row = prepared(db, "SELECT value FROM app_settings WHERE key = 'sef.framework'").get() as
    { value: string } | undefined;
  return row?.value ?? 'english-sef';
}

export function setActiveFramework(db: Db, code: string): void {
  prepared(
    db,
    "INSERT INTO app_settings (key, value) VALUES ('sef.framework', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(code);
}

const SELECT = `
  SELECT e.id, e.school_id AS schoolId, f.code AS framework, e.sef_on AS sefOn, e.validated,
         g.judgement, g.grade
  FROM sef_entries e JOIN sef_frameworks f ON f.id = e.framework_id
  LEFT JOIN sef_grades g ON g.entry_id = e.id`;

type Raw = Omit<StoredSef, 'grades' | 'validated'> & {
  validated: number;
  judgement: string | null;
  grade: number | null;
};

function collect(rows: Raw[]): StoredSef[] {
  const byId = new Map<number, StoredSef>();
  for (const { judgement, grade, validated, ...entry } of rows) {
    const found = byId.get(entry.id) ?? { ...entry, validated: validated === 1, grades: {} };
    if (judgement !== null && grade !== null) found.grades[judgement] = grade;
    byId.set(entry.id, found);
  }
  return [...byId.values()];
}

/**
 * SEFs newest first, for one school or the whole LA, for one framework or all; `onOrBefore` leaves
 * out later ones, so an export for a past term reads only what it needs.
 */
export function sefEntries(
  db: Db,
  where: { schoolId?: number; framework?: string; onOrBefore?: string } = {},
): StoredSef[] {
  return collect(
    prepared(
      db,
      `${SELECT}
         WHERE (@schoolId IS NULL OR e.school_id = @schoolId) AND (@framework IS NULL OR f.code = @framework)
           AND (@onOrBefore IS NULL OR e.sef_on <= @onOrBefore)
         ORDER BY e.sef_on DESC, e.id DESC`,
    ).all({
      schoolId: where.schoolId ?? null,
      framework: where.framework ?? null,
      onOrBefore: where.onOrBefore ?? null,
    }) as Raw[],
  );
}

/**
 * The SEFs of a framework dated on any of these days (ISO), for an import to find the ones its rows
 * correct: a grid names a term's few dates, where the file holds ten years of SEFs and their grades.
 */
export function sefsOnDates(db: Db, framework: string, dates: string[]): StoredSef[] {
  return collect(
    prepared(db, `${SELECT} WHERE f.code = ? AND e.sef_on IN (SELECT value FROM json_each(?))`).all(
      framework,
      JSON.stringify(dates),
    ) as Raw[],
  );
}

/**
 * Each school's latest SEF of a framework on or before a date (newest date, then newest record),
 * read without the older ones: a ten-year file holds ten times what an export for one term needs.
 */
export function latestSefs(db: Db, where: { framework: string; onOrBefore: string }): StoredSef[] {
  return collect(
    prepared(
      db,
      `${SELECT}
       WHERE e.id IN (
         SELECT id FROM (
           SELECT x.id, row_number() OVER (PARTITION BY x.school_id ORDER BY x.sef_on DESC, x.id DESC) AS n
           FROM sef_entries x JOIN sef_frameworks xf ON xf.id = x.framework_id
           WHERE xf.code = @framework AND x.sef_on <= @onOrBefore)
         WHERE n = 1)
       ORDER BY e.sef_on DESC, e.id DESC`,
    ).all(where) as Raw[],
  );
}

/** A SEF of the Welsh elements, deleted before migration 007, cannot come back: they are not graded. */
function frameworkId(db: Db, code: string): number {
  const row = prepared(db, 'SELECT id FROM sef_frameworks WHERE code = ?').get(code) as
    { id: number } | undefined;
  if (!row) throw new ApiError({ code: 'rejected', message: `${WELSH_GRADES_REFUSED}.` });
  return row.id;
}

/** A record's grades, all in one statement: an import adds nine to each of hundreds of SEFs. */
function addGrades(db: Db, id: number, grades: Record<string, number>): void {
  prepared(
    db,
    'INSERT INTO sef_grades (entry_id, judgement, grade) SELECT ?, key, value FROM json_each(?)',
  ).run(id, JSON.stringify(grades));
}

function replaceGrades(db: Db, id: number, grades: Record<string, number>): void {
  prepared(db, 'DELETE FROM sef_grades WHERE entry_id = ?').run(id);
  addGrades(db, id, grades);
}

/**
 * One SEF as stored, its grades gathered by SQLite into one row (in judgement order, as the join
 * would give them) rather than read as a row per grade: every save reads its record back.
 */
const GET = `
  SELECT e.id, e.school_id AS schoolId, f.code AS framework, e.sef_on AS sefOn, e.validated,
         (SELECT json_group_object(judgement, grade)
            FROM (SELECT judgement, grade FROM sef_grades WHERE entry_id = e.id ORDER BY judgement)) AS grades
  FROM sef_entries e JOIN sef_frameworks f ON f.id = e.framework_id
  WHERE e.id = ?`;

function getSef(db: Db, id: number): StoredSef | undefined {
  const row = prepared(db, GET).get(id) as
    (Omit<StoredSef, 'validated' | 'grades'> & { validated: number; grades: string }) | undefined;
  return (
    row && {
      ...row,
      validated: row.validated === 1,
      grades: JSON.parse(row.grades) as Record<string, number>,
    }
  );
}

/** The same order the record of changes has always listed grades in, without a locale lookup each time. */
const byJudgement = new Intl.Collator().compare;

/** A new SEF is recorded against the framework in use; a correction keeps its own framework. */
export const sefs: RecordTable<StoredSef, SefDraft> = {
  entity: 'sef',
  rules: sefDraft,
  labels: sefLabels,
  get: getSef,
  insert: (db, d) => {
    const id = Number(
      prepared(
        db,
        'INSERT INTO sef_entries (school_id, framework_id, sef_on, validated) VALUES (?, ?, ?, ?)',
      ).run(d.schoolId, frameworkId(db, activeFramework(db)), d.sefOn, d.validated ? 1 : 0).lastInsertRowid,
    );
    addGrades(db, id, d.grades);
    return id;
  },
  update: (db, id, d) => {
    prepared(db, 'UPDATE sef_entries SET school_id = ?, sef_on = ?, validated = ? WHERE id = ?').run(
      d.schoolId,
      d.sefOn,
      d.validated ? 1 : 0,
      id,
    );
    replaceGrades(db, id, d.grades);
  },
  remove: (db, id) => void prepared(db, 'DELETE FROM sef_entries WHERE id = ?').run(id),
  restore: (db, e) => {
    prepared(
      db,
      'INSERT INTO sef_entries (id, school_id, framework_id, sef_on, validated) VALUES (?, ?, ?, ?, ?)',
    ).run(e.id, e.schoolId, frameworkId(db, e.framework), e.sefOn, e.validated ? 1 : 0);
    replaceGrades(db, e.id, e.grades);
  },
  describe: (e) => ({
    'SEF date': formatDate(e.sefOn),
    'Validated by SIP': e.validated ? 'Yes' : 'No',
    ...Object.fromEntries(
      Object.entries(e.grades)
        .sort(([a], [b]) => byJudgement(a, b))
        .map(([judgement, grade]) => [`Grade: ${judgement}`, String(grade)]),
    ),
  }),
  schoolOf: (e) => e.schoolId,
  title: (e) => `SEF of ${formatDate(e.sefOn)}`,
};
