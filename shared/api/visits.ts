import { z } from 'zod';
import { isoDate, longText, oneOf } from '../domain/fields';
import { checkDays, CLAIM_STATUSES, VISIT_PURPOSES, VISITOR_ROLES } from '../domain/visits';
import { byId, deleted, id, op, saveOf } from './common';

export const visitDraft = z
  .object({
    schoolId: id,
    visitedOn: isoDate,
    visitorId: id,
    role: oneOf(VISITOR_ROLES),
    purpose: oneOf(VISIT_PURPOSES),
    days: z.number({ message: 'Enter the days, like 1 or 0.5' }).superRefine((days, ctx) => {
      const problem = checkDays(days);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    notes: longText(),
    reportReceivedOn: isoDate.nullable(),
    qaOn: isoDate.nullable(),
    claimStatus: oneOf(CLAIM_STATUSES),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.qaOn !== null && d.reportReceivedOn === null)
      ctx.addIssue({
        code: 'custom',
        path: ['qaOn'],
        message: 'A report must be received before the DSIM can quality-assure it',
      });
  });
export type VisitDraft = z.infer<typeof visitDraft>;
export const visitRow = z.object({
  id,
  schoolId: id,
  visitedOn: isoDate,
  visitorId: id,
  visitor: z.string(),
  role: z.enum(VISITOR_ROLES),
  purpose: z.enum(VISIT_PURPOSES),
  days: z.number(),
  notes: z.string(),
  reportReceivedOn: isoDate.nullable(),
  qaOn: isoDate.nullable(),
  claimStatus: z.enum(CLAIM_STATUSES),
  term: z.string(),
});
export type VisitRow = z.infer<typeof visitRow>;

export const visitLabels = {
  schoolId: 'School',
  visitedOn: 'Visit date',
  visitorId: 'Visitor',
  role: 'Role',
  purpose: 'Purpose',
  days: 'Days',
  notes: 'Notes',
  reportReceivedOn: 'Report received',
  qaOn: 'Quality-assured',
  claimStatus: 'Claim',
};

export const visitsOps = {
  'visits.save': op(saveOf(visitDraft), visitRow),
  'visits.delete': op(byId, deleted),
};
