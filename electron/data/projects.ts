import {
  costDraft,
  meetingDraft,
  milestoneDraft,
  projectDraft,
  projectLabels,
  reportDraft,
  type CostDraft,
  type MeetingDraft,
  type MilestoneDraft,
  type ProjectDraft,
  type ReportDraft,
} from '../../shared/api/projects';
import { ApiError } from '../../shared/api/errors';
import { termLabel } from '../../shared/domain/calendar';
import { formatDate, formatPounds } from '../../shared/domain/format';
import { COST_SOURCE_LABELS } from '../../shared/domain/money';
import {
  DECISION_LABELS,
  type Decision,
  type ProjectStage,
  type ProjectStatus,
} from '../../shared/domain/projects';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

/** Every child record carries its project's school, so its audit entries land on that school's timeline. */
type Child<Draft> = Draft & { id: number; schoolId: number };
export type StoredMilestone = Child<MilestoneDraft>;
export type StoredMeeting = Child<MeetingDraft>;
export type StoredReport = Child<ReportDraft>;
export type StoredCost = Child<CostDraft>;
export interface StoredDecision {
  id: number;
  decidedOn: string;
  decision: Decision;
  reason: string;
  nextReviewOn: string | null;
}

/** A project with everything in it, so a project deleted in error comes back whole. */
export interface StoredProject extends ProjectDraft {
  id: number;
  school: string;
  doubleDistrictId: number;
  leadOfficer: string;
  status: ProjectStatus;
  closedOn: string | null;
  milestones: StoredMilestone[];
  meetings: StoredMeeting[];
  reports: StoredReport[];
  costs: StoredCost[];
  decisions: StoredDecision[];
}

const PROJECT_SELECT = `
  SELECT p.id, p.school_id AS schoolId, s.name AS school, d.double_district_id AS doubleDistrictId,
         p.concern_id AS concernId, p.stage, p.lead_officer_id AS leadOfficerId, o.name AS leadOfficer,
         p.team, p.objectives, p.started_on AS startedOn, p.review_on AS reviewOn, p.status,
         p.closed_on AS closedOn
  FROM projects p JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id
  JOIN people o ON o.id = p.lead_officer_id`;
type RawProject = Omit<
  StoredProject,
  'team' | 'objectives' | 'milestones' | 'meetings' | 'reports' | 'costs' | 'decisions'
> & {
  team: string;
  objectives: string;
};

/** A child table's rows, with the school of their project. */
const childSelect = (columns: string, table: string) => `
  SELECT c.id, c.project_id AS projectId, p.school_id AS schoolId, ${columns}
  FROM ${table} c JOIN projects p ON p.id = c.project_id`;

const MILESTONE_SELECT = childSelect(
  `c.description, c.owner, c.due_on AS dueOn, c.status, COALESCE(c.notes, '') AS notes`,
  'project_milestones',
);
const MEETING_SELECT = childSelect(
  `c.met_on AS metOn, c.attendees, COALESCE(c.notes, '') AS notes`,
  'project_meetings',
);
const REPORT_SELECT = childSelect(
  `c.academic_year AS academicYear, c.term, c.ratings, c.overall, COALESCE(c.impact_evidence, '') AS impactEvidence,
   c.significant_improvement AS significantImprovement`,
  'project_reports',
);
const COST_FIELDS = `c.source, c.incurred_on AS incurredOn, COALESCE(c.description, '') AS description, c.days,
   c.amount_pence AS amountPence, c.status, COALESCE(c.exception_reason, '') AS exceptionReason`;
const COST_SELECT = childSelect(COST_FIELDS, 'project_costs');
type RawReport = Omit<StoredReport, 'ratings' | 'significantImprovement'> & {
  ratings: string;
  significantImprovement: number;
};
const parseReport = (r: RawReport): StoredReport => ({
  ...r,
  ratings: JSON.parse(r.ratings) as StoredReport['ratings'],
  significantImprovement: r.significantImprovement === 1,
});

function withChildren(db: Db, raw: RawProject): StoredProject {
  const of = <T>(select: string, order: string) =>
    prepared(db, `${select} WHERE c.project_id = ? ORDER BY ${order}, c.id`).all(raw.id) as T[];
  return {
    ...raw,
    team: JSON.parse(raw.team) as string[],
    objectives: JSON.parse(raw.objectives) as string[],
    milestones: of<StoredMilestone>(MILESTONE_SELECT, 'c.due_on'),
    meetings: of<StoredMeeting>(MEETING_SELECT, 'c.met_on'),
    reports: of<RawReport>(
      REPORT_SELECT,
      "c.academic_year, CASE c.term WHEN 'autumn' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END",
    ).map(parseReport),
    costs: of<StoredCost>(COST_SELECT, 'c.incurred_on'),
    decisions: prepared(
      db,
      `SELECT id, decided_on AS decidedOn, decision, reason, next_review_on AS nextReviewOn
         FROM project_decisions WHERE project_id = ? ORDER BY decided_on, id`,
    ).all(raw.id) as StoredDecision[],
  };
}

