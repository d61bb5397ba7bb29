import type { Dashboard, dashboardOps } from '../../shared/api/dashboard';
import { daysBetween, financialYearOf, termLabel, termOf } from '../../shared/domain/calendar';
import { categoryDistribution, fundByMonth, lastTerms, schoolCounts } from '../../shared/domain/dashboard';
import { londonDate } from '../../shared/domain/format';
import { categoryDecisionsUntil, doubleDistrictNames, nextGroupMeeting } from '../data/dashboard';
import { visitsAwaitingQa } from '../data/visits';
import { calendarOf } from './calendar';
import type { Ctx, HandlersOf } from './context';
import { deadlinesAhead } from './deadlines';
import { fundYear } from './funds';
import { schoolList, schoolListRows } from './schools';

/** A double district's fund for the year: its allocation set against what its projects charge to it. */
function fundLines(ctx: Ctx, doubleDistrictId: number | null, financialYear: string) {
  return doubleDistrictNames(ctx.db)
    .filter((dd) => doubleDistrictId === null || dd.id === doubleDistrictId)
    .map((dd) => {
      const { costs, figures } = fundYear(ctx, dd.id, financialYear);
      return { line: { doubleDistrictId: dd.id, doubleDistrict: dd.name, ...figures }, costs };
    });
}

/**
 * The first screen of a file, for a double district or (null) the whole LA: the schools list's own
 * rows counted by its own filter, the Monitoring page's deadlines and reports awaiting QA, the next
 * group meeting, the category chart's six terms and the intervention fund this financial year.
 */
function dashboardOf(ctx: Ctx, doubleDistrictId: number | null, today = londonDate(ctx.now())): Dashboard {
  const calendar = calendarOf(ctx);
  // Today's list is the one the schools list keeps until the file changes, so the number clicked and
  // the list it opens are one answer, and the list opens at once.
  const rows = today === londonDate(ctx.now()) ? schoolList(ctx) : schoolListRows(ctx, today);
  const inScope = rows.filter((s) => doubleDistrictId === null || s.doubleDistrictId === doubleDistrictId);
  const open = inScope.filter((s) => s.closedOn === null);
  const byId = new Map(open.map((s) => [s.id, s]));
  const meeting = nextGroupMeeting(ctx.db, doubleDistrictId, today);
  const financialYear = financialYearOf(today);
  const funds = fundLines(ctx, doubleDistrictId, financialYear);
  return {
    doubleDistrictId,
    term: termLabel(termOf(today, calendar)),
    today,
    schools: open.length,
    counts: schoolCounts(rows, doubleDistrictId),
    deadlines: deadlinesAhead(ctx, new Set(byId.keys()), today).map(({ schoolId, ...d }) => {
      const s = byId.get(schoolId)!;
      return {
        schoolId,
        dfe: s.dfe,
        name: s.name,
        district: s.district,
        doubleDistrict: s.doubleDistrict,
        sip: s.sip,
        ...d,
      };
    }),
    nextMeeting: meeting && { ...meeting, daysLeft: daysBetween(today, meeting.heldOn) },
    awaitingQa: visitsAwaitingQa(ctx.db).filter((v) => byId.has(v.schoolId)).length,
    categoryTerms: categoryDistribution(
      lastTerms(today, calendar),
      inScope,
      categoryDecisionsUntil(ctx.db, today),
    ),
    fund: {
      financialYear,
      doubleDistricts: funds.map((f) => f.line),
      byMonth:
        doubleDistrictId === null
          ? []
          : fundByMonth(
              financialYear,
              funds.flatMap((f) => f.costs),
            ),
    },
  };
}

export const dashboardHandlers: HandlersOf<typeof dashboardOps> = {
  'dashboard.get': ({ doubleDistrictId, today }, s) => dashboardOf(s.ctx(), doubleDistrictId, today),
};
