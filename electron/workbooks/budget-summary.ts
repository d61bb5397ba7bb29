import type { Problem } from '../../shared/api/errors';
import type { BudgetDraft } from '../../shared/api/budgets';
import {
  asAtShort,
  budgetTotals,
  financialYearForms,
  parseAsAt,
  parseFinancialYear,
  parseProjectedAt,
  poundsToPence,
  type BudgetFigure,
  type BudgetLineFigures,
  type HeldTotal,
} from '../../shared/domain/budgets';
import { shorten } from '../../shared/domain/shorten';
import { keepColumnWidths, readCells, readCellText, saveLikeTemplate, templateWorkbook } from './cells';
import { cellWhere, norm, type ReadBook, type ReadSheet } from './layout';
import { budgetSummaryLayout as layout } from './layouts/budget-summary';

/** Where the layout's parts are on a sheet: its title, header and each labelled row. */
interface Located<S extends ReadSheet> {
  sheet: S;
  titleRow: number | null;
  headerRow: number;
  columnOf: Record<BudgetFigure, number>;
  /** The column of the row labels: the first one left of the figures. */
  labelColumn: number;
}

const startsWith = (text: string, start: string) => norm(text).startsWith(norm(start));

/**
 * Finds the header row by how its three labels begin, on the sheet of the layout's name first, then
 * any other, so a renamed sheet or a moved column still reads.
 */
function locate<S extends ReadSheet>(workbook: ReadBook<S>, searchRows = 40): Located<S> | null {
  const named = workbook.getWorksheet(layout.sheet);
  const sheets = [...(named ? [named] : []), ...workbook.worksheets.filter((s) => s !== named)];
  for (const sheet of sheets) {
    for (let r = 1; r <= Math.min(searchRows, sheet.rowCount); r++) {
      const columnOf: Partial<Record<BudgetFigure, number>> = {};
      sheet.getRow(r).eachCell((cell, col) => {
        const read = readCellText(cell);
        if (!read.ok) return;
        const column = layout.columns.find((c) => startsWith(read.text, c.starts));
        if (column && columnOf[column.figure] === undefined) columnOf[column.figure] = col;
      });
      if (layout.columns.every((c) => columnOf[c.figure] !== undefined)) {
        const found = columnOf as Record<BudgetFigure, number>;
        let titleRow: number | null = null;
        for (let t = 1; t < r && titleRow === null; t++)
          sheet.getRow(t).eachCell((cell) => {
            const read = readCellText(cell);
            if (read.ok && startsWith(read.text, layout.titleStarts)) titleRow = t;
          });
        return {
          sheet,
          titleRow,
          headerRow: r,
          columnOf: found,
          labelColumn: Math.max(1, Math.min(...Object.values(found)) - 1),
        };
      }
    }
  }
  return null;
}

const textAt = (sheet: ReadSheet, row: number, col: number) => {
  const read = readCellText(sheet.getRow(row).getCell(col));
  return read.ok ? read.text : '';
};

/** The title's text, wherever in its row it was typed. */
function titleText(at: Located<ReadSheet>): { text: string; where: string } {
  if (at.titleRow === null) return { text: '', where: cellWhere(at.sheet, 1, 1) };
  let found = { text: '', where: cellWhere(at.sheet, at.titleRow, 1) };
  at.sheet.getRow(at.titleRow).eachCell((cell, col) => {
    const read = readCellText(cell);
    if (read.ok && startsWith(read.text, layout.titleStarts) && found.text === '')
      found = { text: read.text, where: cellWhere(at.sheet, at.titleRow!, col) };
  });
  return found;
}

