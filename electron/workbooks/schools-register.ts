import ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/contract';
import { findHeaderRow, keepColumnWidths, loadWorkbook, readCellText } from './cells';

/** The columns of the LA's register template, in its order. */
export const REGISTER_COLUMNS = [
  'DfE No',
  'URN',
  'School name',
  'Type',
  'Phase',
  'District',
  'Diocese',
  'Number on roll',
  'Headteacher',
  'Chair of governors',
  'SIP',
  'Postcode',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
const REQUIRED: readonly RegisterColumn[] = ['DfE No', 'School name', 'Phase', 'District'];

export interface RegisterRow {
  row: number;
  /** The cell address of each column on this row, for messages. */
  cell: Record<RegisterColumn, string>;
  values: Record<RegisterColumn, string>;
}

export interface DistrictRow {
  where: string;
  district: string;
  doubleDistrict: string;
}

export interface ParsedRegister {
  rows: RegisterRow[];
  districts: DistrictRow[];
  problems: Problem[];
}

const SCHOOLS = 'Schools';
const DISTRICTS = 'Districts';

export async function readRegister(data: Buffer): Promise<ParsedRegister> {
  const loaded = await loadWorkbook(ExcelJS, data);
  if (typeof loaded === 'string')
    return { rows: [], districts: [], problems: [{ where: 'File', message: loaded }] };
  const problems: Problem[] = [];
  const rows = readSchools(loaded, problems);
  const districts = readDistricts(loaded, problems);
  return { rows, districts, problems };
}

function readSchools(workbook: ExcelJS.Workbook, problems: Problem[]): RegisterRow[] {
  const sheet = workbook.getWorksheet(SCHOOLS);
  if (!sheet) {
    problems.push({ where: SCHOOLS, message: `The workbook has no sheet called "${SCHOOLS}".` });
    return [];
  }
  const header = findHeaderRow(sheet, REQUIRED);
  if (!header) {
    problems.push({
      where: `${SCHOOLS}!A1`,
      message: `No header row with the labels ${REQUIRED.join(', ')} was found.`,
    });
    return [];
  }
  const columnOf = {} as Record<RegisterColumn, number | undefined>;
  for (const label of REGISTER_COLUMNS) columnOf[label] = header.columns.get(label.toLowerCase());
  const missing = REQUIRED.filter((label) => columnOf[label] === undefined);
  if (missing.length > 0) {
    problems.push({
      where: `${SCHOOLS}!A${header.row}`,
      message: `The header row has no ${missing.map((m) => `"${m}"`).join(', ')} column.`,
    });
    return [];
  }

  const rows: RegisterRow[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const sheetRow = sheet.getRow(r);
    const values = {} as Record<RegisterColumn, string>;
    const cell = {} as Record<RegisterColumn, string>;
    let blank = true;
    for (const label of REGISTER_COLUMNS) {
      const col = columnOf[label];
      const address = col === undefined ? '' : sheetRow.getCell(col).address;
      cell[label] = `${SCHOOLS}!${address}`;
      if (col === undefined) {
        values[label] = '';
        continue;
      }
      const read = readCellText(sheetRow.getCell(col));
      if (!read.ok) {
        problems.push({ where: cell[label], message: `${label} ${read.message}.` });
        values[label] = '';
        blank = false;
        continue;
      }
      values[label] = read.text;
      if (read.text !== '') blank = false;
    }
    if (!blank) rows.push({ row: r, cell, values });
  }
  return rows;
}

function readDistricts(workbook: ExcelJS.Workbook, problems: Problem[]): DistrictRow[] {
  const sheet = workbook.getWorksheet(DISTRICTS);
  if (!sheet) return [];
  const header = findHeaderRow(sheet, ['District', 'Double district']);
  const districtCol = header?.columns.get('district');
  const doubleCol = header?.columns.get('double district');
  if (!header || districtCol === undefined || doubleCol === undefined) {
    problems.push({
      where: `${DISTRICTS}!A1`,
      message: 'No header row with "District" and "Double district" was found.',
    });
    return [];
  }
  const found: DistrictRow[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const districtCell = sheet.getRow(r).getCell(districtCol);
    const doubleCell = sheet.getRow(r).getCell(doubleCol);
    const district = readCellText(districtCell);
    const double = readCellText(doubleCell);
    if (!district.ok || !double.ok) {
      const bad = !district.ok ? districtCell : doubleCell;
      problems.push({
        where: `${DISTRICTS}!${bad.address}`,
        message: `This cell ${district.ok ? (double as { message: string }).message : district.message}.`,
      });
      continue;
    }
    if (district.text === '' && double.text === '') continue;
    if (district.text === '' || double.text === '') {
      problems.push({
        where: `${DISTRICTS}!${(district.text === '' ? districtCell : doubleCell).address}`,
        message: 'Each district needs both its name and its double district.',
      });
      continue;
    }
    found.push({
      where: `${DISTRICTS}!${districtCell.address}`,
      district: district.text,
      doubleDistrict: double.text,
    });
  }
  return found;
}

export interface RegisterExport {
  schools: Array<{
    dfe: string;
    urn: number | null;
    name: string;
    type: string | null;
    phase: string;
    district: string;
    diocese: string | null;
    numberOnRoll: number | null;
    headteacher: string | null;
    chairOfGovernors: string | null;
    sip: string | null;
    postcode: string | null;
  }>;
  districts: Array<{ district: string; doubleDistrict: string }>;
}

/**
 * Writes into a copy of the LA's template so its title, header styles, widths, frozen panes and filter
 * stay as the LA made them. Strings go in as strings: ExcelJS only writes a formula when given one.
 */
export async function writeRegister(templatePath: string, data: RegisterExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const schools = workbook.getWorksheet(SCHOOLS);
  const districts = workbook.getWorksheet(DISTRICTS);
  if (!schools || !districts)
    throw new Error('The register template is missing its Schools or Districts sheet.');
  const header = findHeaderRow(schools, REQUIRED);
  if (!header) throw new Error('The register template has lost its header row.');

  data.schools.forEach((school, index) => {
    schools.getRow(header.row + 1 + index).values = [
      school.dfe,
      school.urn,
      school.name,
      school.type,
      school.phase,
      school.district,
      school.diocese,
      school.numberOnRoll,
      school.headteacher,
      school.chairOfGovernors,
      school.sip,
      school.postcode,
    ].map((value) => value ?? null);
  });
  const lastRow = header.row + Math.max(1, data.schools.length);
  keepColumnWidths(schools);
  keepColumnWidths(districts);
  schools.autoFilter = `A${header.row}:L${lastRow}`;

  const districtHeader = findHeaderRow(districts, ['District', 'Double district']);
  const firstDistrictRow = (districtHeader?.row ?? 3) + 1;
  data.districts.forEach((row, index) => {
    districts.getRow(firstDistrictRow + index).values = [row.district, row.doubleDistrict];
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
