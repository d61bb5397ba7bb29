import { z } from 'zod';
import { isoDate } from '../domain/fields';
import { categoryRow } from './categories';
import { id, op } from './common';
import { inspectionRow, monitoringRow } from './ofsted';
import { profileRow } from './profiles';
import { sefRow } from './sef';
import { visitRow } from './visits';

/** What the school page and the Monitoring page read: the records of the other areas, together. */
export const urgent = z.object({
  inspectedOn: isoDate,
  visitedOn: isoDate,
  statementDueOn: isoDate,
  status: z.enum(['may become urgent', 'urgent']),
  noticeOn: isoDate.nullable(),
});

export const schoolMonitoring = z.object({
  visits: z.array(visitRow),
  categories: z.array(categoryRow),
  sef: z.array(sefRow),
  inspections: z.array(inspectionRow),
  monitoringVisits: z.array(monitoringRow),
  profiles: z.array(profileRow),
  sipDays: z.object({
    academicYear: z.string(),
    used: z.number(),
    allocation: z.number(),
    over: z.boolean(),
  }),
  urgent: urgent.nullable(),
});
export type SchoolMonitoring = z.infer<typeof schoolMonitoring>;

const schoolRef = z.object({
  schoolId: id,
  dfe: z.string(),
  name: z.string(),
  district: z.string(),
  doubleDistrict: z.string(),
  sip: z.string().nullable(),
});
/** A deadline on the Monitoring page, with where to act on it. */
export const upcomingDeadline = schoolRef.extend({
  on: isoDate,
  what: z.string(),
  overdue: z.boolean(),
  /** Working days where the law counts them so (`workingDays`), calendar days otherwise; negative once passed. */
  daysLeft: z.number().int(),
  workingDays: z.boolean(),
  concernId: id.nullable(),
  projectId: id.nullable(),
});
export type UpcomingDeadline = z.infer<typeof upcomingDeadline>;

export const overview = z.object({
  term: z.string(),
  noSipVisit: z.array(schoolRef),
  awaitingQa: z.array(
    schoolRef.extend({ visitId: id, visitedOn: isoDate, visitor: z.string(), reportReceivedOn: isoDate }),
  ),
  urgent: z.array(schoolRef.extend(urgent.shape)),
  overUsed: z.array(schoolRef.extend({ used: z.number() })),
  /** Deadlines in the next 30 days, overdue ones first. */
  deadlines: z.array(upcomingDeadline),
});
export type Overview = z.infer<typeof overview>;

export const monitoringOps = {
  'monitoring.school': op(z.object({ schoolId: id, today: isoDate.optional() }).strict(), schoolMonitoring),
  'monitoring.overview': op(
    z.object({ doubleDistrictId: id.nullable(), today: isoDate.optional() }).strict(),
    overview,
  ),
};
