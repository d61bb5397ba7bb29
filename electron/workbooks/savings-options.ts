import type ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/errors';
import { inMillions, totalOf, UNKNOWN, type Figure } from '../../shared/domain/savings';
import { keepColumnWidths, readCells, saveLikeTemplate, templateWorkbook, textForExcel } from './cells';
import {
  findSheet,
  missingColumns,
  readRows,
  templateSheet,
  type ReadBook,
  type ReadSheet,
  type SheetRow,
} from './layout';
import { FIGURE_FIELDS, SAVINGS_SHEET, type FigureField, type SavingsField } from './layouts/savings-options';

export interface ParsedSavings {
  rows: Array<SheetRow<SavingsField>>;
  problems: Problem[];
  warnings: Problem[];
}

/** Reads every option row of the workbook as text, with the cell each value came from. */
export function readSavingsOptions(data: Buffer): Promise<ParsedSavings> {
  return readCells(data, readOptions, (problem) => ({ rows: [], problems: [problem], warnings: [] }));
}

function readOptions(workbook: ReadBook<ReadSheet>): ParsedSavings {
  const found = findSheet(workbook, SAVINGS_SHEET);
  if (!found)
    return {
      rows: [],
      warnings: [],
      problems: [
        {
          where: SAVINGS_SHEET.sheet,
          message: 'No header row with "Ref", "Option Header" and the savings columns was found.',
        },
      ],
    };
  const problems: Problem[] = missingColumns(found, SAVINGS_SHEET).map((label) => ({
    where: `${found.sheet.name}!A${found.headerRow}`,
    message: `The header row has no "${label}" column.`,
  }));
  const warnings = found.unknown.map(({ label, where }) => ({
    where,
    message: `Column "${label}" is not part of the savings options sheet and was ignored.`,
  }));
  if (problems.length > 0) return { rows: [], problems, warnings };
  return { rows: readRows(found, SAVINGS_SHEET, problems), problems, warnings };
}

export interface SavingsExportRow {
  ref: string;
  service: string;
  optionHeader: string;
  comments: string;
  status: string;
  priority: string;
  doAnyway: string;
  fte: Figure;
  cash1: Figure;
  cash2: Figure;
  cash3: Figure;
  diff: Figure;
  sponsor: string;
  code: string;
}

/** A figure as the sheet holds it: posts or £ millions, or `?` where it is not known yet. */
function figureCell(field: FigureField, figure: Figure): ExcelJS.CellValue {
  if (figure === UNKNOWN) return UNKNOWN;
  if (figure === null) return null;
  return field === 'fte' ? figure / 100 : inMillions(figure);
}

const CASH_FORMAT = '0.000';

/**
 * Writes the options into a copy of the template, one row each under the header, and moves the
 * template's Total row below them with its sums over the rows written. ExcelJS computes no formulas,
 * so each sum is saved with its result (which, like Excel's SUM, passes over a `?`).
 */
export async function writeSavingsOptions(
  templatePath: string,
  options: SavingsExportRow[],
): Promise<Buffer> {
  const workbook = await templateWorkbook(templatePath, 'left out');
  const found = templateSheet(workbook, SAVINGS_SHEET);
  const { sheet, headerRow, columnOf } = found;

  const totalRow = sheet.getRow(headerRow + 1);
  const totals: Array<{ col: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }> = [];
  totalRow.eachCell((cell, col) => {
    totals.push({ col, value: cell.value, style: { ...cell.style } });
    cell.value = null;
    cell.style = {};
  });

  options.forEach((option, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    for (const column of SAVINGS_SHEET.columns) {
      const col = columnOf.get(column.field);
      if (col === undefined) continue;
      const cell = row.getCell(col);
      if ((FIGURE_FIELDS as readonly string[]).includes(column.field)) {
        const field = column.field as FigureField;
        cell.value = figureCell(field, option[field]);
        if (field !== 'fte') cell.numFmt = CASH_FORMAT;
      } else {
        cell.value = textForExcel(option[column.field as Exclude<SavingsField, FigureField>]);
        cell.numFmt = '@';
      }
    }
  });

  const first = headerRow + 1;
  const last = headerRow + options.length;
  const fieldAt = new Map([...columnOf].map(([field, col]) => [col, field]));
  const row = sheet.getRow(last + 1);
  for (const { col, value, style } of totals) {
    const cell = row.getCell(col);
    cell.style = style;
    const field = fieldAt.get(col);
    const isSum = value !== null && typeof value === 'object' && 'formula' in value;
    if (!isSum || !field || !(FIGURE_FIELDS as readonly string[]).includes(field)) {
      cell.value = value;
      continue;
    }
    const letter = sheet.getColumn(col).letter;
    const { total } = totalOf(options.map((o) => o[field as FigureField]));
    cell.value = {
      formula: `SUM(${letter}${first}:${letter}${last})`,
      result: figureCell(field as FigureField, total) as number,
    };
  }

  workbook.calcProperties.fullCalcOnLoad = true;
  keepColumnWidths(sheet);
  return saveLikeTemplate(workbook, templatePath);
}
