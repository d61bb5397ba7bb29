import type { Problem } from '../../shared/api/contract';
import { keepColumnWidths, readCells, templateWorkbook } from './cells';
import {
  findSheet,
  missingColumns,
  readRows,
  requiredLabels,
  templateSheet,
  writeRows,
  type CellData,
  type SheetRow,
} from './layout';
import {
  DISTRICTS_SHEET,
  SCHOOLS_SHEET,
  type DistrictsField,
  type SchoolsField,
} from './layouts/schools-register';
import type { StreamedWorkbook } from './xlsx-reader';

export type RegisterRow = SheetRow<SchoolsField>;
export type DistrictRow = SheetRow<DistrictsField>;

export interface ParsedRegister {
  rows: RegisterRow[];
  districts: DistrictRow[];
  problems: Problem[];
}

export function readRegister(data: Buffer): Promise<ParsedRegister> {
  return readCells(
    data,
    (workbook) => {
      const problems: Problem[] = [];
      const rows = readSchools(workbook, problems);
      const districts = readDistricts(workbook, problems);
      return { rows, districts, problems };
    },
    (problem) => ({ rows: [], districts: [], problems: [problem] }),
  );
}

function readSchools(workbook: StreamedWorkbook, problems: Problem[]): RegisterRow[] {
  const name = SCHOOLS_SHEET.sheet;
  const found = findSheet(workbook, SCHOOLS_SHEET);
  if (!found) {
    problems.push(
      workbook.getWorksheet(name)
        ? {
            where: `${name}!A1`,
            message: `No header row with the labels ${requiredLabels(SCHOOLS_SHEET).join(', ')} was found.`,
          }
        : { where: name, message: `The workbook has no sheet called "${name}".` },
    );
    return [];
  }
  const missing = missingColumns(found, SCHOOLS_SHEET);
  if (missing.length > 0) {
    problems.push({
      where: `${found.sheet.name}!A${found.headerRow}`,
      message: `The header row has no ${missing.map((m) => `"${m}"`).join(', ')} column.`,
    });
    return [];
  }
  return readRows(found, SCHOOLS_SHEET, problems);
}

/** The Districts sheet is optional: without it, schools must name districts the file already has. */
function readDistricts(workbook: StreamedWorkbook, problems: Problem[]): DistrictRow[] {
  if (!workbook.getWorksheet(DISTRICTS_SHEET.sheet)) return [];
  const found = findSheet(workbook, DISTRICTS_SHEET);
  if (!found || missingColumns(found, DISTRICTS_SHEET).length > 0) {
    problems.push({
      where: `${DISTRICTS_SHEET.sheet}!A1`,
      message: 'No header row with "District" and "Double district" was found.',
    });
    return [];
  }
  return readRows(found, DISTRICTS_SHEET, problems).filter((row) => {
    const blank = (['district', 'doubleDistrict'] as const).find((f) => row.values[f] === '');
    if (blank === undefined) return true;
    problems.push({
      where: row.cell[blank],
      message: 'Each district needs both its name and its double district.',
    });
    return false;
  });
}

export interface RegisterExport {
  schools: Array<Record<SchoolsField, CellData>>;
  districts: Array<Record<DistrictsField, string>>;
}

/**
 * Writes into a copy of the LA's template so its title, header styles, widths, frozen panes and filter
 * stay as the LA made them, each value under its layout column.
 */
export async function writeRegister(templatePath: string, data: RegisterExport): Promise<Buffer> {
  const workbook = await templateWorkbook(templatePath);
  const schools = templateSheet(workbook, SCHOOLS_SHEET);
  const districts = templateSheet(workbook, DISTRICTS_SHEET);
  const lost = [
    ...missingColumns(schools, SCHOOLS_SHEET, 'all'),
    ...missingColumns(districts, DISTRICTS_SHEET, 'all'),
  ];
  if (lost.length > 0) throw new Error(`The register template has lost its ${lost.join(', ')} column.`);
  writeRows(schools, SCHOOLS_SHEET, data.schools);
  writeRows(districts, DISTRICTS_SHEET, data.districts);

  const cols = [...schools.columnOf.values()];
  const letter = (col: number) => schools.sheet.getColumn(col).letter;
  const lastRow = schools.headerRow + Math.max(1, data.schools.length);
  schools.sheet.autoFilter = `${letter(Math.min(...cols))}${schools.headerRow}:${letter(Math.max(...cols))}${lastRow}`;
  keepColumnWidths(schools.sheet);
  keepColumnWidths(districts.sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
