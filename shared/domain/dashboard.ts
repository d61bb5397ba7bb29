import { shiftTerm, termLabel, termOf, type Calendar, type TermDates } from './calendar';
import { CATEGORIES, SUPPORT_LEVELS } from './categories';
import { STAGES } from './concerns';
import { paidFromFund, type CostSource, type CostStatus } from './money';
import { emptyFilter, filterSchools, type SchoolFilter } from './school-filter';

/**
 * The dashboard's pure parts: which schools each of its numbers counts, the terms its category chart
 * covers and how the fund's spending builds up over the year.
 */

export type CountGroup = 'category' | 'support' | 'stage' | 'ofsted' | 'visits';

/** One number on the dashboard: what it is, and the schools list's filter that shows the schools behind it. */
export interface SchoolCount {
  key: string;
  group: CountGroup;
  label: string;
  filter: Partial<SchoolFilter>;
}

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const OFSTED_CATEGORIES = ['Notice to Improve', 'Special Measures'] as const;

export const SCHOOL_COUNTS: readonly SchoolCount[] = [
  ...([1, 2, 3, 4] as const).map((c) => ({
    key: `category-${c}`,
    group: 'category' as const,
    label: `${c} ${CATEGORIES[c]}`,
    filter: { category: c },
  })),
  { key: 'category-0', group: 'category', label: 'None confirmed', filter: { category: 0 } },
  ...SUPPORT_LEVELS.map((level) => ({
    key: `support-${level}`,
    group: 'support' as const,
    label: capitalised(level),
    filter: { supportLevel: level },
  })),
  ...STAGES.map((stage) => ({
    key: `stage-${stage}`,
    group: 'stage' as const,
    label: `Stage ${stage}`,
    filter: { concernStage: stage },
  })),
  ...OFSTED_CATEGORIES.map((category) => ({
    key: `ofsted-${category}`,
    group: 'ofsted' as const,
    label: category,
    filter: { ofstedCategory: category },
  })),
  { key: 'no-sip-visit', group: 'visits', label: 'No SIP visit this term', filter: { noSipVisit: true } },
];

/** The list's filter behind a count, for a double district or (null) the whole LA. */
export const countFilter = (count: SchoolCount, doubleDistrictId: number | null): SchoolFilter => ({
  ...emptyFilter,
  doubleDistrictId,
  ...count.filter,
});

/**
 * Every count, by the schools list's own filter on the list's own rows, so a number always matches
 * the list it opens.
 */
export function schoolCounts<T extends Parameters<typeof filterSchools>[0][number]>(
  rows: readonly T[],
  doubleDistrictId: number | null,
): Record<string, number> {
  return Object.fromEntries(
    SCHOOL_COUNTS.map((count) => [
      count.key,
      filterSchools(rows, countFilter(count, doubleDistrictId)).length,
    ]),
  );
}

/** How many terms the category chart shows: two academic years. */
const CHART_TERMS = 6;

export interface TermPoint {
  term: string;
  /** The day its categories are read on: the term's last day, or today for the term not yet over. */
  asAt: string;
}

/** The current term and the five before it, oldest first. */
export function lastTerms(today: string, calendar: Calendar, n = CHART_TERMS): TermPoint[] {
  const current = termOf(today, calendar);
  return Array.from({ length: n }, (_, i) => {
    const ref = shiftTerm(current, i - n + 1);
    const dates: TermDates = calendar(ref.academicYear).find((t) => t.term === ref.term)!;
    return { term: termLabel(ref), asAt: dates.endsOn < today ? dates.endsOn : today };
  });
}

export interface Decision {
  schoolId: number;
  decidedOn: string;
  /** Null where the review was decided without confirming a category. */
  category: number | null;
}

/**
 * Schools by the LA category in force at each point: the latest decision by then, as the schools list
 * reads the current one. A school closed by then is left out. Counts are indexed by category, 0 for
 * schools with none confirmed.
 */
export function categoryDistribution(
  points: readonly TermPoint[],
  schools: ReadonlyArray<{ id: number; closedOn: string | null }>,
  decisions: readonly Decision[],
): Array<TermPoint & { counts: number[] }> {
  const bySchool = new Map<number, Decision[]>();
  for (const d of decisions) bySchool.set(d.schoolId, [...(bySchool.get(d.schoolId) ?? []), d]);
  for (const list of bySchool.values()) list.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  return points.map((point) => {
    const counts = [0, 0, 0, 0, 0];
    for (const school of schools) {
      if (school.closedOn !== null && school.closedOn <= point.asAt) continue;
      const latest = (bySchool.get(school.id) ?? []).filter((d) => d.decidedOn <= point.asAt).at(-1);
      counts[latest?.category ?? 0]! += 1;
    }
    return { ...point, counts };
  });
}

export interface MonthSpend {
  /** `2026-04`. */
  month: string;
  /** Charged to the fund from April to the end of this month. */
  spentPence: number;
  committedPence: number;
}

/**
 * A financial year's fund spending month by month, built up from April, so the last month's figures
 * are the year's. Costs not paid from the fund (the school's CPD, support already funded) are left out.
 */
export function fundByMonth(
  financialYear: string,
  costs: ReadonlyArray<{ incurredOn: string; source: CostSource; status: CostStatus; amountPence: number }>,
): MonthSpend[] {
  const start = Number(financialYear.slice(0, 4));
  let spentPence = 0;
  let committedPence = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const year = start + Math.floor((i + 3) / 12);
    const month = `${year}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
    for (const c of costs)
      if (paidFromFund(c.source) && c.incurredOn.startsWith(month)) {
        if (c.status === 'Spent') spentPence += c.amountPence;
        else committedPence += c.amountPence;
      }
    return { month, spentPence, committedPence };
  });
}
