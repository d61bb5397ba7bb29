import type { Problem } from '../../shared/api/contract';
import type { Framework } from '../../shared/domain/sef';
import { keepColumnWidths, readCells, saveLikeTemplate, templateWorkbook } from './cells';
import {
  findSheet,
  missingColumns,
  readRows,
  readTitles,
  templateSheet,
  writeRows,
  writeTitles,
  type CellData,
  type SheetRow,
} from './layout';
import { gradeField, sefGridLayout } from './layouts/sef-grid';
import type { StreamedWorkbook } from './xlsx-reader';

interface GridCell {
  text: string;
  where: string;
}

export interface GridRow {
  row: number;
  dfe: GridCell;
  sefOn: GridCell;
  validated: GridCell;
  grades: Array<GridCell & { code: string; label: string }>;
}

export interface ParsedGrid {
  sheetName: string;
  doubleDistrict: string;
  term: string;
  rows: GridRow[];
  problems: Problem[];
  warnings: Problem[];
}

/** The grid as its sheet's rows, before they are given the grid's shape (see `gridRows`). */
export type GridSheet = Omit<ParsedGrid, 'rows'> & { rows: Array<SheetRow<string>> };

export async function readSefGrid(data: Buffer, framework: Framework): Promise<ParsedGrid> {
  const sheet = await readSefGridSheet(data, framework);
  return { ...sheet, rows: gridRows(sheet.rows, framework) };
}

/**
 * The grid's sheet rows, as the workbook thread sends them: they cross as a few columns of strings
 * (packed-rows.ts), and the main thread gives them the grid's shape.
 */
export function readSefGridSheet(data: Buffer, framework: Framework): Promise<GridSheet> {
  const layout = sefGridLayout(framework);
  const empty = { sheetName: layout.sheet, doubleDistrict: '', term: '', rows: [], warnings: [] };
  return readCells(
    data,
    (workbook) => readGrid(workbook, framework),
    (problem) => ({ ...empty, problems: [problem] }),
  );
}

function readGrid(workbook: StreamedWorkbook, framework: Framework): GridSheet {
  const layout = sefGridLayout(framework);
  const empty = { sheetName: layout.sheet, doubleDistrict: '', term: '', rows: [], warnings: [] };
  const found = findSheet(workbook, layout);
  if (!found) {
    return {
      ...empty,
      problems: [
        {
          where: layout.sheet,
          message: `No header row with "DfE No" and the ${framework.name} judgements was found.`,
        },
      ],
    };
  }
  const { sheet, headerRow } = found;
  const problems: Problem[] = missingColumns(found, layout).map((label) => ({
    where: `${sheet.name}!A${headerRow}`,
    message: `The header row has no "${label}" column.`,
  }));
  const warnings: Problem[] = found.unknown.map(({ label, where }) => ({
    where,
    message: `Column "${label}" is not part of the grid and was ignored.`,
  }));
  const titles = readTitles(found, layout);
  const base = {
    sheetName: sheet.name,
    doubleDistrict: titles.doubleDistrict ?? '',
    term: titles.term ?? '',
  };
  if (problems.length > 0) return { ...base, rows: [], problems, warnings };

  const rows = readRows(found, layout, problems);
  return { ...base, rows, problems, warnings };
}

/** Each sheet row as the grid's row: its school, date, validation and a cell per judgement. */
export function gridRows(rows: Array<SheetRow<string>>, framework: Framework): GridRow[] {
  const judgements = framework.judgements.map((j) => ({ ...j, field: gradeField(j.code) }));
  return rows.map(({ row, values, cell }) => {
    const at = (field: string) => ({ text: values[field] ?? '', where: cell[field] ?? '' });
    return {
      row,
      dfe: at('dfe'),
      sefOn: at('sefOn'),
      validated: at('validated'),
      // Built whole rather than spread from `at`: a 650-row grid has thousands of grade cells.
      grades: judgements.map((j) => ({
        code: j.code,
        label: j.label,
        text: values[j.field] ?? '',
        where: cell[j.field] ?? '',
      })),
    };
  });
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
  const layout = sefGridLayout(data.framework);
  const workbook = await templateWorkbook(templatePath, 'left out');
  const found = templateSheet(workbook, layout);
  writeTitles(found, layout, { doubleDistrict: data.doubleDistrict, term: data.term });
  const grades = data.framework.judgements.map((j) => [j.code, gradeField(j.code)] as const);
  writeRows(
    found,
    layout,
    data.rows.map((school): Record<string, CellData> => {
      const record: Record<string, CellData> = {
        dfe: school.dfe,
        name: school.name,
        phase: school.phase,
        district: school.district,
        sefOn: school.sefOn,
        validated: school.validated,
      };
      for (const [code, field] of grades) record[field] = school.grades[code] ?? null;
      return record;
    }),
  );
  keepColumnWidths(found.sheet);
  return saveLikeTemplate(workbook, templatePath);
}
