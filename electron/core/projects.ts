import { ApiError } from '../../shared/api/errors';
import type { ProjectDetail, ProjectRow, projectsOps } from '../../shared/api/projects';
import { financialYearOf, termLabel } from '../../shared/domain/calendar';
import { formatDate, londonDate } from '../../shared/domain/format';
import { capBreach, paidFromFund } from '../../shared/domain/money';
import {
  DECISION_LABELS,
  STATUS_AFTER,
  isOverdue,
  latestReview,
  meetingOverdue,
  reviewBase,
  reviewDeadlineProblem,
  threeTermsWithoutImprovement,
  type Rag,
} from '../../shared/domain/projects';
import {
  costs,
  meetings,
  milestones,
  projects,
  projectsOfSchools,
  listProjects,
  recordDecision,
  reports,
  type StoredCost,
  type StoredProject,
} from '../data/projects';
import { concerns } from '../data/concerns';
import { changeRecord, deleteRecord, notFound, saveRecord } from '../data/write';
import { calendarOf } from './calendar';
import type { Ctx, HandlersOf } from './context';
import { requirePerson } from './organisation';
import { requireSchool } from './schools';

function invalid(message: string, field: string): never {
  throw new ApiError({ code: 'invalid_input', message: `${message}.`, fields: { [field]: message } });
}

function requireProject(ctx: Ctx, id: number): StoredProject {
  const project = projects.get(ctx.db, id);
  if (!project) throw notFound('project', id);
  return project;
}

/** A child record as the API gives it: the school it carries is for the timeline only. */
const own = <T extends { schoolId: number }>({ schoolId: _school, ...rest }: T) => rest;

const costRow = (c: StoredCost) => ({
  id: c.id,
  projectId: c.projectId,
  source: c.source,
  incurredOn: c.incurredOn,
  description: c.description,
  days: c.days,
  amountPence: c.amountPence,
  status: c.status,
  exceptionReason: c.exceptionReason,
  fromFund: paidFromFund(c.source),
  financialYear: financialYearOf(c.incurredOn),
});

/** A project as a DSIM sees it in a list: its clocks judged against today and the LA's term dates. */
function summarise(ctx: Ctx, p: StoredProject): ProjectRow {
  const today = londonDate(ctx.now());
  const calendar = calendarOf(ctx);
  const active = p.status !== 'Closed';
  const base = reviewBase(p.startedOn, p.decisions);
  const lastMetOn = p.meetings.reduce<string | null>(
    (last, m) => (last && last > m.metOn ? last : m.metOn),
    null,
  );
  const sum = (list: readonly StoredCost[], value: (c: StoredCost) => number) =>
    list.reduce((total, c) => total + value(c), 0);
  return {
    id: p.id,
    schoolId: p.schoolId,
    school: p.school,
    doubleDistrictId: p.doubleDistrictId,
    concernId: p.concernId,
    stage: p.stage,
    leadOfficerId: p.leadOfficerId,
    leadOfficer: p.leadOfficer,
    team: p.team,
    objectives: p.objectives,
    startedOn: p.startedOn,
    reviewOn: p.reviewOn,
    latestReviewOn: latestReview(base, calendar),
    status: p.status,
    closedOn: p.closedOn,
    rag: p.reports.at(-1)?.overall ?? null,
    lastMetOn,
    flags: {
      overdueMilestones: active ? p.milestones.filter((m) => isOverdue(m, today)).length : 0,
      reviewDue: active && p.reviewOn < today && !p.decisions.some((d) => d.decidedOn >= p.reviewOn),
      threeTermsWithoutImprovement:
        p.status === 'Open' && threeTermsWithoutImprovement(p.startedOn, p.reports, today, calendar),
      meetingOverdue:
        active && p.stage === 'Stage 3' && meetingOverdue(lastMetOn ?? p.startedOn, today, calendar),
    },
    fundPence: sum(
      p.costs.filter((c) => paidFromFund(c.source)),
      (c) => c.amountPence,
    ),
    totalPence: sum(p.costs, (c) => c.amountPence),
    days: sum(p.costs, (c) => c.days),
  };
}

function present(ctx: Ctx, p: StoredProject): ProjectDetail {
  const today = londonDate(ctx.now());
  return {
    ...summarise(ctx, p),
    milestones: p.milestones.map((m) => ({ ...own(m), overdue: isOverdue(m, today) })),
    meetings: p.meetings.map(own),
    reports: p.reports.map((r) => ({ ...own(r), label: termLabel(r) })),
    costs: p.costs.map(costRow),
    decisions: p.decisions,
  };
}

export interface ProjectsSummary {
  /** The overall RAG of the latest report on the school's latest open project. */
  rag: Rag | null;
  /** Charged to the intervention fund and spent, on all the school's projects. */
  spentPence: number;
  committedPence: number;
}

/** RAG and spend per school, for the concern register. */
export function projectsSummaryFor(ctx: Ctx, schoolIds: readonly number[]): Map<number, ProjectsSummary> {
  const summaries = new Map<number, ProjectsSummary>();
  for (const p of projectsOfSchools(ctx.db, schoolIds)) {
    const found = summaries.get(p.schoolId) ?? { rag: null, spentPence: 0, committedPence: 0 };
    // Projects come oldest first, so the latest open project's rating is the one left standing.
    if (p.status !== 'Closed') found.rag = p.reports.at(-1)?.overall ?? found.rag;
    for (const c of p.costs.filter((cost) => paidFromFund(cost.source))) {
      if (c.status === 'Spent') found.spentPence += c.amountPence;
      else found.committedPence += c.amountPence;
    }
    summaries.set(p.schoolId, found);
  }
  return summaries;
}

