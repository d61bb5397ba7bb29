import type { monitoringOps, Overview, SchoolMonitoring } from '../../shared/api/monitoring';
import { academicYearLabel, academicYearOf, termLabel, termOf } from '../../shared/domain/calendar';
import { londonDate } from '../../shared/domain/format';
import { sipDays } from '../../shared/domain/visits';
import { categoriesOf } from '../data/categories';
import { inspectionsOf, monitoringVisitsOf, schoolsEverInSpecialMeasures } from '../data/ofsted';
import { ofstedStanding } from './ofsted-follow-up';
import { profilesOf } from '../data/profiles';
import { listSchools } from '../data/schools';
import { sefEntries } from '../data/sef';
import { allVisits, visitsAwaitingQa, visitsOf } from '../data/visits';
import { calendarOf } from './calendar';
import { categoryRow, categoryRowsOf } from './categories';
import type { Ctx, HandlersOf } from './context';
import { deadlinesAhead } from './deadlines';
import { requireSchool } from './schools';
import { withTerm } from './visits';

/** "Today" for a DSIM is the date in Europe/London, whatever the computer's clock zone. */
const today = (ctx: Ctx) => londonDate(ctx.now());

/** The LA's category for a school on a date: the latest confirmed by then. */
export function laCategoryOn(ctx: Ctx, schoolId: number, date: string): number | null {
  return (
    categoriesOf(ctx.db, schoolId)
      .map(categoryRow)
      .find((c) => c.decidedOn !== null && c.decidedOn <= date)?.confirmedCategory ?? null
  );
}

/** The urgent-case flag, with the Secretary of State's notice and the new statement as recorded. */
function urgentFor(ctx: Ctx, schoolId: number) {
  return ofstedStanding(ctx, schoolId, today(ctx)).urgent;
}

function schoolMonitoring(ctx: Ctx, schoolId: number, on = today(ctx)): SchoolMonitoring {
  requireSchool(ctx, schoolId);
  const calendar = calendarOf(ctx);
  const visits = visitsOf(ctx.db, schoolId).map((v) => withTerm(calendar, v));
  const categories = categoryRowsOf(ctx, schoolId);
  const confirmedAt = (date: string) =>
    categories.find((c) => c.decidedOn !== null && c.decidedOn <= date)?.confirmedCategory ?? null;
  return {
    visits,
    categories,
    sef: sefEntries(ctx.db, { schoolId }),
    inspections: inspectionsOf(ctx.db, schoolId).map((i) => ({
      ...i,
      laCategory: confirmedAt(i.inspectedOn),
    })),
    monitoringVisits: monitoringVisitsOf(ctx.db, schoolId),
    profiles: profilesOf(ctx.db, schoolId).map((p) => ({ ...p, label: termLabel(p) })),
    sipDays: { academicYear: academicYearLabel(academicYearOf(on)), ...sipDays(visits, academicYearOf(on)) },
    urgent: urgentFor(ctx, schoolId),
  };
}

/**
 * What a DSIM asks of their double district: who has had no SIP visit this term, which reports wait
 * for quality assurance, which cases are urgent, and who has used more than their SIP days.
 */
function overview(ctx: Ctx, doubleDistrictId: number | null, on = today(ctx)): Overview {
  const calendar = calendarOf(ctx);
  const term = termOf(on, calendar);
  const schools = listSchools(ctx.db).filter(
    (s) => s.closedOn === null && (doubleDistrictId === null || s.doubleDistrictId === doubleDistrictId),
  );
  const ref = (s: (typeof schools)[number]) => ({
    schoolId: s.id,
    dfe: s.dfe,
    name: s.name,
    district: s.district,
    doubleDistrict: s.doubleDistrict,
    sip: s.sip,
  });
  const byId = new Map(schools.map((s) => [s.id, s]));
  const termVisits = allVisits(ctx.db, term.startsOn, term.endsOn);
  const visitedBySip = new Set(termVisits.filter((v) => v.role === 'SIP').map((v) => v.schoolId));
  const year = calendar(term.academicYear);
  const yearVisits = allVisits(ctx.db, year[0]!.startsOn, year[2]!.endsOn);
  const bySchool = new Map<number, typeof yearVisits>();
  for (const v of yearVisits) bySchool.set(v.schoolId, [...(bySchool.get(v.schoolId) ?? []), v]);
  const sortBySip = <T extends { sip: string | null; name: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.sip ?? '').localeCompare(b.sip ?? '') || a.name.localeCompare(b.name));
  return {
    term: termLabel(term),
    noSipVisit: sortBySip(schools.filter((s) => !visitedBySip.has(s.id)).map(ref)),
    awaitingQa: sortBySip(
      visitsAwaitingQa(ctx.db)
        .filter((v) => byId.has(v.schoolId))
        .map((v) => ({
          ...ref(byId.get(v.schoolId)!),
          visitId: v.id,
          visitedOn: v.visitedOn,
          visitor: v.visitor,
          reportReceivedOn: v.reportReceivedOn!,
        })),
    ),
    urgent: schoolsEverInSpecialMeasures(ctx.db)
      .filter((id) => byId.has(id))
      .flatMap((id) => {
        const found = urgentFor(ctx, id);
        return found ? [{ ...ref(byId.get(id)!), ...found }] : [];
      }),
    overUsed: sortBySip(
      [...bySchool.entries()].flatMap(([id, visits]) => {
        const days = sipDays(visits, term.academicYear);
        return byId.has(id) && days.over ? [{ ...ref(byId.get(id)!), used: days.used }] : [];
      }),
    ),
    deadlines: deadlinesAhead(ctx, new Set(byId.keys()), on).map(({ schoolId, ...d }) => ({
      ...ref(byId.get(schoolId)!),
      ...d,
    })),
  };
}

export const monitoringHandlers: HandlersOf<typeof monitoringOps> = {
  'monitoring.school': ({ schoolId, today: on }, s) => schoolMonitoring(s.ctx(), schoolId, on),
  'monitoring.overview': ({ doubleDistrictId, today: on }, s) => overview(s.ctx(), doubleDistrictId, on),
};
