import ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/contract';
import type { Framework } from '../../shared/domain/sef';
import { keepColumnWidths, loadWorkbook, readCellText, restoreFromTemplate } from './cells';

/** The LA's SEF grid (templates/sef-grid.xlsx): one row per school, one column per judgement. */
const SHEET = 'SEF grid';
const FIXED = ['DfE No', 'School', 'Phase', 'District', 'SEF date', 'Validated by SIP'] as const;
const REQUIRED_FIXED = ['DfE No', 'SEF date'] as const;

/** Header labels compared as staff type them: case, spaces and punctuation do not matter. */
const norm = (label: string) =>
  label
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface GridRow {
  row: number;
  dfe: { text: string; where: string };
  sefOn: { text: string; where: string };
  validated: { text: string; where: string };
  grades: Array<{ code: string; label: string; text: string; where: string }>;
}

export interface ParsedGrid {
  sheetName: string;
  doubleDistrict: string;
  term: string;
  rows: GridRow[];
  problems: Problem[];
  warnings: Problem[];
}

function labelledValue(sheet: ExcelJS.Worksheet, label: string, beforeRow: number): string {
  for (let r = 1; r < beforeRow; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) {
      const read = readCellText(row.getCell(c));
      if (!read.ok || norm(read.text) !== norm(label)) continue;
      for (let next = c + 1; next <= sheet.columnCount; next++) {
        const value = readCellText(row.getCell(next));
        if (value.ok && value.text !== '') return value.text;
      }
    }
  }
  return '';
}

export async function readSefGrid(data: Buffer, framework: Framework): Promise<ParsedGrid> {
  const empty = { sheetName: SHEET, doubleDistrict: '', term: '', rows: [], warnings: [] };
  const loaded = await loadWorkbook(ExcelJS, data);
  if (typeof loaded === 'string') return { ...empty, problems: [{ where: 'File', message: loaded }] };
  const wanted = [...FIXED, ...framework.judgements.map((j) => j.label)];
  const known = new Map(wanted.map((label) => [norm(label), label]));

  // The sheet and header row are found by their labels, so renamed sheets and moved titles still read.
  let found: {
    sheet: ExcelJS.Worksheet;
    row: number;
    columns: Map<string, number>;
    typed: Map<string, string>;
  } | null = null;
  const sheets = [loaded.getWorksheet(SHEET), ...loaded.worksheets].filter(
    (s): s is ExcelJS.Worksheet => !!s,
  );
  for (const sheet of sheets) {
    for (let r = 1; r <= Math.min(40, sheet.rowCount) && !found; r++) {
      const columns = new Map<string, number>();
      const typed = new Map<string, string>();
      sheet.getRow(r).eachCell((cell, col) => {
        const read = readCellText(cell);
        if (!read.ok || read.text === '') return;
        columns.set(norm(read.text), col);
        typed.set(norm(read.text), read.text);
      });
      if (columns.has(norm('DfE No')) && [...columns.keys()].filter((k) => known.has(k)).length >= 3)
        found = { sheet, row: r, columns, typed };
    }
    if (found) break;
  }
  if (!found) {
    return {
      ...empty,
      problems: [
        {
          where: SHEET,
          message: `No header row with "DfE No" and the ${framework.name} judgements was found.`,
        },
      ],
    };
  }
  const { sheet, row: headerRow, columns, typed } = found;
  const at = (col: number, row: number) => `${sheet.name}!${sheet.getRow(row).getCell(col).address}`;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  const missing = [
    ...REQUIRED_FIXED,
    ...framework.judgements.filter((j) => !j.optional).map((j) => j.label),
  ].filter((label) => !columns.has(norm(label)));
  for (const label of missing)
    problems.push({
      where: `${sheet.name}!A${headerRow}`,
      message: `The header row has no "${label}" column.`,
    });
  for (const [label, col] of columns) {
    if (!known.has(label))
      warnings.push({
        where: at(col, headerRow),
        message: `Column "${typed.get(label) ?? label}" is not part of the grid and was ignored.`,
      });
  }
  const base = {
    sheetName: sheet.name,
    doubleDistrict: labelledValue(sheet, 'Double district', headerRow),
    term: labelledValue(sheet, 'Term', headerRow),
  };
  if (missing.length > 0) return { ...base, rows: [], problems, warnings };

  const col = (label: string) => columns.get(norm(label));
  const read = (column: number | undefined, row: number) => {
    if (column === undefined) return { text: '', where: '' };
    const cell = sheet.getRow(row).getCell(column);
    const value = readCellText(cell);
    const where = `${sheet.name}!${cell.address}`;
    if (!value.ok) {
      problems.push({ where, message: `This cell ${value.message}.` });
      return { text: '', where };
    }
    return { text: value.text, where };
  };

  const rows: GridRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const grades = framework.judgements.map((j) => ({
      code: j.code,
      label: j.label,
      ...read(col(j.label), r),
    }));
    const entry = {
      row: r,
      dfe: read(col('DfE No'), r),
      sefOn: read(col('SEF date'), r),
      validated: read(col('Validated by SIP'), r),
      grades,
    };
    const blank = entry.dfe.text === '' && entry.sefOn.text === '' && grades.every((g) => g.text === '');
    if (!blank) rows.push(entry);
  }
  return { ...base, rows, problems, warnings };
}