export const projectsHandlers: HandlersOf<typeof projectsOps> = {
  'projects.list': (filter, s) => {
    const ctx = s.ctx();
    return listProjects(ctx.db, filter).map((p) => summarise(ctx, p));
  },
  'projects.get': ({ id }, s) => {
    const ctx = s.ctx();
    return present(ctx, requireProject(ctx, id));
  },
  'projects.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, projects, id, draft, {
      check: (before) => {
        requireSchool(ctx, draft.schoolId);
        requirePerson(ctx, draft.leadOfficerId, 'leadOfficerId');
        // No foreign key: a concern deleted in error must not take its projects' history with it.
        if (draft.concernId !== null && concerns.get(ctx.db, draft.concernId)?.schoolId !== draft.schoolId)
          invalid('Choose one of this school’s concerns', 'concernId');
        const base = reviewBase(draft.startedOn, before?.decisions ?? []);
        const problem = reviewDeadlineProblem(base, draft.reviewOn, calendarOf(ctx));
        if (problem) invalid(problem, 'reviewOn');
      },
      summary: (after, before) =>
        before ? `Corrected the ${projects.title(after)}` : `Started an ${projects.title(after)}`,
    });
    return present(ctx, saved);
  },
  'projects.delete': ({ id }, s) => deleteRecord(s.ctx(), projects, id),

  'projects.decide': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const decided = changeRecord(
      ctx,
      projects,
      id,
      'decide',
      (before) => {
        if (before.status === 'Closed')
          throw new ApiError({
            code: 'rejected',
            message: `This project was closed on ${formatDate(before.closedOn!)}.`,
          });
        if (draft.decidedOn < before.startedOn)
          invalid(
            `A decision cannot come before the project started on ${formatDate(before.startedOn)}`,
            'decidedOn',
          );
        const next = draft.decision === 'close' ? null : (draft.nextReviewOn ?? null);
        if (next !== null) {
          const problem = reviewDeadlineProblem(draft.decidedOn, next, calendarOf(ctx));
          if (problem) invalid(problem, 'nextReviewOn');
        }
        recordDecision(ctx.db, id, { ...draft, nextReviewOn: next }, STATUS_AFTER[draft.decision]);
      },
      (after) => `${DECISION_LABELS[draft.decision]}: the ${projects.title(after)} (${draft.reason.trim()})`,
    );
    return present(ctx, decided);
  },

  'projects.saveMilestone': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, milestones, id, draft, {
      check: () => requireProject(ctx, draft.projectId),
    });
    return { ...own(saved), overdue: isOverdue(saved, londonDate(ctx.now())) };
  },
  'projects.deleteMilestone': ({ id }, s) => deleteRecord(s.ctx(), milestones, id),

  'projects.saveMeeting': ({ id, draft }, s) => {
    const ctx = s.ctx();
    return own(saveRecord(ctx, meetings, id, draft, { check: () => requireProject(ctx, draft.projectId) }));
  },
  'projects.deleteMeeting': ({ id }, s) => deleteRecord(s.ctx(), meetings, id),

  'projects.saveReport': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, reports, id, draft, {
      check: (before) => checkReport(ctx, id, draft, before),
    });
    return { ...own(saved), label: termLabel(saved) };
  },
  'projects.deleteReport': ({ id }, s) => deleteRecord(s.ctx(), reports, id),

  'projects.saveCost': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, costs, id, draft, {
      check: () => {
        const project = requireProject(ctx, draft.projectId);
        const breach = capBreach(
          project.costs.filter((c) => c.id !== id),
          draft,
        );
        if (breach && draft.exceptionReason.trim() === '')
          throw new ApiError({
            code: 'rejected',
            message: `${breach.message} The DSIM can record an exception with a reason.`,
            fields: { [breach.field]: breach.message },
          });
      },
    });
    return costRow(saved);
  },
  'projects.deleteCost': ({ id }, s) => deleteRecord(s.ctx(), costs, id),
};

/** One report a term for each project, rating every objective the project has. */
function checkReport(
  ctx: Ctx,
  id: number | undefined,
  draft: Parameters<typeof reports.insert>[1],
  before: { ratings: ReadonlyArray<{ objective: string }> } | undefined,
) {
  const project = requireProject(ctx, draft.projectId);
  const clash = project.reports.find(
    (r) => r.id !== id && r.academicYear === draft.academicYear && r.term === draft.term,
  );
  if (clash)
    throw new ApiError({
      code: 'conflict',
      message: `This project already has a progress report for ${termLabel(draft)}; correct that one instead.`,
      fields: { term: 'Already reported' },
    });
  const known = (objective: string) =>
    project.objectives.includes(objective) ||
    (before?.ratings.some((r) => r.objective === objective) ?? false);
  const unknown = draft.ratings.filter((r) => !known(r.objective));
  if (unknown.length) invalid(`The project has no objective "${unknown[0]!.objective}"`, 'ratings');
  const unrated = before
    ? []
    : project.objectives.filter((o) => !draft.ratings.some((r) => r.objective === o));
  if (unrated.length) invalid(`Give a rating for "${unrated[0]}"`, 'ratings');
}
