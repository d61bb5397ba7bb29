import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';

export type CellRead = { ok: true; text: string } | { ok: false; message: string };

/**
 * A cell's value as the text a person sees. ExcelJS computes no formulas, so a formula is read by its
 * cached result, and one saved without a result cannot be read honestly and is refused.
 */
export function readCellText(cell: ExcelJS.Cell): CellRead {
  const value = cell.value;
  if (value === null || value === undefined) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, text: String(value) };
  if (value instanceof Date) return { ok: true, text: value.toISOString().slice(0, 10) };
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
    return {
      ok: true,
      text: result instanceof Date ? result.toISOString().slice(0, 10) : String(result).trim(),
    };
  }
  if ('text' in value) return { ok: true, text: String(value.text).trim() };
  if ('error' in value) return { ok: false, message: `shows the error ${value.error}` };
  return { ok: false, message: 'holds a value that cannot be read as text' };
}

/** Reads a workbook, turning "not a workbook" and "damaged" into one plain message. */
export async function loadWorkbook(
  ExcelJSModule: typeof ExcelJS,
  data: Buffer,
): Promise<ExcelJS.Workbook | string> {
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return 'The file is not an Excel workbook (.xlsx), or it is damaged. Save it from Excel as .xlsx and try again.';
  }
}

/** Finds the header row by its labels, so title rows above it may come and go. */
export function findHeaderRow(sheet: ExcelJS.Worksheet, required: readonly string[], searchRows = 30) {
  const wanted = required.map((label) => label.toLowerCase());
  for (let r = 1; r <= Math.min(searchRows, sheet.rowCount); r++) {
    const columns = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const read = readCellText(cell);
      if (read.ok && read.text !== '') columns.set(read.text.toLowerCase().replace(/\s+/g, ' '), col);
    });
    if (wanted.some((label) => columns.has(label))) return { row: r, columns };
  }
  return null;
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
