import type { Calendar } from './calendar';
import { defaultTermDates } from './calendar';
import { keptHalfTermly } from './half-terms';

/**
 * Schools causing concern (DOMAIN §8; seed 002 L1508–1516, L1615–1623): an episode for one school,
 * at stage 1, 2 or 3, with the duties each stage brings kept as checklists.
 */

/** Where a concern came from: the seed's identification process (L1615). */
export const CONCERN_SOURCES = [
  'Self-evaluation',
  'Categorisation',
  'SIP report',
  'Ofsted report',
  'Pupil performance analysis',
  'LA monitoring',
  'Special circumstances',
  'Just satisfactory revisit',
] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/** The factors that make a school a cause for concern (DOMAIN §8). */
export const CONCERN_FACTORS = [
  'Validated SEF grade 4 overall',
  'Low attainment overall or for groups',
  'Low achievement or inadequate progress (value added)',
  'Significant weaknesses in teaching and learning',
  'Significant weaknesses in leadership and management',
  'Significant weaknesses in the curriculum',
  'Significant weaknesses in care and guidance',
  'Limited capacity to improve',
  'Budgetary problems',
  'Threats to health and safety',
  'Parental complaints',
] as const;
export type ConcernFactor = (typeof CONCERN_FACTORS)[number];

export const STAGES = [1, 2, 3] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_NAMES: Record<Stage, string> = {
  1: 'Stage 1 – watching brief',
  2: 'Stage 2 – light touch',
  3: 'Stage 3 – intensive programme',
};

export interface Duty {
  code: string;
  label: string;
  /** Kept only while it is done again each half-term. */
  halfTermly?: true;
}

/**
 * What each stage obliges the LA and the school to do (L1510–1512, L1619–1620, L1592). Stage 1 is a
 * watching brief with nothing beyond termly SIP visits. The codes are what scripts send: keep them.
 */
export const STAGE_DUTIES: Record<Stage, readonly Duty[]> = {
  1: [],
  2: [
    { code: 'assigned-officer', label: 'LA officer from the locality team assigned' },
    { code: 'improvement-coordinator', label: 'Improvement co-ordinator named by the school' },
    { code: 'improvement-agenda', label: 'Improvement agenda agreed, with milestones' },
    { code: 'additional-contacts', label: 'Additional contacts and support agreed' },
    { code: 'financial-contribution', label: "School's financial contribution assessed" },
    { code: 'school-monitors', label: 'School monitors its progress half-termly', halfTermly: true },
    { code: 'progress-shown', label: 'School shows its progress to the assigned officer' },
  ],
  3: [
    { code: 'lead-officer', label: 'Lead LA project officer identified' },
    {
      code: 'project-group-meets',
      label: 'Strategic improvement project group meets at least half-termly',
      halfTermly: true,
    },
    { code: 'action-plan', label: 'School Improvement Action Plan agreed' },
    { code: 'statement-of-action', label: 'LA Statement of Action drawn up' },
    { code: 'formal-monitoring', label: 'Formal monitoring and evaluation of progress by the LA' },
    { code: 'powers-reconsidered', label: 'Intervention options and statutory powers reconsidered' },
    { code: 'mentor-considered', label: 'Headteacher mentor or executive head considered' },
  ],
};
export const DUTY_CODES = Object.values(STAGE_DUTIES).flatMap((d) => d.map((x) => x.code)) as [
  string,
  ...string[],
];

export function dutyOf(code: string): { duty: Duty; stage: Stage } | null {
  for (const stage of STAGES) {
    const duty = STAGE_DUTIES[stage].find((d) => d.code === code);
    if (duty) return { duty, stage };
  }
  return null;
}

export interface DutyCheck {
  duty: string;
  done: boolean;
  /** When it was done (or, not done, when it was last looked at). */
  checkedOn: string | null;
}

export interface MissingDuty {
  code: string;
  label: string;
  why: 'not done' | 'not done this half-term';
}

/**
 * The duties of a concern's stage not being kept on a date: never done, or (for a half-termly duty)
 * not done in this half-term or the one before.
 */
