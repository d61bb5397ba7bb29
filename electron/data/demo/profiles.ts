import type { TermDates } from '../../../shared/domain/calendar';
import { addDays } from '../../../shared/domain/calendar';
import type { DemoSchool } from './register';
import type { Seeding } from './seeding';

/** Termly profiles once a term is well under way: attendance falls and deficits grow as quality worsens. */
export function seedProfiles(
  s: Seeding,
  school: DemoSchool,
  quality: number,
  terms: readonly TermDates[],
): void {
  const { random } = s;
  for (const term of terms) {
    if (addDays(term.startsOn, 40) > s.today) continue;
    s.sql.profile({
      schoolId: school.id,
      academicYear: term.academicYear,
      term: term.term,
      numberOnRoll: Math.max(0, school.numberOnRoll + random.int(-8, 8)),
      attendance: Math.round((96.5 - quality * 0.9 - random.next()) * 10) / 10,
      exclusions: quality >= 3 ? random.int(0, 6) : random.int(0, 1),
      budgetPosition: random.int(-4, 12) * 5000 - (quality === 4 ? 30000 : 0),
      newHeadteacher: random.chance(0.03) ? 1 : 0,
    });
  }
}
