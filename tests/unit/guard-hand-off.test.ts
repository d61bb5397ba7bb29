import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Damaged, judgeWorkbook, readDirectory, unpack, type Judged } from '../../electron/workbooks/guard';
import { readsPart, StreamedWorkbook } from '../../electron/workbooks/xlsx-reader';
import { SAMPLE_REGISTER } from './helpers';
import { part, zipOf } from './workbook-fixtures';

/*
 * The guard unpacks a workbook's small parts whole to measure them, and hands those the reader reads
 * on to it, so nothing is unpacked twice. These hold the reader to exactly what the guard measured.
 */

async function judged(data: Buffer): Promise<Judged> {
  const outcome = await judgeWorkbook(data, readsPart);
  if ('refused' in outcome) throw new Error(outcome.refused.message);
  return outcome;
}

/** Every cell of every sheet, as the reader gives them. */
function cellsOf(book: StreamedWorkbook) {
  return book.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) row.push(sheet.getRow(r).getCell(c).value);
      rows.push(row);
    }
    return { name: sheet.name, rows };
  });
}

const byName = (parts: Iterable<{ name: string }>) => [...parts].map((p) => p.name).sort();

describe('the guard hands the reader the parts it unpacked', () => {
  const data = readFileSync(SAMPLE_REGISTER);

  it('hands exactly the parts the reader reads, each as the zip holds it', async () => {
    const { parts, unpacked } = await judged(data);
    expect(parts).toEqual(readDirectory(data));
    const read = parts.filter((p) => p.method === 8 && readsPart(p.name));
    expect(byName(read)).toEqual([
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    // Every handed part is one of the judged parts themselves, not a copy of its description.
    for (const p of unpacked.keys()) expect(parts).toContain(p);
    expect(byName(unpacked.keys())).toEqual(byName(read));
    for (const [p, bytes] of unpacked) expect(bytes.equals(unpack(data, p)), p.name).toBe(true);
  });

  it('reads the handed parts rather than unpacking the zip again', async () => {
    const handed = await judged(data);
    // The zip's packed bytes of every handed part overwritten: only the handed bytes can still be read.
    const scrambled = Buffer.from(data);
    for (const p of handed.unpacked.keys()) scrambled.fill(0, p.dataAt, p.dataAt + p.storedBytes);
    expect(() => cellsOf(StreamedWorkbook.read(scrambled))).toThrow(Damaged);
    expect(cellsOf(StreamedWorkbook.read(scrambled, handed))).toEqual(cellsOf(StreamedWorkbook.read(data)));
  });

  it('refuses, as damaged, a handed part that is not the one the zip declares', async () => {
    const handed = await judged(data);
    const sheet = handed.parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const measured = handed.unpacked.get(sheet)!;
    // One byte changed, the length kept: only the checksum tells.
    const changed = Buffer.from(measured);
    const at = changed.length - 2;
    changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
    handed.unpacked.set(sheet, changed);
    expect(() => cellsOf(StreamedWorkbook.read(data, handed))).toThrow(Damaged);
    handed.unpacked.set(sheet, measured.subarray(0, measured.length - 1));
    expect(() => cellsOf(StreamedWorkbook.read(data, handed))).toThrow(Damaged);
  });

  it('keeps nothing of a part stored unpacked, which the reader takes from the zip as it is', async () => {
    const xml = '<?xml version="1.0"?><workbook><sheets/></workbook>';
    const stored = { ...part('xl/workbook.xml', xml), stored: Buffer.from(xml), deflated: false };
    const handed = await judged(zipOf([stored, part('docProps/app.xml', '<Properties/>')]));
    expect(handed.parts.map((p) => p.name)).toEqual(['xl/workbook.xml', 'docProps/app.xml']);
    expect(handed.unpacked.size).toBe(0);
  });
});
