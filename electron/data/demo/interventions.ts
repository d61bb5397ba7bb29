import { addDays, defaultTermDates, financialYearOf, termOf } from '../../../shared/domain/calendar';
import type { Stage } from '../../../shared/domain/concerns';
import { addHalfTerms } from '../../../shared/domain/half-terms';
import { DEFAULT_DAY_RATES, PSS_CAPS } from '../../../shared/domain/money';
import { latestReview, type Rag } from '../../../shared/domain/projects';
import type { Db } from '../database';
import type { Dates, DemoPeople } from './concerns';

/**
 * Intervention projects for the demo's Stage 2 and 3 concerns and Ofsted-category schools: a plan of
 * milestones (some overdue), half-termly group meetings (a few lapsed), a RAG report each term, review
 * decisions, and costs within the Priority School Support caps but for one exception with its reason;
 * then each double district's fund for this financial year and the last.
 */
export interface OpenConcern {
  concernId: number;
  stage: Stage;
  since: string;
  dsim: number;
  officer: number;
  school: { id: number; doubleDistrictId: number };
  inspection: { inspectedOn: string } | null;
}

const OBJECTIVES = [
  'Raise attainment in mathematics at KS2',
  'Secure consistently satisfactory or better teaching',
  'Strengthen middle leadership and monitoring',
  'Governors hold leaders to account for pupils’ progress',
  'Improve attendance to the LA average',
  'Accurate assessment and tracking of every pupil',
];
const MILESTONES = [
  'Audit of teaching and learning completed',
  'Action plan agreed with governors',
  'Every teacher observed and given targets',
  'Pupil tracking in place and reviewed half-termly',
  'Governors’ standards committee meets and reports',
  'Mid-point review of progress with the SIP',
];
const OWNERS = ['Headteacher', 'Deputy headteacher', 'Mathematics leader', 'Chair of governors', 'SENCo'];
const TEAM = ['Ruth Ellison', 'Gareth Pool', 'Amrit Sandhu', 'Lesley Crane', 'Tom Whitfield', 'Nadia Okafor'];

function statements(db: Db) {
  const insert = (sql: string) => {
    const statement = db.prepare(sql);
    return (params: unknown): number => Number(statement.run(params).lastInsertRowid);
  };
  return {
    project: insert(
      `INSERT INTO projects (school_id, concern_id, stage, lead_officer_id, team, objectives, started_on, review_on,
         status, closed_on)
       VALUES (@schoolId, @concernId, @stage, @leadOfficerId, @team, @objectives, @startedOn, @reviewOn, @status, NULL)`,
    ),
    decision: insert(
      `INSERT INTO project_decisions (project_id, decided_on, decision, reason, next_review_on)
       VALUES (@projectId, @decidedOn, @decision, @reason, @nextReviewOn)`,
    ),
    milestone: insert(
      `INSERT INTO project_milestones (project_id, description, owner, due_on, status, notes)
       VALUES (@projectId, @description, @owner, @dueOn, @status, NULL)`,
    ),
    meeting: insert(
      `INSERT INTO project_meetings (project_id, met_on, attendees, notes) VALUES (@projectId, @metOn, @attendees, @notes)`,
    ),
    report: insert(
      `INSERT INTO project_reports (project_id, academic_year, term, ratings, overall, impact_evidence,
         significant_improvement)
       VALUES (@projectId, @academicYear, @term, @ratings, @overall, @impactEvidence, @significantImprovement)`,
    ),
    cost: insert(
      `INSERT INTO project_costs (project_id, source, incurred_on, description, days, amount_pence, status,
         exception_reason)
       VALUES (@projectId, @source, @incurredOn, @description, @days, @amountPence, @status, @exceptionReason)`,
    ),
    fund: insert(
      `INSERT INTO intervention_funds (double_district_id, financial_year, allocation_pence, held_back_pence, officer_fte)
       VALUES (@doubleDistrictId, @financialYear, @allocationPence, @heldBackPence, @officerFte)`,
    ),
  };
}
type Sql = ReturnType<typeof statements>;

