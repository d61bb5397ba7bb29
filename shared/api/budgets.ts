import { z } from 'zod';
import { isoDate } from '../domain/fields';
import { download, fieldChange, nothing, op, upload } from './common';
import { problems } from './errors';

const pence = z.number().int().safe();
const financialYear = z.string().regex(/^\d{4}\/\d{2}$/, { message: 'Give a financial year, like 2007/08' });

export const budgetLineFigures = z
  .object({
    label: z.string().min(1).max(80),
    kind: z.enum(['expenditure', 'income']),
    budget: pence,
    actual: pence,
    projected: pence,
  })
  .strict();

/** One budget summary: the figures of every line at one monitoring date of a financial year. */
export const budgetDraft = z
  .object({
    financialYear,
    asAt: isoDate,
    projectedAt: z.string().max(40),
    lines: z.array(budgetLineFigures).min(1).max(100),
  })
  .strict();
export type BudgetDraft = z.infer<typeof budgetDraft>;
export const budgetSummary = budgetDraft.extend({ id: z.number().int() });
export type BudgetSummary = z.infer<typeof budgetSummary>;
export const budgetLabels = {
  financialYear: 'Financial year',
  asAt: 'Actual as at',
  projectedAt: 'Projected outturn at',
  lines: 'Lines',
};

export const budgetPreview = z.object({
  problems,
  warnings: problems,
  financialYear: z.string(),
  asAt: z.string(),
  projectedAt: z.string(),
  lines: z.array(budgetLineFigures),
  /** No summary was held for this monitoring date. */
  isNew: z.boolean(),
  /** What a summary already held for this date would change. */
  changes: z.array(fieldChange),
});
export type BudgetPreview = z.infer<typeof budgetPreview>;

const which = z.object({ financialYear, asAt: isoDate }).strict();

export const budgetsOps = {
  'budgets.preview': op(upload, budgetPreview),
  'budgets.apply': op(upload, budgetPreview),
  /** Every summary held, oldest monitoring date first, with its lines, for the screen and its chart. */
  'budgets.list': op(nothing, z.array(budgetSummary)),
  'budgets.get': op(which, budgetSummary),
  /** The summary of one monitoring date, or the latest held when none is named. */
  'budgets.export': op(which.partial().strict(), download),
};
