import { academicYearOf, defaultTermDates, termOf } from '../../../shared/domain/calendar';
import type { Category } from '../../../shared/domain/categories';
import { seedReview } from './categories';
import { chooseCategorySchools, seedInspection } from './ofsted';
import { seedProfiles } from './profiles';
import type { Random } from './random';
import type { DemoSchool } from './register';
import { schoolDays } from './school-days';
import type { Seeding } from './seeding';
import { seedSef } from './sefs';
import type { DemoSql } from './statements';
import { seedVisits } from './visits';

/**
 * Three years (or `yearCount`) of plausible monitoring up to today: each school has an underlying quality (1–4) that
 * its SEFs, categories, Ofsted grades and attendance follow, so the numbers tell one story.
 */
export function seedMonitoring(
  sql: DemoSql,
  random: Random,
  schools: readonly DemoSchool[],
  today: string,
  yearCount = 3,
): void {
  const thisYear = academicYearOf(today);
  const years = Array.from({ length: yearCount }, (_, i) => thisYear - yearCount + 1 + i);
  const s: Seeding = { sql, random, today, days: schoolDays(years[0]!, thisYear) };
  // About one school in seven has not had its SIP's visit yet this term.
  const termStart = termOf(today).startsOn;
  const inspectableFrom = defaultTermDates(years[0]!)[1]!.startsOn;
  const inspectable = s.days.all.filter((day) => day >= inspectableFrom && day <= today);

  const qualities = new Map(
    schools.map((school) => {
      const r = random.next();
      return [school.id, r < 0.14 ? 1 : r < 0.58 ? 2 : r < 0.91 ? 3 : 4] as const;
    }),
  );
  const standings = chooseCategorySchools(random, schools, qualities);

  for (const school of schools) {
    const quality = qualities.get(school.id)!;
    const has = {
      eyfs: ['Nursery', 'Infant', 'First', 'Primary'].includes(school.phase),
      sixthForm: school.phase === 'Secondary' && random.chance(0.6),
    };
    const slippedFrom = random.chance(0.15) ? termStart : null;
    let category: Category | null = null;
    for (const year of years) {
      const terms = defaultTermDates(year);
      seedVisits(s, school, quality, terms, slippedFrom);
      seedSef(s, school, quality, terms[0]!, has);
      category = seedReview(s, school, quality, terms) ?? category;
      seedProfiles(s, school, quality, terms);
    }
    seedInspection(s, school, quality, standings.get(school.id), category, inspectable);
  }
}
