import { formatPounds } from './format';

/**
 * The money of interventions (DOMAIN §10, seed 002 L1569–1609). Every amount is integer pence, so
 * sums never drift by a rounding penny.
 */

/** Where an intervention's cost comes from. */
export const COST_SOURCES = ['pss-audit', 'pss-monitoring', 'cpd', 'already-funded'] as const;
export type CostSource = (typeof COST_SOURCES)[number];

export const COST_SOURCE_LABELS: Record<CostSource, string> = {
  'pss-audit': 'Priority School Support: audit and action plan',
  'pss-monitoring': 'Priority School Support: monitoring',
  cpd: 'CPD (paid by the school)',
  'already-funded': 'Support already funded (strategy consultants, SLAs)',
};

/**
 * The LA pays audit and monitoring from its Priority School Support fund; the school pays the CPD in
 * its action plan (Standards Fund); support already funded is recorded for the picture but not costed
 * again (L1595).
 */
export const FUND_SOURCES: readonly CostSource[] = ['pss-audit', 'pss-monitoring'];
export const paidFromFund = (source: CostSource) => FUND_SOURCES.includes(source);

export const COST_STATUSES = ['Committed', 'Spent'] as const;
export type CostStatus = (typeof COST_STATUSES)[number];

export interface Cap {
  days: number;
  pence: number;
  /** How the cap reads in a refusal: "Priority School Support for an audit and action plan". */
  what: string;
}

/** At most 5 officer days and £2,500 to audit and plan; at most 4 days and £2,000 to monitor (L1597). */
export const PSS_CAPS: Partial<Record<CostSource, Cap>> = {
  'pss-audit': { days: 5, pence: 250_000, what: 'Priority School Support for an audit and action plan' },
  'pss-monitoring': { days: 4, pence: 200_000, what: 'Priority School Support for monitoring' },
};

export interface CostLine {
  source: CostSource;
  days: number;
  amountPence: number;
}

export interface CapBreach {
  field: 'amountPence' | 'days';
  message: string;
}

const dayWord = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * Whether one more cost would take a project's PSS source past its cap, counting the project's other
 * costs of that source. Null when within the cap (exactly at it included) or the source has none.
 */
export function capBreach(others: readonly CostLine[], cost: CostLine): CapBreach | null {
  const cap = PSS_CAPS[cost.source];
  if (!cap) return null;
  const same = others.filter((o) => o.source === cost.source);
  const pence = same.reduce((sum, o) => sum + o.amountPence, cost.amountPence);
  const days = same.reduce((sum, o) => sum + o.days, cost.days);
  const capText = `${cap.what} is capped at ${formatPounds(cap.pence)} and ${dayWord(cap.days)}`;
  if (pence > cap.pence)
    return { field: 'amountPence', message: `${capText}; this would make ${formatPounds(pence)}.` };
  if (days > cap.days) return { field: 'days', message: `${capText}; this would make ${dayWord(days)}.` };
  return null;
}

/** Support already funded is recorded for the picture, never costed twice (L1595). */
export function costedTwice(cost: CostLine): string | null {
  return cost.source === 'already-funded' && cost.amountPence !== 0
    ? 'Support already funded is not costed again: leave the amount at £0'
    : null;
}

/** The two day rates the LA charges at, both settings (the seed implies £500 for PSS, £480 elsewhere). */
export interface DayRates {
  pssDayRatePence: number;
  officerDayRatePence: number;
}
export const DEFAULT_DAY_RATES: DayRates = { pssDayRatePence: 50_000, officerDayRatePence: 48_000 };

/**
 * The Secondary Strategy's charging bands (L1571–1583): on a school's consultant days in a year, up
 * to 10 are free; beyond that the school pays a fixed number of days for each band of ten.
 */
const BANDS: ReadonlyArray<{ upTo: number; pays: number; label: string }> = [
  { upTo: 10, pays: 0, label: 'Up to 10 days' },
  { upTo: 20, pays: 2, label: '11 to 20 days' },
  { upTo: 30, pays: 4, label: '21 to 30 days' },
  { upTo: 40, pays: 6, label: '31 to 40 days' },
  { upTo: 50, pays: 8, label: '41 to 50 days' },
  { upTo: Infinity, pays: 10, label: 'Over 50 days' },
];

export interface ChargingBand {
  days: number;
  band: string;
  chargeableDays: number;
  ratePence: number;
  chargePence: number;
}

/** What a school pays for its consultant days; a part day past a band's top (10.5) is in the next band. */
export function chargingBand(days: number, ratePence: number): ChargingBand {
  const band = BANDS.find((b) => days <= b.upTo)!;
  return { days, band: band.label, chargeableDays: band.pays, ratePence, chargePence: band.pays * ratePence };
}

/** Officer days available for work with schools in a year, per full-time officer (L1607). */
export const OFFICER_DAYS_A_YEAR = 170;

export interface FundFigures {
  allocationPence: number;
  heldBackPence: number;
  committedPence: number;
  spentPence: number;
  /** What is left to give to new interventions: the allocation less what is held back, committed and spent. */
  remainingPence: number;
}

/** A double district's intervention fund for a financial year, from the costs charged to it. */
export function fundFigures(
  fund: { allocationPence: number; heldBackPence: number },
  costs: ReadonlyArray<{ source: CostSource; status: CostStatus; amountPence: number }>,
): FundFigures {
  const charged = costs.filter((c) => paidFromFund(c.source));
  const sum = (status: CostStatus) =>
    charged.filter((c) => c.status === status).reduce((total, c) => total + c.amountPence, 0);
  const committedPence = sum('Committed');
  const spentPence = sum('Spent');
  return {
    allocationPence: fund.allocationPence,
    heldBackPence: fund.heldBackPence,
    committedPence,
    spentPence,
    remainingPence: fund.allocationPence - fund.heldBackPence - committedPence - spentPence,
  };
}

export interface Capacity {
  capacityDays: number;
  committedDays: number;
  over: boolean;
}

/** Officer days the fund's interventions take against what the double district's officers can give. */
export function officerCapacity(
  officerFte: number,
  costs: ReadonlyArray<{ source: CostSource; days: number }>,
): Capacity {
  const capacityDays = Math.round(officerFte * OFFICER_DAYS_A_YEAR * 10) / 10;
  const committedDays = costs.filter((c) => paidFromFund(c.source)).reduce((sum, c) => sum + c.days, 0);
  return { capacityDays, committedDays, over: committedDays > capacityDays };
}

export interface SpendLine {
  key: string;
  label: string;
  /** Charged to the LA's intervention fund. */
  fundPence: number;
  /** Every cost recorded, the school's CPD included. */
  totalPence: number;
}

/** Costs summed under a key (school, project, stage, source), largest first. */
export function spendBy<T extends { source: CostSource; amountPence: number }>(
  costs: readonly T[],
  keyOf: (c: T) => { key: string; label: string },
): SpendLine[] {
  const lines = new Map<string, SpendLine>();
  for (const c of costs) {
    const { key, label } = keyOf(c);
    const line = lines.get(key) ?? { key, label, fundPence: 0, totalPence: 0 };
    line.totalPence += c.amountPence;
    if (paidFromFund(c.source)) line.fundPence += c.amountPence;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.totalPence - a.totalPence || a.label.localeCompare(b.label));
}
