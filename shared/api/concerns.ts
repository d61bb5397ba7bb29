import { z } from 'zod';
import { CONCERN_FACTORS, CONCERN_SOURCES, DUTY_CODES, type Stage } from '../domain/concerns';
import { isoDate, longText, oneOf } from '../domain/fields';
import { OUTCOMES } from '../domain/ofsted';
import { byId, deleted, download, id, op } from './common';

/** Stage 1, 2 or 3. */
export const stage = z.custom<Stage>((v) => v === 1 || v === 2 || v === 3, {
  message: 'Choose Stage 1, 2 or 3',
});
const required = (max = 4000) =>
  longText(max).refine((t) => t.trim() !== '', { message: 'This is required' });

export const concernDraft = z
  .object({
    schoolId: id,
    source: oneOf(CONCERN_SOURCES),
    factors: z.array(oneOf(CONCERN_FACTORS)).max(CONCERN_FACTORS.length),
    factorNotes: longText(),
    raisedById: id.nullable(),
    openedOn: isoDate,
    /** The stage a concern opens at; later changes are decisions (`concerns.changeStage`). */
    stage,
    focusGroupOn: isoDate.nullable(),
    digConfirmedOn: isoDate.nullable(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.factors.length === 0 && d.factorNotes.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['factors'],
        message: 'Choose at least one factor, or describe it',
      });
    if (new Set(d.factors).size !== d.factors.length)
      ctx.addIssue({ code: 'custom', path: ['factors'], message: 'Choose each factor once' });
    if (d.focusGroupOn !== null && d.digConfirmedOn !== null && d.digConfirmedOn < d.focusGroupOn)
      ctx.addIssue({
        code: 'custom',
        path: ['digConfirmedOn'],
        message: 'The group confirms a concern after the District Focus Group identifies it',
      });
  });
export type ConcernDraft = z.infer<typeof concernDraft>;

export const stageDecisionDraft = z
  .object({
    decidedOn: isoDate,
    to: stage,
    reason: required(),
    decidedById: id,
    /** The meeting that decided it: "DIG, spring 2026". */
    meeting: longText(200),
  })
  .strict();
export type StageDecisionDraft = z.infer<typeof stageDecisionDraft>;

export const dutyCheckDraft = z
  .object({
    duty: oneOf(DUTY_CODES),
    done: z.boolean(),
    checkedOn: isoDate.nullable(),
    byId: id.nullable(),
    notes: longText(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.done && d.checkedOn === null)
      ctx.addIssue({ code: 'custom', path: ['checkedOn'], message: 'Give the date it was done' });
    if (d.done && d.byId === null)
      ctx.addIssue({ code: 'custom', path: ['byId'], message: 'Say who did it' });
  });
export type DutyCheckDraft = z.infer<typeof dutyCheckDraft>;

export const notificationDraft = z.object({ notifiedOn: isoDate, notification: required() }).strict();
export const closureDraft = z.object({ closedOn: isoDate, outcome: required() }).strict();

export const stageDecisionRow = z.object({
  id,
  decidedOn: isoDate,
  from: stage,
  to: stage,
  reason: z.string(),
  decidedById: id,
  decidedBy: z.string(),
  meeting: z.string(),
});
export const dutyCheckRow = z.object({
  duty: z.string(),
  done: z.boolean(),
  checkedOn: isoDate.nullable(),
  byId: id.nullable(),
  by: z.string().nullable(),
  notes: z.string(),
});
export const missingDuty = z.object({
  code: z.string(),
  label: z.string(),
  why: z.enum(['not done', 'not done this half-term']),
});

