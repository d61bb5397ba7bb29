import { academicYearOf } from '../../../shared/domain/calendar';
import type { Db } from '../database';
import { AUTHORITY } from './authority';
import { seedConcerns } from './concerns';
import { seedMonitoring } from './monitoring';
import { seedPartnerships } from './partnerships';
import { seeded } from './random';
import { seedRegister, type Shape } from './register';
import { schoolDays } from './school-days';
import { grade } from './seeding';
import { demoStatements, type DemoSql } from './statements';

/**
 * The size of the largest authorities, for `npm run bench`: the demo's four double districts and a
 * fifth, 65 schools a district (650 in all), and ten years of the demo's monitoring.
 */
export const LARGE_SHAPE: Shape = {
  authority: [
    ...AUTHORITY,
    {
      double: 'Stoke North / Stoke South',
      districts: [
        {
          name: 'Stoke North',
          postcode: 'ST6',
          places: ['Burslem', 'Tunstall', 'Smallthorne', 'Norton', 'Milton', 'Bucknall', 'Hanley', 'Sneyd'],
        },
        {
          name: 'Stoke South',
          postcode: 'ST3',
          places: ['Longton', 'Fenton', 'Meir', 'Blurton', 'Trentham', 'Hanford', 'Normacot', 'Lightwood'],
        },
      ],
    },
  ],
  perDistrict: 65,
};

export const LARGE_YEARS = 10;

/**
 * A fictitious authority at the largest LA's size: 650 schools with ten years of visits, SEFs,
 * category reviews, profiles and inspections, with the demo's concerns, projects and partnerships. Like the demo, the same seed gives the same file.
 */
export function fillLargeAuthority(db: Db, today: string, seed = 650): void {
  const random = seeded(seed);
  const sql = demoStatements(db);
  db.transaction(() => {
    const schools = seedRegister(sql, random, LARGE_SHAPE);
    seedMonitoring(sql, random, schools, today, LARGE_YEARS);
    // The demo's monitoring inspects a school at most once, in the last years; a school older than
    // that has been inspected every three or four years before.
    const firstYear = academicYearOf(today) - LARGE_YEARS + 1;
    const days = schoolDays(firstYear, firstYear + LARGE_YEARS - 4);
    for (const school of schools) earlierInspections(sql, () => random.next(), school.id, days.all);
    // The demo's concerns, projects and partnerships, so the lists and papers the bench times carry them.
    seedPartnerships(db, seeded(seed + 1), today);
    seedConcerns(db, seeded(seed + 2), today);
  })();
}

function earlierInspections(sql: DemoSql, next: () => number, schoolId: number, days: readonly string[]) {
  const cycle = Math.floor(days.length / 2);
  for (let start = 0; start + cycle <= days.length; start += cycle) {
    sql.inspection({
      schoolId,
      inspectedOn: days[start + Math.floor(next() * cycle)],
      type: 'Section 5 inspection',
      overall: Math.min(3, grade(1 + next() * 3)),
      outcome: 'None',
      laResponse: null,
      laResponseOutcome: null,
    });
  }
}
