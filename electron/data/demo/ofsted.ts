import { addDays } from '../../../shared/domain/calendar';
import type { Category } from '../../../shared/domain/categories';
import type { Outcome } from '../../../shared/domain/ofsted';
import type { Random } from './random';
import type { DemoSchool } from './register';
import { grade, type Seeding } from './seeding';

/** A school in an Ofsted category; the urgent one is in Special Measures. */
export type Standing = 'Special Measures' | 'Notice to Improve' | 'urgent';

/**
 * Eight schools in Ofsted categories, one in each district, each the weakest of its district (ties
 * broken at random): three in Special Measures, the first of them an urgent case, and five with a
 * Notice to Improve. Their quality becomes inadequate, so their other records agree.
 */
export function chooseCategorySchools(
  random: Random,
  schools: readonly DemoSchool[],
  qualities: Map<number, number>,
): Map<number, Standing> {
  const districts = random.shuffle([...new Set(schools.map((s) => s.districtId))]);
  const standings: Standing[] = [
    'urgent',
    'Special Measures',
    'Special Measures',
    ...Array.from({ length: 5 }, () => 'Notice to Improve' as const),
  ];
  const chosen = new Map<number, Standing>();
  districts.forEach((districtId, i) => {
    const weakest = random
      .shuffle(schools.filter((s) => s.districtId === districtId))
      .sort((a, b) => qualities.get(b.id)! - qualities.get(a.id)!)[0]!;
    qualities.set(weakest.id, 4);
    chosen.set(weakest.id, standings[i]!);
  });
  return chosen;
}

/**
 * Ofsted: about two schools in five inspected since the spring before last, and the schools in
 * categories with the inspection that put them there and, in Special Measures, HMI visits since.
 * Only an inadequate judgement brings a category, so the other inspections stop at satisfactory.
 */
export function seedInspection(
  s: Seeding,
  school: DemoSchool,
  quality: number,
  standing: Standing | undefined,
  laCategory: Category | null,
  inspectable: readonly string[],
): void {
  const { random, sql, days, today } = s;
  let inspectedOn: string;
  let hmiVisits: string[] = [];
  const around = (from: number, to: number, on = today) =>
    days.between(addDays(on, from), addDays(on, to), random);
  if (standing === 'urgent') {
    // The second HMI visit was last week, so the new statement of action is due next week.
    const second = days.onOrBefore(addDays(today, -3));
    const first = around(-110, -90, second);
    inspectedOn = around(-110, -90, first);
    hmiVisits = [first, second];
  } else if (standing) {
    inspectedOn = around(-420, -260);
    if (standing === 'Special Measures')
      hmiVisits = [around(90, 120, inspectedOn), around(190, 220, inspectedOn)];
  } else {
    if (!random.chance(0.4)) return;
    inspectedOn = random.pick(inspectable);
  }
  const outcome: Outcome = standing === 'urgent' ? 'Special Measures' : (standing ?? 'None');
  const overall = standing ? 4 : Math.min(3, grade(quality + (random.chance(0.1) ? -1 : 0)));
  const disagrees = laCategory !== null && overall !== laCategory;
  sql.inspection({
    schoolId: school.id,
    inspectedOn,
    type: 'Section 5 inspection',
    overall,
    outcome,
    laResponse: disagrees ? (overall > laCategory ? 'Appeal to Ofsted' : 'Presentation to governors') : null,
    laResponseOutcome: disagrees ? 'Discussed with the chair of governors' : null,
  });
  hmiVisits.forEach((visitedOn, n) => {
    // The urgent case's second visit finds inadequate progress; the others, satisfactory.
    const inadequate = standing === 'urgent' && n === 1;
    if (visitedOn <= today)
      sql.hmiVisit({
        schoolId: school.id,
        visitedOn,
        progress: inadequate ? 'Inadequate' : 'Satisfactory',
        notes: inadequate ? 'Leadership has not secured improvement in teaching' : null,
      });
  });
}
