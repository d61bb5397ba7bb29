import type ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/errors';
import { readCellText, readDateCell, textForExcel, type CellRead } from './cells';
import { columnLetters } from './xlsx-reader';

/**
 * What a column holds, which decides how it is written on export and read back on import:
 * - text: user text, written as text (format @) so Excel never runs "=…" as a formula;
 * - whole: a whole number; grade: 1–4; both written as numbers;
 * - date: written as a date shown dd/mm/yyyy, read from a date or Excel's serial number;
 * - yesNo: written Y or N.
 * The reader hands each cell on as text; the shared rules (checkSchool, parseGrade, parseDate,
 * parseYesNo) then decide what it means, exactly as they do for the forms.
 */
export type CellKind = 'text' | 'whole' | 'date' | 'grade' | 'yesNo';

export interface Column<F extends string = string> {
  field: F;
  /** The header label, compared as staff type it (case, spaces and punctuation do not matter). */
  label: string;
  kind: CellKind;
  /** A workbook without this column is refused. */
  required?: boolean;
  /** Written for people to read (a school's name beside its DfE number), never read back. */
  exportOnly?: boolean;
}

/** One sheet of an LA workbook, described once for both its reader and its writer. */
export interface SheetLayout<F extends string = string> {
  sheet: string;
  columns: ReadonlyArray<Column<F>>;
  /** A row is a record when one of these is filled; other cells alone are stray notes. */
  rowWhen?: readonly F[];
  /** Values labelled in the title rows above the header ("Term" then "Autumn 2008"), by name. */
  titles?: Readonly<Record<string, string>>;
}

/** A value for a cell: ISO text for a date, a boolean for Y/N. */
export type CellData = string | number | boolean | null;

export const norm = (label: string) =>
  label
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A cell as a reader sees it: its value as ExcelJS gives it, and its address ("B7"). */
export interface ReadCell {
  value: ExcelJS.CellValue;
  address: string;
}

/**
 * The little of a sheet the layouts read: ExcelJS's Worksheet has it (templates, for the writers),
 * and so does the quick reader's StreamedSheet (imports, see xlsx-reader.ts).
 */
export interface ReadSheet {
  name: string;
  rowCount: number;
  columnCount: number;
  getRow(row: number): {
    getCell(col: number): ReadCell;
    eachCell(each: (cell: ReadCell, col: number) => void): void;
  };
}

export interface ReadBook<S extends ReadSheet> {
  worksheets: S[];
  getWorksheet(name: string): S | undefined;
}

/** A layout's sheet as found in a workbook: where its header row is and each column under it. */
export interface FoundSheet<F extends string, S extends ReadSheet = ExcelJS.Worksheet> {
  sheet: S;
  headerRow: number;
  columnOf: Map<F, number>;
  /** Labelled columns that are not part of the layout. */
  unknown: Array<{ label: string; where: string }>;
}

/** A cell's place for messages ("Schools!B7"), as its address reads in Excel. */
export const cellWhere = (sheet: ReadSheet, row: number, col: number) =>
  `${sheet.name}!${columnLetters(col)}${row}`;

/**
 * Finds the header row by its labels, so title rows above it may come and go, columns may move and
 * others be added. The sheet of the layout's name is tried first, then any other, so a renamed sheet
 * still reads. A header row holds at least three of the layout's labels (both, for a two-column sheet).
 */
export function findSheet<F extends string, S extends ReadSheet>(
  workbook: ReadBook<S>,
  layout: SheetLayout<F>,
  searchRows = 40,
): FoundSheet<F, S> | null {
  const named = workbook.getWorksheet(layout.sheet);
  const sheets = [...(named ? [named] : []), ...workbook.worksheets.filter((s) => s !== named)];
  const fieldOf = new Map(layout.columns.map((c) => [norm(c.label), c.field]));
  const enough = Math.min(3, layout.columns.length);
  for (const sheet of sheets) {
    for (let r = 1; r <= Math.min(searchRows, sheet.rowCount); r++) {
      const columnOf = new Map<F, number>();
      const unknown: FoundSheet<F, S>['unknown'] = [];
      sheet.getRow(r).eachCell((cell, col) => {
        const read = readCellText(cell);
        if (!read.ok || read.text === '') return;
        const field = fieldOf.get(norm(read.text));
        if (field === undefined) unknown.push({ label: read.text, where: cellWhere(sheet, r, col) });
        else if (!columnOf.has(field)) columnOf.set(field, col);
      });
      if (columnOf.size >= enough) return { sheet, headerRow: r, columnOf, unknown };
    }
  }
  return null;
}

export const requiredLabels = <F extends string>(layout: SheetLayout<F>) =>
  layout.columns.filter((c) => c.required).map((c) => c.label);

/** The labels of the layout's columns (required ones, or all) the found header lacks. */
export function missingColumns<F extends string>(
  found: FoundSheet<F, ReadSheet>,
  layout: SheetLayout<F>,
  which: 'required' | 'all' = 'required',
): string[] {
  return layout.columns
    .filter((c) => (which === 'all' || c.required) && !found.columnOf.has(c.field))
    .map((c) => c.label);
}

