import { formatDate } from './format';
import type { Outcome, Progress } from './ofsted';
import { URGENT_STATEMENT_DAYS } from './ofsted';
import { addWorkingDays } from './working-days';

/**
 * What the LA does when Ofsted puts a school in Notice to Improve or Special Measures (002 L1526–1539,
 * L768, L807–811): a formal meeting at once, a core group chaired by the DSIM, an LA Statement of
 * Action, a project with a lead officer, DMT involved from the outset.
 */

/** Working days from the report to the LA Statement of Action, unless the user sets another date. */
export const STATEMENT_OF_ACTION_WORKING_DAYS = 10;

export const statementDueByDefault = (reportOn: string) =>
  addWorkingDays(reportOn, STATEMENT_OF_ACTION_WORKING_DAYS);
export const newStatementDueByDefault = (noticeOn: string) => addWorkingDays(noticeOn, URGENT_STATEMENT_DAYS);

export const isCategoryOutcome = (outcome: Outcome) =>
  outcome === 'Notice to Improve' || outcome === 'Special Measures';

export interface FollowUpFacts {
  reportOn: string | null;
  formalMeetingOn: string | null;
  statementDueOn: string | null;
  statementSubmittedOn: string | null;
  dmtInvolvedOn: string | null;
  sosNoticeOn: string | null;
  newStatementDueOn: string | null;
  newStatementSubmittedOn: string | null;
  closureDecisionOn: string | null;
  closureDecision: string;
}

/** The deadlines a follow-up keeps: the ones recorded, else the defaults. */
export function followUpDeadlines(f: FollowUpFacts, inspectedOn: string) {
  return {
    statementDueOn: f.statementDueOn ?? statementDueByDefault(f.reportOn ?? inspectedOn),
    newStatementDueOn:
      f.sosNoticeOn === null ? null : (f.newStatementDueOn ?? newStatementDueByDefault(f.sosNoticeOn)),
  };
}

/**
 * The rules a follow-up meets against its inspection and the HMI visits since, by field: nothing
 * before the inspection; the Secretary of State's notice only for Special Measures and only after an
 * HMI visit found inadequate progress; the new statement only after the notice; a closure decision
 * with its words.
 */
export function checkFollowUp(
  f: FollowUpFacts,
  inspection: { inspectedOn: string; outcome: Outcome },
  visits: ReadonlyArray<{ visitedOn: string; progress: Progress }>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const inspected = formatDate(inspection.inspectedOn);
  for (const field of [
    'reportOn',
    'formalMeetingOn',
    'statementSubmittedOn',
    'dmtInvolvedOn',
    'sosNoticeOn',
    'closureDecisionOn',
  ] as const) {
    const value = f[field];
    if (value !== null && value < inspection.inspectedOn)
      errors[field] = `This cannot be before the inspection of ${inspected}`;
  }
  if (f.statementDueOn !== null && f.statementDueOn <= inspection.inspectedOn)
    errors.statementDueOn = `The statement must be due after the inspection of ${inspected}`;
  if (f.sosNoticeOn !== null) {
    if (inspection.outcome !== 'Special Measures')
      errors.sosNoticeOn = 'A case becomes urgent only for a school in Special Measures';
    else if (
      !visits.some(
        (v) =>
          v.progress === 'Inadequate' &&
          v.visitedOn > inspection.inspectedOn &&
          v.visitedOn <= f.sosNoticeOn!,
      )
    )
      errors.sosNoticeOn ??=
        'The notice follows an HMI monitoring visit that found inadequate progress: record that visit first';
  }
  for (const field of ['newStatementDueOn', 'newStatementSubmittedOn'] as const) {
    const value = f[field];
    if (value === null) continue;
    if (f.sosNoticeOn === null) errors[field] = "Record the Secretary of State's notice first";
    else if (value < f.sosNoticeOn) errors[field] = "This cannot be before the Secretary of State's notice";
  }
  if (f.closureDecisionOn !== null && f.closureDecision.trim() === '')
    errors.closureDecision = 'Say what was decided about closure';
  if (f.closureDecisionOn === null && f.closureDecision.trim() !== '')
    errors.closureDecisionOn = 'Give the date of the decision';
  return errors;
}
