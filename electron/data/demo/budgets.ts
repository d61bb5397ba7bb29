import type { BudgetDraft } from '../../../shared/api/budgets';
import type { SavingsOptionDraft } from '../../../shared/api/savings';
import { BUDGET_LINES, type BudgetLineFigures } from '../../../shared/domain/budgets';
import { financialYearOf } from '../../../shared/domain/calendar';
import { UNKNOWN, type Figure } from '../../../shared/domain/savings';
import { budgets } from '../budgets';
import type { Db } from '../database';
import { savingsOptions } from '../savings';
import { checkRules } from '../write';
import type { Random } from './random';

/**
 * The division's money for the demo: two financial years of budget monitoring (the year today falls
 * in and the one before) and a savings options register, so the finance screens, the dashboard and
 * the papers have history. Each is stored through its area's own record table after its shared field
 * rules, as an import stores it; like the rest of the demo it leaves no record of changes.
 */
export function seedBudgets(db: Db, random: Random, today: string): void {
  for (const summary of budgetHistory(random, today)) budgets.insert(db, checkRules(budgets, summary));
  savingsRegister(sponsorsOf(db)).forEach((option, position) =>
    savingsOptions.insert(db, checkRules(savingsOptions, { ...option, position })),
  );
}

/**
 * Each line's budget for 2007/08 in whole pounds, from the LA's published summary (DOMAIN §12); later
 * years grow from it. Income is negative, as in the LA's sheet.
 */
const BASE_BUDGET: Record<string, number> = {
  Employees: 9_328_820,
  Premises: 437_860,
  Transport: 614_140,
  'Supplies & Services': 881_090,
  'Professional Development': 30_810,
  'Central Support': 809_270,
  Communications: 114_380,
  IT: 297_050,
  TSF: -2_826_000,
  Contracts: -1_046_070,
  Sales: -72_820,
  'Fees & Charges': -12_030,
  'Income from Schools etc': -3_152_620,
  Rents: -26_000,
  'EDP/Service Level Agreements': -5_320_000,
  'Miscellaneous Income': -3_290,
};

/**
 * How much of a line's year has come in or gone out by a point in the year (0–1): most lines at an
 * even pace, service level agreements sold to schools at the start of the year, the grant late.
 */
function shareSpent(label: string, yearGone: number): number {
  if (label === 'EDP/Service Level Agreements') return Math.min(1, 0.9 + yearGone / 10);
  if (label === 'TSF') return yearGone * yearGone;
  return yearGone;
}

/** Monitoring at the ends of June, September, November and January, and the outturn in March. */
const MONITORING_MONTHS = [6, 9, 11, 1, 3];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const lastDayOf = (year: number, month: number) => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** A financial year's monitoring dates up to today, with how far through the year each falls. */
function monitoringDates(start: number, today: string) {
  return MONITORING_MONTHS.map((month) => {
    const year = month >= 4 ? start : start + 1;
    const monthsGone = ((month - 4 + 12) % 12) + 1;
    return {
      asAt: lastDayOf(year, month),
      projectedAt: `${MONTH_NAMES[month - 1]} ${year}`,
      yearGone: monthsGone / 12,
    };
  }).filter((d) => d.asAt <= today);
}

const toTen = (pounds: number) => Math.round(pounds / 10) * 10;

/**
 * Two years of summaries, ending with the latest financial year that has a monitoring date by
 * today. Each line's projected outturn drifts a little from its budget from one date to the next, and
 * by the March outturn what has been spent is what was projected.
 */
