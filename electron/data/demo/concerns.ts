import { academicYearOf, addDays, termLabel, termOf } from '../../../shared/domain/calendar';
import {
  CONCERN_FACTORS,
  INSUFFICIENT_PACE,
  STAGE_DUTIES,
  type ConcernSource,
  type Stage,
} from '../../../shared/domain/concerns';
import { statementDueByDefault } from '../../../shared/domain/ofsted-follow-up';
import { responseDueOn, WARNING_GROUNDS } from '../../../shared/domain/warning-notices';
import { addWorkingDays } from '../../../shared/domain/working-days';
import type { Db } from '../database';
import { seedInterventions, type OpenConcern } from './interventions';
import type { Random } from './random';
import { schoolDays, type SchoolDays } from './school-days';

/**
 * Schools causing concern for the demo authority, read from the monitoring already seeded so they
 * tell the same story: every school in an Ofsted category, most category 4 schools and the weakest
 * category 3 ones (by attendance) — about fifty concerns at the three stages, some escalated by a
 * recorded decision, some closed; their duties partly kept; warning notices at each point of their
 * course; the follow-up of each Ofsted category; then the projects and funds (interventions.ts).
 * Every date is a school day on or before today.
 */
const CONCERNS = 50;
const CLOSED = 7;

const OUTCOMES = [
  'Progress secured: attainment rose at KS2 and the DIG confirmed category 3 with routine SIP support.',
  'Leadership strengthened by a new deputy; the SIP’s last two reports find teaching improving.',
  'Budget recovery plan agreed and met; the school now monitors its own progress accurately.',
  'Validated SEF shows satisfactory progress in every key stage; watching brief ended.',
];
const STAGE_2_REASONS = [
  'The watching brief found no improvement: results fell again and the SIP found weak teaching',
  'The school’s own monitoring missed a second term and attainment in mathematics fell further',
];
const STAGE_3_REASONS = [
  'progress shown to the assigned officer fell short of the agenda’s milestones for two half-terms',
  'the improvement agenda stalled after the headteacher’s absence; governors are not holding leaders to account',
  'attainment fell further and teaching remains inadequate in several classes',
];
const NOTES = [
  'KS2 results below floor targets two years running',
  'Several classes taught by temporary staff; weak assessment',
  'Governing body has three vacancies and does not challenge leaders',
  'Deficit budget and falling roll',
];

export interface DemoPeople {
  head: number;
  dsimOf: Map<number, number>;
  officerOf: Map<number, number>;
  nameOf: Map<number, string>;
}

interface Candidate {
  id: number;
  name: string;
  doubleDistrictId: number;
  sipId: number;
  category: number | null;
  attendance: number;
}
interface CategoryInspection {
  id: number;
  schoolId: number;
  inspectedOn: string;
}

/**
 * The division's people by double district. The demo names each double district's DSIM and its
 * (non-SIP) EIP straight after the double district itself, so their order is the districts' order.
 */
function readPeople(db: Db): DemoPeople {
  const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
  const doubles = ids('SELECT id FROM double_districts ORDER BY id');
  const dsims = ids("SELECT person_id FROM person_roles WHERE role = 'DSIM' ORDER BY person_id");
  const officers = ids(
    `SELECT person_id FROM person_roles r WHERE role = 'EIP'
       AND NOT EXISTS (SELECT 1 FROM person_roles s WHERE s.person_id = r.person_id AND s.role = 'SIP')
     ORDER BY person_id`,
  );
  const names = db.prepare('SELECT id, name FROM people').all() as Array<{ id: number; name: string }>;
  return {
    head: ids("SELECT person_id FROM person_roles WHERE role = 'Head of SID'")[0]!,
    dsimOf: new Map(doubles.map((d, i) => [d, dsims[i]!])),
    officerOf: new Map(doubles.map((d, i) => [d, officers[i]!])),
    nameOf: new Map(names.map((p) => [p.id, p.name])),
  };
}

function readCandidates(db: Db): Candidate[] {
  return db
    .prepare(
      `SELECT s.id, s.name, d.double_district_id AS doubleDistrictId, s.sip_id AS sipId,
         (SELECT r.confirmed_category FROM category_reviews r
            WHERE r.school_id = s.id AND r.decided_on IS NOT NULL
            ORDER BY r.decided_on DESC, r.id DESC LIMIT 1) AS category,
         COALESCE((SELECT avg(p.attendance) FROM termly_profiles p WHERE p.school_id = s.id), 100) AS attendance
       FROM schools s JOIN districts d ON d.id = s.district_id ORDER BY s.id`,
    )
    .all() as Candidate[];
}

