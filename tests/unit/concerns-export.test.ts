import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { concernDraft, concernsAuthority, noticeDraft } from './concerns-fixture';
import { ok } from './helpers';

const FORMULA = '=HYPERLINK("http://example.com","Click")';

/** Two double districts: a Stage 2 concern with a project, a warning notice and a Stage 3 concern. */
async function caseload() {
  const la = await concernsAuthority();
  const { session } = la;
  const concern = await ok(session, 'concerns.save', { draft: concernDraft(la.a) });
  await ok(session, 'concerns.save', { draft: concernDraft(la.c, { stage: 3 }) });
  await ok(session, 'warningNotices.save', { draft: noticeDraft(la.a, { notes: FORMULA }) });
  const project = await ok(session, 'projects.save', {
    draft: {
      schoolId: la.a,
      concernId: concern.id,
      stage: 'Stage 2',
      leadOfficerId: la.dsim,
      team: [],
      objectives: ['Raise attainment in mathematics'],
      startedOn: '2025-10-06',
      reviewOn: '2026-02-27',
    },
  });
  const cost = (source: string, amountPence: number, status: string) => ({
    projectId: project.id,
    source,
    incurredOn: '2025-10-13',
    description: 'Audit of teaching',
    days: 1,
    amountPence,
    status,
    exceptionReason: '',
  });
  await ok(session, 'projects.saveCost', { draft: cost('pss-audit', 50_000, 'Spent') });
  await ok(session, 'projects.saveCost', { draft: cost('pss-monitoring', 20_000, 'Committed') });
  await ok(session, 'projects.saveCost', { draft: cost('cpd', 30_000, 'Spent') });
  await ok(session, 'projects.saveReport', {
    draft: {
      projectId: project.id,
      academicYear: 2025,
      term: 'autumn',
      ratings: [{ objective: 'Raise attainment in mathematics', rag: 'Amber' }],
      overall: 'Amber',
      impactEvidence: '',
      significantImprovement: false,
    },
  });
  return la;
}

async function read(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows under its header (row 3), as arrays of cell values from column A. */
const rowsOf = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(4)
    .filter(Boolean)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));
const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1);

async function sid(...argv: string[]) {
  const err: string[] = [];
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the concern register', () => {
  it("gives each concern its school's latest project RAG and what its projects have spent from the fund", async () => {
    const { session, a, c } = await caseload();
    const rows = await ok(session, 'concerns.register', { doubleDistrictId: null });
    const bySchool = new Map(rows.map((r) => [r.schoolId, r]));
    // Only the audit's £500 is spent from the fund: monitoring is committed, CPD the school pays.
    expect(bySchool.get(a)).toMatchObject({ rag: 'Amber', spentPence: 50_000 });
    expect(bySchool.get(c)).toMatchObject({ rag: null, spentPence: null });
  });
});

