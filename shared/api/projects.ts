import { z } from 'zod';
import { TERMS } from '../domain/calendar';
import { isoDate, longText, oneOf, requiredName } from '../domain/fields';
import { COST_SOURCES, COST_STATUSES, costedTwice } from '../domain/money';
import {
  DECISIONS,
  MILESTONE_STATUSES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  RAG_RATINGS,
} from '../domain/projects';
import { byId, deleted, id, op, saveOf } from './common';

/** Text that must be given, of at most `max` characters. */
const requiredText = (max: number) =>
  longText(max).refine((text) => text.trim() !== '', { message: 'This is required' });

/** Officer days, whole or half; a cost may have none (CPD bought in by the school). */
const days = z
  .number({ message: 'Enter the days, like 1 or 0.5' })
  .min(0, { message: 'Days cannot be negative' })
  .max(365, { message: 'That is more days than a year has' })
  .refine((n) => Number.isInteger(n * 2), { message: 'Days must be whole or half days (like 1 or 1.5)' });

/** Money in whole pence: £2,500 is 250000. */
export const pence = z
  .number({ message: 'Enter an amount' })
  .int({ message: 'Enter the amount in pence, a whole number' })
  .min(0, { message: 'An amount cannot be negative' })
  .max(100_000_000_00, { message: 'That amount is too large' });

export const projectDraft = z
  .object({
    schoolId: id,
    /** The concern the project serves, when it serves one. */
    concernId: id.nullable(),
    stage: oneOf(PROJECT_STAGES),
    leadOfficerId: id,
    team: z.array(requiredName()).max(30, { message: 'A team has at most 30 people' }),
    objectives: z
      .array(requiredText(500))
      .min(1, { message: 'Give at least one objective' })
      .max(20, { message: 'Keep to 20 objectives or fewer' }),
    startedOn: isoDate,
    /** At most two terms after the start or the last decision to continue. */
    reviewOn: isoDate,
  })
  .strict();
export type ProjectDraft = z.infer<typeof projectDraft>;

export const milestoneDraft = z
  .object({
    projectId: id,
    description: requiredText(500),
    owner: requiredName(),
    dueOn: isoDate,
    status: oneOf(MILESTONE_STATUSES),
    notes: longText(),
  })
  .strict();
export type MilestoneDraft = z.infer<typeof milestoneDraft>;

export const meetingDraft = z
  .object({
    projectId: id,
    metOn: isoDate,
    attendees: requiredText(1000),
    notes: longText(),
  })
  .strict();
export type MeetingDraft = z.infer<typeof meetingDraft>;

export const rating = z.object({ objective: z.string(), rag: oneOf(RAG_RATINGS) }).strict();
export const reportDraft = z
  .object({
    projectId: id,
    academicYear: z.number().int().min(2000).max(2100),
    term: oneOf(TERMS),
    /** One RAG rating for each of the project's objectives. */
    ratings: z.array(rating).max(20),
    overall: oneOf(RAG_RATINGS),
    impactEvidence: longText(),
    significantImprovement: z.boolean(),
  })
  .strict();
export type ReportDraft = z.infer<typeof reportDraft>;

export const costDraft = z
  .object({
    projectId: id,
    source: oneOf(COST_SOURCES),
    incurredOn: isoDate,
    description: longText(500),
    days,
    amountPence: pence,
    status: oneOf(COST_STATUSES),
    /** Why the DSIM lets a Priority School Support cost past its cap; blank when it is within it. */
    exceptionReason: longText(1000),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = costedTwice(d);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amountPence'], message: problem });
  });
export type CostDraft = z.infer<typeof costDraft>;

export const decisionDraft = z
  .object({
    decidedOn: isoDate,
    decision: oneOf(DECISIONS),
    reason: requiredText(2000),
    /** Required to continue: the next review, at most two terms on. */
    nextReviewOn: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision === 'continue' && !d.nextReviewOn)
      ctx.addIssue({
        code: 'custom',
        path: ['nextReviewOn'],
        message: 'Set the next review to continue the project',
      });
  });
export type DecisionDraft = z.infer<typeof decisionDraft>;

