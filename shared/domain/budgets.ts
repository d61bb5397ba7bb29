import { formatPounds } from './format';

/**
 * The division's budget summary (DOMAIN §12, seed 002 §D "Resource profile"). Every amount is integer
 * pence. Income lines are negative, as in the LA's sheet, so every total is the plain sum of its
 * lines and the projected deficit is gross expenditure plus (negative) total income.
 */

export type BudgetLineKind = 'expenditure' | 'income';

export interface BudgetLineDef {
  label: string;
  kind: BudgetLineKind;
}

/** The lines of the LA's sheet, in its order. */
export const BUDGET_LINES: readonly BudgetLineDef[] = [
  ...[
    'Employees',
    'Premises',
    'Transport',
    'Supplies & Services',
    'Professional Development',
    'Central Support',
    'Communications',
    'IT',
  ].map((label) => ({ label, kind: 'expenditure' as const })),
  ...[
    'TSF',
    'Contracts',
    'Sales',
    'Fees & Charges',
    'Income from Schools etc',
    'Rents',
    'EDP/Service Level Agreements',
    'Miscellaneous Income',
  ].map((label) => ({ label, kind: 'income' as const })),
];

/** The three figures of every line and total. */
export const BUDGET_FIGURES = ['budget', 'actual', 'projected'] as const;
export type BudgetFigure = (typeof BUDGET_FIGURES)[number];
export type Figures = Record<BudgetFigure, number>;

export const FIGURE_LABELS: Record<BudgetFigure, string> = {
  budget: 'Budget',
  actual: 'Actual',
  projected: 'Projected outturn',
};

export interface BudgetLineFigures extends Figures {
  label: string;
  kind: BudgetLineKind;
}

/** The sheet's totals: which lines each adds up, by the label of its row. */
export const BUDGET_TOTALS = ['Gross Expenditure', 'Total Income', 'Projected Deficit'] as const;
export type BudgetTotal = (typeof BUDGET_TOTALS)[number];

const sum = (lines: readonly Figures[]): Figures => ({
  budget: lines.reduce((s, l) => s + l.budget, 0),
  actual: lines.reduce((s, l) => s + l.actual, 0),
  projected: lines.reduce((s, l) => s + l.projected, 0),
});

/** Each total computed from the lines, never taken from the sheet. */
export function budgetTotals(lines: readonly BudgetLineFigures[]): Record<BudgetTotal, Figures> {
  const expenditure = sum(lines.filter((l) => l.kind === 'expenditure'));
  const income = sum(lines.filter((l) => l.kind === 'income'));
  return {
    'Gross Expenditure': expenditure,
    'Total Income': income,
    'Projected Deficit': sum([expenditure, income]),
  };
}

/**
 * Projected outturn less budget. Income is negative, so for every line a positive variance is
 * adverse (more spent, or less earned, than budgeted) and a negative one favourable.
 */
export const variance = (f: Figures) => f.projected - f.budget;

/** A total as the workbook holds it (a typed number or a formula's saved result), and its cell. */
export interface HeldTotal {
  total: BudgetTotal;
  figure: BudgetFigure;
  pence: number;
  where: string;
}

/**
 * Each total the workbook holds that disagrees with the sum of its lines, at its cell, with both
 * figures (listed as "Budget Summary!C14: the total says …"): the import is refused rather than storing lines that do not add up to what the LA sees.
 */
export function totalsThatDisagree(
  lines: readonly BudgetLineFigures[],
  held: readonly HeldTotal[],
): Array<{ where: string; message: string }> {
  const computed = budgetTotals(lines);
  return held
    .filter((h) => computed[h.total][h.figure] !== h.pence)
    .map((h) => ({
      where: h.where,
      message: `the total says ${formatPounds(h.pence)} but its lines add up to ${formatPounds(computed[h.total][h.figure])}.`,
    }));
}

/** Pounds as typed in the sheet (pence allowed) to integer pence, or null when not a number. */
export function poundsToPence(text: string): number | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const pence = Math.round(Number(cleaned) * 100);
  return Number.isSafeInteger(pence) ? pence : null;
}

/** "Budget Summary 2007/2008" or "2007/08" → "2007/08"; null when no financial year is there. */
export function parseFinancialYear(text: string): string | null {
  const match = /(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]!.slice(-2));
  return end === (start + 1) % 100 ? `${start}/${String(end).padStart(2, '0')}` : null;
}

/** "2007/08" → the title's "2007/2008" and the header's "07/08". */
export function financialYearForms(year: string): { long: string; short: string } {
  const start = Number(year.slice(0, 4));
  return { long: `${start}/${start + 1}`, short: `${year.slice(2, 4)}/${year.slice(5, 7)}` };
}

/** "Actual as at 31/01/08 £" → "2008-01-31" (a two-digit year is this century); null if no real date. */
export function parseAsAt(text: string): string | null {
  const match = /(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(text);
  if (!match) return null;
  const [day, month] = [Number(match[1]), Number(match[2])];
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date as the LA's header writes it: "31/01/08". */
export const asAtShort = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;

/** The date a financial year (April to March) holds a monitoring date in. */
export function inFinancialYear(year: string, iso: string): boolean {
  const start = Number(year.slice(0, 4));
  return iso >= `${start}-04-01` && iso <= `${start + 1}-03-31`;
}

/** "Projected Outturn at January 2008 £" → "January 2008"; '' when the header names no month. */
export function parseProjectedAt(text: string): string {
  const match = /\bat\s+([A-Za-z]+\s+\d{4})/.exec(text);
  return match ? match[1]! : '';
}