export function seedInterventions(db: Db, dates: Dates, open: readonly OpenConcern[], people: DemoPeople) {
  const sql = statements(db);
  const { random, today } = dates;
  let exceptionMade = false;
  for (const c of open) {
    if (c.stage === 1 || (c.stage === 2 && random.chance(0.3))) continue;
    const startedOn = dates.near(c.since, 5, 25);
    if (startedOn <= c.since) continue; // too recent a stage for a project yet
    const objectives = random.shuffle(OBJECTIVES).slice(0, random.int(2, 3));
    const projectId = sql.project({
      schoolId: c.school.id,
      concernId: c.concernId,
      stage: c.inspection ? 'Ofsted category' : `Stage ${c.stage}`,
      leadOfficerId: c.officer,
      team: JSON.stringify(random.shuffle(TEAM).slice(0, random.int(1, 2))),
      objectives: JSON.stringify(objectives),
      startedOn,
      reviewOn: latestReview(startedOn),
      status: 'Open',
    });
    seedReviews(db, sql, dates, projectId, startedOn);
    seedPlan(sql, dates, projectId, startedOn);
    const lapsed = c.stage === 3 && random.chance(0.25);
    const attendees = `Headteacher, chair of governors, ${people.nameOf.get(c.officer)} (lead officer), SIP`;
    for (let on = startedOn; on <= today; on = addHalfTerms(on, 1)) {
      if (lapsed && addHalfTerms(on, 2) > today) break;
      sql.meeting({
        projectId,
        metOn: dates.days.onOrBefore(on < today ? on : today),
        attendees,
        notes: random.pick([
          'Reviewed the milestones due this half-term',
          'Looked at pupils’ work in mathematics with the subject leader',
          'Agreed the next round of lesson observations',
        ]),
      });
    }
    const terms = seedReports(sql, dates, projectId, startedOn, objectives);
    exceptionMade = seedCosts(sql, dates, projectId, startedOn, terms, !exceptionMade) || exceptionMade;
  }
  seedFunds(db, sql, dates);
}

/** A review at each deadline passed: continue for two more terms, or (now and then) refer to DMT. */
function seedReviews(db: Db, sql: Sql, { random, today, days }: Dates, projectId: number, startedOn: string) {
  let reviewOn = latestReview(startedOn);
  while (reviewOn < today && random.chance(0.85)) {
    const decidedOn = days.onOrBefore(reviewOn);
    if (random.chance(0.15)) {
      sql.decision({
        projectId,
        decidedOn,
        decision: 'refer',
        reason: 'Too little improvement after two terms: referred to DMT to consider powers',
        nextReviewOn: null,
      });
      db.prepare("UPDATE projects SET status = 'Referred to DMT' WHERE id = ?").run(projectId);
      return;
    }
    const next = latestReview(decidedOn);
    sql.decision({
      projectId,
      decidedOn,
      decision: 'continue',
      reason: 'Milestones largely met; continue for two more terms',
      nextReviewOn: next,
    });
    reviewOn = next;
  }
  db.prepare('UPDATE projects SET review_on = ? WHERE id = ?').run(reviewOn, projectId);
}

/** Four milestones over the first two terms: met once passed, mostly; the others overdue. */
function seedPlan(sql: Sql, { random, today, days }: Dates, projectId: number, startedOn: string) {
  const end = latestReview(startedOn);
  const span = (Date.parse(end) - Date.parse(startedOn)) / 86_400_000;
  random
    .shuffle(MILESTONES)
    .slice(0, 4)
    .forEach((description, i) => {
      const dueOn = days.onOrBefore(addDays(startedOn, Math.round((span * (i + 1)) / 4)));
      const r = random.next();
      sql.milestone({
        projectId,
        description,
        owner: random.pick(OWNERS),
        dueOn,
        status:
          dueOn < today
            ? r < 0.7
              ? 'Met'
              : r < 0.85
                ? 'Partly met'
                : 'Not met'
            : r < 0.5
              ? 'In progress'
              : 'Not started',
      });
    });
}

