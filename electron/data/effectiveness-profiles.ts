import {
  effectivenessProfileDraft,
  effectivenessProfileLabels,
  type EffectivenessProfileDraft,
  type ProfileSection,
} from '../../shared/api/effectiveness-profiles';
import { academicYearLabel } from '../../shared/domain/calendar';
import { elementLabel } from '../../shared/domain/effectiveness';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredEffectivenessProfile extends EffectivenessProfileDraft {
  id: number;
}

const sectionsOf = (db: Db, profileId: number): ProfileSection[] =>
  db
    .prepare(
      `SELECT element, aspect, narrative, themes, strengths, barriers FROM effectiveness_sections
       WHERE profile_id = ? ORDER BY position`,
    )
    .all(profileId) as ProfileSection[];

const withSections = (db: Db, row: Omit<StoredEffectivenessProfile, 'sections'>) => ({
  ...row,
  sections: sectionsOf(db, row.id),
});

const SELECT = 'SELECT id, school_id AS schoolId, academic_year AS academicYear FROM effectiveness_profiles';

export function profilesOfSchool(db: Db, schoolId: number): StoredEffectivenessProfile[] {
  return (
    db.prepare(`${SELECT} WHERE school_id = ? ORDER BY academic_year DESC`).all(schoolId) as Array<
      Omit<StoredEffectivenessProfile, 'sections'>
    >
  ).map((row) => withSections(db, row));
}

export function profileFor(db: Db, schoolId: number, academicYear: number) {
  return db.prepare(`${SELECT} WHERE school_id = ? AND academic_year = ?`).get(schoolId, academicYear) as
    { id: number } | undefined;
}

/** The elements each school's latest profile names themes for improvement in, and that profile's year. */
export function latestThemes(db: Db): Map<number, { academicYear: number; elements: string[] }> {
  const rows = db
    .prepare(
      `SELECT p.school_id AS schoolId, p.academic_year AS academicYear, s.element FROM effectiveness_profiles p
       JOIN effectiveness_sections s ON s.profile_id = p.id
       WHERE trim(s.themes) <> '' AND p.academic_year =
         (SELECT max(academic_year) FROM effectiveness_profiles q WHERE q.school_id = p.school_id)
       ORDER BY p.school_id, s.position`,
    )
    .all() as Array<{ schoolId: number; academicYear: number; element: string }>;
  const bySchool = new Map<number, { academicYear: number; elements: string[] }>();
  for (const { schoolId, academicYear, element } of rows) {
    const held = bySchool.get(schoolId) ?? { academicYear, elements: [] };
    if (!held.elements.includes(element)) held.elements.push(element);
    bySchool.set(schoolId, held);
  }
  return bySchool;
}

function replaceSections(db: Db, id: number, sections: readonly ProfileSection[]): void {
  db.prepare('DELETE FROM effectiveness_sections WHERE profile_id = ?').run(id);
  const add = db.prepare(
    `INSERT INTO effectiveness_sections (profile_id, position, element, aspect, narrative, themes, strengths, barriers)
     VALUES (@id, @position, @element, @aspect, @narrative, @themes, @strengths, @barriers)`,
  );
  sections.forEach((s, position) => add.run({ ...s, aspect: s.aspect.trim(), id, position }));
}

const sectionName = (s: ProfileSection) => `${elementLabel(s.element)}${s.aspect ? ` — ${s.aspect}` : ''}`;

export const effectivenessProfiles: RecordTable<StoredEffectivenessProfile, EffectivenessProfileDraft> = {
  entity: 'effectiveness-profile',
  rules: effectivenessProfileDraft,
  labels: effectivenessProfileLabels,
  get: (db, id) => {
    const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as
      Omit<StoredEffectivenessProfile, 'sections'> | undefined;
    return row && withSections(db, row);
  },
  insert: (db, d) => {
    const id = Number(
      db
        .prepare('INSERT INTO effectiveness_profiles (school_id, academic_year) VALUES (?, ?)')
        .run(d.schoolId, d.academicYear).lastInsertRowid,
    );
    replaceSections(db, id, d.sections);
    return id;
  },
  update: (db, id, d) => {
    db.prepare('UPDATE effectiveness_profiles SET school_id = ?, academic_year = ? WHERE id = ?').run(
      d.schoolId,
      d.academicYear,
      id,
    );
    replaceSections(db, id, d.sections);
  },
  remove: (db, id) => void db.prepare('DELETE FROM effectiveness_profiles WHERE id = ?').run(id),
  restore: (db, row) => {
    db.prepare('INSERT INTO effectiveness_profiles (id, school_id, academic_year) VALUES (?, ?, ?)').run(
      row.id,
      row.schoolId,
      row.academicYear,
    );
    replaceSections(db, row.id, row.sections);
  },
  describe: (p) => ({
    'Academic year': academicYearLabel(p.academicYear),
    ...Object.fromEntries(
      p.sections.flatMap((s) =>
        (
          [
            ['Narrative', s.narrative],
            ['Themes for improvement', s.themes],
            ['Key strengths', s.strengths],
            ['Barriers to effectiveness', s.barriers],
          ] as const
        ).map(([what, text]) => [`${sectionName(s)}: ${what}`, text.trim() || null]),
      ),
    ),
  }),
  schoolOf: (p) => p.schoolId,
  title: (p) => `School Effectiveness Profile for ${academicYearLabel(p.academicYear)}`,
};
