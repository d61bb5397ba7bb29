import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { editedSample, ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

async function newFile(demo = false) {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'authority.sid'), demo });
  return session;
}

/** Imports a broken workbook and proves it was refused with the given problem and nothing changed. */
async function expectRejected(session: Session, data: Buffer, where: string, message: RegExp) {
  const before = snapshot(session);
  const preview = await ok(session, 'register.preview', upload(data));
  expect(preview.problems).toContainEqual({ where, message: expect.stringMatching(message) });
  const applied = await invoke(session, 'register.apply', upload(data));
  expect(applied.ok).toBe(false);
  if (!applied.ok) {
    expect(applied.error.code).toBe('rejected');
    expect(applied.error.problems?.map((p) => p.where)).toContain(where);
  }
  expect(snapshot(session)).toBe(before);
}

const setCell =
  (address: string, value: ExcelJS.CellValue, sheet = 'Schools') =>
  (wb: ExcelJS.Workbook) => {
    wb.getWorksheet(sheet)!.getCell(address).value = value;
  };

describe('importing the register', () => {
  it('fills a new file from the sample register, organisation and all', async () => {
    const session = await newFile();
    const preview = await ok(session, 'register.preview', upload(SAMPLE_REGISTER));
    expect(preview.problems).toEqual([]);
    expect(preview.newSchools).toHaveLength(432);
    expect(preview.unchangedCount).toBe(0);
    expect(preview.newDoubleDistricts).toHaveLength(4);
    expect(preview.districtChanges).toHaveLength(8);
    expect(preview.newSips.length).toBeGreaterThan(0);
    // A preview writes nothing.
    expect(await ok(session, 'schools.list', {})).toHaveLength(0);

    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    const schools = await ok(session, 'schools.list', {});
    expect(schools).toHaveLength(432);
    const editha = schools.find((s) => s.dfe === '860/3003')!;
    expect(editha).toMatchObject({
      name: "St Editha's CE (VC) First School",
      urn: 124089,
      district: 'Stafford',
      doubleDistrict: 'Staffs. / South Staffs.',
      numberOnRoll: 430,
      sip: 'Kath Kent',
    });
    const org = await ok(session, 'organisation.get', {});
    expect(org.districts).toHaveLength(8);
    const kath = org.people.find((p) => p.name === 'Kath Kent')!;
    expect(kath.roles).toContain('SIP');

    const history = await ok(session, 'schools.get', { id: editha.id });
    expect(history.history[0]).toMatchObject({ user: 'test.user', action: 'import' });
  });

  it('shows a second import of the same workbook as all unchanged', async () => {
    const session = await newFile();
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    const again = await ok(session, 'register.preview', upload(SAMPLE_REGISTER));
    expect(again).toMatchObject({ newSchools: [], changedSchools: [], unchangedCount: 432, problems: [] });
    expect(again.districtChanges).toEqual([]);
  });

  it('previews changed fields before → after, and a moved district', async () => {
    const session = await newFile();
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    const data = await editedSample((wb) => {
      wb.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
      wb.getWorksheet('Districts')!.getCell('B4').value = 'Tamworth / East Staffs.';
    });
    const preview = await ok(session, 'register.preview', upload(data));
    expect(preview.changedSchools).toEqual([
      {
        dfe: '860/3003',
        name: "St Editha's CE (VC) First School",
        changes: [{ field: 'Headteacher', before: 'Ms Helen Bradbury', after: 'Mrs Ann Other' }],
      },
    ]);
    expect(preview.districtChanges).toEqual([
      { district: 'Stafford', doubleDistrict: 'Tamworth / East Staffs.', before: 'Staffs. / South Staffs.' },
    ]);
    await ok(session, 'register.apply', upload(data));
    const editha = (await ok(session, 'schools.list', {})).find((s) => s.dfe === '860/3003')!;
    expect(editha.headteacher).toBe('Mrs Ann Other');
    expect(editha.doubleDistrict).toBe('Tamworth / East Staffs.');
  });

  it('names the cell of a bad DfE number and changes nothing', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('A37', '86O/2001')),
      'Schools!A37',
      /^DfE number "86O\/2001" is not a valid DfE number \(like 860\/2001\)\.$/,
    );
  });

  it('refuses a wrong header', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('F4', 'Area')),
      'Schools!A4',
      /no "District" column/,
    );
  });

  it('refuses the same DfE number twice, naming both rows', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('A38', '8603003')),
      'Schools!A38',
      /860\/3003 is used twice \(also at Schools!A37\)/,
    );
  });

  it('refuses a district that is neither on the Districts sheet nor in the file', async () => {
    const session = await newFile();
    await expectRejected(session, await editedSample(setCell('F40', 'Atlantis')), 'Schools!F40', /Atlantis/);
  });

  it('refuses a formula with no saved result rather than guessing', async () => {
    const session = await newFile();
    await expectRejected(
      session,
      await editedSample(setCell('H12', { formula: 'SUM(1,2)' } as ExcelJS.CellFormulaValue)),
      'Schools!H12',
      /formula with no saved result/,
    );
  });

  it('refuses a truncated file and a file that is not a workbook', async () => {
    const session = await newFile(true);
    const whole = await editedSample(() => undefined);
    await expectRejected(
      session,
      whole.subarray(0, Math.floor(whole.length / 2)),
      'File',
      /not an Excel workbook/,
    );
    await expectRejected(
      session,
      Buffer.from('DfE No,School name\n860/2001,Test\n'),
      'File',
      /not an Excel workbook/,
    );
  });

  it('lists every problem at once, not just the first', async () => {
    const session = await newFile();
    const data = await editedSample((wb) => {
      const sheet = wb.getWorksheet('Schools')!;
      sheet.getCell('A10').value = 'nonsense';
      sheet.getCell('C20').value = '';
      sheet.getCell('F30').value = 'Atlantis';
    });
    const preview = await ok(session, 'register.preview', upload(data));
    expect(preview.problems.map((p) => p.where)).toEqual(
      expect.arrayContaining(['Schools!A10', 'Schools!C20', 'Schools!F30']),
    );
  });
});

