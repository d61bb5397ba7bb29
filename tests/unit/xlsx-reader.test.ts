import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCellText, readDateCell } from '../../electron/workbooks/cells';
import { Damaged } from '../../electron/workbooks/guard';
import type { ReadBook, ReadSheet } from '../../electron/workbooks/layout';
import { StreamedWorkbook } from '../../electron/workbooks/xlsx-reader';
import { part, zipOf } from './workbook-fixtures';
import { excelEditor, generator, mutate } from './workbook-mutations';

/**
 * The imports read workbooks with the quick reader (electron/workbooks/xlsx-reader.ts) rather than
 * ExcelJS's full load. Both must see the same cells: every sample the LA sent, and each one mutated
 * as the fuzz test mutates them, is read both ways and compared cell by cell, as text and as a date.
 */

const SAMPLES = resolve(__dirname, '../../../shared/samples');
const VARIANTS = 60;

/** Everything a reader can learn from a workbook, the same way whichever read it. */
function cellsOf<S extends ReadSheet>(book: ReadBook<S>) {
  return book.worksheets.map((sheet) => {
    const rows: string[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const filled: string[] = [];
      row.eachCell((cell, col) => filled.push(`${col}=${cell.address}`));
      const read: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = row.getCell(c);
        read.push(JSON.stringify([cell.address, readCellText(cell), readDateCell(cell)]));
      }
      rows.push(`${r}: [${filled.join(' ')}] ${read.join(' ')}`);
    }
    return { name: sheet.name, rowCount: sheet.rowCount, columnCount: sheet.columnCount, rows };
  });
}

async function excelRead(data: Buffer) {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return cellsOf(book);
}

/** The quick reader's cells, or 'damaged' where it refuses the file as damaged. */
function quickRead(data: Buffer) {
  try {
    return cellsOf(StreamedWorkbook.read(data));
  } catch (error) {
    if (error instanceof Damaged) return 'damaged' as const;
    throw error;
  }
}

const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx'));

describe('the quick reader and ExcelJS', () => {
  it('read every cell of every sample workbook alike', async () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const name of samples) {
      const data = readFileSync(join(SAMPLES, name));
      const quick = quickRead(data);
      expect(quick, name).not.toBe('damaged');
      expect(quick, name).toEqual(await excelRead(data));
    }
  });

  it.each(samples)(
    'read %s alike however it is mutated',
    async (name) => {
      const path = join(SAMPLES, name);
      const sample = readFileSync(path);
      const random = generator(name.length * 7919);
      const edit = excelEditor(path, random);
      let compared = 0;
      for (let n = 0; n < VARIANTS; n++) {
        const [what, data] = await mutate(sample, random, edit);
        const label = `${name} case ${n} (${what})`;
        const excel = await excelRead(data);
        // Not every variant is a zip the reader is given: the guard refuses those before it.
        let quick: ReturnType<typeof quickRead> | 'unreadable';
        try {
          quick = quickRead(data);
        } catch (error) {
          expect(String(error), label).not.toMatch(/TypeError|RangeError/);
          quick = 'unreadable';
        }
        if (excel === null) continue;
        if (quick === 'damaged') {
          // Only a changed byte that ExcelJS never checks for (it reads past a part's checksum).
          expect(what, label).toMatch(/^flipped/);
          continue;
        }
        expect(quick, label).toEqual(excel);
        compared++;
      }
      expect(compared).toBeGreaterThan(VARIANTS / 3);
    },
    120_000,
  );

  it('read merged cells, shared strings, rich text, formulas and dates alike', async () => {
    const xml = (sheetData: string, after = '') =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      sheetData +
      `</sheetData>${after}</worksheet>`;
    const data = zipOf([
      part(
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '</Types>',
      ),
      part(
        '_rels/.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '</Relationships>',
      ),
      part(
        'xl/workbook.xml',
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="O&apos;Brien &amp; Co" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      part(
        'xl/_rels/workbook.xml.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
          '</Relationships>',
      ),
      part(
        'xl/sharedStrings.xml',
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<si><t xml:space="preserve"> Term </t></si>' +
          '<si><r><t>Out</t></r><r><rPr><b/></rPr><t>standing_x000D_</t></r></si>' +
          '<si><t>Caf&#233; &lt;1&gt;</t><rPh><t>ignored</t></rPh></si>' +
          '</sst>',
      ),
      part(
        'xl/styles.xml',
        '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs>' +
          '</styleSheet>',
      ),
      part(
        'xl/worksheets/sheet1.xml',
        xml(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>' +
            '<row r="2"><c r="A2" s="1"><v>39700</v></c><c r="B2" s="2"><v>61.5</v></c><c r="C2" s="3"><v>1234.5</v></c>' +
            '<c r="D2" s="1"><f>A2+1</f><v>39701</v></c><c r="E2"><f>1/0</f></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
            '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="str"><f>B1</f><v>a &amp;amp; b</v></c>' +
            '<c r="C3" t="inlineStr"><is><t>Line\r\none</t></is></c><c t="s"><v>2</v></c><c r="F3" s="3"/></row>' +
            '<row r="5" ht="20"/>',
          '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        ),
      ),
    ]);
    const quick = quickRead(data);
    expect(quick).toEqual(await excelRead(data));
    // And what they read is what a person sees.
    const sheet = StreamedWorkbook.read(data).worksheets[0]!;
    expect(sheet.name).toBe("O'Brien & Co");
    expect(readCellText(sheet.getRow(1).getCell(3))).toEqual({ ok: true, text: 'Term' });
    expect(readCellText(sheet.getRow(2).getCell(1))).toEqual({ ok: true, text: '2008-09-09' });
    expect(readCellText(sheet.getRow(3).getCell(4))).toEqual({ ok: true, text: 'Café <1>' });
    expect(readCellText(sheet.getRow(2).getCell(5)).ok).toBe(false);
    expect(sheet.rowCount).toBe(5);
  });

  it('refuses, as damaged, a part whose bytes changed after it was packed', () => {
    const sheet = '<?xml version="1.0"?><workbook><sheets/></workbook>';
    const packed = part('xl/workbook.xml', sheet);
    expect(() => StreamedWorkbook.read(zipOf([packed]))).not.toThrow();
    // The same part stored unpacked, one letter changed, its declared checksum left as it was.
    const changed = Buffer.from(sheet.replace('sheets', 'sheetz'));
    const stored = { ...packed, stored: changed, deflated: false };
    expect(() => StreamedWorkbook.read(zipOf([stored]))).toThrow(Damaged);
  });
});
