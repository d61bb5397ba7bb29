import { deadlinesOf } from '../../shared/domain/concerns';
import { upcomingDeadlines } from '../../shared/domain/deadlines';
import { dmtReferralOn } from '../../shared/domain/projects';
import { listConcerns } from '../data/concerns';
import { schoolsEverInCategory } from '../data/ofsted';
import { listProjects } from '../data/projects';
import { listWarningNotices } from '../data/warning-notices';
import { calendarOf } from './calendar';
import type { Ctx } from './context';
import { ofstedStanding } from './ofsted-follow-up';
import { noticeRow } from './warning-notices';

export const PROJECT_REVIEW = 'Project review due';
export const DMT_REFERRAL = 'Three terms without significant improvement: consider referring to DMT';

interface SchoolDeadline {
  schoolId: number;
  on: string;
  what: string;
  /** Where to act on it: the school's open concern, or the project. */
  concernId: number | null;
  projectId: number | null;
}

/**
 * The deadlines at these schools within the horizon of a day, overdue ones first: warning notices
 * and statements of action by the register's own rule, and each open project's review and DMT
 * referral point.
 */
export function deadlinesAhead(ctx: Ctx, schoolIds: ReadonlySet<number>, on: string) {
  const calendar = calendarOf(ctx);
  const concernOf = new Map(listConcerns(ctx.db).map((c) => [c.schoolId, c.id]));
  const notices = new Map<number, Array<ReturnType<typeof noticeRow>>>();
  for (const n of listWarningNotices(ctx.db, {}))
    if (schoolIds.has(n.schoolId))
      notices.set(n.schoolId, [...(notices.get(n.schoolId) ?? []), noticeRow(n)]);
  const watched = new Set([
    ...notices.keys(),
    ...schoolsEverInCategory(ctx.db).filter((id) => schoolIds.has(id)),
  ]);

  const found: SchoolDeadline[] = [...watched].flatMap((schoolId) =>
    deadlinesOf(on, notices.get(schoolId) ?? [], ofstedStanding(ctx, schoolId, on).followUpDeadlines).map(
      (d) => ({
        schoolId,
        on: d.on,
        what: d.what,
        concernId: concernOf.get(schoolId) ?? null,
        projectId: null,
      }),
    ),
  );
  for (const p of listProjects(ctx.db, {})) {
    if (!schoolIds.has(p.schoolId)) continue;
    const at = { schoolId: p.schoolId, concernId: p.concernId, projectId: p.id };
    if (!p.decisions.some((d) => d.decidedOn >= p.reviewOn))
      found.push({ ...at, on: p.reviewOn, what: PROJECT_REVIEW });
    if (p.status === 'Open')
      found.push({ ...at, on: dmtReferralOn(p.startedOn, p.reports, calendar), what: DMT_REFERRAL });
  }
  return upcomingDeadlines(found, on);
}