/** One record's cells: each field's text and the cell it came from, for messages. */
export interface SheetRow<F extends string> {
  row: number;
  values: Record<F, string>;
  cell: Record<F, string>;
}

const readAs = (cell: ReadCell, kind: CellKind): CellRead =>
  kind === 'date' ? readDateCell(cell) : readCellText(cell);

/**
 * Every record under the header, each cell read by its column's kind. A cell that cannot be read
 * honestly (a formula with no result, an error, a number too large to be a date) is a problem at
 * that cell, and its row still counts, so nothing is skipped in silence.
 */
export function readRows<F extends string>(
  found: FoundSheet<F, ReadSheet>,
  layout: SheetLayout<F>,
  problems: Problem[],
): Array<SheetRow<F>> {
  const { sheet, headerRow, columnOf } = found;
  const read = layout.columns.filter((c) => !c.exportOnly);
  const marks = new Set<F>(layout.rowWhen ?? read.map((c) => c.field));
  const rows: Array<SheetRow<F>> = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const values = {} as Record<F, string>;
    const cell = {} as Record<F, string>;
    let counts = false;
    for (const column of read) {
      const col = columnOf.get(column.field);
      cell[column.field] = cellWhere(sheet, r, col ?? 1);
      values[column.field] = '';
      if (col === undefined) continue;
      const got = readAs(line.getCell(col), column.kind);
      if (!got.ok) {
        problems.push({ where: cell[column.field], message: `${column.label} ${got.message}.` });
        counts = true;
        continue;
      }
      values[column.field] = got.text;
      if (got.text !== '' && marks.has(column.field)) counts = true;
    }
    if (counts) rows.push({ row: r, values, cell });
  }
  return rows;
}

/** The values labelled in the title rows above the header: the first filled cell right of each label. */
export function readTitles<F extends string>(found: FoundSheet<F, ReadSheet>, layout: SheetLayout<F>) {
  const { sheet, headerRow } = found;
  const titles: Record<string, string> = {};
  for (const [name, label] of Object.entries(layout.titles ?? {})) {
    titles[name] = '';
    for (let r = 1; r < headerRow && titles[name] === ''; r++) {
      const row = sheet.getRow(r);
      for (let c = 1; c <= sheet.columnCount && titles[name] === ''; c++) {
        const read = readCellText(row.getCell(c));
        if (!read.ok || norm(read.text) !== norm(label)) continue;
        for (let next = c + 1; next <= sheet.columnCount; next++) {
          const value = readCellText(row.getCell(next));
          if (value.ok && value.text !== '') {
            titles[name] = value.text;
            break;
          }
        }
      }
    }
  }
  return titles;
}

const WRITE: Record<CellKind, (value: CellData) => { value: ExcelJS.CellValue; numFmt?: string }> = {
  text: (value) => ({ value: value === null ? null : textForExcel(String(value)), numFmt: '@' }),
  whole: (value) => ({ value: value === null ? null : Number(value) }),
  grade: (value) => ({ value: value === null ? null : Number(value) }),
  date: (value) => ({
    value: value === null ? null : new Date(`${String(value)}T00:00:00Z`),
    numFmt: 'dd/mm/yyyy',
  }),
  yesNo: (value) => ({ value: value === null ? null : value ? 'Y' : 'N' }),
};

/**
 * Finds the layout's header in a template, or says plainly that the template has lost it. Each of
 * the layout's columns the template has is written; a writer decides whether one it lacks matters.
 */
export function templateSheet<F extends string>(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout<F>,
): FoundSheet<F> {
  const found = findSheet(workbook, layout);
  if (!found || found.sheet.name !== layout.sheet)
    throw new Error(`The template has lost the header row of its "${layout.sheet}" sheet.`);
  return found;
}

/** Writes records under the header, each value by its column's kind, one row per record. */
export function writeRows<F extends string>(
  found: FoundSheet<F>,
  layout: SheetLayout<F>,
  records: ReadonlyArray<Record<F, CellData>>,
): void {
  records.forEach((record, index) => {
    const row = found.sheet.getRow(found.headerRow + 1 + index);
    for (const column of layout.columns) {
      const col = found.columnOf.get(column.field);
      if (col === undefined) continue;
      const cell = row.getCell(col);
      const { value, numFmt } = WRITE[column.kind](record[column.field]);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }
  });
}

/** Writes each title value, as text, into the cell right of its label above the header. */
export function writeTitles<F extends string>(
  found: FoundSheet<F>,
  layout: SheetLayout<F>,
  values: Record<string, string>,
): void {
  for (const [name, label] of Object.entries(layout.titles ?? {})) {
    for (let r = 1; r < found.headerRow; r++) {
      const row = found.sheet.getRow(r);
      row.eachCell((cell, c) => {
        const read = readCellText(cell);
        if (!read.ok || norm(read.text) !== norm(label)) return;
        const { value, numFmt } = WRITE.text(values[name] ?? null);
        row.getCell(c + 1).value = value;
        if (numFmt) row.getCell(c + 1).numFmt = numFmt;
      });
    }
  }
}