/** A report for each term finished since the start, mostly improving; returns how many. */
function seedReports(
  sql: Sql,
  { random, today }: Dates,
  projectId: number,
  startedOn: string,
  objectives: readonly string[],
): number {
  const stuck = random.chance(0.2);
  let count = 0;
  for (let term = termOf(startedOn); term.endsOn < today;) {
    const step = stuck ? 0 : count + random.int(0, 1);
    const overall: Rag = step === 0 ? 'Red' : step === 1 ? 'Amber' : 'Green';
    sql.report({
      projectId,
      academicYear: term.academicYear,
      term: term.term,
      ratings: JSON.stringify(
        objectives.map((objective) => ({
          objective,
          rag: random.chance(0.7) ? overall : random.pick(['Red', 'Amber', 'Green']),
        })),
      ),
      overall,
      impactEvidence:
        overall === 'Red'
          ? 'Little change in pupils’ progress; teaching still inconsistent'
          : 'Tracking shows more pupils on course for expected levels; observed teaching improving',
      significantImprovement: overall === 'Green' ? 1 : 0,
    });
    count++;
    const following = defaultTermDates(term.academicYear).find((t) => t.startsOn > term.endsOn);
    term = following ?? defaultTermDates(term.academicYear + 1)[0]!;
  }
  return count;
}

/**
 * An audit and action plan up front, a day's monitoring each term (spent) and the next committed,
 * both within their caps but for the first project offered the exception; the school's CPD and
 * support already funded beside them.
 */
function seedCosts(
  sql: Sql,
  { random, today, near }: Dates,
  projectId: number,
  startedOn: string,
  terms: number,
  offerException: boolean,
): boolean {
  const rate = DEFAULT_DAY_RATES.pssDayRatePence;
  const cost = (source: string, incurredOn: string, days: number, amountPence: number, more: object = {}) =>
    sql.cost({
      projectId,
      source,
      incurredOn,
      description: null,
      days,
      amountPence,
      status: 'Spent',
      exceptionReason: null,
      ...more,
    });
  const auditDays = random.int(2, PSS_CAPS['pss-audit']!.days);
  cost('pss-audit', startedOn, auditDays, auditDays * rate, {
    description: 'Audit of the school and its action plan',
  });
  const cap = PSS_CAPS['pss-monitoring']!.days;
  let monitored = 0;
  for (let t = 0; t < terms && monitored < cap; t++, monitored++)
    cost('pss-monitoring', near(startedOn, 40 + t * 95, 60 + t * 95), 1, rate, {
      description: 'Monitoring visit and report to the project group',
    });
  if (offerException && terms >= 2) {
    // One project's monitoring goes past its cap, as the DSIM may allow with a reason.
    const extra = cap - monitored + 1;
    cost('pss-monitoring', near(today, -20, 0), extra, extra * rate, {
      description: 'Further monitoring days beyond the cap',
      exceptionReason:
        'Agreed by the DSIM: the warning notice needs monitoring beyond the cap until governors are secure',
    });
  } else if (monitored < cap)
    cost('pss-monitoring', near(today, -10, 0), 1, rate, {
      status: 'Committed',
      description: 'Monitoring visit booked for this term',
    });
  if (random.chance(0.4))
    cost('cpd', near(startedOn, 10, 120), 0, random.int(8, 25) * 10_000, {
      description: 'Mathematics training for teachers (paid by the school)',
    });
  if (random.chance(0.3))
    cost('already-funded', near(startedOn, 10, 120), 2, 0, {
      description: 'Primary strategy consultant days (already funded)',
    });
  return offerException && terms >= 2;
}

/** Each double district's fund this financial year and last, with some held back for the unexpected. */
function seedFunds(db: Db, sql: Sql, { random, today }: Dates) {
  const thisYear = financialYearOf(today);
  const lastYear = financialYearOf(addDays(today, -365));
  const doubles = db.prepare('SELECT id FROM double_districts ORDER BY id').pluck().all() as number[];
  for (const doubleDistrictId of doubles)
    for (const financialYear of [lastYear, thisYear])
      sql.fund({
        doubleDistrictId,
        financialYear,
        allocationPence: random.int(40, 55) * 1_000_00,
        heldBackPence: 5_000_00,
        officerFte: random.pick([1, 1.5, 2]),
      });
}