/** Projects with their records, for a school, a double district, or all. */
export function listProjects(
  db: Db,
  filter: {
    schoolId?: number | undefined;
    doubleDistrictId?: number | undefined;
    concernId?: number | undefined;
    includeClosed?: boolean | undefined;
  },
): StoredProject[] {
  const rows = prepared(
    db,
    `${PROJECT_SELECT}
       WHERE (@schoolId IS NULL OR p.school_id = @schoolId)
         AND (@doubleDistrictId IS NULL OR d.double_district_id = @doubleDistrictId)
         AND (@concernId IS NULL OR p.concern_id = @concernId)
         AND (@includeClosed = 1 OR p.status <> 'Closed')
       ORDER BY p.status = 'Closed', s.name, p.started_on DESC`,
  ).all({
    schoolId: filter.schoolId ?? null,
    doubleDistrictId: filter.doubleDistrictId ?? null,
    concernId: filter.concernId ?? null,
    includeClosed: filter.includeClosed ? 1 : 0,
  }) as RawProject[];
  return rows.map((raw) => withChildren(db, raw));
}

/** Every project of these schools, closed ones included, for the concern register's RAG and spend. */
export function projectsOfSchools(db: Db, schoolIds: readonly number[]): StoredProject[] {
  if (schoolIds.length === 0) return [];
  const rows = prepared(
    db,
    `${PROJECT_SELECT} WHERE p.school_id IN (SELECT value FROM json_each(?)) ORDER BY p.started_on`,
  ).all(JSON.stringify(schoolIds)) as RawProject[];
  return rows.map((raw) => withChildren(db, raw));
}

export type CostInYear = StoredCost & { school: string; stage: ProjectStage; projectStartedOn: string };

/** Costs dated within a financial year on projects of a double district's schools, with their project. */
export function costsInYear(db: Db, doubleDistrictId: number, from: string, to: string): CostInYear[] {
  return prepared(
    db,
    `${childSelect(`${COST_FIELDS}, s.name AS school, p.stage, p.started_on AS projectStartedOn`, 'project_costs')}
       JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id
       WHERE d.double_district_id = ? AND c.incurred_on BETWEEN ? AND ? ORDER BY c.incurred_on, c.id`,
  ).all(doubleDistrictId, from, to) as CostInYear[];
}

const projectParams = (d: ProjectDraft) => ({
  ...d,
  team: JSON.stringify(d.team.map((name) => name.trim())),
  objectives: JSON.stringify(d.objectives.map((o) => o.trim())),
});
const PROJECT_COLUMNS = `school_id = @schoolId, concern_id = @concernId, stage = @stage,
  lead_officer_id = @leadOfficerId, team = @team, objectives = @objectives, started_on = @startedOn,
  review_on = @reviewOn`;

/** Records a review decision: the project's status, its next review and, on closing, the date. */
export function recordDecision(
  db: Db,
  projectId: number,
  d: { decidedOn: string; decision: Decision; reason: string; nextReviewOn: string | null },
  status: ProjectStatus,
): void {
  prepared(
    db,
    `INSERT INTO project_decisions (project_id, decided_on, decision, reason, next_review_on)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(projectId, d.decidedOn, d.decision, d.reason.trim(), d.nextReviewOn);
  prepared(
    db,
    `UPDATE projects SET status = ?, closed_on = ?, review_on = COALESCE(?, review_on) WHERE id = ?`,
  ).run(status, status === 'Closed' ? d.decidedOn : null, d.nextReviewOn, projectId);
}

const rowsInserter = (db: Db, table: string, columns: string[]) => {
  const statement = prepared(
    db,
    `INSERT INTO ${table} (${columns.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)).join(', ')})
     VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  return (row: Record<string, unknown>) => statement.run(row);
};

/** A child comes back only into its project: if that was deleted since, it must come back first. */
function restoreChild(
  db: Db,
  table: string,
  columns: string[],
  row: Record<string, unknown> & { projectId: number },
) {
  if (!prepared(db, 'SELECT 1 FROM projects WHERE id = ?').get(row.projectId))
    throw new ApiError({
      code: 'conflict',
      message: 'Its intervention project has been deleted since; undo that deletion first.',
    });
  rowsInserter(db, table, columns)(row);
}

