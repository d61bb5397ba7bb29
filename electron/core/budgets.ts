import type { BudgetDraft, BudgetPreview, budgetsOps } from '../../shared/api/budgets';
import { ApiError, type Problem } from '../../shared/api/errors';
import { inFinancialYear, totalsThatDisagree } from '../../shared/domain/budgets';
import { diffRecords } from '../../shared/domain/changes';
import { formatDate } from '../../shared/domain/format';
import { allBudgets, budgetAt, budgets } from '../data/budgets';
import { saveRecord } from '../data/write';
import type { ParsedBudget } from '../workbooks/budget-summary';
import { offThread } from '../workbooks/off-thread';
import { listed } from '../workbooks/problems';
import type { Ctx, HandlersOf } from './context';
import {
  backUpBefore,
  planMark,
  PreviewedPlans,
  refuseIfStale,
  refuseReadOnly,
  refuseWithProblems,
} from './imports';
import { reachStage } from './progress';

export interface BudgetPlan {
  preview: BudgetPreview;
  draft: BudgetDraft;
  heldId: number | null;
  readAt: string;
}

/**
 * Judges a read summary, writing nothing: the monitoring date must fall in the title's financial year,
 * and every total the workbook holds must be the sum of its lines, or the whole file is refused.
 */
export function planBudget(ctx: Ctx, parsed: ParsedBudget): BudgetPlan {
  const readAt = planMark(ctx);
  // Lines that could not be read are already problems; the totals are not judged on what is left.
  const problems: Problem[] =
    parsed.problems.length > 0 ? [...parsed.problems] : totalsThatDisagree(parsed.lines, parsed.held);
  if (parsed.financialYear && parsed.asAt && !inFinancialYear(parsed.financialYear, parsed.asAt))
    problems.push({
      where: parsed.sheetName,
      message: `The actuals are as at ${formatDate(parsed.asAt)}, which is not in the financial year ${parsed.financialYear}.`,
    });
  const draft: BudgetDraft = {
    financialYear: parsed.financialYear,
    asAt: parsed.asAt,
    projectedAt: parsed.projectedAt,
    lines: parsed.lines,
  };
  const held = problems.length === 0 ? budgetAt(ctx.db, draft.financialYear, draft.asAt) : undefined;
  const changes = held
    ? diffRecords(budgets.describe(held), budgets.describe({ ...draft, id: held.id }))
    : [];
  return {
    draft,
    heldId: held?.id ?? null,
    readAt,
    preview: {
      problems: listed(problems),
      warnings: parsed.warnings,
      financialYear: parsed.financialYear,
      asAt: parsed.asAt,
      projectedAt: parsed.projectedAt,
      lines: parsed.lines,
      isNew: !held,
      changes,
    },
  };
}

/** The summary is read on the workbook thread, so the app answers other requests meanwhile. */
async function planFromUpload(ctx: Ctx, dataBase64: string): Promise<BudgetPlan> {
  await reachStage('reading');
  const parsed = await offThread('readBudgetSummary', Buffer.from(dataBase64, 'base64'));
  await reachStage('checking');
  return planBudget(ctx, parsed);
}

const previewed = new PreviewedPlans<BudgetPlan>();

export async function previewBudgetUpload(ctx: Ctx, dataBase64: string): Promise<BudgetPreview> {
  const plan = await planFromUpload(ctx, dataBase64);
  previewed.keep(ctx, dataBase64, plan);
  return plan.preview;
}

/**
 * Applies exactly what the preview showed, all of it or none: one checked save of the whole summary
 * of that monitoring date, so the record of changes holds one entry with every figure before and
 * after. A summary already held is backed up first.
 */
export async function applyBudget(ctx: Ctx, plan: BudgetPlan): Promise<void> {
  refuseReadOnly(ctx);
  refuseWithProblems(plan.preview.problems, 'budget summary');
  if (plan.heldId !== null && plan.preview.changes.length === 0) return;
  if (plan.heldId !== null) await backUpBefore(ctx, 'before-import');
  await reachStage('writing');
  saveRecord(ctx, budgets, plan.heldId ?? undefined, plan.draft, {
    action: 'import',
    check: () => refuseIfStale(ctx, plan.readAt),
    summary: (after, before) =>
      `Budget summary ${after.financialYear} as at ${formatDate(after.asAt)} ${before ? 'updated' : 'imported'} from the workbook`,
  });
}

export async function applyBudgetUpload(ctx: Ctx, dataBase64: string): Promise<BudgetPreview> {
  const plan = previewed.take(ctx, dataBase64) ?? (await planFromUpload(ctx, dataBase64));
  await applyBudget(ctx, plan);
  return plan.preview;
}

function summaryAt(ctx: Ctx, which: { financialYear?: string | undefined; asAt?: string | undefined }) {
  const found =
    which.financialYear && which.asAt
      ? budgetAt(ctx.db, which.financialYear, which.asAt)
      : allBudgets(ctx.db).at(-1);
  if (!found)
    throw new ApiError({
      code: 'not_found',
      message:
        which.financialYear && which.asAt
          ? `No budget summary for ${which.financialYear} as at ${formatDate(which.asAt)} is held.`
          : 'No budget summary has been imported yet.',
    });
  return found;
}

/** The summary written into a copy of the LA's template, on the workbook thread. */
export async function exportBudget(
  ctx: Ctx,
  templatePath: string,
  which: { financialYear?: string | undefined; asAt?: string | undefined },
) {
  await reachStage('reading');
  const held = summaryAt(ctx, which);
  const summary: BudgetDraft = {
    financialYear: held.financialYear,
    asAt: held.asAt,
    projectedAt: held.projectedAt,
    lines: held.lines,
  };
  await reachStage('writing');
  const data = await offThread('writeBudgetSummary', templatePath, summary);
  return {
    fileName: `budget-summary-${summary.financialYear.replace('/', '-')}-${summary.asAt}.xlsx`,
    dataBase64: Buffer.from(data).toString('base64'),
  };
}

export const budgetsHandlers: HandlersOf<typeof budgetsOps> = {
  'budgets.preview': ({ dataBase64 }, s) => previewBudgetUpload(s.ctx(), dataBase64),
  'budgets.apply': ({ dataBase64 }, s) => applyBudgetUpload(s.ctx(), dataBase64),
  'budgets.list': (_, s) => allBudgets(s.ctx().db),
  'budgets.get': (which, s) => summaryAt(s.ctx(), which),
  'budgets.export': (which, s) => exportBudget(s.ctx(), s.template('budget-summary.xlsx'), which),
};
