import { profileDraft, profileLabels, type ProfileDraft } from '../../shared/api/profiles';
import { termLabel } from '../../shared/domain/calendar';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export type StoredProfile = ProfileDraft & { id: number };

const SELECT = `
  SELECT id, school_id AS schoolId, academic_year AS academicYear, term, number_on_roll AS numberOnRoll,
         attendance, exclusions, budget_position AS budgetPosition, new_headteacher AS newHeadteacher,
         COALESCE(staff_changes, '') AS staffChanges, COALESCE(notes, '') AS notes
  FROM termly_profiles`;
type Raw = Omit<StoredProfile, 'newHeadteacher'> & { newHeadteacher: number };
const parsed = (row: Raw): StoredProfile => ({ ...row, newHeadteacher: row.newHeadteacher === 1 });

export function profilesOf(db: Db, schoolId: number): StoredProfile[] {
  return (
    prepared(
      db,
      `${SELECT} WHERE school_id = ?
         ORDER BY academic_year DESC, CASE term WHEN 'summer' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END`,
    ).all(schoolId) as Raw[]
  ).map(parsed);
}

/** The profile a school already has for a term, if any: there is one per school and term. */
export function profileFor(db: Db, d: Pick<ProfileDraft, 'schoolId' | 'academicYear' | 'term'>) {
  const row = prepared(db, `${SELECT} WHERE school_id = ? AND academic_year = ? AND term = ?`).get(
    d.schoolId,
    d.academicYear,
    d.term,
  ) as Raw | undefined;
  return row && parsed(row);
}

const params = (d: ProfileDraft) => ({
  ...d,
  newHeadteacher: d.newHeadteacher ? 1 : 0,
  staffChanges: d.staffChanges.trim() || null,
  notes: d.notes.trim() || null,
});
const COLUMNS = `school_id, academic_year, term, number_on_roll, attendance, exclusions, budget_position,
  new_headteacher, staff_changes, notes`;
const VALUES = `@schoolId, @academicYear, @term, @numberOnRoll, @attendance, @exclusions, @budgetPosition,
  @newHeadteacher, @staffChanges, @notes`;
const text = (n: number | null) => (n === null ? null : String(n));

export const profiles: RecordTable<StoredProfile, ProfileDraft> = {
  entity: 'profile',
  rules: profileDraft,
  labels: profileLabels,
  get: (db, id) => {
    const row = prepared(db, `${SELECT} WHERE id = ?`).get(id) as Raw | undefined;
    return row && parsed(row);
  },
  insert: (db, d) =>
    Number(
      prepared(db, `INSERT INTO termly_profiles (${COLUMNS}) VALUES (${VALUES})`).run(params(d))
        .lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE termly_profiles SET school_id = @schoolId, academic_year = @academicYear, term = @term,
           number_on_roll = @numberOnRoll, attendance = @attendance, exclusions = @exclusions,
           budget_position = @budgetPosition, new_headteacher = @newHeadteacher, staff_changes = @staffChanges,
           notes = @notes WHERE id = @id`,
    ).run({ ...params(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM termly_profiles WHERE id = ?').run(id),
  restore: (db, row) =>
    void prepared(db, `INSERT INTO termly_profiles (id, ${COLUMNS}) VALUES (@id, ${VALUES})`).run({
      ...params(row),
      id: row.id,
    }),
  describe: (p) => ({
    Term: termLabel(p),
    'Number on roll': text(p.numberOnRoll),
    'Attendance (%)': text(p.attendance),
    Exclusions: text(p.exclusions),
    'Budget position (£)': text(p.budgetPosition),
    'New headteacher': p.newHeadteacher ? 'Yes' : 'No',
    'Staff changes': p.staffChanges.trim() || null,
    Notes: p.notes.trim() || null,
  }),
  schoolOf: (p) => p.schoolId,
  title: (p) => `termly profile for ${termLabel(p)}`,
};
