import {
  BUDGET_LINES,
  BUDGET_TOTALS,
  type BudgetFigure,
  type BudgetLineDef,
  type BudgetTotal,
} from '../../../shared/domain/budgets';

/**
 * The LA's budget summary (resources/templates/budget-summary.xlsx), described once for the reader
 * and the writer. Unlike the registers it runs down the sheet: one row per line, labelled in the first
 * column, under a header whose three labels carry the financial year and monitoring date
 * ("Budget 07/08 £", "Actual as at 31/01/08 £", "Projected Outturn at January 2008 £"), so a header
 * is known by how its label begins.
 */
export interface BudgetSummaryLayout {
  sheet: string;
  /** The title row above the header: "Budget Summary 2007/2008". */
  titleStarts: string;
  /** Each figure's column, by how its header label begins. */
  columns: ReadonlyArray<{ figure: BudgetFigure; starts: string }>;
  lines: readonly BudgetLineDef[];
  totals: readonly BudgetTotal[];
  /** Section headings, which hold no figures. */
  headings: readonly string[];
}

export const budgetSummaryLayout: BudgetSummaryLayout = {
  sheet: 'Budget Summary',
  titleStarts: 'Budget Summary',
  columns: [
    { figure: 'budget', starts: 'Budget' },
    { figure: 'actual', starts: 'Actual as at' },
    { figure: 'projected', starts: 'Projected Outturn' },
  ],
  lines: BUDGET_LINES,
  totals: BUDGET_TOTALS,
  headings: ['Expenditure', 'Income'],
};