export function missingDuties(
  stage: Stage,
  checks: readonly DutyCheck[],
  on: string,
  calendar: Calendar = defaultTermDates,
): MissingDuty[] {
  return STAGE_DUTIES[stage].flatMap((duty): MissingDuty[] => {
    const check = checks.find((c) => c.duty === duty.code);
    if (!check?.done) return [{ code: duty.code, label: duty.label, why: 'not done' }];
    if (duty.halfTermly && !keptHalfTermly(check.checkedOn, on, calendar))
      return [{ code: duty.code, label: duty.label, why: 'not done this half-term' }];
    return [];
  });
}

/** The reason the seed gives for moving a Stage 2 school on (L1620), offered as the decision's words. */
export const INSUFFICIENT_PACE = 'Insufficient pace of improvement';

/**
 * Whether a Stage 2 concern should go to the group for a decision on Stage 3: its progress has been
 * looked at and found wanting. This only suggests; the stage changes when someone decides it.
 */
export function suggestsStage3(stage: Stage, checks: readonly DutyCheck[]): boolean {
  const progress = checks.find((c) => c.duty === 'progress-shown');
  return stage === 2 && progress !== undefined && !progress.done && progress.checkedOn !== null;
}

/** A stage change is a decision: to another stage, for a reason, no earlier than the stage began. */
export function checkStageChange(
  concern: { stage: Stage; stageSince: string; closedOn: string | null },
  to: Stage,
  decidedOn: string,
): Record<string, string> {
  if (concern.closedOn !== null) return { form: 'This concern is closed: its stage can no longer change' };
  if (to === concern.stage) return { to: `The concern is already at Stage ${to}` };
  if (decidedOn < concern.stageSince)
    return { decidedOn: 'A stage decision cannot be dated before the current stage began' };
  return {};
}

/** One open concern per school: the open one a new concern (or a correction) would clash with. */
export function openConcernClash<C extends { id: number; schoolId: number; closedOn: string | null }>(
  concerns: readonly C[],
  schoolId: number,
  selfId?: number,
): C | null {
  return concerns.find((c) => c.schoolId === schoolId && c.closedOn === null && c.id !== selfId) ?? null;
}

/** How long a concern has been at its stage, in days, on a date. */
export function timeAtStage(stageSince: string, on: string): number {
  return Math.max(0, Math.round((Date.parse(on) - Date.parse(stageSince)) / 86_400_000));
}

export interface Deadline {
  on: string;
  what: string;
  overdue: boolean;
}

/** What each of a school's deadlines is, as the register and the Monitoring page name it. */
export const DEADLINES = {
  response: 'Warning notice: response due',
  compliance: 'Warning notice: compliance date',
  statement: 'LA Statement of Action due',
  newStatement: 'New statement of action due (urgent case)',
} as const;

/**
 * A school's deadlines still to meet on a date, soonest first: an open warning notice's response
 * date (while the period runs) and compliance date, the LA Statement of Action until it is submitted,
 * and an urgent case's new statement until it is submitted or closure is decided.
 */
export function deadlinesOf(
  on: string,
  notices: ReadonlyArray<{
    givenOn: string | null;
    responseDueOn: string | null;
    complianceDueOn: string | null;
    outcome: string | null;
  }>,
  followUp: {
    statementDueOn: string;
    statementSubmittedOn: string | null;
    newStatementDueOn: string | null;
    newStatementSubmittedOn: string | null;
    closureDecisionOn: string | null;
  } | null,
): Deadline[] {
  const found: Array<Omit<Deadline, 'overdue'>> = [];
  for (const n of notices) {
    if (n.outcome !== null || n.givenOn === null) continue;
    if (n.responseDueOn !== null && n.responseDueOn >= on)
      found.push({ on: n.responseDueOn, what: DEADLINES.response });
    if (n.complianceDueOn !== null) found.push({ on: n.complianceDueOn, what: DEADLINES.compliance });
  }
  if (followUp) {
    if (followUp.statementSubmittedOn === null)
      found.push({ on: followUp.statementDueOn, what: DEADLINES.statement });
    if (
      followUp.newStatementDueOn !== null &&
      followUp.newStatementSubmittedOn === null &&
      followUp.closureDecisionOn === null
    )
      found.push({ on: followUp.newStatementDueOn, what: DEADLINES.newStatement });
  }
  return found
    .map((d) => ({ ...d, overdue: d.on < on }))
    .sort((a, b) => a.on.localeCompare(b.on) || a.what.localeCompare(b.what));
}
