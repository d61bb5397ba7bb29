import type ExcelJS from 'exceljs';
import { textForExcel } from './cells';
import { writeRows, type CellData, type Column } from './layout';

/**
 * A sheet the app writes without a template, laid out the way the LA's templates are
 * (resources/templates/*.xlsx): a bold title across the top, a note under it, a header row in bold on
 * the templates' pale blue with thin grey borders, frozen under the header (and beside the columns
 * that name the school), column widths, a filter on the header, and A4 landscape printing one page
 * wide with the header repeated on every page.
 */
export type StyledColumn<F extends string> = Column<F> & {
  width: number;
  /** Pence, written as pounds in a £ format. */
  money?: boolean;
};
export interface StyledLayout<F extends string> {
  sheet: string;
  title: string;
  columns: ReadonlyArray<StyledColumn<F>>;
  /** Columns kept in view when scrolling right (those that say which school a row is). */
  frozenColumns: number;
  /** Papers for a closed meeting print "CONFIDENTIAL" at the head of every page. */
  confidential?: boolean;
}

/** The row a layout's writer takes: one value a column, by field. */
export type RowOf<L> = Record<
  L extends { columns: ReadonlyArray<{ field: infer F }> } ? F & string : never,
  CellData
>;

// Shorthands for the columns the layouts most often hold, so each layout reads as its sheet does.
export const text = <F extends string>(field: F, label: string, width: number) =>
  ({ field, label, kind: 'text', width }) as const;
export const date = <F extends string>(field: F, label: string, width = 13) =>
  ({ field, label, kind: 'date', width }) as const;
export const whole = <F extends string>(field: F, label: string, width = 10) =>
  ({ field, label, kind: 'whole', width }) as const;
/** Pence, shown as pounds. */
export const pounds = <F extends string>(field: F, label: string, width = 13) =>
  ({ field, label, kind: 'whole', money: true, width }) as const;

export const HEADER_ROW = 3;
const HEADER_FILL = 'FFDCE6F1';
const BORDER_GREY = 'FF999999';
/** Pounds, a deficit or overspend in red. */
export const POUNDS = '£#,##0.00;[Red]-£#,##0.00';

export function addStyledSheet<F extends string>(
  workbook: ExcelJS.Workbook,
  layout: StyledLayout<F>,
  note: string,
  records: ReadonlyArray<Record<F, CellData>>,
): ExcelJS.Worksheet {
  const width = layout.columns.length;
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [{ state: 'frozen', xSplit: layout.frozenColumns, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      ...(layout.confidential ? { oddHeader: '&C&"-,Bold"CONFIDENTIAL' } : {}),
      oddFooter: `&L${layout.title}&RPage &P of &N`,
    },
  });
  const title = sheet.getCell(1, 1);
  title.value = textForExcel(layout.title);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(2, 1).value = textForExcel(note);
  sheet.getCell(2, 1).font = { italic: true };

  const header = sheet.getRow(HEADER_ROW);
  header.font = { bold: true };
  const thin = { style: 'thin', color: { argb: BORDER_GREY } } as const;
  layout.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { left: thin, right: thin, top: thin, bottom: thin };
    sheet.getColumn(index + 1).width = column.width;
  });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: width } };

  const columnOf = new Map(layout.columns.map((column, index) => [column.field, index + 1]));
  const inPounds = records.map((record) => {
    const copy = { ...record };
    for (const column of layout.columns)
      if (column.money && typeof record[column.field] === 'number')
        copy[column.field] = (record[column.field] as number) / 100;
    return copy;
  });
  writeRows({ sheet, headerRow: HEADER_ROW, columnOf, unknown: [] }, layout, inPounds);
  layout.columns.forEach((column, index) => {
    if (!column.money) return;
    for (let r = HEADER_ROW + 1; r <= HEADER_ROW + records.length; r++)
      sheet.getRow(r).getCell(index + 1).numFmt = POUNDS;
  });
  return sheet;
}
