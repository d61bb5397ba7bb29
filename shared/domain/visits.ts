import { academicYearOf } from './calendar';

export const VISITOR_ROLES = ['SIP', 'DSIM', 'Assigned officer', 'EIP', 'Consultant', 'HMI'] as const;
export type VisitorRole = (typeof VISITOR_ROLES)[number];

/** The SIP "single conversation" activities (DOMAIN §11), plus anything else. */
export const VISIT_PURPOSES = [
  'Data analysis and target setting',
  'Validating the SEF',
  'Summary review',
  'Agreeing priorities',
  'Identifying support',
  'Headteacher performance management',
  'Reporting',
  'Other',
] as const;

export const CLAIM_STATUSES = ['Not claimed', 'Claimed', 'Paid'] as const;

/** Each school has five SIP days a year. */
export const SIP_DAYS_PER_YEAR = 5;

/** Days are whole or half: 0.5, 1, 1.5 … */
export function checkDays(days: number): string | null {
  if (!(days > 0)) return 'Days must be more than 0';
  if (days > 10) return 'A single visit cannot be more than 10 days';
  return Number.isInteger(days * 2) ? null : 'Days must be whole or half days (like 1 or 1.5)';
}

export interface DayCount {
  used: number;
  allocation: number;
  over: boolean;
}

/** SIP days one school has used in one academic year, against its allocation. */
export function sipDays(
  visits: ReadonlyArray<{ visitedOn: string; role: string; days: number }>,
  academicYear: number,
): DayCount {
  const used = visits
    .filter((v) => v.role === 'SIP' && academicYearOf(v.visitedOn) === academicYear)
    .reduce((sum, v) => sum + v.days, 0);
  return { used, allocation: SIP_DAYS_PER_YEAR, over: used > SIP_DAYS_PER_YEAR };
}