function statements(db: Db) {
  const insert = (sql: string) => {
    const statement = db.prepare(sql);
    return (params: unknown): number => Number(statement.run(params).lastInsertRowid);
  };
  return {
    concern: insert(
      `INSERT INTO concerns (school_id, source, factors, factor_notes, raised_by_id, opened_on, focus_group_on,
         dig_confirmed_on, stage, stage_since, notified_on, notification, closed_on, outcome)
       VALUES (@schoolId, @source, @factors, @factorNotes, @raisedById, @openedOn, @focusGroupOn,
         @digConfirmedOn, @stage, @stageSince, @notifiedOn, @notification, @closedOn, @outcome)`,
    ),
    decision: insert(
      `INSERT INTO concern_stage_decisions (concern_id, decided_on, from_stage, to_stage, reason, decided_by_id, meeting)
       VALUES (@concernId, @decidedOn, @from, @to, @reason, @decidedById, @meeting)`,
    ),
    duty: insert(
      `INSERT INTO concern_duty_checks (concern_id, duty, done, checked_on, by_id, notes)
       VALUES (@concernId, @duty, @done, @checkedOn, @byId, @notes)`,
    ),
    notice: insert(
      `INSERT INTO warning_notices (school_id, grounds, grounds_notes, advised_on, approved_on, given_on,
         representations_on, ofsted_decision, ofsted_decision_on, compliance_due_on, outcome, outcome_on, powers,
         ieb_consent_on, notes)
       VALUES (@schoolId, @grounds, @groundsNotes, @advisedOn, @approvedOn, @givenOn, @representationsOn,
         @ofstedDecision, @ofstedDecisionOn, @complianceDueOn, @outcome, @outcomeOn, @powers, @iebConsentOn, @notes)`,
    ),
    followUp: insert(
      `INSERT INTO ofsted_follow_ups (inspection_id, school_id, report_on, formal_meeting_on, formal_meeting_attendees,
         core_group_chair_id, core_group_members, statement_submitted_on, lead_officer_id, dmt_involved_on,
         parental_engagement)
       VALUES (@inspectionId, @schoolId, @reportOn, @formalMeetingOn, @attendees, @chairId, @members,
         @statementSubmittedOn, @leadOfficerId, @dmtInvolvedOn, @parentalEngagement)`,
    ),
  };
}

/** The demo's dice, school days and today, for everything that follows. */
export interface Dates {
  random: Random;
  days: SchoolDays;
  today: string;
  /** A school day between two offsets from a date (in calendar days), never after today. */
  near: (from: string, after: number, before: number) => string;
}

