import { z } from 'zod';
import { checkOverride, PROPOSAL_SOURCES, SUPPORT_LEVELS, type Category } from '../domain/categories';
import { grade, isoDate, longText, oneOf } from '../domain/fields';
import { byId, deleted, id, op, saveOf } from './common';

export const categoryProposal = z
  .object({
    schoolId: id,
    proposedOn: isoDate,
    source: oneOf(PROPOSAL_SOURCES),
    proposedById: id.nullable(),
    category: grade,
    evidence: longText().refine((text) => text.trim() !== '', {
      message: 'Give the evidence for the proposal',
    }),
  })
  .strict();
export type CategoryProposal = z.infer<typeof categoryProposal>;

export const categoryDecision = z
  .object({
    decidedOn: isoDate,
    category: grade,
    notes: longText(),
    supportOverride: z.enum(SUPPORT_LEVELS).nullable(),
    overrideReason: longText(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = checkOverride(d.category as Category, d.supportOverride, d.overrideReason);
    if (problem) ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: problem });
  });
export type CategoryDecision = z.infer<typeof categoryDecision>;

export const categoryRow = z.object({
  id,
  schoolId: id,
  proposedOn: isoDate,
  source: z.enum(PROPOSAL_SOURCES),
  proposedById: id.nullable(),
  proposedBy: z.string().nullable(),
  proposedCategory: z.number(),
  evidence: z.string(),
  decidedOn: isoDate.nullable(),
  confirmedCategory: z.number().nullable(),
  decisionNotes: z.string().nullable(),
  supportOverride: z.enum(SUPPORT_LEVELS).nullable(),
  overrideReason: z.string().nullable(),
  supportLevel: z.enum(SUPPORT_LEVELS).nullable(),
});
export type CategoryRow = z.infer<typeof categoryRow>;

export const categoryLabels = {
  proposedOn: 'Proposed on',
  source: 'Source',
  proposedById: 'Proposed by',
  category: 'Category',
  evidence: 'Evidence',
  decidedOn: 'Decided on',
  notes: 'Notes',
  supportOverride: 'Support level',
  overrideReason: 'Reason',
};

export const categoriesOps = {
  'categories.propose': op(saveOf(categoryProposal), categoryRow),
  'categories.decide': op(z.object({ id, draft: categoryDecision }).strict(), categoryRow),
  /** An undecided proposal entered in error is withdrawn; a decided one stands in the history. */
  'categories.withdraw': op(byId, deleted),
};