export interface ParsedBudget {
  sheetName: string;
  financialYear: string;
  asAt: string;
  projectedAt: string;
  lines: BudgetLineFigures[];
  /** The totals the workbook holds, to be reconciled with its lines. */
  held: HeldTotal[];
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Reads a budget summary: the financial year from the title, the monitoring date and the month of the
 * projection from the header, each line's three figures in pence, and every total the sheet holds (a
 * typed number or a formula's saved result). Nothing is judged here beyond what a cell can say; the
 * totals are reconciled with the lines by the shared rules.
 */
const EMPTY: ParsedBudget = {
  sheetName: layout.sheet,
  financialYear: '',
  asAt: '',
  projectedAt: '',
  lines: [],
  held: [],
  problems: [],
  warnings: [],
};

export function readBudgetSummary(data: Buffer): Promise<ParsedBudget> {
  return readCells(data, readSummary, (problem) => ({ ...EMPTY, problems: [problem] }));
}

function readSummary(workbook: ReadBook<ReadSheet>): ParsedBudget {
  const at = locate(workbook);
  if (!at)
    return {
      ...EMPTY,
      problems: [
        {
          where: layout.sheet,
          message: 'No header row with "Budget", "Actual as at" and "Projected Outturn" columns was found.',
        },
      ],
    };
  const { sheet, headerRow, columnOf } = at;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  const title = titleText(at);
  const financialYear = parseFinancialYear(title.text) ?? '';
  if (!financialYear)
    problems.push({
      where: title.where,
      message: 'The title should name the financial year, like "Budget Summary 2007/2008".',
    });
  const actualHeader = textAt(sheet, headerRow, columnOf.actual);
  const asAt = parseAsAt(actualHeader) ?? '';
  if (!asAt)
    problems.push({
      where: cellWhere(sheet, headerRow, columnOf.actual),
      message: `"${shorten(actualHeader)}" should give the date of the actuals, like "Actual as at 31/01/08 £".`,
    });
  const projectedAt = parseProjectedAt(textAt(sheet, headerRow, columnOf.projected));

  const lineOf = new Map(layout.lines.map((l) => [norm(l.label), l]));
  const totalOf = new Map(layout.totals.map((t) => [norm(t), t]));
  const headings = new Set(layout.headings.map(norm));
  const lines: BudgetLineFigures[] = [];
  const held: HeldTotal[] = [];
  const seen = new Map<string, string>();

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const label = textAt(sheet, r, at.labelColumn);
    const figures = {} as Record<BudgetFigure, { pence: number | null; blank: boolean }>;
    let bad = false;
    for (const { figure } of layout.columns) {
      const where = cellWhere(sheet, r, columnOf[figure]);
      const read = readCellText(sheet.getRow(r).getCell(columnOf[figure]));
      if (!read.ok) {
        problems.push({ where, message: `${label || 'This cell'} ${read.message}.` });
        bad = true;
        continue;
      }
      const pence = read.text === '' ? 0 : poundsToPence(read.text);
      if (pence === null) {
        problems.push({ where, message: `"${shorten(read.text)}" is not an amount in pounds.` });
        bad = true;
      }
      figures[figure] = { pence, blank: read.text === '' };
    }
    const filled = layout.columns.some(({ figure }) => figures[figure] && !figures[figure].blank);
    const key = norm(label);
    const line = lineOf.get(key);
    const total = totalOf.get(key);
    if (line || total) {
      const first = seen.get(key);
      if (first) {
        problems.push({
          where: cellWhere(sheet, r, at.labelColumn),
          message: `"${label}" is on the sheet twice (also at ${first}).`,
        });
        continue;
      }
      seen.set(key, cellWhere(sheet, r, at.labelColumn));
    }
    if (bad) continue;
    if (line) {
      lines.push({
        label: line.label,
        kind: line.kind,
        budget: figures.budget.pence!,
        actual: figures.actual.pence!,
        projected: figures.projected.pence!,
      });
    } else if (total) {
      // A blank total (a template never opened in Excel) claims nothing to reconcile.
      for (const { figure } of layout.columns)
        if (!figures[figure].blank)
          held.push({
            total,
            figure,
            pence: figures[figure].pence!,
            where: cellWhere(sheet, r, columnOf[figure]),
          });
    } else if (filled && !headings.has(key)) {
      problems.push({
        where: cellWhere(sheet, r, at.labelColumn),
        message: label
          ? `"${shorten(label)}" is not a line of the budget summary.`
          : 'This row has figures but no line name.',
      });
    }
  }
  const missing = layout.lines.filter((l) => !seen.has(norm(l.label)));
  if (missing.length)
    problems.push({
      where: sheet.name,
      message: `The sheet has no line for ${missing.map((l) => l.label).join(', ')}.`,
    });
  return { sheetName: sheet.name, financialYear, asAt, projectedAt, lines, held, problems, warnings };
}

const pounds = (pence: number) => pence / 100;

/**
 * Writes one summary into a copy of the template, so its styles, frozen panes, merges and print
 * settings stay the LA's. Each total keeps the template's formula, saved with its result computed from
 * the lines, so the file reads the same in Excel and back in the app.
 */
export async function writeBudgetSummary(templatePath: string, data: BudgetDraft): Promise<Buffer> {
  const workbook = await templateWorkbook(templatePath, 'left out');
  const at = locate(workbook);
  if (!at || at.sheet.name !== layout.sheet || at.titleRow === null)
    throw new Error(`The template has lost the header row of its "${layout.sheet}" sheet.`);
  const { sheet, headerRow, columnOf } = at;
  const { long, short } = financialYearForms(data.financialYear);
  const title = titleText(at);
  sheet.getCell(title.where.split('!')[1]!).value = `${layout.titleStarts} ${long}`;
  const header = sheet.getRow(headerRow);
  header.getCell(columnOf.budget).value = `Budget ${short} £`;
  header.getCell(columnOf.actual).value = `Actual as at ${asAtShort(data.asAt)} £`;
  header.getCell(columnOf.projected).value = data.projectedAt
    ? `Projected Outturn at ${data.projectedAt} £`
    : 'Projected Outturn £';

  const lineByLabel = new Map(data.lines.map((l) => [norm(l.label), l]));
  const totals = budgetTotals(data.lines);
  const totalByLabel = new Map(Object.entries(totals).map(([label, figures]) => [norm(label), figures]));
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const key = norm(textAt(sheet, r, at.labelColumn));
    const figures = lineByLabel.get(key) ?? totalByLabel.get(key);
    if (!figures) continue;
    const isTotal = !lineByLabel.has(key);
    for (const { figure } of layout.columns) {
      const cell = sheet.getRow(r).getCell(columnOf[figure]);
      const value = cell.value;
      cell.value =
        isTotal && value && typeof value === 'object' && 'formula' in value
          ? { formula: value.formula, result: pounds(figures[figure]) }
          : pounds(figures[figure]);
    }
  }
  keepColumnWidths(sheet);
  return saveLikeTemplate(workbook, templatePath);
}
