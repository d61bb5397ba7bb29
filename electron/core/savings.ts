import type { Problem } from '../../shared/api/errors';
import type { savingsOps, SavingsOptionDraft, SavingsPreview } from '../../shared/api/savings';
import { diffRecords } from '../../shared/domain/changes';
import { londonDate } from '../../shared/domain/format';
import { parseCashMillions, parseCode, parseFte, totalOf, type Figure } from '../../shared/domain/savings';
import { listSavingsOptions, savingsOptions } from '../data/savings';
import { saveRecord, write } from '../data/write';
import { listed } from '../workbooks/problems';
import { offThread } from '../workbooks/off-thread';
import type { ParsedSavings } from '../workbooks/savings-options';
import { FIGURE_FIELDS, SAVINGS_SHEET, type FigureField } from '../workbooks/layouts/savings-options';
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

interface PlannedOption {
  heldId: number | undefined;
  draft: SavingsOptionDraft;
  changed: boolean;
}

export interface SavingsPlan {
  preview: SavingsPreview;
  work: PlannedOption[];
  readAt: string;
}

const label = (field: string) => SAVINGS_SHEET.columns.find((c) => c.field === field)?.label ?? field;

/** Checks every row by the shared rules and works out what is new and what changed, writing nothing. */
export function planSavings(ctx: Ctx, parsed: ParsedSavings): SavingsPlan {
  const readAt = planMark(ctx);
  const problems: Problem[] = [...parsed.problems];
  const held = new Map(listSavingsOptions(ctx.db).map((o) => [o.ref.toLowerCase(), o]));
  const seen = new Map<string, string>();
  const work: PlannedOption[] = [];
  const preview: SavingsPreview = {
    problems,
    warnings: parsed.warnings,
    newOptions: [],
    changed: [],
    unchangedCount: 0,
  };
  // A cell that could not be read is already a problem; its row is not judged on a blank it never had.
  const unreadable = new Set(parsed.problems.map((p) => p.where));

  parsed.rows.forEach(({ values, cell }, position) => {
    if (Object.values<string>(cell).some((where) => unreadable.has(where))) return;
    let bad = false;
    const refuse = (field: string, message: string) => {
      problems.push({ where: cell[field as keyof typeof cell], message: `${label(field)}: ${message}.` });
      bad = true;
    };
    const ref = values.ref.trim();
    if (ref === '') refuse('ref', 'this option has no reference');
    const first = seen.get(ref.toLowerCase());
    if (ref !== '' && first) refuse('ref', `${ref} is in the sheet twice (also at ${first})`);
    seen.set(ref.toLowerCase(), cell.ref);
    const code = parseCode(values.code);
    if (!code.ok) refuse('code', code.message);
    const figures = {} as Record<FigureField, Figure>;
    for (const field of FIGURE_FIELDS) {
      const read = field === 'fte' ? parseFte(values[field]) : parseCashMillions(values[field]);
      if (read.ok) figures[field] = read.value;
      else refuse(field, read.message);
    }
    if (bad || !code.ok) return;
    const draft: SavingsOptionDraft = {
      ref,
      service: values.service,
      optionHeader: values.optionHeader,
      comments: values.comments,
      status: values.status,
      priority: values.priority,
      doAnyway: values.doAnyway,
      ...figures,
      sponsor: values.sponsor,
      code: code.value,
      position,
    };
    const before = held.get(ref.toLowerCase());
    const changes = before
      ? diffRecords(savingsOptions.describe(before), savingsOptions.describe({ ...draft, id: before.id }))
      : [];
    if (!before) preview.newOptions.push({ ref, optionHeader: draft.optionHeader });
    else if (changes.length > 0) preview.changed.push({ ref, optionHeader: draft.optionHeader, changes });
    else preview.unchangedCount++;
    work.push({ heldId: before?.id, draft, changed: !before || changes.length > 0 });
  });
  preview.problems = listed(problems);
  return { preview, work, readAt };
}

/** The workbook is read on the workbook thread, so the app answers other requests meanwhile. */
async function planFromUpload(ctx: Ctx, dataBase64: string): Promise<SavingsPlan> {
  await reachStage('reading');
  const parsed = await offThread('readSavingsOptions', Buffer.from(dataBase64, 'base64'));
  await reachStage('checking');
  return planSavings(ctx, parsed);
}

const previewed = new PreviewedPlans<SavingsPlan>();

/** Writes the whole plan in one write or nothing, after a backup when it corrects options already held. */
export async function applySavings(ctx: Ctx, plan: SavingsPlan): Promise<void> {
  refuseReadOnly(ctx);
  refuseWithProblems(plan.preview.problems, 'savings options workbook');
  const work = plan.work.filter((w) => w.changed);
  if (work.length === 0) return;
  if (work.some((w) => w.heldId !== undefined)) await backUpBefore(ctx, 'before-import');
  await reachStage('writing');
  write(ctx, () => {
    refuseIfStale(ctx, plan.readAt);
    for (const w of work)
      saveRecord(ctx, savingsOptions, w.heldId, w.draft, {
        action: 'import',
        summary: (after) =>
          `Savings option ${after.ref} ${w.heldId === undefined ? 'imported' : 'updated'} from the savings options workbook`,
      });
  });
}

function savingsList(ctx: Ctx) {
  const options = listSavingsOptions(ctx.db);
  const of = (field: FigureField) => totalOf(options.map((o) => o[field]));
  return {
    options,
    totals: { fte: of('fte'), cash1: of('cash1'), cash2: of('cash2'), cash3: of('cash3'), diff: of('diff') },
  };
}

export const savingsHandlers: HandlersOf<typeof savingsOps> = {
  'savings.list': (_, s) => savingsList(s.ctx()),
  'savings.preview': async ({ dataBase64 }, s) => {
    const plan = await planFromUpload(s.ctx(), dataBase64);
    previewed.keep(s.ctx(), dataBase64, plan);
    return plan.preview;
  },
  // The plan the preview of these same bytes made, unless the file changed since.
  'savings.apply': async ({ dataBase64 }, s) => {
    const plan = previewed.take(s.ctx(), dataBase64) ?? (await planFromUpload(s.ctx(), dataBase64));
    await applySavings(s.ctx(), plan);
    return plan.preview;
  },
  'savings.export': async (_, s) => {
    const ctx = s.ctx();
    await reachStage('reading');
    const options = listSavingsOptions(ctx.db);
    await reachStage('writing');
    const data = await offThread('writeSavingsOptions', s.template('savings-options.xlsx'), options);
    return {
      fileName: `Savings options ${londonDate(ctx.now())}.xlsx`,
      dataBase64: Buffer.from(data).toString('base64'),
    };
  },
};
