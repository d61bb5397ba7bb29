import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { Problem } from '../../shared/api/errors';
import { Damaged, DAMAGED, judgeWorkbook, readDirectory, unpack } from './guard';
import { readsPart, StreamedWorkbook } from './xlsx-reader';
import { packZip } from './zip-writer';

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

/**
 * Reads an import's workbook, once judged safe (see guard.ts), with the quick reader: only the parts
 * and the sheets `read` asks for, so damage in a part no reader uses (the document properties, a
 * drawing) is never met. The parts the guard unpacked to measure them are handed on rather than
 * unpacked again; a sheet's checksum is compared when it is first asked for, so damage found then is
 * answered here too, with the same plain line.
 */
export async function readCells<T>(
  data: Buffer,
  read: (workbook: StreamedWorkbook) => T,
  refused: (problem: Problem) => T,
): Promise<T> {
  const judged = await judgeWorkbook(data, readsPart);
  if ('refused' in judged) return refused(judged.refused);
  try {
    return read(StreamedWorkbook.read(data, judged));
  } catch (error) {
    if (error instanceof Damaged) return refused({ where: 'File', message: DAMAGED });
    throw error;
  }
}

/**
 * A template opened in ExcelJS to be filled. ExcelJS is loaded only when a workbook is written, so
 * the workbook thread, which imports without it, stays light while it reads. A writer that saves with
 * saveLikeTemplate, which puts the template's own validations back, opens it without them: ExcelJS
 * would otherwise spread each validated range into one entry per cell, thousands on a grid.
 */
export async function templateWorkbook(
  templatePath: string,
  validations: 'kept' | 'left out' = 'kept',
): Promise<ExcelJS.Workbook> {
  const { default: ExcelJSModule } = await import('exceljs');
  const workbook = new ExcelJSModule.Workbook();
  if (validations === 'kept') {
    await workbook.xlsx.readFile(templatePath);
    return workbook;
  }
  const template = await readFile(templatePath);
  const parts = readDirectory(template).map((p) => {
    const bytes = unpack(template, p);
    if (!SHEET_PART.test(p.name)) return { name: p.name, bytes };
    return { name: p.name, bytes: Buffer.from(bytes.toString('utf8').replace(VALIDATIONS, ''), 'utf8') };
  });
  await workbook.xlsx.load(packZip(parts) as unknown as ArrayBuffer);
  return workbook;
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
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const VALIDATIONS = /<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>|<dataValidations\b[^>]*\/>/;

/**
 * ExcelJS loses a template's print titles (the rows repeated on every printed page) when it loads it,
 * and rewrites its data validations cell by cell, splitting and repeating them. This puts both back
 * as the template has them, from the template's own XML. Sheets are matched by position, since the
 * saved file is the template with rows filled in.
 */
async function restoreFromTemplate(templatePath: string, saved: Buffer): Promise<Buffer> {
  const template = await readFile(templatePath);
  const templateParts = new Map(readDirectory(template).map((p) => [p.name, p]));
  const templateText = (name: string) => {
    const part = templateParts.get(name);
    return part ? unpack(template, part).toString('utf8') : '';
  };
  const parts = readDirectory(saved).map((p) => ({ name: p.name, bytes: unpack(saved, p) }));
  const edit = (name: string, change: (xml: string) => string) => {
    const part = parts.find((p) => p.name === name);
    if (part) part.bytes = Buffer.from(change(part.bytes.toString('utf8')), 'utf8');
  };

  const titles = templateText('xl/workbook.xml').match(PRINT_TITLES)?.join('');
  if (titles)
    edit('xl/workbook.xml', (workbookXml) => {
      const xml = workbookXml.replace(PRINT_TITLES, '');
      if (xml.includes('<definedNames/>'))
        return xml.replace('<definedNames/>', () => `<definedNames>${titles}</definedNames>`);
      if (xml.includes('<definedNames>'))
        return xml.replace('<definedNames>', () => `<definedNames>${titles}`);
      return xml.replace('</sheets>', () => `</sheets><definedNames>${titles}</definedNames>`);
    });

  for (const name of [...templateParts.keys()].filter((n) => SHEET_PART.test(n))) {
    const want = templateText(name).match(VALIDATIONS)?.[0] ?? '';
    edit(name, (have) =>
      VALIDATIONS.test(have)
        ? have.replace(VALIDATIONS, () => want)
        : want
          ? have.replace(/<(hyperlinks|printOptions|pageMargins)\b/, (tag) => `${want}${tag}`)
          : have,
    );
  }
  return packZip(parts);
}

/**
 * Saves a workbook filled from a template as the template has it. ExcelJS's own compression is left
 * out (packZip compresses once, faster), and so are the validations it would rewrite cell by cell
 * (thousands of them on a grid, the longest part of its save), since the template's own are put back.
 */
export async function saveLikeTemplate(workbook: ExcelJS.Workbook, templatePath: string): Promise<Buffer> {
  // ExcelJS's typings leave out the worksheet's validations, though its save writes them.
  for (const sheet of workbook.worksheets)
    (sheet as unknown as { dataValidations: { model: object } }).dataValidations.model = {};
  const saved = await workbook.xlsx.writeBuffer({
    zip: { compression: 'STORE' },
  } as ExcelJS.XlsxWriteOptions);
  return restoreFromTemplate(templatePath, Buffer.from(saved));
}