describe('import values meet the same rules as the forms', () => {
  it('refuses a 1 MB school name at its cell, quoting it shortened', async () => {
    const session = await newFile(true);
    const data = await editedSample(setCell('C37', 'A'.repeat(1_048_576)));
    await expectRejected(
      session,
      data,
      'Schools!C37',
      /^School name "A{39}… \(1,048,576 characters\)": keep this to 120 characters or fewer\.$/,
    );
  });

  it('refuses a 302-character postcode at its cell', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('L40', 'B'.repeat(302))),
      'Schools!L40',
      /^Postcode "B{39}… \(302 characters\)": a postcode has at most 8 characters, like ST16 2DH\.$/,
    );
  });

  it('refuses a SIP called "2.0" at its cell', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('K41', '2.0')),
      'Schools!K41',
      /^SIP "2\.0": this should be a name, with letters in it\.$/,
    );
  });

  it('refuses "NaN" as a diocese at its cell', async () => {
    const session = await newFile(true);
    await expectRejected(
      session,
      await editedSample(setCell('G40', 'NaN')),
      'Schools!G40',
      /^Diocese "NaN": this looks like a spreadsheet error, not a name\.$/,
    );
  });

  it('refuses district and double district names the Organisation page would refuse', async () => {
    const session = await newFile(true);
    const data = await editedSample((wb) => {
      const sheet = wb.getWorksheet('Districts')!;
      sheet.getCell('A12').value = '#N/A';
      sheet.getCell('B12').value = 'Staffs. / South Staffs.';
      sheet.getCell('A13').value = 'Uttoxeter';
      sheet.getCell('B13').value = '2008';
    });
    await expectRejected(
      session,
      data,
      'Districts!A12',
      /^District "#N\/A": this looks like a spreadsheet error/,
    );
    await expectRejected(session, data, 'Districts!B13', /^Double district "2008": this should be a name/);
  });

  it('adds one SIP for a new name however its case varies, as the file allows only one', async () => {
    const session = await newFile();
    const data = await editedSample((wb) => {
      wb.getWorksheet('Schools')!.getCell('K37').value = 'Pat Newcombe';
      wb.getWorksheet('Schools')!.getCell('K38').value = 'PAT NEWCOMBE';
    });
    const preview = await ok(session, 'register.preview', upload(data));
    expect(preview.problems).toEqual([]);
    expect(preview.newSips.filter((n) => n.toLowerCase() === 'pat newcombe')).toEqual(['Pat Newcombe']);
    await ok(session, 'register.apply', upload(data));
    const schools = await ok(session, 'schools.list', {});
    expect(schools.filter((s) => s.sip === 'Pat Newcombe').map((s) => s.dfe)).toEqual([
      '860/2022',
      '860/3003',
    ]);
  });
});

