import { addDays, daysBetween } from './calendar';
import { DEADLINES } from './concerns';
import { isWorkingDay } from './working-days';

/** How far ahead the Monitoring page looks for deadlines. */
export const DEADLINE_HORIZON_DAYS = 30;

/**
 * The deadlines the law counts in working days: a warning notice's initial period (Education and
 * Inspections Act 2006 s.60) and the statements of action. The rest are dates someone chose.
 */
const IN_WORKING_DAYS: ReadonlySet<string> = new Set([
  DEADLINES.response,
  DEADLINES.statement,
  DEADLINES.newStatement,
]);

/**
 * Working days from one day to another, counted as `addWorkingDays` counts them (the first day not,
 * the last day yes); negative once the day has passed.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

export interface Upcoming {
  on: string;
  what: string;
  overdue: boolean;
  /** Working days where the law counts them so, calendar days otherwise; negative once passed. */
  daysLeft: number;
  workingDays: boolean;
}

/**
 * The deadlines due within the horizon of a day (passed ones included, as they still need doing),
 * each with the days left, soonest first, so overdue ones lead.
 */
export function upcomingDeadlines<T extends { on: string; what: string }>(
  items: readonly T[],
  today: string,
  horizonDays = DEADLINE_HORIZON_DAYS,
): Array<T & Upcoming> {
  const until = addDays(today, horizonDays);
  return items
    .filter((d) => d.on <= until)
    .map((d) => {
      const workingDays = IN_WORKING_DAYS.has(d.what);
      return {
        ...d,
        overdue: d.on < today,
        daysLeft: workingDays ? workingDaysBetween(today, d.on) : daysBetween(today, d.on),
        workingDays,
      };
    })
    .sort((a, b) => a.on.localeCompare(b.on) || a.what.localeCompare(b.what));
}
