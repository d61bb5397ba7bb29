import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/errors';
import { Damaged, DAMAGED, refusalOf } from './guard';
import { StreamedWorkbook } from './xlsx-reader';

export type CellRead = { ok: true; text: string } | { ok: false; message: string };

const NOT_A_DATE: CellRead = { ok: false, message: 'holds a number too large to be a date' };
/** A damaged or hand-made file can hold a number cell whose text is not a number (ExcelJS reads NaN or Infinity). */
const NOT_A_NUMBER: CellRead = { ok: false, message: 'holds a number that cannot be read' };

/**
 * A date cell as ISO text. ExcelJS turns any number in a date-formatted cell into a Date, so a huge
 * number becomes an invalid one (or a year past 9999) that Excel itself shows as ####.
 */
function dateText(date: Date): CellRead {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 9999) return NOT_A_DATE;
  return { ok: true, text: date.toISOString().slice(0, 10) };
}

/** The last day Excel can show, 31/12/9999, as a serial number of days. */
const LAST_SERIAL = 2958465;

/**
 * A date cell whose format was lost (pasted as values) holds Excel's serial number of days since
 * 1900 instead of a Date; read as the date it stands for. Excel counts 1900 as a leap year, so its
 * day 0 is 30/12/1899 for every day after February 1900.
 */
export function readDateCell(cell: { value: ExcelJS.CellValue }): CellRead {
  const value = cell.value;
  if (typeof value !== 'number') return readCellText(cell);
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (value > LAST_SERIAL) return NOT_A_DATE;
  if (value < 61) return { ok: true, text: String(value) };
  return dateText(new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000));
}

/**
 * A cell's value as the text a person sees. ExcelJS computes no formulas, so a formula is read by its
 * cached result, and one saved without a result cannot be read honestly and is refused.
 */
export function readCellText(cell: { value: ExcelJS.CellValue }): CellRead {
  const value = cell.value;
  if (value === null || value === undefined) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value.trim() };
  if (typeof value === 'number' && !Number.isFinite(value)) return NOT_A_NUMBER;
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, text: String(value) };
  if (value instanceof Date) return dateText(value);
  if ('richText' in value)
    return {
      ok: true,
      text: value.richText
        .map((part) => part.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null) {
      return { ok: false, message: 'has a formula with no saved result (open and save it in Excel first)' };
    }
    if (typeof result === 'object' && 'error' in result)
      return { ok: false, message: `shows the error ${result.error}` };
    return result instanceof Date ? dateText(result) : { ok: true, text: String(result).trim() };
  }
  if ('text' in value) return { ok: true, text: String(value.text).trim() };
  if ('error' in value) return { ok: false, message: `shows the error ${value.error}` };
  return { ok: false, message: 'holds a value that cannot be read as text' };
}

/**
 * Text exactly as a person typed it, ready for a cell. ExcelJS writes a string as a shared string,
 * never a formula, so "=SUM(A1)" stays text; but it writes a carriage return or other control
 * character raw, which XML cannot carry (a CR comes back as a line feed, others break the file).
 * Excel's own escape `_xHHHH_` carries them, and a literal "_x0041_" is kept by escaping its "_".
 */
