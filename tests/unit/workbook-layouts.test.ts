import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DISTRICTS_SHEET, SCHOOLS_SHEET } from '../../electron/workbooks/layouts/schools-register';
import { sefGridLayout } from '../../electron/workbooks/layouts/sef-grid';
import { readRegister, writeRegister, type RegisterExport } from '../../electron/workbooks/schools-register';
import { readSefGrid, writeSefGrid } from '../../electron/workbooks/sef-grid';
import { ENGLISH_SEF } from '../../shared/domain/sef';
import { RESOURCES } from './helpers';

const REGISTER_TEMPLATE = join(RESOURCES, 'templates/schools-register.xlsx');
const GRID_TEMPLATE = join(RESOURCES, 'templates/sef-grid.xlsx');

const school = (dfe: string, changes: Partial<RegisterExport['schools'][number]> = {}) => ({
  dfe,
  urn: 124004,
  name: 'Stafford Nursery School',
  type: 'Community',
  phase: 'Nursery',
  district: 'Stafford',
  diocese: null,
  numberOnRoll: 67,
  headteacher: 'Dr Joanne Hollins',
  chairOfGovernors: 'Claire Cartwright',
  sip: 'Leslie Lovatt',
  postcode: 'ST16 8JJ',
  ...changes,
});
const DISTRICTS = [{ district: 'Stafford', doubleDistrict: 'Staffs. / South Staffs.' }];

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const labelsOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe('the layouts and the LA templates', () => {
  it('describe the same columns, in the templates’ order', async () => {
    const register = new ExcelJS.Workbook();
    await register.xlsx.readFile(REGISTER_TEMPLATE);
    expect(labelsOf(register.getWorksheet(SCHOOLS_SHEET.sheet)!.getRow(4))).toEqual(
      SCHOOLS_SHEET.columns.map((c) => c.label),
    );
    expect(labelsOf(register.getWorksheet(DISTRICTS_SHEET.sheet)!.getRow(3))).toEqual(
      DISTRICTS_SHEET.columns.map((c) => c.label),
    );
    const grid = new ExcelJS.Workbook();
    await grid.xlsx.readFile(GRID_TEMPLATE);
    const layout = sefGridLayout(ENGLISH_SEF);
    expect(labelsOf(grid.getWorksheet(layout.sheet)!.getRow(5))).toEqual(layout.columns.map((c) => c.label));
  });
});

describe('the register reader reads what its writer writes', () => {
  it('field for field, at the cells the layout puts them', async () => {
    const schools = [
      school('860/1001'),
      school('860/1002', { urn: null, name: 'Stone Pupil Referral Unit' }),
    ];
    const parsed = await readRegister(
      await writeRegister(REGISTER_TEMPLATE, { schools, districts: DISTRICTS }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.values)).toEqual(
      schools.map((s) =>
        Object.fromEntries(
          Object.entries(s).map(([field, value]) => [field, value === null ? '' : String(value)]),
        ),
      ),
    );
    expect(parsed.rows[1]!.cell).toMatchObject({
      dfe: 'Schools!A6',
      name: 'Schools!C6',
      postcode: 'Schools!L6',
    });
    expect(parsed.districts.map((d) => d.values)).toEqual(DISTRICTS);
  });

  it('follows the labels when staff add title rows and columns', async () => {
    const bytes = await writeRegister(REGISTER_TEMPLATE, {
      schools: [school('860/1001')],
      districts: DISTRICTS,
    });
    const workbook = await load(bytes);
    const sheet = workbook.getWorksheet('Schools')!;
    sheet.spliceRows(1, 0, ['Sent to the district office']);
    sheet.spliceColumns(3, 0, []);
    sheet.getCell('C5').value = 'Notes';
    sheet.getCell('C6').value = 'Visited on Tuesday';
    const parsed = await readRegister(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.values).toMatchObject({
      dfe: '860/1001',
      name: 'Stafford Nursery School',
      postcode: 'ST16 8JJ',
    });
    expect(parsed.rows[0]!.cell).toMatchObject({
      dfe: 'Schools!A6',
      name: 'Schools!D6',
      postcode: 'Schools!M6',
    });
  });
});

describe('user text in an export', () => {
  const RISKY = [
    '=HYPERLINK("http://example.invalid","click")',
    '+44 1785 223121',
    '-2 pupils',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    'Line one\r\nline two',
    'Literal _x0041_ kept',
  ];

  it('is written as text Excel never runs, and comes back exactly', async () => {
    const schools = RISKY.map((text, i) =>
      school(`860/${2001 + i}`, { headteacher: text, name: `School ${i} ${text}` }),
    );
    const bytes = await writeRegister(REGISTER_TEMPLATE, { schools, districts: DISTRICTS });

    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f[ >]/);
    RISKY.forEach((_, i) => {
      // The headteacher column is I: a shared string (t="s"), never a formula or inline value.
      expect(sheetXml).toMatch(new RegExp(`<c r="I${5 + i}"[^>]* t="s"[^>]*><v>\\d+</v></c>`));
    });

    const sheet = (await load(bytes)).getWorksheet('Schools')!;
    RISKY.forEach((text, i) => {
      const cell = sheet.getCell(`I${5 + i}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe('@');
      expect(sheet.getCell(`C${5 + i}`).value).toBe(`School ${i} ${text}`);
    });
  });
});

describe('the SEF grid reader reads what its writer writes', () => {
  it('dates, Y/N and grades under the layout’s columns', async () => {
    const bytes = await writeSefGrid(GRID_TEMPLATE, {
      doubleDistrict: '=Cannock / Lichfield',
      term: 'Autumn 2008',
      framework: ENGLISH_SEF,
      rows: [
        {
          dfe: '860/1007',
          name: 'Cannock Nursery School',
          phase: 'Nursery',
          district: 'Cannock Chase',
          sefOn: '2008-09-04',
          validated: true,
          grades: { overall: 2, capacity: 1, achievement: 3, eyfs: 4 },
        },
        {
          dfe: '860/1107',
          name: 'Hednesford Pupil Referral Unit',
          phase: 'PRU',
          district: 'Cannock Chase',
          sefOn: null,
          validated: null,
          grades: {},
        },
      ],
    });
    const sheet = (await load(bytes)).getWorksheet('SEF grid')!;
    expect(sheet.getCell('E6').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B6').numFmt).toBe('@');

    const parsed = await readSefGrid(bytes, ENGLISH_SEF);
    expect(parsed).toMatchObject({
      problems: [],
      doubleDistrict: '=Cannock / Lichfield',
      term: 'Autumn 2008',
    });
    const [first, second] = parsed.rows;
    expect(first).toMatchObject({
      row: 6,
      dfe: { text: '860/1007', where: 'SEF grid!A6' },
      sefOn: { text: '2008-09-04', where: 'SEF grid!E6' },
      validated: { text: 'Y', where: 'SEF grid!F6' },
    });
    expect(
      Object.fromEntries(first!.grades.filter((g) => g.text !== '').map((g) => [g.code, g.text])),
    ).toEqual({
      overall: '2',
      capacity: '1',
      achievement: '3',
      eyfs: '4',
    });
    expect(second).toMatchObject({ dfe: { text: '860/1107' }, sefOn: { text: '' }, validated: { text: '' } });
  });
});