export function seedConcerns(db: Db, random: Random, today: string): void {
  const thisYear = academicYearOf(today);
  const days = schoolDays(thisYear - 2, thisYear);
  const near = (from: string, after: number, before: number) => {
    const last = addDays(from, before) < today ? addDays(from, before) : today;
    return days.between(addDays(from, after), last, random);
  };
  const dates: Dates = { random, days, today, near };
  const sql = statements(db);
  const people = readPeople(db);
  const inspections = db
    .prepare(
      `SELECT id, school_id AS schoolId, inspected_on AS inspectedOn FROM inspections
       WHERE outcome IN ('Notice to Improve', 'Special Measures') ORDER BY id`,
    )
    .all() as CategoryInspection[];
  const inCategory = new Map(inspections.map((i) => [i.schoolId, i]));
  const candidates = readCandidates(db);
  const ofsted = candidates.filter((c) => inCategory.has(c.id));
  const fours = random.shuffle(candidates.filter((c) => c.category === 4 && !inCategory.has(c.id)));
  const threes = candidates
    .filter((c) => c.category === 3 && !inCategory.has(c.id))
    .sort((a, b) => a.attendance - b.attendance || a.id - b.id);
  const openFours = fours.slice(0, CONCERNS - CLOSED - ofsted.length - 3);
  const openThrees = threes.slice(0, CONCERNS - CLOSED - ofsted.length - openFours.length);
  const closedThrees = threes.slice(openThrees.length, openThrees.length + CLOSED);

  const open: OpenConcern[] = [];
  const write = (
    school: Candidate,
    plan: {
      path: Stage[];
      openedOn: string;
      source: ConcernSource;
      closed?: { on: string; outcome: string };
    },
  ) => {
    const dsim = people.dsimOf.get(school.doubleDistrictId)!;
    const officer = people.officerOf.get(school.doubleDistrictId)!;
    const factors = random
      .shuffle(CONCERN_FACTORS.slice(school.category === 4 || inCategory.has(school.id) ? 0 : 1))
      .slice(0, random.int(2, 4));
    // Each later stage came by a decision, a term or so after the one before.
    const decisions: Array<{ on: string; from: Stage; to: Stage }> = [];
    let since = plan.openedOn;
    for (let i = 1; i < plan.path.length; i++) {
      since = near(since, 60, 200);
      decisions.push({ on: since, from: plan.path[i - 1]!, to: plan.path[i]! });
    }
    const stage = plan.path.at(-1)!;
    const notifiedOn = stage > 1 || random.chance(0.5) ? near(plan.openedOn, 2, 12) : null;
    const concernId = sql.concern({
      schoolId: school.id,
      source: plan.source,
      factors: JSON.stringify(factors),
      factorNotes: random.pick(NOTES),
      raisedById: plan.source === 'SIP report' ? school.sipId : dsim,
      openedOn: plan.openedOn,
      focusGroupOn: days.onOrBefore(addDays(plan.openedOn, -7)),
      digConfirmedOn: plan.openedOn,
      stage,
      stageSince: since,
      notifiedOn,
      notification:
        notifiedOn &&
        `The Head of SID wrote to the headteacher and the chair of governors: the school causes concern (${factors[0]!}) and is at Stage ${plan.path[0]}.`,
      closedOn: plan.closed?.on ?? null,
      outcome: plan.closed?.outcome ?? null,
    });
    for (const d of decisions)
      sql.decision({
        concernId,
        decidedOn: d.on,
        from: d.from,
        to: d.to,
        reason:
          d.to === 3 ? `${INSUFFICIENT_PACE}: ${random.pick(STAGE_3_REASONS)}` : random.pick(STAGE_2_REASONS),
        decidedById: people.head,
        meeting: `District Intervention Group, ${termLabel(termOf(d.on))}`,
      });
    seedDuties(sql, dates, { concernId, stage, since, byIds: [dsim, officer], decisions });
    return { concernId, stage, since, dsim, officer };
  };

  for (const school of ofsted) {
    const inspection = inCategory.get(school.id)!;
    const openedOn = near(inspection.inspectedOn, 1, 10);
    const made = write(school, { path: [3], openedOn, source: 'Ofsted report' });
    open.push({ ...made, school, inspection });
    seedFollowUp(sql, dates, inspection, made, people);
  }
  for (const school of [...openFours, ...openThrees]) {
    const r = random.next();
    const path: Stage[] =
      school.category === 3
        ? r < 0.7
          ? [1]
          : [2]
        : r < 0.25
          ? [3]
          : r < 0.45
            ? [2, 3]
            : r < 0.65
              ? [2]
              : r < 0.85
                ? [1, 2]
                : [1];
    const openedOn = near(today, path.length > 1 ? -520 : -400, path.length > 1 ? -240 : -30);
    const source: ConcernSource = random.pick([
      'Categorisation',
      'SIP report',
      'Pupil performance analysis',
      'LA monitoring',
      'Self-evaluation',
    ]);
    open.push({ ...write(school, { path, openedOn, source }), school, inspection: null });
  }
  for (const school of closedThrees) {
    const openedOn = near(today, -560, -330);
    const closed = { on: near(openedOn, 150, 300), outcome: random.pick(OUTCOMES) };
    write(school, { path: [random.chance(0.5) ? 1 : 2], openedOn, source: 'Categorisation', closed });
  }
  seedNotices(sql, dates, open);
  seedInterventions(db, dates, open, people);
}

/**
 * The current stage's duties partly kept (a half-termly one sometimes lapsed), and every duty of a
 * stage the concern has moved on from kept before the decision.
 */
function seedDuties(
  sql: ReturnType<typeof statements>,
  { random, near, days, today }: Dates,
  c: {
    concernId: number;
    stage: Stage;
    since: string;
    byIds: number[];
    decisions: ReadonlyArray<{ on: string; from: Stage }>;
  },
) {
  for (const d of c.decisions)
    for (const duty of STAGE_DUTIES[d.from])
      sql.duty({
        concernId: c.concernId,
        duty: duty.code,
        done: 1,
        checkedOn: days.onOrBefore(addDays(d.on, -random.int(7, 40))),
        byId: random.pick(c.byIds),
        notes: null,
      });
  for (const duty of STAGE_DUTIES[c.stage]) {
    if (c.decisions.some((d) => d.from === c.stage)) continue;
    const lapsed = duty.code === 'progress-shown' && random.chance(0.2);
    if (lapsed) {
      sql.duty({
        concernId: c.concernId,
        duty: duty.code,
        done: 0,
        checkedOn: near(c.since, 20, 400),
        byId: c.byIds[1],
        notes: 'Progress against the agenda’s milestones too slow',
      });
      continue;
    }
    if (!random.chance(0.65)) continue;
    // Most half-termly duties were done this half-term; the rest lapsed after the stage began.
    const recent = duty.halfTermly && random.chance(0.7);
    sql.duty({
      concernId: c.concernId,
      duty: duty.code,
      done: 1,
      checkedOn: recent ? near(today, -30, 0) : near(c.since, 0, 60),
      byId: random.pick(c.byIds),
      notes: null,
    });
  }
}

