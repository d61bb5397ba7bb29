import { addWorkingDays } from './working-days';

export const INSPECTION_TYPES = [
  'Section 5 inspection',
  'Section 8 inspection',
  'Monitoring inspection',
] as const;
export const OUTCOMES = ['None', 'Notice to Improve', 'Special Measures'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const PROGRESS = ['Good', 'Satisfactory', 'Inadequate'] as const;
export type Progress = (typeof PROGRESS)[number];
export const LA_RESPONSES = ['Appeal to Ofsted', 'Presentation to governors'] as const;

/**
 * Working days the LA has to produce a new statement of action once the Secretary of State gives
 * notice that a case has become urgent (002 L807–809; DOMAIN §7: counted in working days, editable).
 */
export const URGENT_STATEMENT_DAYS = 10;

export interface UrgentCase {
  /** The Special Measures judgement the case follows. */
  inspectedOn: string;
  /** The HMI monitoring visit that found inadequate progress. */
  visitedOn: string;
  /**
   * When the new statement of action is due: once notice is given, the date recorded or 10 working
   * days after the notice; before it, 10 working days after the visit, as a date to plan for.
   */
  statementDueOn: string;
  /** "may become urgent" until the Secretary of State's notice; "urgent" from it. */
  status: 'may become urgent' | 'urgent';
  noticeOn: string | null;
}

/** What the LA's follow-up of a Special Measures judgement records about an urgent case. */
export interface UrgentFollowUp {
  sosNoticeOn: string | null;
  newStatementDueOn: string | null;
  newStatementSubmittedOn: string | null;
  closureDecisionOn: string | null;
}

type Judgement = { inspectedOn: string; outcome: Outcome; type?: (typeof INSPECTION_TYPES)[number] };
type HmiVisit = { visitedOn: string; progress: Progress };

/**
 * The inspection that set the school's current Ofsted category. A "Monitoring inspection" is an HMI
 * visit to a school already in a category and never replaces the judgement, so recording one as an
 * inspection cannot clear the category or dodge the urgent-case rule.
 */
export function categoryJudgement<J extends Judgement>(inspections: readonly J[]): J | null {
  return (
    [...inspections]
      .filter((i) => i.type !== 'Monitoring inspection')
      .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0] ?? null
  );
}

const visitsSince = (monitoring: readonly HmiVisit[], date: string) =>
  monitoring.filter((m) => m.visitedOn > date).sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));

/**
 * A school in Special Measures whose latest HMI monitoring visit, the second or any later one since
 * the judgement, found inadequate progress "may become urgent" (002 L807). The case is urgent from the
 * Secretary of State's notice, and the flag clears once the new statement of action or a decision on
 * closure is recorded.
 */
export function urgentCase(
  inspections: readonly Judgement[],
  monitoring: readonly HmiVisit[],
  followUp: UrgentFollowUp | null = null,
): UrgentCase | null {
  const judgement = categoryJudgement(inspections);
  if (!judgement || judgement.outcome !== 'Special Measures') return null;
  if (followUp && (followUp.newStatementSubmittedOn !== null || followUp.closureDecisionOn !== null))
    return null;
  const visits = visitsSince(monitoring, judgement.inspectedOn);
  const noticeOn = followUp?.sosNoticeOn ?? null;
  if (noticeOn !== null) {
    const before = visits.filter((v) => v.visitedOn <= noticeOn && v.progress === 'Inadequate').at(-1);
    return {
      inspectedOn: judgement.inspectedOn,
      // The notice is refused without such a visit; were that visit later deleted, the notice stands.
      visitedOn: before?.visitedOn ?? noticeOn,
      statementDueOn: followUp?.newStatementDueOn ?? addWorkingDays(noticeOn, URGENT_STATEMENT_DAYS),
      status: 'urgent',
      noticeOn,
    };
  }
  const latest = visits.at(-1);
  if (visits.length < 2 || latest?.progress !== 'Inadequate') return null;
  return {
    inspectedOn: judgement.inspectedOn,
    visitedOn: latest.visitedOn,
    statementDueOn: addWorkingDays(latest.visitedOn, URGENT_STATEMENT_DAYS),
    status: 'may become urgent',
    noticeOn: null,
  };
}

/** The same day a number of months later, or the month's last day where it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface ClosurePresumption {
  inspectedOn: string;
  /** The first anniversary of the judgement. */
  since: string;
  visitedOn: string;
}

/**
 * A school still in Special Measures 12 months after the judgement whose latest HMI monitoring visit
 * found inadequate progress faces a presumption towards closure (002 L768), until the LA records its
 * decision on closure.
 */
export function closurePresumption(
  inspections: readonly Judgement[],
  monitoring: readonly HmiVisit[],
  on: string,
  closureDecisionOn: string | null = null,
): ClosurePresumption | null {
  const judgement = categoryJudgement(inspections);
  if (!judgement || judgement.outcome !== 'Special Measures' || closureDecisionOn !== null) return null;
  const since = addMonths(judgement.inspectedOn, 12);
  const latest = visitsSince(monitoring, judgement.inspectedOn)
    .filter((v) => v.visitedOn <= on)
    .at(-1);
  if (on < since || latest?.progress !== 'Inadequate') return null;
  return { inspectedOn: judgement.inspectedOn, since, visitedOn: latest.visitedOn };
}

/** Where an Ofsted outcome and the LA's own category point different ways. */
export function disagreement(
  ofstedOverall: number | null,
  laCategory: number | null,
): 'harsher' | 'kinder' | null {
  if (ofstedOverall === null || laCategory === null || ofstedOverall === laCategory) return null;
  return ofstedOverall > laCategory ? 'harsher' : 'kinder';
}

/**
 * Whether an inspection's outcome fits its overall judgement: a section 5 inspection that judges a
 * school inadequate (4) always puts it in a category, and only an inadequate judgement does. A
 * "Monitoring inspection" is an HMI visit to a school already in a category, so it sets none.
 */
export function checkInspectionOutcome(
  type: (typeof INSPECTION_TYPES)[number],
  overall: number | null,
  outcome: Outcome,
): string | null {
  if (outcome !== 'None' && overall !== 4)
    return `${outcome} comes only with an overall judgement of 4 (Inadequate).`;
  if (type === 'Section 5 inspection' && overall === 4 && outcome === 'None')
    return 'A section 5 inspection judged inadequate (4) puts the school in Notice to Improve or Special Measures: choose which.';
  return null;
}
