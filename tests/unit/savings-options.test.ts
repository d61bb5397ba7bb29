import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import {
  describeTotal,
  parseCashMillions,
  parseCode,
  parseFte,
  totalOf,
  showCash,
} from '../../shared/domain/savings';
import { formatPounds } from '../../shared/domain/format';
import { ok, snapshot, tempSession, upload } from './helpers';
import { invoke } from '../../electron/core/handlers';

const SAMPLE = resolve(__dirname, '../../../shared/samples/savings-options-2008-09.xlsx');
const TEMPLATE = resolve(__dirname, '../../resources/templates/savings-options.xlsx');

async function newFile() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  return { session, dir };
}

async function edited(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  edit(workbook.getWorksheet('Savings Options')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('savings figures as owners type them', () => {
  it('keeps ? as not known yet, apart from zero and blank', () => {
    expect(parseCashMillions('?')).toEqual({ ok: true, value: '?' });
    expect(parseCashMillions('')).toEqual({ ok: true, value: null });
    expect(parseCashMillions('0')).toEqual({ ok: true, value: 0 });
    expect(parseFte(' ? ')).toEqual({ ok: true, value: '?' });
  });
  it('reads £ millions as numbers or £ text', () => {
    expect(parseCashMillions('0.15')).toEqual({ ok: true, value: 15_000_000 });
    expect(parseCashMillions('£0.15m')).toEqual({ ok: true, value: 15_000_000 });
    expect(parseCashMillions('£1,250')).toEqual({ ok: true, value: 125_000_000_000 });
    expect(parseCashMillions('-0.02')).toEqual({ ok: true, value: -2_000_000 });
    expect(parseCashMillions('lots')).toMatchObject({
      ok: false,
      message: expect.stringContaining('£ millions'),
    });
    expect(parseFte('1.5')).toEqual({ ok: true, value: 150 });
    expect(parseFte('0.333')).toMatchObject({ ok: false });
  });
  it('accepts F, S and E as given and refuses any other code plainly', () => {
    for (const code of ['F', 'S', 'E', '']) expect(parseCode(code)).toEqual({ ok: true, value: code });
    expect(parseCode('X')).toEqual({
      ok: false,
      message: '"X" is not a code: use F (frontline service cut), S (support service cut) or E (efficiency)',
    });
    expect(parseCode('e').ok).toBe(false);
  });
  it('totals the known figures and counts those left out', () => {
    const total = totalOf([15_000_000, '?', null, 5_000_000, '?']);
    expect(total).toEqual({ total: 20_000_000, unknown: 2 });
    expect(describeTotal(total, formatPounds)).toBe('£200,000 (2 not known yet)');
    expect(describeTotal(totalOf([100]), formatPounds)).toBe('£1');
    expect(showCash('?')).toBe('?');
  });
});

describe('the savings options workbook', () => {
  it('imports the sample with its figures, codes and unknowns as the sheet has them', async () => {
    const { session } = await newFile();
    const preview = await ok(session, 'savings.preview', upload(SAMPLE));
    expect(preview.problems).toEqual([]);
    expect(preview.newOptions.map((o) => o.ref)).toEqual(['RAMGSID1', 'RAMGSID2', 'RAMGSID3', 'RAMGSID4']);
    await ok(session, 'savings.apply', upload(SAMPLE));
    const { options, totals } = await ok(session, 'savings.list', {});
    expect(options.map((o) => [o.ref, o.fte, o.cash1, o.cash3, o.diff, o.code])).toEqual([
      ['RAMGSID1', 200, 15_000_000, 15_000_000, '?', 'E'],
      ['RAMGSID2', null, 5_000_000, 5_000_000, '?', 'E'],
      ['RAMGSID3', 100, 1_000_000, 1_000_000, '?', 'F'],
      ['RAMGSID4', '?', 8_000_000, 8_000_000, '?', 'E'],
    ]);
    expect(options[0]!.sponsor).toBe('Bill Dewar');
    const row = session
      .ctx()
      .db.prepare("SELECT fte_hundredths, fte_unknown FROM savings_options WHERE ref = 'RAMGSID4'")
      .get();
    expect(row).toEqual({ fte_hundredths: null, fte_unknown: 1 });
    expect(totals.cash1).toEqual({ total: 29_000_000, unknown: 0 });
    expect(totals.fte).toEqual({ total: 300, unknown: 1 });
    expect(totals.diff).toEqual({ total: 0, unknown: 4 });
    const again = await ok(session, 'savings.preview', upload(SAMPLE));
    expect(again).toMatchObject({ newOptions: [], changed: [], unchangedCount: 4 });
  });

  it('exports ? back and reads its own export as the same figures, keeping the template', async () => {
    const { session } = await newFile();
    await ok(session, 'savings.apply', upload(SAMPLE));
    const before = (await ok(session, 'savings.list', {})).options;
    const file = Buffer.from((await ok(session, 'savings.export', {})).dataBase64, 'base64');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Savings Options')!;
    expect(sheet.getCell('A1').value).toBe('C&LL SCHOOL IMPROVEMENT');
    expect(sheet.getCell('H8').value).toBe('?');
    expect(sheet.getCell('L5').value).toBe('?');
    expect(sheet.getCell('I5').value).toBe(0.15);
    expect(sheet.getCell('I5').numFmt).toBe('0.000');
    expect(sheet.getCell('N7').value).toBe('F');
    expect(sheet.getCell('G9').value).toBe('Total');
    expect(sheet.getCell('H9').value).toEqual({ formula: 'SUM(H5:H8)', result: 3 });
    expect(sheet.getCell('I9').value).toEqual({ formula: 'SUM(I5:I8)', result: 0.29 });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(sheet.getColumn(4).width).toBe(60);
    const xml = await (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
    const templateXml = await (
      await JSZip.loadAsync(readFileSync(TEMPLATE))
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    expect(xml).toMatch(/<pane xSplit="2" ySplit="4" topLeftCell="C5"/);
    expect(templateXml).toMatch(/<row r="4" ht="60"/);
    expect(xml).toMatch(/<row r="4"[^>]*ht="60"/);

    const { session: other } = await newFile();
    await ok(other, 'savings.apply', upload(file));
    const after = (await ok(other, 'savings.list', {})).options;
    expect(after.map(({ id: _id, ...o }) => o)).toEqual(before.map(({ id: _id, ...o }) => o));
    expect(await ok(session, 'savings.preview', upload(file))).toMatchObject({
      unchangedCount: 4,
      changed: [],
    });
  });

  it('refuses a bad code or figure naming its cell, and writes nothing', async () => {
    const { session } = await newFile();
    const held = snapshot(session);
    const bad = await edited((sheet) => {
      sheet.getCell('N6').value = 'X';
      sheet.getCell('J7').value = 'about 10k';
    });
    const preview = await ok(session, 'savings.preview', upload(bad));
    expect(preview.problems).toEqual([
      {
        where: 'Savings Options!N6',
        message:
          'Frontline service cut (F) / support service cut (S) / efficiency (E): "X" is not a code: use F (frontline service cut), S (support service cut) or E (efficiency).',
      },
      {
        where: 'Savings Options!J7',
        message:
          'Cash £M 09/10: "about 10k" is not an amount in £ millions (like 0.15 for £150,000), or ? if not known yet.',
      },
    ]);
    const applied = await invoke(session, 'savings.apply', upload(bad));
    expect(applied).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(snapshot(session)).toBe(held);
  });

  it('records a changed figure in the record of changes after a backup', async () => {
    const { session } = await newFile();
    await ok(session, 'savings.apply', upload(SAMPLE));
    const changed = await edited((sheet) => {
      sheet.getCell('H8').value = 1.5;
    });
    const preview = await ok(session, 'savings.preview', upload(changed));
    expect(preview.changed).toEqual([
      {
        ref: 'RAMGSID4',
        optionHeader: 'Collaboration with Early Years Team',
        changes: [{ field: 'FTE saving', before: '?', after: '1.5' }],
      },
    ]);
    await ok(session, 'savings.apply', upload(changed));
    const { options } = await ok(session, 'savings.list', {});
    expect(options[3]!.fte).toBe(150);
    const { backups } = await ok(session, 'backups.list', {});
    expect(backups.some((b) => b.reason === 'before-import')).toBe(true);
  });
});

describe('sid import and export savings', () => {
  async function sid(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('imports, exports and refuses a bad code naming the cell', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'la.sid');
    expect((await sid('init', '--db', db)).code).toBe(0);
    expect(await sid('import', 'savings', SAMPLE, '--db', db, '--dry-run')).toMatchObject({
      code: 0,
      out: 'Would import: 4 new savings options, 0 changed, 0 unchanged.',
    });
    expect((await sid('import', 'savings', SAMPLE, '--db', db)).out).toBe(
      'Imported: 4 new savings options, 0 changed, 0 unchanged.',
    );
    const out = join(dir, 'savings.xlsx');
    expect(await sid('export', 'savings', '--db', db, '--out', out)).toMatchObject({ code: 0 });
    expect((await sid('import', 'savings', out, '--db', db, '--dry-run')).out).toBe(
      'Would import: 0 new savings options, 0 changed, 4 unchanged.',
    );
    const bad = join(dir, 'bad.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, await edited((sheet) => void (sheet.getCell('N5').value = 'Q')));
    const refused = await sid('import', 'savings', bad, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Savings Options!N5: ');
    expect((await sid('export', 'savings', '--db', db)).code).toBe(2);
  });
});
