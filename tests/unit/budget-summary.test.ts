import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { invoke } from '../../electron/core/handlers';
import {
  budgetTotals,
  parseAsAt,
  parseFinancialYear,
  poundsToPence,
  totalsThatDisagree,
  variance,
  type BudgetLineFigures,
} from '../../shared/domain/budgets';
import { ok, RESOURCES, snapshot, tempSession, upload } from './helpers';

const SAMPLE = resolve(__dirname, '../../../shared/samples/budget-summary-2007-08.xlsx');
const TEMPLATE = join(RESOURCES, 'templates', 'budget-summary.xlsx');

async function emptyFile() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  return { session, dir };
}

async function edited(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  edit(workbook.getWorksheet('Budget Summary')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const line = (
  label: string,
  kind: 'expenditure' | 'income',
  budget: number,
  actual: number,
  projected: number,
) => ({ label, kind, budget, actual, projected }) satisfies BudgetLineFigures;

describe('budget rules', () => {
  const lines = [
    line('Employees', 'expenditure', 100_00, 80_00, 110_00),
    line('TSF', 'income', -40_00, -10_00, -45_00),
  ];

  it('computes the totals from the lines, income negative, and the deficit as their sum', () => {
    expect(budgetTotals(lines)).toEqual({
      'Gross Expenditure': { budget: 100_00, actual: 80_00, projected: 110_00 },
      'Total Income': { budget: -40_00, actual: -10_00, projected: -45_00 },
      'Projected Deficit': { budget: 60_00, actual: 70_00, projected: 65_00 },
    });
    // More spent is adverse (positive); more earned is favourable (negative).
    expect(variance(lines[0]!)).toBe(10_00);
    expect(variance(lines[1]!)).toBe(-5_00);
  });

  it('names a held total that disagrees with its lines, with both figures, and passes one that agrees', () => {
    expect(
      totalsThatDisagree(lines, [
        { total: 'Gross Expenditure', figure: 'budget', pence: 100_00, where: 'Budget Summary!B14' },
        { total: 'Total Income', figure: 'projected', pence: -44_00, where: 'Budget Summary!D25' },
      ]),
    ).toEqual([
      { where: 'Budget Summary!D25', message: 'the total says −£44 but its lines add up to −£45.' },
    ]);
  });

  it('reads the financial year, the monitoring date and amounts as the LA types them', () => {
    expect(parseFinancialYear('Budget Summary 2007/2008')).toBe('2007/08');
    expect(parseFinancialYear('Budget Summary 2007/2009')).toBeNull();
    expect(parseAsAt('Actual as at 31/01/08 £')).toBe('2008-01-31');
    expect(parseAsAt('Actual as at dd/mm/yy £')).toBeNull();
    expect(parseAsAt('Actual as at 31/02/08 £')).toBeNull();
    expect(poundsToPence('-2,826,000')).toBe(-282_600_000);
    expect(poundsToPence('12.345')).toBe(1235);
    expect(poundsToPence('about £5')).toBeNull();
  });
});

describe('importing the budget summary', () => {
  it('imports the sample with the figures as in the sheet and totals computed from its lines', async () => {
    const { session } = await emptyFile();
    const preview = await ok(session, 'budgets.preview', upload(SAMPLE));
    expect(preview).toMatchObject({
      problems: [],
      financialYear: '2007/08',
      asAt: '2008-01-31',
      projectedAt: 'January 2008',
      isNew: true,
    });
    await ok(session, 'budgets.apply', upload(SAMPLE));
    const held = await ok(session, 'budgets.get', { financialYear: '2007/08', asAt: '2008-01-31' });
    expect(held.lines).toHaveLength(16);
    expect(held.lines[0]).toEqual(line('Employees', 'expenditure', 932_882_000, 751_873_900, 930_025_600));
    expect(held.lines.find((l) => l.label === 'TSF')).toEqual(
      line('TSF', 'income', -282_600_000, -48_157_100, -302_549_000),
    );
    const totals = budgetTotals(held.lines);
    expect(totals['Gross Expenditure']).toEqual({
      budget: 1_251_342_000,
      actual: 969_651_300,
      projected: 1_243_943_600,
    });
    expect(totals['Total Income']).toEqual({
      budget: -1_245_883_000,
      actual: -819_011_500,
      projected: -1_238_586_000,
    });
    expect(totals['Projected Deficit']).toEqual({
      budget: 5_459_000,
      actual: 150_639_800,
      projected: 5_357_600,
    });

    // One entry in the record of changes for the whole monitoring date.
    const { db } = session.ctx();
    const entries = db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'budget-summary'").all();
    expect(entries).toEqual([
      { action: 'import', summary: 'Budget summary 2007/08 as at 31/01/2008 imported from the workbook' },
    ]);
    // The same file again changes nothing.
    const again = await ok(session, 'budgets.preview', upload(SAMPLE));
    expect(again).toMatchObject({ isNew: false, changes: [] });
  });

  it('refuses a total that disagrees with its lines, naming the cell and both figures, and keeps the file as it was', async () => {
    const { session } = await emptyFile();
    const before = snapshot(session);
    const tampered = await edited((sheet) => {
      sheet.getCell('D25').value = { formula: 'SUM(D17:D24)', result: -12_385_000 };
      sheet.getCell('C14').value = 9_696_512;
    });
    const preview = await ok(session, 'budgets.preview', upload(tampered));
    expect(preview.problems).toEqual([
      {
        where: 'Budget Summary!C14',
        message: 'the total says £9,696,512 but its lines add up to £9,696,513.',
      },
      {
        where: 'Budget Summary!D25',
        message: 'the total says −£12,385,000 but its lines add up to −£12,385,860.',
      },
    ]);
    const applied = await invoke(session, 'budgets.apply', upload(tampered));
    expect(applied).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(snapshot(session)).toBe(before);
  });

  it('refuses a line that is not a number and a header without a real date', async () => {
    const { session } = await emptyFile();
    const broken = await edited((sheet) => {
      sheet.getCell('B7').value = 'about 400k';
      sheet.getCell('C4').value = 'Actual as at dd/mm/yy £';
    });
    const preview = await ok(session, 'budgets.preview', upload(broken));
    expect(preview.problems).toEqual([
      expect.objectContaining({ where: 'Budget Summary!C4' }),
      { where: 'Budget Summary!B7', message: '"about 400k" is not an amount in pounds.' },
    ]);
  });
});

describe('exporting the budget summary', () => {
  it('writes into the template with its features, and reads back to the same figures', async () => {
    const { session, dir } = await emptyFile();
    await ok(session, 'budgets.apply', upload(SAMPLE));
    const held = await ok(session, 'budgets.get', { financialYear: '2007/08', asAt: '2008-01-31' });
    const exported = await ok(session, 'budgets.export', {});
    const bytes = Buffer.from(exported.dataBase64, 'base64');

    // Into a second file, the export reads as the same summary.
    const other = tempSession();
    await ok(other.session, 'app.create', { path: join(dir, 'other.sid'), demo: false });
    await ok(other.session, 'budgets.apply', upload(bytes));
    expect(await ok(other.session, 'budgets.get', { financialYear: '2007/08', asAt: '2008-01-31' })).toEqual(
      held,
    );

    // The saved XML keeps what the template carries: titles, formulas with results, styles, panes.
    const saved = await JSZip.loadAsync(bytes);
    const template = await JSZip.loadAsync(readFileSync(TEMPLATE));
    const sheetXml = (await saved.file('xl/worksheets/sheet1.xml')!.async('string'))!;
    const templateXml = (await template.file('xl/worksheets/sheet1.xml')!.async('string'))!;
    const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}\\b`, 'g')) ?? []).length;
    for (const tag of ['dataValidation', 'conditionalFormatting', 'mergeCell', 'pane', 'col'])
      expect(count(sheetXml, tag), tag).toBe(count(templateXml, tag));
    const printTitles = (xml: string) => xml.match(/_xlnm\.Print_Titles/g)?.length ?? 0;
    expect(printTitles(await saved.file('xl/workbook.xml')!.async('string'))).toBe(
      printTitles(await template.file('xl/workbook.xml')!.async('string')),
    );
    expect(sheetXml).toContain('<f>SUM(C6:C13)</f><v>9696513</v>');
    expect(sheetXml).toContain('<f>B14+B25</f><v>54590</v>');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.readFile(TEMPLATE);
    const sheet = workbook.getWorksheet('Budget Summary')!;
    const original = blank.getWorksheet('Budget Summary')!;
    expect(sheet.getCell('A2').value).toBe('Budget Summary 2007/2008');
    expect(sheet.getCell('B4').value).toBe('Budget 07/08 £');
    expect(sheet.getCell('C4').value).toBe('Actual as at 31/01/08 £');
    expect(sheet.getCell('D4').value).toBe('Projected Outturn at January 2008 £');
    expect(sheet.getCell('B17').value).toBe(-2_826_000);
    for (const address of ['B6', 'C17', 'B14', 'D27', 'A2', 'B4']) {
      expect(sheet.getCell(address).numFmt, address).toBe(original.getCell(address).numFmt);
      expect(sheet.getCell(address).font, address).toEqual(original.getCell(address).font);
    }
  });

  it('says plainly when there is nothing to export', async () => {
    const { session } = await emptyFile();
    expect(await invoke(session, 'budgets.export', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No budget summary has been imported yet.' },
    });
  });
});

describe('sid import budget and sid export budget', () => {
  async function sid(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('imports (or only checks) a summary, refuses a tampered one, and exports the latest', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'la.sid');
    expect((await sid('init', '--db', db)).code).toBe(0);
    expect(await sid('import', 'budget', SAMPLE, '--db', db, '--dry-run')).toMatchObject({
      code: 0,
      out: 'Would import the budget summary 2007/08 as at 31/01/2008: 16 lines, new.',
    });
    const tampered = join(dir, 'tampered.xlsx');
    writeFileSync(tampered, await edited((sheet) => void (sheet.getCell('D24').value = -4_000)));
    expect(await sid('import', 'budget', tampered, '--db', db)).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        'Budget Summary!D25: the total says −£12,385,860 but its lines add up to −£12,385,640.',
      ),
    });
    expect(await sid('import', 'budget', SAMPLE, '--db', db)).toMatchObject({
      code: 0,
      out: 'Imported the budget summary 2007/08 as at 31/01/2008: 16 lines, new.',
    });
    const out = join(dir, 'out.xlsx');
    expect(await sid('export', 'budget', '--db', db, '--out', out)).toMatchObject({ code: 0 });
    const reread = await sid('import', 'budget', out, '--db', db, '--dry-run');
    expect(reread).toMatchObject({ code: 0, out: expect.stringContaining('0 figures changed') });
  });
});
