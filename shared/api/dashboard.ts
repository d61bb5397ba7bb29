import { z } from 'zod';
import { isoDate } from '../domain/fields';
import { id, op } from './common';
import { upcomingDeadline } from './monitoring';

/** The next meeting of the group that decides on interventions (District Intervention/Resource or Focus Group). */
export const nextMeeting = z.object({
  id,
  heldOn: isoDate,
  kind: z.string(),
  /** Null for a county-wide meeting. */
  doubleDistrict: z.string().nullable(),
  daysLeft: z.number().int(),
});

const fundLine = z.object({
  doubleDistrictId: id,
  doubleDistrict: z.string(),
  allocationPence: z.number().int(),
  heldBackPence: z.number().int(),
  committedPence: z.number().int(),
  spentPence: z.number().int(),
  remainingPence: z.number().int(),
});

export const dashboard = z.object({
  /** The double district asked for, or null for the whole LA. */
  doubleDistrictId: id.nullable(),
  term: z.string(),
  today: isoDate,
  /** Open schools in the double district (or the LA). */
  schools: z.number().int(),
  /** Each of `SCHOOL_COUNTS` (shared/domain/dashboard.ts) by its key. */
  counts: z.record(z.string(), z.number().int()),
  /** Warning-notice responses, statements of action, project reviews and DMT referral points, overdue first. */
  deadlines: z.array(upcomingDeadline),
  nextMeeting: nextMeeting.nullable(),
  awaitingQa: z.number().int(),
  /** Schools by LA category at the end of each of the last six terms; counts[0] is none confirmed. */
  categoryTerms: z.array(z.object({ term: z.string(), asAt: isoDate, counts: z.array(z.number().int()) })),
  fund: z.object({
    financialYear: z.string(),
    /** Every double district in scope, with its allocation and what is committed and spent. */
    doubleDistricts: z.array(fundLine),
    /** For one double district: spending built up month by month from April; empty for the whole LA. */
    byMonth: z.array(
      z.object({ month: z.string(), spentPence: z.number().int(), committedPence: z.number().int() }),
    ),
  }),
});
export type Dashboard = z.infer<typeof dashboard>;

export const dashboardOps = {
  'dashboard.get': op(
    z.object({ doubleDistrictId: id.nullable(), today: isoDate.optional() }).strict(),
    dashboard,
  ),
};
