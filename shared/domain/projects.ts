import { addTerms, type Calendar, defaultTermDates } from './calendar';
import { addHalfTerms } from './half-terms';
import { formatDate } from './format';

/**
 * Intervention projects (DOMAIN §10, seed 002 L1493, L1599–1609): a project team's action plan,
 * meetings and termly reports for one school, and the clocks that keep its pace.
 */

/** What the project serves: a Stage 2 or 3 concern, or a school in an Ofsted category. */
export const PROJECT_STAGES = ['Stage 2', 'Stage 3', 'Ofsted category'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STATUSES = ['Open', 'Referred to DMT', 'Closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_STATUSES = ['Not started', 'In progress', 'Met', 'Partly met', 'Not met'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const RAG_RATINGS = ['Red', 'Amber', 'Green'] as const;
export type Rag = (typeof RAG_RATINGS)[number];

/** At a review the DSIM, lead officer and team continue the project, refer the school to DMT, or close it. */
export const DECISIONS = ['continue', 'refer', 'close'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  continue: 'Continue',
  refer: 'Refer to DMT',
  close: 'Close',
};
export const STATUS_AFTER: Record<Decision, ProjectStatus> = {
  continue: 'Open',
  refer: 'Referred to DMT',
  close: 'Closed',
};

/** A milestone is overdue once its due date has passed without it being met (partly met is not met). */
export const isOverdue = (m: { dueOn: string; status: MilestoneStatus }, today: string) =>
  m.dueOn < today && m.status !== 'Met';

/** The date a review counts from: the last decision to continue, or the start. */
export function reviewBase(
  startedOn: string,
  decisions: ReadonlyArray<{ decidedOn: string; decision: Decision }>,
): string {
  return decisions
    .filter((d) => d.decision === 'continue')
    .reduce((latest, d) => (d.decidedOn > latest ? d.decidedOn : latest), startedOn);
}

/** The latest a review may come: "not exceeding two terms of intervention" (L1601), in school terms. */
export const latestReview = (from: string, calendar: Calendar = defaultTermDates) =>
  addTerms(from, 2, calendar);

/** Why a review deadline cannot stand, or null: it follows the start and is at most two terms on. */
export function reviewDeadlineProblem(
  from: string,
  reviewOn: string,
  calendar: Calendar = defaultTermDates,
): string | null {
  if (reviewOn <= from) return `The review must come after ${formatDate(from)}`;
  const latest = latestReview(from, calendar);
  return reviewOn > latest
    ? `A review comes at most two terms after ${formatDate(from)}: by ${formatDate(latest)}`
    : null;
}

/**
 * Whether three terms have passed without a report rating significant improvement (L1603): counted
 * from the start, or from the end of the last term that was rated so.
 */
export function threeTermsWithoutImprovement(
  startedOn: string,
  reports: ReadonlyArray<{ academicYear: number; term: string; significantImprovement: boolean }>,
  today: string,
  calendar: Calendar = defaultTermDates,
): boolean {
  return today >= dmtReferralOn(startedOn, reports, calendar);
}

/** The day three terms will have passed without significant improvement: the DMT referral point. */
export function dmtReferralOn(
  startedOn: string,
  reports: ReadonlyArray<{ academicYear: number; term: string; significantImprovement: boolean }>,
  calendar: Calendar = defaultTermDates,
): string {
  const improvedUntil = reports
    .filter((r) => r.significantImprovement)
    .map((r) => calendar(r.academicYear).find((t) => t.term === r.term)!.endsOn)
    .reduce((latest, end) => (end > latest ? end : latest), startedOn);
  return addTerms(improvedUntil, 3, calendar);
}

/**
 * A Stage 3 project group meets at least half-termly (L1493): flagged once its last meeting (or, with
 * none yet, the start) is more than a half-term old, counted in the LA's half-terms so a holiday is
 * not school time.
 */
export function meetingOverdue(
  lastMetOn: string,
  today: string,
  calendar: Calendar = defaultTermDates,
): boolean {
  return today > addHalfTerms(lastMetOn, 1, calendar);
}