export interface GridExport {
  doubleDistrict: string;
  term: string;
  framework: Framework;
  rows: Array<{
    dfe: string;
    name: string;
    phase: string;
    district: string;
    sefOn: string | null;
    validated: boolean | null;
    grades: Record<string, number>;
  }>;
}

/**
 * Writes the grid into a copy of the template, so its validations, conditional colours, frozen panes
 * and print settings stay the LA's; what ExcelJS mangles on the way is put back from the template.
 */
export async function writeSefGrid(templatePath: string, data: GridExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) throw new Error(`The SEF grid template has no "${SHEET}" sheet.`);
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= 20 && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, c) => {
      const read = readCellText(cell);
      if (read.ok && norm(read.text) === norm('DfE No')) headerRow = r;
      if (read.ok) columns.set(norm(read.text), c);
    });
    if (headerRow === 0) columns.clear();
  }
  if (headerRow === 0) throw new Error('The SEF grid template has lost its header row.');

  for (const [label, value] of [
    ['Double district', data.doubleDistrict],
    ['Term', data.term],
  ] as const) {
    for (let r = 1; r < headerRow; r++) {
      sheet.getRow(r).eachCell((cell, c) => {
        const read = readCellText(cell);
        if (read.ok && norm(read.text) === norm(label)) sheet.getRow(r).getCell(c + 1).value = value;
      });
    }
  }
  const put = (row: number, label: string, value: ExcelJS.CellValue) => {
    const c = columns.get(norm(label));
    if (c !== undefined) sheet.getRow(row).getCell(c).value = value;
  };
  data.rows.forEach((school, index) => {
    const r = headerRow + 1 + index;
    put(r, 'DfE No', school.dfe);
    put(r, 'School', school.name);
    put(r, 'Phase', school.phase);
    put(r, 'District', school.district);
    put(r, 'SEF date', school.sefOn === null ? null : new Date(`${school.sefOn}T00:00:00Z`));
    put(r, 'Validated by SIP', school.validated === null ? null : school.validated ? 'Y' : 'N');
    for (const j of data.framework.judgements) put(r, j.label, school.grades[j.code] ?? null);
    const dateCol = columns.get(norm('SEF date'));
    if (dateCol !== undefined) sheet.getRow(r).getCell(dateCol).numFmt = 'dd/mm/yyyy';
  });
  keepColumnWidths(sheet);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return restoreFromTemplate(templatePath, buffer);
}