describe('schools that swap numbers', () => {
  /** Swaps two cells of the sample register, as a correction staff routinely make. */
  const swapped = (a: string, b: string) =>
    editedSample((wb) => {
      const sheet = wb.getWorksheet('Schools')!;
      const first = sheet.getCell(a).value;
      sheet.getCell(a).value = sheet.getCell(b).value;
      sheet.getCell(b).value = first;
    });

  async function importEntry(session: Session, dfe: string) {
    const school = (await ok(session, 'schools.list', {})).find((s) => s.dfe === dfe)!;
    const { history } = await ok(session, 'schools.get', { id: school.id });
    return { school, entry: history[0]! };
  }

  it('previews and applies two schools swapping URNs, auditing the real numbers', async () => {
    const session = await newFile();
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    const data = await swapped('B37', 'B38');
    const preview = await ok(session, 'register.preview', upload(data));
    expect(preview.problems).toEqual([]);
    expect(preview.changedSchools).toEqual([
      expect.objectContaining({
        dfe: '860/3003',
        changes: [{ field: 'URN', before: '124089', after: '124090' }],
      }),
      expect.objectContaining({
        dfe: '860/2022',
        changes: [{ field: 'URN', before: '124090', after: '124089' }],
      }),
    ]);
    await ok(session, 'register.apply', upload(data));

    const editha = await importEntry(session, '860/3003');
    expect(editha.school.urn).toBe(124090);
    expect(editha.entry).toMatchObject({
      action: 'import',
      changes: [{ field: 'URN', before: '124089', after: '124090' }],
    });
    const gnosall = await importEntry(session, '860/2022');
    expect(gnosall.school.urn).toBe(124089);
    expect(gnosall.entry).toMatchObject({
      action: 'import',
      changes: [{ field: 'URN', before: '124090', after: '124089' }],
    });
    expect((await ok(session, 'register.preview', upload(data))).unchangedCount).toBe(432);
  });

  it('previews and applies two rows swapping DfE numbers: each number keeps its school record, which takes the other row', async () => {
    const session = await newFile();
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    const data = await swapped('A37', 'A38');
    const preview = await ok(session, 'register.preview', upload(data));
    expect(preview.problems).toEqual([]);
    expect(preview.changedSchools.map((s) => s.dfe)).toEqual(['860/2022', '860/3003']);
    await ok(session, 'register.apply', upload(data));

    const { school, entry } = await importEntry(session, '860/3003');
    expect(school).toMatchObject({ name: 'Gnosall Green Primary School', urn: 124090 });
    expect(entry.action).toBe('import');
    expect(entry.changes).toContainEqual({ field: 'URN', before: '124089', after: '124090' });
    expect(entry.changes).toContainEqual({
      field: 'School name',
      before: "St Editha's CE (VC) First School",
      after: 'Gnosall Green Primary School',
    });
    // No step in between shows: never a number moved aside, never a DfE number change.
    const values = entry.changes.flatMap((c) => [c.before, c.after]);
    expect(values.filter((v) => v?.startsWith('000/'))).toEqual([]);
    expect(entry.changes.map((c) => c.field)).not.toContain('DfE No');
    expect((await ok(session, 'register.preview', upload(data))).unchangedCount).toBe(432);
  });
});