function budgetHistory(random: Random, today: string): BudgetDraft[] {
  let latest = Number(financialYearOf(today).slice(0, 4));
  if (monitoringDates(latest, today).length === 0) latest -= 1;
  return [latest - 1, latest].flatMap((start) => {
    const growth = 1.022 ** (start - 2007);
    const budget = new Map(BUDGET_LINES.map((l) => [l.label, toTen(BASE_BUDGET[l.label]! * growth)]));
    const drift = new Map(BUDGET_LINES.map((l) => [l.label, 0]));
    return monitoringDates(start, today).map(({ asAt, projectedAt, yearGone }) => {
      const lines: BudgetLineFigures[] = BUDGET_LINES.map(({ label, kind }) => {
        const planned = budget.get(label)!;
        // Income is harder to forecast than spending: it wanders further from its budget.
        const step = (random.next() - 0.5) * (kind === 'income' ? 0.03 : 0.012);
        drift.set(label, Math.max(-0.08, Math.min(0.08, drift.get(label)! + step)));
        const projected = toTen(planned * (1 + drift.get(label)!));
        const actual =
          yearGone === 1
            ? projected
            : Math.round(projected * shareSpent(label, yearGone) * (0.92 + random.next() * 0.1));
        return { label, kind, budget: planned * 100, actual: actual * 100, projected: projected * 100 };
      });
      return {
        financialYear: `${start}/${String((start + 1) % 100).padStart(2, '0')}`,
        asAt,
        projectedAt,
        lines,
      };
    });
  });
}

/** The division's senior managers sponsor its savings options. */
function sponsorsOf(db: Db): string[] {
  return db
    .prepare(
      `SELECT p.name FROM people p JOIN person_roles r ON r.person_id = p.id
        WHERE r.role IN ('Head of SID', 'Deputy Head of SID') ORDER BY r.role = 'Head of SID' DESC, p.id`,
    )
    .pluck()
    .all() as string[];
}

/** £ millions as the sheet types them, to pence; `?` stays not known yet. */
const m = (millions: number | '?'): Figure =>
  millions === UNKNOWN ? UNKNOWN : Math.round(millions * 100_000_000);

type Option = Omit<SavingsOptionDraft, 'position'>;

/**
 * A register like the LA's 2008/09 sheet: options across the division's services with their owners'
 * figures, some not known yet (`?`), each coded frontline, support or efficiency.
 */
