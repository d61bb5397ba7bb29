import type { TermDates } from '../../shared/domain/calendar';
import type { Db } from './database';
import { prepared } from './prepared';

/** Term dates the LA set for itself; other years use the typical dates computed in shared/. */
export function customTermDates(db: Db): TermDates[] {
  return prepared(
    db,
    `SELECT academic_year AS academicYear, term, starts_on AS startsOn, second_half_on AS secondHalfOn,
              ends_on AS endsOn FROM term_dates`,
  ).all() as TermDates[];
}

export function getTermDates(db: Db, t: Pick<TermDates, 'academicYear' | 'term'>): TermDates | undefined {
  return customTermDates(db).find((c) => c.academicYear === t.academicYear && c.term === t.term);
}

export function upsertTermDates(db: Db, t: TermDates): void {
  prepared(
    db,
    `INSERT INTO term_dates (academic_year, term, starts_on, second_half_on, ends_on)
     VALUES (@academicYear, @term, @startsOn, @secondHalfOn, @endsOn)
     ON CONFLICT (academic_year, term) DO UPDATE SET
       starts_on = excluded.starts_on, second_half_on = excluded.second_half_on, ends_on = excluded.ends_on`,
  ).run(t);
}