export function textForExcel(text: string): string {
  return text
    .replace(/_(x[0-9a-f]{4}_)/gi, '_x005F_$1')
    .replace(/[^\P{Cc}\t\n]/gu, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

const PROPERTIES = ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml'];

async function parse(ExcelJSModule: typeof ExcelJS, data: Buffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}

/**
 * The workbook without its document properties (title, author, company…), which no reader uses:
 * ExcelJS refuses a whole workbook when they alone are damaged. Null when it has none to drop.
 */
async function withoutProperties(data: Buffer): Promise<Buffer | null> {
  const zip = await JSZip.loadAsync(data);
  const present = PROPERTIES.filter((name) => zip.file(name) !== null);
  if (present.length === 0) return null;
  for (const name of present) zip.remove(name);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * Reads a workbook once it has been judged safe to parse (see guard.ts), or says plainly what is
 * wrong with it. Damage confined to the document properties is mended by leaving them out.
 */
export async function loadWorkbook(
  ExcelJSModule: typeof ExcelJS,
  data: Buffer,
): Promise<ExcelJS.Workbook | Problem> {
  const refused = await refusalOf(data);
  if (refused) return refused;
  const workbook = await parse(ExcelJSModule, data);
  if (workbook) return workbook;
  const mended = await withoutProperties(data).catch(() => null);
  return (mended && (await parse(ExcelJSModule, mended))) ?? { where: 'File', message: DAMAGED };
}

/**
 * Reads an import's workbook, once judged safe (see guard.ts), with the quick reader: only the parts
 * and the sheets `read` asks for, so damage in a part no reader uses (the document properties, a
 * drawing) is never met. A sheet is unpacked when first asked for, so damage found then is answered
 * here too, with the same plain line.
 */
export async function readCells<T>(
  data: Buffer,
  read: (workbook: StreamedWorkbook) => T,
  refused: (problem: Problem) => T,
): Promise<T> {
  const problem = await refusalOf(data);
  if (problem) return refused(problem);
  try {
    return read(StreamedWorkbook.read(data));
  } catch (error) {
    if (error instanceof Damaged) return refused({ where: 'File', message: DAMAGED });
    throw error;
  }
}

/**
 * ExcelJS treats a column exactly 9 wide as "default" and drops its width on save, so the column
 * comes back at Excel's narrower default. A width a billionth wider is written and looks the same.
 */
export function keepColumnWidths(sheet: ExcelJS.Worksheet): void {
  const columnCount = sheet.columnCount;
  for (let c = 1; c <= columnCount; c++) {
    const column = sheet.getColumn(c);
    if (column.width === 9) column.width = 9 + 1e-9;
  }
}

const PRINT_TITLES = /<definedName\b[^>]*\bname="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g;
const VALIDATIONS = /<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>|<dataValidations\b[^>]*\/>/;

/**
 * ExcelJS loses a template's print titles (the rows repeated on every printed page) when it loads it,
 * and rewrites its data validations cell by cell, splitting and repeating them. This puts both back
 * as the template has them, from the template's own XML. Sheets are matched by position, since the
 * saved file is the template with rows filled in.
 */
export async function restoreFromTemplate(templatePath: string, saved: Buffer): Promise<Buffer> {
  const template = await JSZip.loadAsync(await readFile(templatePath));
  const zip = await JSZip.loadAsync(saved);
  const text = async (z: JSZip, name: string) => (await z.file(name)?.async('string')) ?? null;

  const titles = ((await text(template, 'xl/workbook.xml')) ?? '').match(PRINT_TITLES);
  const workbookXml = await text(zip, 'xl/workbook.xml');
  if (titles && workbookXml !== null) {
    let xml = workbookXml.replace(PRINT_TITLES, '');
    if (xml.includes('<definedNames/>'))
      xml = xml.replace('<definedNames/>', `<definedNames>${titles.join('')}</definedNames>`);
    else if (xml.includes('<definedNames>'))
      xml = xml.replace('<definedNames>', `<definedNames>${titles.join('')}`);
    else xml = xml.replace('</sheets>', `</sheets><definedNames>${titles.join('')}</definedNames>`);
    zip.file('xl/workbook.xml', xml);
  }

  for (const name of Object.keys(template.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const want = ((await text(template, name)) ?? '').match(VALIDATIONS)?.[0] ?? '';
    const have = await text(zip, name);
    if (have === null) continue;
    const xml = VALIDATIONS.test(have)
      ? have.replace(VALIDATIONS, want)
      : want
        ? have.replace(/<(hyperlinks|printOptions|pageMargins)\b/, `${want}<$1`)
        : have;
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