export const concernRow = z.object({
  id,
  schoolId: id,
  school: z.string(),
  dfe: z.string(),
  source: z.enum(CONCERN_SOURCES),
  factors: z.array(z.enum(CONCERN_FACTORS)),
  factorNotes: z.string(),
  raisedById: id.nullable(),
  raisedBy: z.string().nullable(),
  openedOn: isoDate,
  stage,
  stageSince: isoDate,
  focusGroupOn: isoDate.nullable(),
  digConfirmedOn: isoDate.nullable(),
  notifiedOn: isoDate.nullable(),
  notification: z.string().nullable(),
  closedOn: isoDate.nullable(),
  outcome: z.string().nullable(),
  decisions: z.array(stageDecisionRow),
  duties: z.array(dutyCheckRow),
  /** The current stage's duties not being kept today (none once closed). */
  missingDuties: z.array(missingDuty),
  /** Stage 2 progress looked at and found wanting: take a Stage 3 decision to the group. */
  suggestsStage3: z.boolean(),
});
export type ConcernRow = z.infer<typeof concernRow>;

export const deadline = z.object({ on: isoDate, what: z.string(), overdue: z.boolean() });
export const registerRow = z.object({
  concernId: id,
  schoolId: id,
  dfe: z.string(),
  school: z.string(),
  district: z.string(),
  doubleDistrict: z.string(),
  stage,
  stageSince: isoDate,
  daysAtStage: z.number().int(),
  openDuties: z.array(missingDuty),
  suggestsStage3: z.boolean(),
  /** Every deadline still to meet, soonest first (a passed one is overdue). */
  deadlines: z.array(deadline),
  nextDeadline: deadline.nullable(),
  ofstedCategory: z.enum(OUTCOMES).exclude(['None']).nullable(),
  urgent: z.enum(['may become urgent', 'urgent']).nullable(),
  closurePresumption: z.boolean(),
  /** Filled from intervention projects (their latest overall RAG rating and spending). */
  rag: z.enum(['Red', 'Amber', 'Green']).nullable(),
  spentPence: z.number().int().nullable(),
});
export type RegisterRow = z.infer<typeof registerRow>;

export const concernLabels = {
  schoolId: 'School',
  source: 'Source',
  factors: 'Factors',
  factorNotes: 'About the factors',
  raisedById: 'Raised by',
  openedOn: 'Opened',
  stage: 'Stage',
  focusGroupOn: 'Identified by the District Focus Group',
  digConfirmedOn: 'Confirmed by the District Intervention/Resource Group',
  decidedOn: 'Decision date',
  to: 'New stage',
  reason: 'Reason',
  decidedById: 'Decided by',
  meeting: 'Meeting',
  duty: 'Duty',
  done: 'Done',
  checkedOn: 'Date',
  byId: 'Who',
  notes: 'Notes',
  notifiedOn: 'Notified',
  notification: 'What the school was told',
  closedOn: 'Closed',
  outcome: 'Outcome',
};

const asOf = { today: isoDate.optional() };
const withDraft = <D extends z.ZodType>(draft: D) => z.object({ id, draft }).strict();

export const concernsOps = {
  /** Concerns, open ones only unless asked; by double district (null: all) and stage. */
  'concerns.list': op(
    z
      .object({
        doubleDistrictId: id.nullable().optional(),
        stage: stage.optional(),
        includeClosed: z.boolean().optional(),
        schoolId: id.optional(),
        ...asOf,
      })
      .strict(),
    z.array(concernRow),
  ),
  'concerns.get': op(z.object({ id, ...asOf }).strict(), concernRow),
  'concerns.save': op(z.object({ id: id.optional(), draft: concernDraft }).strict(), concernRow),
  /** A stage change is a decision, audited as one. */
  'concerns.changeStage': op(withDraft(stageDecisionDraft), concernRow),
  'concerns.checkDuty': op(withDraft(dutyCheckDraft), concernRow),
  'concerns.notify': op(withDraft(notificationDraft), concernRow),
  'concerns.close': op(withDraft(closureDraft), concernRow),
  'concerns.delete': op(byId, deleted),
  /** The concern register: open concerns, per double district or all, with what each needs. */
  'concerns.register': op(
    z.object({ doubleDistrictId: id.nullable(), ...asOf }).strict(),
    z.array(registerRow),
  ),
};

/**
 * The concern register as a workbook (schools causing concern, warning notices, projects), per double
 * district or all. Apart from concernsOps so its handler can sit beside the workbook writer.
 */
export const concernRegisterExportOps = {
  'concerns.exportRegister': op(z.object({ doubleDistrictId: id.nullable() }).strict(), download),
};
