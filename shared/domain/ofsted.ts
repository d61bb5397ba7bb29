import { addDays } from './calendar';

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

/** Days the LA has to produce a new statement of action once a case is declared urgent. */
export const URGENT_STATEMENT_DAYS = 10;

export interface UrgentCase {
  inspectedOn: string;
  visitedOn: string;
  statementDueOn: string;
}

/**
 * A school in Special Measures whose second HMI monitoring visit after that judgement finds inadequate
 * progress becomes urgent: a new statement of action within 10 days (002 §F).
 */
export function urgentCase(
  inspections: ReadonlyArray<{ inspectedOn: string; outcome: Outcome }>,
  monitoring: ReadonlyArray<{ visitedOn: string; progress: Progress }>,
): UrgentCase | null {
  const latest = [...inspections].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0];
  if (!latest || latest.outcome !== 'Special Measures') return null;
  const visits = monitoring
    .filter((m) => m.visitedOn > latest.inspectedOn)
    .sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));
  const second = visits[1];
  if (!second || second.progress !== 'Inadequate') return null;
  return {
    inspectedOn: latest.inspectedOn,
    visitedOn: second.visitedOn,
    statementDueOn: addDays(second.visitedOn, URGENT_STATEMENT_DAYS),
  };
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