const MILESTONE_COLUMNS = ['id', 'projectId', 'description', 'owner', 'dueOn', 'status', 'notes'];
const MEETING_COLUMNS = ['id', 'projectId', 'metOn', 'attendees', 'notes'];
const REPORT_COLUMNS = [
  'id',
  'projectId',
  'academicYear',
  'term',
  'ratings',
  'overall',
  'impactEvidence',
  'significantImprovement',
];
const COST_COLUMNS = [
  'id',
  'projectId',
  'source',
  'incurredOn',
  'description',
  'days',
  'amountPence',
  'status',
  'exceptionReason',
];

const milestoneParams = (d: MilestoneDraft) => ({ ...d, notes: d.notes.trim() || null });
const meetingParams = (d: MeetingDraft) => ({ ...d, notes: d.notes.trim() || null });
const reportParams = (d: ReportDraft) => ({
  ...d,
  ratings: JSON.stringify(d.ratings),
  impactEvidence: d.impactEvidence.trim() || null,
  significantImprovement: d.significantImprovement ? 1 : 0,
});
const costParams = (d: CostDraft) => ({
  ...d,
  description: d.description.trim() || null,
  exceptionReason: d.exceptionReason.trim() || null,
});

export const projects: RecordTable<StoredProject, ProjectDraft> = {
  entity: 'project',
  rules: projectDraft,
  labels: projectLabels,
  get: (db, id) => {
    const raw = prepared(db, `${PROJECT_SELECT} WHERE p.id = ?`).get(id) as RawProject | undefined;
    return raw && withChildren(db, raw);
  },
  insert: (db, d) =>
    Number(
      prepared(
        db,
        `INSERT INTO projects (school_id, concern_id, stage, lead_officer_id, team, objectives, started_on, review_on)
           VALUES (@schoolId, @concernId, @stage, @leadOfficerId, @team, @objectives, @startedOn, @reviewOn)`,
      ).run(projectParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(db, `UPDATE projects SET ${PROJECT_COLUMNS} WHERE id = @id`).run({
      ...projectParams(d),
      id,
    }),
  remove: (db, id) => void prepared(db, 'DELETE FROM projects WHERE id = ?').run(id),
  restore: (db, row) => {
    prepared(
      db,
      `INSERT INTO projects (id, school_id, concern_id, stage, lead_officer_id, team, objectives, started_on, review_on, status, closed_on)
       VALUES (@id, @schoolId, @concernId, @stage, @leadOfficerId, @team, @objectives, @startedOn, @reviewOn, @status, @closedOn)`,
    ).run({ ...projectParams(row), id: row.id, status: row.status, closedOn: row.closedOn });
    const decision = prepared(
      db,
      `INSERT INTO project_decisions (id, project_id, decided_on, decision, reason, next_review_on)
       VALUES (@id, @projectId, @decidedOn, @decision, @reason, @nextReviewOn)`,
    );
    row.decisions.forEach((d) => decision.run({ ...d, projectId: row.id }));
    row.milestones.forEach((m) => milestones.restore!(db, m));
    row.meetings.forEach((m) => meetings.restore!(db, m));
    row.reports.forEach((r) => reports.restore!(db, r));
    row.costs.forEach((c) => costs.restore!(db, c));
  },
  describe: (p) => ({
    School: p.school,
    Stage: p.stage,
    'Lead officer': p.leadOfficer,
    'Project team': p.team.join(', ') || null,
    Objectives: p.objectives.join('; '),
    Started: formatDate(p.startedOn),
    'Review deadline': formatDate(p.reviewOn),
    Status: p.status,
    Closed: p.closedOn && formatDate(p.closedOn),
    'Last decision': p.decisions.length
      ? `${DECISION_LABELS[p.decisions.at(-1)!.decision]}: ${p.decisions.at(-1)!.reason}`
      : null,
  }),
  schoolOf: (p) => p.schoolId,
  title: (p) => `intervention project at ${p.school} from ${formatDate(p.startedOn)}`,
};

export const milestones: RecordTable<StoredMilestone, MilestoneDraft> = {
  entity: 'milestone',
  rules: milestoneDraft,
  labels: projectLabels,
  get: (db, id) => prepared(db, `${MILESTONE_SELECT} WHERE c.id = ?`).get(id) as StoredMilestone | undefined,
  insert: (db, d) =>
    Number(
      rowsInserter(db, 'project_milestones', MILESTONE_COLUMNS.slice(1))(milestoneParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE project_milestones SET project_id = @projectId, description = @description, owner = @owner,
         due_on = @dueOn, status = @status, notes = @notes WHERE id = @id`,
    ).run({ ...milestoneParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM project_milestones WHERE id = ?').run(id),
  restore: (db, row) =>
    restoreChild(db, 'project_milestones', MILESTONE_COLUMNS, { ...milestoneParams(row), id: row.id }),
  describe: (m) => ({
    Milestone: m.description,
    Owner: m.owner,
    Due: formatDate(m.dueOn),
    Status: m.status,
    Notes: m.notes.trim() || null,
  }),
  schoolOf: (m) => m.schoolId,
  title: (m) => `milestone "${m.description}" due ${formatDate(m.dueOn)}`,
};

export const meetings: RecordTable<StoredMeeting, MeetingDraft> = {
  entity: 'project-meeting',
  rules: meetingDraft,
  labels: projectLabels,
  get: (db, id) => prepared(db, `${MEETING_SELECT} WHERE c.id = ?`).get(id) as StoredMeeting | undefined,
  insert: (db, d) =>
    Number(rowsInserter(db, 'project_meetings', MEETING_COLUMNS.slice(1))(meetingParams(d)).lastInsertRowid),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE project_meetings SET project_id = @projectId, met_on = @metOn, attendees = @attendees, notes = @notes
         WHERE id = @id`,
    ).run({ ...meetingParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM project_meetings WHERE id = ?').run(id),
  restore: (db, row) =>
    restoreChild(db, 'project_meetings', MEETING_COLUMNS, { ...meetingParams(row), id: row.id }),
  describe: (m) => ({
    'Meeting date': formatDate(m.metOn),
    Attendees: m.attendees,
    Notes: m.notes.trim() || null,
  }),
  schoolOf: (m) => m.schoolId,
  title: (m) => `project group meeting of ${formatDate(m.metOn)}`,
};

export const reports: RecordTable<StoredReport, ReportDraft> = {
  entity: 'progress-report',
  rules: reportDraft,
  labels: projectLabels,
  get: (db, id) => {
    const raw = prepared(db, `${REPORT_SELECT} WHERE c.id = ?`).get(id) as RawReport | undefined;
    return raw && parseReport(raw);
  },
  insert: (db, d) =>
    Number(rowsInserter(db, 'project_reports', REPORT_COLUMNS.slice(1))(reportParams(d)).lastInsertRowid),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE project_reports SET project_id = @projectId, academic_year = @academicYear, term = @term,
         ratings = @ratings, overall = @overall, impact_evidence = @impactEvidence,
         significant_improvement = @significantImprovement WHERE id = @id`,
    ).run({ ...reportParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM project_reports WHERE id = ?').run(id),
  restore: (db, row) =>
    restoreChild(db, 'project_reports', REPORT_COLUMNS, { ...reportParams(row), id: row.id }),
  describe: (r) => ({
    Term: termLabel(r),
    Ratings: r.ratings.map((x) => `${x.objective}: ${x.rag}`).join('; ') || null,
    Overall: r.overall,
    'Impact evidence': r.impactEvidence.trim() || null,
    'Significant improvement': r.significantImprovement ? 'Yes' : 'No',
  }),
  schoolOf: (r) => r.schoolId,
  title: (r) => `progress report for ${termLabel(r)}`,
};

export const costs: RecordTable<StoredCost, CostDraft> = {
  entity: 'project-cost',
  rules: costDraft,
  labels: projectLabels,
  get: (db, id) => prepared(db, `${COST_SELECT} WHERE c.id = ?`).get(id) as StoredCost | undefined,
  insert: (db, d) =>
    Number(rowsInserter(db, 'project_costs', COST_COLUMNS.slice(1))(costParams(d)).lastInsertRowid),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE project_costs SET project_id = @projectId, source = @source, incurred_on = @incurredOn,
         description = @description, days = @days, amount_pence = @amountPence, status = @status,
         exception_reason = @exceptionReason WHERE id = @id`,
    ).run({ ...costParams(d), id }),
  remove: (db, id) => void prepared(db, 'DELETE FROM project_costs WHERE id = ?').run(id),
  restore: (db, row) => restoreChild(db, 'project_costs', COST_COLUMNS, { ...costParams(row), id: row.id }),
  describe: (c) => ({
    Source: COST_SOURCE_LABELS[c.source],
    Date: formatDate(c.incurredOn),
    Description: c.description.trim() || null,
    Days: String(c.days),
    Amount: formatPounds(c.amountPence),
    Status: c.status,
    'Reason for the exception': c.exceptionReason.trim() || null,
  }),
  schoolOf: (c) => c.schoolId,
  title: (c) =>
    `cost of ${formatPounds(c.amountPence)} (${COST_SOURCE_LABELS[c.source]}) on ${formatDate(c.incurredOn)}`,
};
