import { z } from 'zod';
import { isoDate, longText, oneOf, requiredName } from '../domain/fields';
import { DEFAULT_NETWORK_ALLOCATION_PENCE, PARTNERSHIP_KINDS } from '../domain/partnerships';
import { byId, deleted, download, id, nothing, op, saveOf } from './common';
import { academicYear } from './effectiveness-profiles';

/** Money as whole pence, never negative. */
export const pence = z
  .number({ message: 'Enter an amount' })
  .int({ message: 'Enter the amount in whole pence' })
  .min(0, { message: 'This cannot be negative' })
  .max(100_000_000_00, { message: 'That amount is too large' });

const member = z
  .object({ schoolId: id, joinedOn: isoDate, leftOn: isoDate.nullable() })
  .strict()
  .refine((m) => m.leftOn === null || m.leftOn >= m.joinedOn, {
    path: ['leftOn'],
    message: 'A school cannot leave before it joined',
  });

export const partnershipDraft = z
  .object({
    name: requiredName(120),
    kind: oneOf(PARTNERSHIP_KINDS),
    leadSchoolId: id.nullable(),
    notes: longText(),
    members: z.array(member).max(500),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.leadSchoolId !== null && !d.members.some((m) => m.schoolId === d.leadSchoolId && m.leftOn === null))
      ctx.addIssue({
        code: 'custom',
        path: ['leadSchoolId'],
        message: 'The lead school must be a member that has not left',
      });
  });
export type PartnershipDraft = z.infer<typeof partnershipDraft>;

const schoolRef = { schoolId: id, dfe: z.string(), name: z.string(), district: z.string() };
export const partnershipRow = z.object({
  id,
  name: z.string(),
  kind: z.enum(PARTNERSHIP_KINDS),
  leadSchoolId: id.nullable(),
  leadSchool: z.string().nullable(),
  notes: z.string(),
  members: z.array(
    z.object({ ...schoolRef, joinedOn: isoDate, leftOn: isoDate.nullable(), current: z.boolean() }),
  ),
  /** The districts of its current members: a partnership may straddle several. */
  districts: z.array(z.string()),
});
export type PartnershipRow = z.infer<typeof partnershipRow>;

export const budgetDraft = z
  .object({
    partnershipId: id,
    academicYear,
    allocationPence: pence.default(DEFAULT_NETWORK_ALLOCATION_PENCE),
    /** A line with an id corrects that line; one without is new; a line left out is removed. */
    lines: z
      .array(z.object({ id: id.nullable(), description: requiredName(200), plannedPence: pence }).strict())
      .max(100),
  })
  .strict();
export type BudgetDraft = z.infer<typeof budgetDraft>;

export const spendDraft = z
  .object({
    lineId: id,
    spentOn: isoDate,
    amountPence: pence.refine((p) => p > 0, { message: 'Enter an amount above £0' }),
    description: requiredName(200),
    /** Blank unless this spend takes the network past its allocation by agreement. */
    overspendReason: longText(1000),
  })
  .strict();
export type SpendDraft = z.infer<typeof spendDraft>;
export const spendRow = spendDraft.extend({ id, budgetId: id });

export const budgetRow = z.object({
  id,
  partnershipId: id,
  partnership: z.string(),
  academicYear: z.number(),
  label: z.string(),
  allocationPence: z.number(),
  plannedPence: z.number(),
  spentPence: z.number(),
  remainingPence: z.number(),
  lines: z.array(z.object({ id, description: z.string(), plannedPence: z.number(), spentPence: z.number() })),
  spend: z.array(spendRow),
});
export type BudgetRow = z.infer<typeof budgetRow>;

export const partnershipLabels = {
  name: 'Name',
  kind: 'Kind',
  leadSchoolId: 'Lead school',
  members: 'Members',
  partnershipId: 'Partnership',
  allocationPence: 'Allocation',
  lines: 'Spending plan',
  lineId: 'Plan line',
  spentOn: 'Date spent',
  amountPence: 'Amount',
  description: 'Description',
  overspendReason: 'Reason for the agreed overspend',
};

export const partnershipsOps = {
  'partnerships.list': op(nothing, z.array(partnershipRow)),
  'partnerships.save': op(saveOf(partnershipDraft), partnershipRow),
  'partnerships.delete': op(byId, deleted),
  /** Network money: every budget, or one partnership's, newest year first. */
  'partnerships.budgets': op(z.object({ partnershipId: id.optional() }).strict(), z.array(budgetRow)),
  'partnerships.saveBudget': op(saveOf(budgetDraft), budgetRow),
  'partnerships.saveSpend': op(saveOf(spendDraft), budgetRow),
  'partnerships.deleteSpend': op(byId, deleted),
  /** The workbook of networks, key strengths, brokered support and barriers. */
  'partnerships.export': op(nothing, download),
};