const rag = z.enum(RAG_RATINGS);
export const milestoneRow = milestoneDraft.extend({ id, overdue: z.boolean() });
export const meetingRow = meetingDraft.extend({ id });
export const reportRow = z.object({
  id,
  projectId: id,
  academicYear: z.number(),
  term: z.enum(TERMS),
  /** "Autumn 2025". */
  label: z.string(),
  ratings: z.array(z.object({ objective: z.string(), rag })),
  overall: rag,
  impactEvidence: z.string(),
  significantImprovement: z.boolean(),
});
export const costRow = z.object({
  id,
  projectId: id,
  source: z.enum(COST_SOURCES),
  incurredOn: isoDate,
  description: z.string(),
  days: z.number(),
  amountPence: z.number(),
  status: z.enum(COST_STATUSES),
  exceptionReason: z.string(),
  /** Charged to the double district's intervention fund (Priority School Support). */
  fromFund: z.boolean(),
  financialYear: z.string(),
});
export const decisionRow = z.object({
  id,
  decidedOn: isoDate,
  decision: z.enum(DECISIONS),
  reason: z.string(),
  nextReviewOn: isoDate.nullable(),
});

/** What a DSIM needs to see at a glance: the clocks and the money. */
export const projectFlags = z.object({
  overdueMilestones: z.number(),
  /** The review deadline has passed with no decision since. */
  reviewDue: z.boolean(),
  /** Three terms without a report rating significant improvement: consider referring to DMT. */
  threeTermsWithoutImprovement: z.boolean(),
  /** A Stage 3 project group that has not met for more than a half-term. */
  meetingOverdue: z.boolean(),
});

export const projectRow = z.object({
  id,
  schoolId: id,
  school: z.string(),
  doubleDistrictId: id,
  concernId: id.nullable(),
  stage: z.enum(PROJECT_STAGES),
  leadOfficerId: id,
  leadOfficer: z.string(),
  team: z.array(z.string()),
  objectives: z.array(z.string()),
  startedOn: isoDate,
  reviewOn: isoDate,
  /** The latest the review could be set: two terms after the start or the last decision to continue. */
  latestReviewOn: isoDate,
  status: z.enum(PROJECT_STATUSES),
  closedOn: isoDate.nullable(),
  /** The overall rating of the latest termly report. */
  rag: rag.nullable(),
  lastMetOn: isoDate.nullable(),
  flags: projectFlags,
  fundPence: z.number(),
  totalPence: z.number(),
  days: z.number(),
});
export type ProjectRow = z.infer<typeof projectRow>;

export const projectDetail = projectRow.extend({
  milestones: z.array(milestoneRow),
  meetings: z.array(meetingRow),
  reports: z.array(reportRow),
  costs: z.array(costRow),
  decisions: z.array(decisionRow),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectLabels = {
  concernId: 'Concern',
  stage: 'Stage',
  leadOfficerId: 'Lead officer',
  team: 'Project team',
  objectives: 'Objectives',
  startedOn: 'Started',
  reviewOn: 'Review deadline',
  projectId: 'Project',
  description: 'Description',
  owner: 'Owner',
  dueOn: 'Due',
  metOn: 'Meeting date',
  attendees: 'Attendees',
  ratings: 'Ratings',
  overall: 'Overall',
  impactEvidence: 'Impact evidence',
  significantImprovement: 'Significant improvement',
  source: 'Source',
  incurredOn: 'Date',
  amountPence: 'Amount',
  exceptionReason: 'Reason for the exception',
  decidedOn: 'Decision date',
  decision: 'Decision',
  reason: 'Reason',
  nextReviewOn: 'Next review',
};

export const projectsOps = {
  /** Projects, open ones first; closed ones only when asked. */
  'projects.list': op(
    z
      .object({
        schoolId: id.optional(),
        doubleDistrictId: id.optional(),
        concernId: id.optional(),
        includeClosed: z.boolean().optional(),
      })
      .strict(),
    z.array(projectRow),
  ),
  'projects.get': op(byId, projectDetail),
  'projects.save': op(saveOf(projectDraft), projectDetail),
  'projects.delete': op(byId, deleted),
  /** A review decision: continue (with the next review), refer the school to DMT, or close. */
  'projects.decide': op(z.object({ id, draft: decisionDraft }).strict(), projectDetail),
  'projects.saveMilestone': op(saveOf(milestoneDraft), milestoneRow),
  'projects.deleteMilestone': op(byId, deleted),
  'projects.saveMeeting': op(saveOf(meetingDraft), meetingRow),
  'projects.deleteMeeting': op(byId, deleted),
  'projects.saveReport': op(saveOf(reportDraft), reportRow),
  'projects.deleteReport': op(byId, deleted),
  /** Refused past a Priority School Support cap unless `exceptionReason` says why. */
  'projects.saveCost': op(saveOf(costDraft), costRow),
  'projects.deleteCost': op(byId, deleted),
};