describe('the concern register workbook', () => {
  it('has the three sheets, styled like the templates, with dates as dates and user text as text', async () => {
    const { session, north } = await caseload();
    const file = await ok(session, 'concerns.exportRegister', { doubleDistrictId: null });
    expect(file.fileName).toMatch(/^Concern register \d{4}-\d{2}-\d{2}\.xlsx$/);
    const data = Buffer.from(file.dataBase64, 'base64');
    const workbook = await read(data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Schools causing concern',
      'Warning notices',
      'Projects',
    ]);

    const concerns = workbook.getWorksheet('Schools causing concern')!;
    expect(concerns.getCell('A1').value).toBe('School Improvement Division — schools causing concern');
    expect(concerns.getCell('A1').font.bold).toBe(true);
    expect(headerOf(concerns)).toContain('Stage');
    expect(concerns.getRow(3).getCell(1).font.bold).toBe(true);
    expect(concerns.getRow(3).getCell(1).fill).toMatchObject({ pattern: 'solid' });
    expect(concerns.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    expect(concerns.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(concerns.autoFilter).toBeTruthy();
    const stageColumn = headerOf(concerns).indexOf('Stage');
    const concernRows = rowsOf(concerns);
    expect(concernRows.map((r) => r[stageColumn]).sort()).toEqual([2, 3]);
    const alder = concernRows.find((r) => r[1] === 'Alder Primary')!;
    const spent = headerOf(concerns).indexOf('Spent from the fund');
    expect(alder[spent]).toBe(500);
    expect(concerns.getRow(4 + concernRows.indexOf(alder)).getCell(spent + 1).numFmt).toContain('£');

    const notices = workbook.getWorksheet('Warning notices')!;
    const header = headerOf(notices);
    expect(header).toEqual(expect.arrayContaining(['Issued', 'Response due']));
    const [notice] = rowsOf(notices);
    const issued = notice![header.indexOf('Issued')];
    const due = notice![header.indexOf('Response due')];
    expect(issued).toBeInstanceOf(Date);
    expect((issued as Date).toISOString().slice(0, 10)).toBe('2025-12-10');
    // The 15th working day after 10/12/2025, over Christmas, Boxing Day and New Year's Day.
    expect((due as Date).toISOString().slice(0, 10)).toBe('2026-01-05');
    expect(notices.getCell(4, header.indexOf('Issued') + 1).numFmt).toBe('dd/mm/yyyy');
    expect(notice![header.indexOf('Notes')]).toBe(FORMULA);

    const projects = workbook.getWorksheet('Projects')!;
    expect(headerOf(projects)).toEqual(
      expect.arrayContaining([
        'School',
        'Lead officer',
        'Started',
        'Review by',
        'RAG',
        'Spent from the fund',
      ]),
    );
    const [project] = rowsOf(projects);
    expect(project).toEqual(expect.arrayContaining(['Alder Primary', 'Dana Simms', 'Amber', 500]));

    // In the file itself: the formula-like text is a string, no cell is a formula, and the header
    // repeats on every printed page.
    const zip = await JSZip.loadAsync(data);
    const sheets = await Promise.all(
      [1, 2, 3].map((n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string')),
    );
    for (const xml of sheets) {
      expect(xml).not.toContain('<f>');
      expect(xml).toContain('<pane');
      expect(xml).toContain('state="frozen"');
    }
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('_xlnm.Print_Titles');

    const south = await read(
      Buffer.from(
        (await ok(session, 'concerns.exportRegister', { doubleDistrictId: north })).dataBase64,
        'base64',
      ),
    );
    expect(rowsOf(south.getWorksheet('Schools causing concern')!).map((r) => r[1])).toEqual([
      'Alder Primary',
    ]);
  });

  it('is written by sid export concerns, for the LA or one double district', async () => {
    const { session, path } = await caseload();
    session.close();
    const all = join(path, '..', 'all.xlsx');
    expect(await sid('export', 'concerns', '--db', path, '--out', all)).toMatchObject({ code: 0 });
    const schools = rowsOf((await read(readFileSync(all))).getWorksheet('Schools causing concern')!);
    expect(schools.map((r) => r[1]).sort()).toEqual(['Alder Primary', 'Tame Valley Primary']);

    const one = join(path, '..', 'one.xlsx');
    const result = await sid(
      'export',
      'concerns',
      '--db',
      path,
      '--out',
      one,
      '--double-district',
      'tamworth / burton',
    );
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining(one) });
    const book = await read(readFileSync(one));
    expect(rowsOf(book.getWorksheet('Schools causing concern')!).map((r) => r[1])).toEqual([
      'Tame Valley Primary',
    ]);
    expect(rowsOf(book.getWorksheet('Warning notices')!)).toEqual([]);

    expect(
      await sid('export', 'concerns', '--db', path, '--out', one, '--double-district', 'Nowhere'),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no double district "Nowhere"'),
    });
  });
});