function savingsRegister(sponsors: string[]): Option[] {
  const [head = 'Head of SID', deputy = head, secondDeputy = deputy] = sponsors;
  const option = (
    n: number,
    service: string,
    optionHeader: string,
    comments: string,
    figures: {
      fte: number | '?' | null;
      cash: [number | '?', number | '?', number | '?'];
      diff?: number | '?';
    },
    extra: { status?: string; priority?: string; doAnyway?: string; sponsor: string; code: Option['code'] },
  ): Option => ({
    ref: `RAMGSID${n}`,
    service,
    optionHeader,
    comments,
    status: extra.status ?? 'Yes',
    priority: extra.priority ?? 'High',
    doAnyway: extra.doAnyway ?? 'Yes',
    fte: figures.fte === null || figures.fte === UNKNOWN ? figures.fte : Math.round(figures.fte * 100),
    cash1: m(figures.cash[0]),
    cash2: m(figures.cash[1]),
    cash3: m(figures.cash[2]),
    diff: figures.diff === undefined ? null : m(figures.diff),
    sponsor: extra.sponsor,
    code: extra.code,
  });
  const sid = 'School Improvement Division';
  return [
    option(
      1,
      sid,
      'Move to commissioning consultants to support schools.',
      'Support for the curriculum now given by SID officers will be commissioned from schools (advanced skills teachers and other specialists) or other agencies, reducing the establishment.',
      { fte: 2, cash: [0.15, 0.15, 0.15], diff: '?' },
      { sponsor: head, code: 'E' },
    ),
    option(
      2,
      sid,
      'Price increases.',
      'An increase of 3% above inflation in the prices of SID support services is expected to sustain demand and raise additional income.',
      { fte: null, cash: [0.05, 0.05, 0.05], diff: '?' },
      { sponsor: head, code: 'E' },
    ),
    option(
      3,
      sid,
      'Reduction in support costs.',
      'A review of administrative support across the division will remove one post from the establishment.',
      { fte: 1, cash: [0.01, 0.01, 0.01] },
      { sponsor: head, code: 'S' },
    ),
    option(
      4,
      sid,
      'Collaboration with the Early Years team.',
      'Closer working on the Early Years Foundation Stage gives scope to share officer time across the Directorate.',
      { fte: '?', cash: [0.08, 0.08, 0.08] },
      { sponsor: deputy, code: 'E' },
    ),
    option(
      5,
      'District teams',
      'Merge administrative co-ordinator posts across double districts.',
      'One co-ordinator post shared between two double districts where caseloads allow; the register and minutes kept centrally.',
      { fte: 1.5, cash: [0.02, 0.045, 0.045], diff: 0.025 },
      { priority: 'Medium', doAnyway: 'No', sponsor: deputy, code: 'S' },
    ),
    option(
      6,
      'District teams',
      'Reduce the Priority School Support held back for the unexpected.',
      'Hold back a smaller share of each double district’s fund; risk that a school newly causing concern waits for the next allocation.',
      { fte: null, cash: [0.06, 0.06, 0.06] },
      { status: 'Under review', priority: 'Low', doAnyway: 'No', sponsor: head, code: 'F' },
    ),
    option(
      7,
      'Professional development',
      'Charge schools for central CPD courses.',
      'Courses now free at the point of use to be charged at cost; take-up may fall by a quarter.',
      { fte: null, cash: [0.03, '?', '?'] },
      { priority: 'Medium', sponsor: secondDeputy, code: 'F' },
    ),
    option(
      8,
      'Professional development',
      'Move course materials online.',
      'Printed packs and venue hire replaced by an online library for course materials.',
      { fte: 0.5, cash: [0.012, 0.018, 0.018], diff: 0.006 },
      { sponsor: secondDeputy, code: 'E' },
    ),
    option(
      9,
      'Data and performance (ERA)',
      'Buy the pupil performance analysis service jointly with a neighbouring LA.',
      'A shared contract for the analysis software and its support; negotiations with the neighbouring authority not yet concluded.',
      { fte: '?', cash: ['?', 0.04, 0.04] },
      { status: 'Under review', priority: 'Medium', doAnyway: 'No', sponsor: deputy, code: 'E' },
    ),
    option(
      10,
      'Data and performance (ERA)',
      'Stop printing school profiles.',
      'Termly school profiles to be sent electronically only.',
      { fte: null, cash: [0.004, 0.004, 0.004], diff: 0 },
      { priority: 'Low', sponsor: deputy, code: 'E' },
    ),
    option(
      11,
      'School Improvement Partners',
      'Reduce SIP days for schools in category 1.',
      'Schools judged outstanding to receive three SIP days a year rather than five, within the national minimum.',
      { fte: '?', cash: [0.07, 0.07, 0.07] },
      { priority: 'High', doAnyway: 'No', sponsor: head, code: 'F' },
    ),
    option(
      12,
      'School Improvement Partners',
      'Use serving headteachers as SIPs.',
      'More SIP work from serving headteachers paid through their schools rather than from contracted SIPs.',
      { fte: null, cash: [0.025, 0.05, 0.05], diff: 0.025 },
      { priority: 'Medium', sponsor: secondDeputy, code: 'E' },
    ),
    option(
      13,
      sid,
      'Vacancy management.',
      'Hold two officer vacancies open for the year; cover from the commissioned consultants.',
      { fte: 2, cash: [0.09, '?', '?'] },
      { status: 'Yes', priority: 'High', doAnyway: 'No', sponsor: head, code: 'S' },
    ),
    option(
      14,
      sid,
      'Reduce travel costs.',
      'Locality-based working and video meetings to cut officers’ mileage by a fifth.',
      { fte: null, cash: [0.02, 0.02, 0.02] },
      { sponsor: deputy, code: 'E' },
    ),
    option(
      15,
      'Governor services',
      'Sell clerking to academies and free schools.',
      'Extend the governors’ clerking service to schools outside the LA’s maintenance; demand not yet tested.',
      { fte: null, cash: ['?', '?', 0.03] },
      { status: 'No', priority: 'Low', doAnyway: 'No', sponsor: secondDeputy, code: 'E' },
    ),
    option(
      16,
      sid,
      'Stop the subject network meetings.',
      'Termly subject leader networks run by SID officers to end; schools to run their own through partnerships.',
      { fte: 0.5, cash: [0.015, 0.015, 0.015] },
      { status: 'Under review', priority: 'Medium', doAnyway: 'No', sponsor: deputy, code: 'F' },
    ),
  ];
}
