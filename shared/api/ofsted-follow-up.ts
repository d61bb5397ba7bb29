import { z } from 'zod';
import { isoDate, longText } from '../domain/fields';
import { OUTCOMES } from '../domain/ofsted';
import { byId, deleted, id, op, saveOf } from './common';
import { urgent } from './monitoring';

export const followUpDraft = z
  .object({
    /** The inspection that put the school in Notice to Improve or Special Measures. */
    inspectionId: id,
    reportOn: isoDate.nullable(),
    formalMeetingOn: isoDate.nullable(),
    formalMeetingAttendees: longText(),
    /** The core group is chaired by the DSIM. */
    coreGroupChairId: id.nullable(),
    coreGroupMembers: longText(),
    /** Null: 10 working days from the report (or the inspection, until the report's date is known). */
    statementDueOn: isoDate.nullable(),
    statementSubmittedOn: isoDate.nullable(),
    /** The intervention project's lead officer. */
    leadOfficerId: id.nullable(),
    dmtInvolvedOn: isoDate.nullable(),
    /** How the statement of action engages parents (parental champions, 002 L811). */
    parentalEngagement: longText(),
    /** The Secretary of State's notice that the case has become urgent. */
    sosNoticeOn: isoDate.nullable(),
    /** Null: 10 working days from the notice. */
    newStatementDueOn: isoDate.nullable(),
    newStatementSubmittedOn: isoDate.nullable(),
    closureDecisionOn: isoDate.nullable(),
    closureDecision: longText(),
    notes: longText(),
  })
  .strict();
export type FollowUpDraft = z.infer<typeof followUpDraft>;

export const followUpRow = followUpDraft.extend({
  id,
  schoolId: id,
  inspectedOn: isoDate,
  outcome: z.enum(OUTCOMES),
  coreGroupChair: z.string().nullable(),
  leadOfficer: z.string().nullable(),
  /** The deadlines in force: the dates recorded, else the defaults. */
  deadlines: z.object({ statementDueOn: isoDate, newStatementDueOn: isoDate.nullable() }),
});
export type FollowUpRow = z.infer<typeof followUpRow>;

export const followUpLabels = {
  inspectionId: 'Inspection',
  reportOn: 'Report date',
  formalMeetingOn: 'Formal meeting',
  formalMeetingAttendees: 'Who attended',
  coreGroupChairId: 'Core group chair',
  coreGroupMembers: 'Core group members',
  statementDueOn: 'Statement of action due',
  statementSubmittedOn: 'Statement of action submitted',
  leadOfficerId: 'Lead officer',
  dmtInvolvedOn: 'DMT involved',
  parentalEngagement: 'Engaging parents',
  sosNoticeOn: "Secretary of State's notice",
  newStatementDueOn: 'New statement due',
  newStatementSubmittedOn: 'New statement submitted',
  closureDecisionOn: 'Closure decision date',
  closureDecision: 'Closure decision',
};

export const followUpView = z.object({
  inspection: z.object({ id, schoolId: id, inspectedOn: isoDate, outcome: z.enum(OUTCOMES) }),
  followUp: followUpRow.nullable(),
  /** What a new follow-up's statement of action would be due by. */
  statementDueByDefault: isoDate,
  urgent: urgent.nullable(),
  closurePresumption: z.object({ inspectedOn: isoDate, since: isoDate, visitedOn: isoDate }).nullable(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const ofstedFollowUpOps = {
  'ofstedFollowUp.save': op(saveOf(followUpDraft), followUpRow),
  /** The follow-up of a category inspection (null until recorded), with its urgent-case flags. */
  'ofstedFollowUp.get': op(z.object({ inspectionId: id, today: isoDate.optional() }).strict(), followUpView),
  'ofstedFollowUp.delete': op(byId, deleted),
};
