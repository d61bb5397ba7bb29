import { z } from 'zod';
import { STAGES } from './concerns';
import { formatDate, formatPounds } from './format';
import { grade, isoDate, longText, oneOf, requiredName } from './fields';
import { COST_SOURCE_LABELS, COST_SOURCES, costedTwice } from './money';
import { DECISION_LABELS, DECISIONS } from './projects';

/** The groups that govern intervention (DOMAIN §9, seed 002 §D.2–D.3), as the migration spells them. */
export const MEETING_KINDS = [
  'District Intervention/Resource Group',
  'District Focus Group',
  'Core group',
  'Project group',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** How a meeting is named in messages and in the record of changes of what it decided. */
export const meetingTitle = (m: { kind: MeetingKind; heldOn: string }) =>
  `${m.kind} of ${formatDate(m.heldOn)}`;

/** Members include finance and JFU staff who are not people in the file: a name and a role, as typed. */
export const attendee = z.object({ name: requiredName(), role: longText(120) }).strict();
export type Attendee = z.infer<typeof attendee>;

/**
 * What a meeting can decide that changes the data (seed 002 L1266–1276): confirm a school's category,
 * move its concern to another stage, continue / refer / close its project, agree funding for it.
 */
export const DECISION_KINDS = ['category', 'stage', 'project', 'funding'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  category: 'Confirm the category',
  stage: 'Change the concern’s stage',
  project: 'Decide on the project',
  funding: 'Agree funding for the project',
};

const required = (max: number) =>
  longText(max).refine((text) => text.trim() !== '', { message: 'This is required' });
const id = z.number().int().positive();

/** Officer days, whole or half, as a project cost has them. */
const days = z
  .number({ message: 'Enter the days, like 1 or 0.5' })
  .min(0, { message: 'Days cannot be negative' })
  .max(365, { message: 'That is more days than a year has' })
  .refine((n) => Number.isInteger(n * 2), { message: 'Days must be whole or half days (like 1 or 1.5)' });

/**
 * Each kind of decision and what it needs. `subjectId` is what it decides on: the pending category
 * proposal, the open concern, or the project. Its date is always the meeting's.
 */
const common = { id: id.optional(), schoolId: id, subjectId: id };
export const decisionDraft = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('category'), category: grade, notes: longText(2000) }).strict(),
  z
    .object({
      ...common,
      kind: z.literal('stage'),
      to: z.union(STAGES.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>], {
        message: 'Choose a stage',
      }),
      reason: required(2000),
      /** Who the concern's record names as deciding: the chair, usually the Head of SID. */
      decidedById: id,
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('project'),
      decision: oneOf(DECISIONS),
      reason: required(2000),
      nextReviewOn: isoDate.nullable(),
    })
    .strict()
    .refine((d) => d.decision !== 'continue' || d.nextReviewOn !== null, {
      path: ['nextReviewOn'],
      message: 'Set the next review to continue the project',
    }),
  z
    .object({
      ...common,
      kind: z.literal('funding'),
      source: oneOf(COST_SOURCES),
      description: required(500),
      days,
      amountPence: z
        .number({ message: 'Enter an amount' })
        .int({ message: 'Enter the amount in pence, a whole number' })
        .min(0, { message: 'An amount cannot be negative' })
        .max(100_000_000_00, { message: 'That amount is too large' }),
      /** Why the group lets a Priority School Support cost past its cap; blank within it. */
      exceptionReason: longText(1000),
    })
    .strict()
    .superRefine((d, ctx) => {
      const problem = costedTwice(d);
      if (problem) ctx.addIssue({ code: 'custom', path: ['amountPence'], message: problem });
    }),
]);
export type DecisionDraft = z.infer<typeof decisionDraft>;

/** The decision in a line, for the meeting's record of changes and for the refusal that names it. */
export function decisionText(d: DecisionDraft, school: string): string {
  switch (d.kind) {
    case 'category':
      return `${school}: confirm category ${d.category}`;
    case 'stage':
      return `${school}: move the concern to Stage ${d.to} (${d.reason.trim()})`;
    case 'project':
      return `${school}: ${DECISION_LABELS[d.decision].toLowerCase()} the project (${d.reason.trim()})`;
    case 'funding':
      return `${school}: agree ${formatPounds(d.amountPence)} for ${COST_SOURCE_LABELS[d.source]} (${d.description.trim()})`;
  }
}

/**
 * Whether two drafts of one decision say the same thing (its id, school name and stamp aside): an
 * applied decision may not change.
 */
const NOT_SAID = new Set(['id', 'school', 'appliedAt', 'appliedBy']);
export function sameDecision(a: DecisionDraft, b: DecisionDraft): boolean {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !NOT_SAID.has(key))
    .sort();
  return JSON.stringify(a, keys) === JSON.stringify(b, keys);
}
