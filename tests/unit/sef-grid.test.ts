import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

const SAMPLE_GRID = resolve(__dirname, '../../../shared/samples/sef-grid-cannock-lichfield-autumn-2008.xlsx');

async function registerFile() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
  return session;
}

async function grid(edit: (sheet: ExcelJS.Worksheet) => void = () => undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_GRID);
  edit(workbook.getWorksheet('SEF grid')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function expectRejected(session: Session, data: Buffer, where: string, message: RegExp) {
  const before = snapshot(session);
  const preview = await ok(session, 'sefGrid.preview', upload(data));
  expect(preview.problems).toContainEqual({ where, message: expect.stringMatching(message) });
  const applied = await invoke(session, 'sefGrid.apply', upload(data));
  expect(applied).toMatchObject({ ok: false, error: { code: 'rejected' } });
  expect(snapshot(session)).toBe(before);
}

describe('importing the SEF grid', () => {
  it('previews the sample grid, then imports it all', async () => {
    const session = await registerFile();
    const preview = await ok(session, 'sefGrid.preview', upload(SAMPLE_GRID));
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({
      doubleDistrict: 'Cannock / Lichfield',
      term: 'Autumn 2008',
      unchangedCount: 0,
    });
    expect(preview.newEntries).toHaveLength(108);
    expect(preview.newEntries[0]).toEqual({
      dfe: '860/1007',
      name: 'Cannock Nursery School',
      sefOn: '2008-09-04',
    });

    await ok(session, 'sefGrid.apply', upload(SAMPLE_GRID));
    const nursery = (await ok(session, 'schools.list', {})).find((s) => s.dfe === '860/1007')!;
    const { sef } = await ok(session, 'monitoring.school', { schoolId: nursery.id });
    expect(sef).toEqual([
      expect.objectContaining({
        sefOn: '2008-09-04',
        validated: false,
        framework: 'english-sef',
        grades: {
          overall: 2,
          capacity: 2,
          achievement: 2,
          personal: 3,
          teaching: 3,
          curriculum: 2,
          care: 2,
          leadership: 3,
          eyfs: 2,
        },
      }),
    ]);
    const again = await ok(session, 'sefGrid.preview', upload(SAMPLE_GRID));
    expect(again).toMatchObject({ newEntries: [], changed: [], unchangedCount: 108 });
  });

  it('is forgiving: moved title rows, words for grades, text numbers, DfE without slash, blanks, extra columns', async () => {
    const session = await registerFile();
    const data = await grid((sheet) => {
      sheet.spliceRows(1, 0, ['Returned by the district office'], []);
      // The header is now on row 7 and the first school on row 8.
      sheet.getCell('A8').value = '8601007';
      sheet.getCell('G8').value = 'Good';
      sheet.getCell('H8').value = ' 2 ';
      sheet.getCell('I8').value = 'outstanding';
      sheet.getCell('Q7').value = 'Comments';
      sheet.getCell('Q8').value = 'Lovely school';
      sheet.spliceRows(10, 0, []);
    });
    const preview = await ok(session, 'sefGrid.preview', upload(data));
    expect(preview.problems).toEqual([]);
    expect(preview.newEntries).toHaveLength(108);
    expect(preview.warnings).toEqual([
      { where: 'SEF grid!Q7', message: 'Column "Comments" is not part of the grid and was ignored.' },
    ]);
    await ok(session, 'sefGrid.apply', upload(data));
    const nursery = (await ok(session, 'schools.list', {})).find((s) => s.dfe === '860/1007')!;
    const { sef } = await ok(session, 'monitoring.school', { schoolId: nursery.id });
    expect(sef[0]!.grades).toMatchObject({ overall: 2, capacity: 2, achievement: 1 });
  });

  it('shows changed grades before → after, and applies them', async () => {
    const session = await registerFile();
    await ok(session, 'sefGrid.apply', upload(SAMPLE_GRID));
    const data = await grid((sheet) => {
      sheet.getCell('G6').value = 3;
      sheet.getCell('F6').value = 'Y';
    });
    const preview = await ok(session, 'sefGrid.preview', upload(data));
    expect(preview.changed).toEqual([
      {
        dfe: '860/1007',
        name: 'Cannock Nursery School',
        sefOn: '2008-09-04',
        changes: [
          { field: 'Overall effectiveness', before: '2', after: '3' },
          { field: 'Validated by SIP', before: 'N', after: 'Y' },
        ],
      },
    ]);
    expect(preview.unchangedCount).toBe(107);
    await ok(session, 'sefGrid.apply', upload(data));
    expect((await ok(session, 'sefGrid.preview', upload(data))).changed).toEqual([]);
  });

  it('rejects a grade outside 1–4, naming the cell', async () => {
    const session = await registerFile();
    await expectRejected(
      session,
      await grid((s) => (s.getCell('J9').value = 5)),
      'SEF grid!J9',
      /Personal development and well-being: "5" is not a grade/,
    );
  });

  it('names the cell of a number too large to be a date, rather than failing', async () => {
    const session = await registerFile();
    const data = await grid((s) => (s.getCell('E9').value = 1e20));
    await expectRejected(session, data, 'SEF grid!E9', /^SEF date holds a number too large to be a date\.$/);
    const preview = await ok(session, 'sefGrid.preview', upload(data));
    expect(preview.problems.filter((p) => p.where === 'SEF grid!E9')).toHaveLength(1);
  });

  it('reads a date whose format was lost as the day its number stands for', async () => {
    const session = await registerFile();
    const serial = (Date.UTC(2008, 8, 4) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const data = await grid((s) => {
      s.getCell('E6').value = serial;
      s.getCell('E6').numFmt = 'General';
    });
    const preview = await ok(session, 'sefGrid.preview', upload(data));
    expect(preview.problems).toEqual([]);
    expect(preview.newEntries[0]).toEqual({
      dfe: '860/1007',
      name: 'Cannock Nursery School',
      sefOn: '2008-09-04',
    });
  });

  it('quotes a long value in a grade or Y/N cell briefly', async () => {
    const session = await registerFile();
    const data = await grid((s) => {
      s.getCell('J9').value = 'x'.repeat(5000);
      s.getCell('F10').value = 'y'.repeat(300);
    });
    await expectRejected(
      session,
      data,
      'SEF grid!J9',
      /^Personal development and well-being: "x{39}… \(5,000 characters\)" is not a grade/,
    );
    await expectRejected(session, data, 'SEF grid!F10', /^"y{39}… \(300 characters\)" should be Y or N\.$/);
  });

  it('rejects a school not in the register', async () => {
    const session = await registerFile();
    await expectRejected(
      session,
      await grid((s) => (s.getCell('A12').value = '860/9999')),
      'SEF grid!A12',
      /No school with DfE number 860\/9999/,
    );
  });

  it('rejects the same school twice', async () => {
    const session = await registerFile();
    await expectRejected(
      session,
      await grid((s) => (s.getCell('A12').value = '860/1007')),
      'SEF grid!A12',
      /on the grid twice \(also at SEF grid!A6\)/,
    );
  });

  it('rejects a missing required column', async () => {
    const session = await registerFile();
    await expectRejected(
      session,
      await grid((s) => (s.getCell('H5').value = 'Capacity')),
      'SEF grid!A5',
      /no "Capacity to improve" column/,
    );
  });

  it('rejects a file that is not a workbook', async () => {
    const session = await registerFile();
    await expectRejected(session, Buffer.from('not a workbook'), 'File', /not an Excel workbook/);
  });
});

describe('exporting the SEF grid', () => {
  async function exported(session: Session, doubleDistrict: string | null, term: string) {
    const org = await ok(session, 'organisation.get', {});
    const doubleDistrictId =
      doubleDistrict === null ? null : org.doubleDistricts.find((d) => d.name === doubleDistrict)!.id;
    const file = await ok(session, 'sefGrid.export', { doubleDistrictId, term });
    return { file, bytes: Buffer.from(file.dataBase64, 'base64') };
  }

  it('fills a copy of the template with title cells, validations, colours, frozen panes and print titles intact', async () => {
    const session = await registerFile();
    await ok(session, 'sefGrid.apply', upload(SAMPLE_GRID));
    const { file, bytes } = await exported(session, 'Cannock / Lichfield', 'Autumn 2008');
    expect(file.fileName).toBe('sef-grid-cannock-lichfield-autumn-2008.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('SEF grid')!;
    expect(sheet.getCell('B2').value).toBe('Cannock / Lichfield');
    expect(sheet.getCell('E2').value).toBe('Autumn 2008');
    expect(sheet.getCell('A1').value).toBe('School Improvement Division — SEF judgements grid');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(sheet.getCell('A6').value).toMatch(/^860\/\d{4}$/);
    expect(sheet.getCell('E6').value).toBeInstanceOf(Date);

    const xml = await JSZip.loadAsync(bytes);
    const sheetXml = await xml.file('xl/worksheets/sheet1.xml')!.async('string');
    const workbookXml = await xml.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(
      /<definedName[^>]*name="_xlnm\.Print_Titles"[^>]*>'SEF grid'!\$?4:\$?5<\/definedName>/,
    );
    expect(sheetXml).toContain('<conditionalFormatting sqref="G6:P1000">');
    expect((sheetXml.match(/<cfRule /g) ?? []).length).toBe(4);
    // One grade rule and one Y/N rule, as the template has: not doubled, not lost.
    const validations = sheetXml.match(/<dataValidation [^>]*>/g) ?? [];
    expect(validations.map((v) => /sqref="([^"]+)"/.exec(v)?.[1]).sort()).toEqual(['F6:F1000', 'G6:P1000']);
  });

  it('exports then imports the same judgements', async () => {
    const session = await registerFile();
    await ok(session, 'sefGrid.apply', upload(SAMPLE_GRID));
    const { bytes } = await exported(session, 'Cannock / Lichfield', 'Autumn 2008');
    const preview = await ok(session, 'sefGrid.preview', upload(bytes));
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ newEntries: [], changed: [], unchangedCount: 108 });

    const fresh = await registerFile();
    await ok(fresh, 'sefGrid.apply', upload(bytes));
    const sefOf = async (s: Session) => {
      const schools = (await ok(s, 'schools.list', {})).filter(
        (x) => x.doubleDistrict === 'Cannock / Lichfield',
      );
      const all = await Promise.all(
        schools.map(
          async (x) =>
            [
              x.dfe,
              (await ok(s, 'monitoring.school', { schoolId: x.id })).sef.map(
                ({ sefOn, validated, grades }) => ({ sefOn, validated, grades }),
              ),
            ] as const,
        ),
      );
      return Object.fromEntries(all.filter(([, list]) => list.length > 0));
    };
    const expected = await sefOf(session);
    expect(Object.keys(expected)).toHaveLength(108);
    expect(await sefOf(fresh)).toEqual(expected);
  });

  it('leaves schools without a SEF by that term blank, and says so on import', async () => {
    const session = await registerFile();
    await ok(session, 'sefGrid.apply', upload(SAMPLE_GRID));
    const { bytes } = await exported(session, 'Cannock / Lichfield', 'Summer 2008');
    const preview = await ok(session, 'sefGrid.preview', upload(bytes));
    expect(preview.newEntries).toEqual([]);
    expect(preview.warnings.length).toBeGreaterThan(100);
  });
});