describe('exporting the register', () => {
  async function exported(session: Session) {
    const file = await ok(session, 'register.export', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    return { file, workbook };
  }

  it("keeps the template's title, header style, widths, frozen panes and filter", async () => {
    const session = await newFile(true);
    const { file, workbook } = await exported(session);
    expect(file.fileName).toMatch(/^schools-register-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(join(__dirname, '../../resources/templates/schools-register.xlsx'));
    const want = template.getWorksheet('Schools')!;
    const sheet = workbook.getWorksheet('Schools')!;
    expect(sheet.getCell('A1').value).toBe(want.getCell('A1').value);
    expect(sheet.model.merges).toEqual(want.model.merges);
    expect(sheet.getCell('A4').value).toBe('DfE No');
    expect(sheet.getCell('A4').font).toEqual(want.getCell('A4').font);
    expect(sheet.getCell('A4').fill).toEqual(want.getCell('A4').fill);
    for (let c = 1; c <= 12; c++) expect(sheet.getColumn(c).width).toBeCloseTo(want.getColumn(c).width!, 6);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
    expect(sheet.autoFilter).toBe(`A4:L${4 + 432}`);
    expect(sheet.rowCount).toBe(4 + 432);
  });

  it('writes user text that looks like a formula as text', async () => {
    const session = await newFile(true);
    const first = (await ok(session, 'schools.list', {}))[0]!;
    const { school } = await ok(session, 'schools.get', { id: first.id });
    await ok(session, 'schools.save', {
      id: school.id,
      draft: {
        dfe: school.dfe,
        urn: String(school.urn ?? ''),
        name: school.name,
        type: school.type ?? '',
        phase: school.phase,
        districtId: school.districtId,
        diocese: '',
        numberOnRoll: '',
        headteacher: '=HYPERLINK("http://example.invalid","click")',
        chairOfGovernors: '',
        sipId: null,
        postcode: '',
      },
    });
    const { workbook } = await exported(session);
    const sheet = workbook.getWorksheet('Schools')!;
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === school.dfe) found = row.getCell(9);
    });
    expect(found?.type).toBe(ExcelJS.ValueType.String);
    expect(found?.value).toBe('=HYPERLINK("http://example.invalid","click")');
  });

  it('exports a register that imports back as the same register', async () => {
    const session = await newFile(true);
    const { file } = await exported(session);
    const preview = await ok(session, 'register.preview', {
      fileName: file.fileName,
      dataBase64: file.dataBase64,
    });
    expect(preview).toMatchObject({
      problems: [],
      newSchools: [],
      changedSchools: [],
      districtChanges: [],
      newSips: [],
    });
    expect(preview.unchangedCount).toBe(432);

    // And into a fresh file it rebuilds the same schools.
    const fresh = await newFile();
    await ok(fresh, 'register.apply', { fileName: file.fileName, dataBase64: file.dataBase64 });
    const strip = (rows: Awaited<ReturnType<typeof ok<'schools.list'>>>) =>
      rows
        .map(
          ({
            dfe,
            urn,
            name,
            type,
            phase,
            district,
            doubleDistrict,
            diocese,
            numberOnRoll,
            headteacher,
            chairOfGovernors,
            sip,
            postcode,
          }) => ({
            dfe,
            urn,
            name,
            type,
            phase,
            district,
            doubleDistrict,
            diocese,
            numberOnRoll,
            headteacher,
            chairOfGovernors,
            sip,
            postcode,
          }),
        )
        .sort((a, b) => a.dfe.localeCompare(b.dfe));
    expect(strip(await ok(fresh, 'schools.list', {}))).toEqual(strip(await ok(session, 'schools.list', {})));
  });
});

describe('backups around imports', () => {
  it('copies a file that has schools aside before importing into it, and not when nothing changes', async () => {
    const { existsSync, readdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    const session = await newFile();
    const dir = join(dirname(session.ctx().path), 'Backups');
    const backups = () =>
      (existsSync(dir) ? readdirSync(dir) : []).filter((f) => f.endsWith('.before-import.bak'));
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    expect(backups()).toHaveLength(0); // an empty file has nothing to lose
    await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
    expect(backups()).toHaveLength(0); // nothing changed, nothing written
    const changed = await editedSample(setCell('I37', 'Mrs Ann Other'));
    await ok(session, 'register.apply', upload(changed));
    expect(backups()).toHaveLength(1);
    const { default: Database } = await import('better-sqlite3');
    const copy = new Database(join(dir, backups()[0]!), { readonly: true });
    const row = copy.prepare("SELECT headteacher FROM schools WHERE dfe = '860/3003'").get();
    copy.close();
    expect(row).toEqual({ headteacher: 'Ms Helen Bradbury' });
  });
});
