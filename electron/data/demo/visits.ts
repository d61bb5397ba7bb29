import type { TermDates } from '../../../shared/domain/calendar';
import { addWorkingDays } from '../../../shared/domain/working-days';
import type { DemoSchool } from './register';
import { dayIn, type Seeding } from './seeding';

interface Planned {
  on: string;
  purpose: string;
  days: number;
  role: 'SIP' | 'DSIM';
}

/**
 * A year of the SIP's "single conversation" (five days, the odd half day less for a school doing
 * well, and rarely a half day over) and, for weaker schools, a DSIM visit to agree support.
 */
export function seedVisits(
  s: Seeding,
  school: DemoSchool,
  quality: number,
  [autumn, spring, summer]: readonly TermDates[],
  /** From this date on the school's SIP has not been yet: its visits this term have slipped. */
  slippedFrom: string | null,
): void {
  const { random, today } = s;
  const lighter = quality <= 2 && random.chance(0.3);
  const over = random.chance(0.01);
  const plan: Planned[] = [
    { on: dayIn(s, autumn!, 0.05, 0.4), purpose: 'Data analysis and target setting', days: 1, role: 'SIP' },
    {
      on: dayIn(s, autumn!, 0.45, 0.9),
      purpose: 'Headteacher performance management',
      days: lighter ? 0.5 : 1,
      role: 'SIP',
    },
    { on: dayIn(s, spring!, 0.1, 0.7), purpose: 'Validating the SEF', days: 1, role: 'SIP' },
    { on: dayIn(s, summer!, 0.05, 0.4), purpose: 'Summary review', days: 1, role: 'SIP' },
    { on: dayIn(s, summer!, 0.45, 0.85), purpose: 'Agreeing priorities', days: over ? 1.5 : 1, role: 'SIP' },
  ];
  if (quality >= 3)
    plan.push({ on: dayIn(s, spring!, 0.2, 0.9), purpose: 'Identifying support', days: 0.5, role: 'DSIM' });
  for (const visit of plan) {
    if (visit.on > today || (slippedFrom !== null && visit.on >= slippedFrom)) continue;
    const received = addWorkingDays(visit.on, random.int(2, 8));
    const qa = addWorkingDays(received, random.int(3, 18));
    s.sql.visit({
      schoolId: school.id,
      visitedOn: visit.on,
      visitorId: visit.role === 'SIP' ? school.sipId : school.dsimId,
      role: visit.role,
      purpose: visit.purpose,
      days: visit.days,
      reportReceivedOn: received <= today ? received : null,
      qaOn: qa <= today ? qa : null,
      claimStatus: addWorkingDays(qa, 20) <= today ? 'Paid' : qa <= today ? 'Claimed' : 'Not claimed',
    });
  }
}