/** The follow-up of an Ofsted category: the formal meeting at once, the core group, the statement on time. */
function seedFollowUp(
  sql: ReturnType<typeof statements>,
  { near, days, random }: Dates,
  inspection: CategoryInspection,
  made: { dsim: number; officer: number },
  people: DemoPeople,
) {
  const reportOn = days.onOrBefore(addWorkingDays(inspection.inspectedOn, random.int(6, 9)));
  const meetingOn = near(reportOn, 1, 4);
  const due = statementDueByDefault(reportOn);
  const submitted = days.onOrBefore(addWorkingDays(reportOn, random.int(6, 9)));
  const name = (id: number) => people.nameOf.get(id)!;
  sql.followUp({
    inspectionId: inspection.id,
    schoolId: inspection.schoolId,
    reportOn,
    formalMeetingOn: meetingOn,
    attendees: `Headteacher, chair of governors, ${name(made.dsim)} (DSIM), ${name(made.officer)} (lead officer)`,
    chairId: made.dsim,
    members: `Headteacher, chair of governors, ${name(made.officer)}, the school’s SIP`,
    statementSubmittedOn: submitted <= due ? submitted : null,
    leadOfficerId: made.officer,
    dmtInvolvedOn: meetingOn,
    parentalEngagement: 'Parental champions on the core group; termly letters to parents on progress',
  });
}

/**
 * Warning notices at each point of their course: one in preparation, one awaiting the school's
 * response, one complied with and one where powers were used (an interim executive board).
 */
function seedNotices(
  sql: ReturnType<typeof statements>,
  { near, days, today, random }: Dates,
  open: OpenConcern[],
) {
  const atStage3 = open
    .filter((c) => c.stage === 3 && c.inspection === null)
    .sort((a, b) => a.since.localeCompare(b.since));
  const grounds = () => JSON.stringify(random.shuffle(WARNING_GROUNDS.slice(0, 5)).slice(0, 2));
  const base = { groundsNotes: null, representationsOn: null, ofstedDecision: null, ofstedDecisionOn: null };
  const none = { outcome: null, outcomeOn: null, powers: '[]', iebConsentOn: null };
  const given = (c: OpenConcern, givenOn: string) => ({
    ...base,
    schoolId: c.school.id,
    grounds: grounds(),
    advisedOn: days.onOrBefore(addDays(givenOn, -14)),
    approvedOn: days.onOrBefore(addDays(givenOn, -6)),
    givenOn,
    complianceDueOn: addWorkingDays(givenOn, 40),
    notes: null,
  });
  const [powers, complied, awaiting, preparing] = [
    atStage3[0],
    atStage3[1],
    atStage3.at(-1),
    atStage3.at(-2),
  ];
  if (powers) {
    const givenOn = near(powers.since, 15, 60);
    const outcomeOn = near(responseDueOn(givenOn), 10, 40);
    sql.notice({
      ...given(powers, givenOn),
      representationsOn: days.onOrBefore(addWorkingDays(givenOn, 5)),
      ofstedDecision: 'Ofsted confirmed the notice was justified',
      ofstedDecisionOn: days.onOrBefore(addWorkingDays(givenOn, 12)),
      outcome: 'Powers used',
      outcomeOn,
      powers: JSON.stringify(['Interim executive board']),
      iebConsentOn: days.onOrBefore(addDays(outcomeOn, -3)),
      notes: 'The governing body did not respond within the initial period',
    });
  }
  if (complied) {
    const givenOn = near(complied.since, 20, 90);
    sql.notice({
      ...given(complied, givenOn),
      ...none,
      outcome: 'Complied',
      outcomeOn: near(addWorkingDays(givenOn, 40), 0, 30),
      notes: 'Action plan agreed with governors; milestones met by the compliance date',
    });
  }
  if (awaiting && awaiting !== complied && awaiting !== powers) {
    const from = awaiting.since > addDays(today, -14) ? awaiting.since : addDays(today, -14);
    sql.notice({ ...given(awaiting, near(from, 0, 7)), ...none });
  }
  if (preparing && preparing !== complied && preparing !== powers) {
    sql.notice({
      ...base,
      ...none,
      schoolId: preparing.school.id,
      grounds: grounds(),
      advisedOn: days.onOrBefore(today),
      approvedOn: null,
      givenOn: null,
      complianceDueOn: null,
      notes: 'Advised by the group; awaiting the Head of SID’s approval',
    });
  }
}
