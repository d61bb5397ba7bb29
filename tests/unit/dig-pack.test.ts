import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { invoke } from '../../electron/core/handlers';
import { FIRST_PACK } from '../../shared/domain/dig-pack';
import { packAuthority } from './dig-pack-fixture';
import { ok } from './helpers';
import { pdfPages } from './pdf-text';

const SHEETS = [
  'Summary',
  'Schools causing concern',
  'Category moderation',
  'Ofsted since last meeting',
  'Projects and funding',
  'Decisions required',
];

type Pack = Awaited<ReturnType<typeof packAuthority>>;
async function generate(la: Pack, meetingId: number) {
  const made = await ok(la.session, 'papers.generate', { meetingId });
  const file = async (format: 'xlsx' | 'pdf') =>
    Buffer.from(
      (await ok(la.session, 'papers.download', { paperId: made.paperId, format })).dataBase64,
      'base64',
    );
  return { made, xlsx: await file('xlsx'), pdf: await file('pdf') };
}

async function load(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows from `from` on, as arrays of values from column A, blank rows left out. */
const rows = (sheet: ExcelJS.Worksheet, from = 4) =>
  sheet
    .getSheetValues()
    .slice(from)
    .filter(Boolean)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the District Intervention/Resource Group pack', () => {
  it('gives every sheet its known answers for the double district, and only its schools', async () => {
    const la = await packAuthority();
    const meeting = la.meeting('2026-11-25');
    const { made, xlsx } = await generate(la, meeting);
    expect(made.comparedWith).toBeNull();
    const book = await load(xlsx);
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS);

    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A2').value).toContain('Cannock / Lichfield. Meeting of 25/11/2026');
    expect(rows(summary).slice(0, 11)).toEqual([
      ['Schools in the pack', 3],
      ['Category 1 (Outstanding)', 0],
      ['Category 2 (Good)', 1],
      ['Category 3 (Satisfactory)', 1],
      ['Category 4 (Inadequate)', 1],
      ['No confirmed category', 0],
      ['Causing concern at Stage 1', 0],
      ['Causing concern at Stage 2', 1],
      ['Causing concern at Stage 3', 1],
      ['Ofsted: Notice to Improve', 0],
      ['Ofsted: Special Measures', 1],
    ]);
    expect(rows(summary).slice(11)).toEqual([
      ['What changed since the last meeting'],
      ['DfE number', 'School', 'Change'],
      [FIRST_PACK],
    ]);

    const concerns = rows(book.getWorksheet('Schools causing concern')!);
    expect(concerns).toHaveLength(2);
    expect(concerns[0]!.slice(0, 4)).toEqual(['860/2002', "St Mary's Primary", 'Cannock Chase', 3]);
    expect(concerns[0]![10]).toBe('Special Measures');
    expect(concerns[0]![6]).toBe('Limited capacity to improve; =HYPERLINK("http://example.com","Click")');
    const concernXml = await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet2.xml')!.async('string');
    expect(concernXml).not.toContain('<f>');
    expect(concerns[1]).toEqual([
      '860/2001',
      'Alder Primary',
      'Cannock Chase',
      2,
      day('2026-09-14'),
      70,
      'Low attainment overall or for groups; Significant weaknesses in teaching and learning; KS2 results below floor two years running',
      ...concerns[1]!.slice(7, 11),
      'Amber',
      'First pack',
    ]);

    const moderationSheet = book.getWorksheet('Category moderation')!;
    expect(rows(moderationSheet)).toEqual([
      [
        '860/2004',
        'Brook Primary',
        day('2026-10-20'),
        'SIP summary report',
        'Dana Simms',
        3,
        2,
        2,
        day('2025-03-12'),
        "Proposal differs from the current category 2; Ofsted's latest judgement (2) is more favourable than the proposal",
      ],
    ]);
    const flagged = moderationSheet.getRow(4).getCell(1);
    expect(flagged.font?.bold).toBe(true);
    expect(flagged.fill).toMatchObject({ fgColor: { argb: 'FFFCE4D6' } });

    const ofsted = book.getWorksheet('Ofsted since last meeting')!;
    expect(ofsted.getCell('A2').value).toContain('from 01/09/2026');
    expect(rows(ofsted)).toEqual([
      ['860/2002', "St Mary's Primary", day('2026-10-01'), 'Section 5 inspection', 4, 'Special Measures'],
    ]);

    const projects = book.getWorksheet('Projects and funding')!;
    const [project, fundHeading, fundHeader, fund] = rows(projects);
    expect(project).toEqual([
      '860/2001',
      'Alder Primary',
      'Stage 2',
      'Dana Simms',
      'Open',
      'Amber',
      day('2026-09-21'),
      day('2027-01-29'),
      project![8],
      500,
      200,
      300,
      3,
      700,
      1000,
    ]);
    expect(project![8]).toBeInstanceOf(Date);
    expect(projects.getRow(4).getCell(14).numFmt).toBe('£#,##0;[Red]-£#,##0');
    expect(fundHeading).toEqual(['Intervention fund']);
    expect(fundHeader).toEqual([
      'Double district',
      'Financial year',
      'Allocated',
      'Committed',
      'Spent',
      'Remaining',
    ]);
    // £40,000 less £5,000 held back, £200 committed and £500 spent.
    expect(fund).toEqual(['Cannock / Lichfield', '2026/27', 40000, 200, 500, 34300]);

    const decisions = rows(book.getWorksheet('Decisions required')!);
    expect(decisions.map((d) => [d[0], d[2]])).toEqual([
      ['Confirm as causing concern', "St Mary's Primary"],
      ['Funding request', 'Alder Primary'],
      ['Warning notice', 'Alder Primary'],
    ]);
    expect(decisions[1]![3]).toBe('£200 for Priority School Support: monitoring: Audit of teaching');
    expect(decisions[2]![3]).toBe(
      'Advise on issuing a warning notice (Standards unacceptably low; Pace of improvement too slow)',
    );
  });

  it('saves print setup, frozen panes, print titles and CONFIDENTIAL in the file itself', async () => {
    const la = await packAuthority();
    const { xlsx } = await generate(la, la.meeting('2026-11-25'));
    const zip = await JSZip.loadAsync(xlsx);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    SHEETS.forEach((name, index) => {
      const quoted = `&apos;${name}&apos;!$3:$3`;
      expect(workbookXml).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${quoted}</definedName>`,
      );
    });
    for (let n = 1; n <= SHEETS.length; n++) {
      const sheet = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
      expect(sheet).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
      expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
      expect(sheet).toMatch(/fitToWidth="1"/);
      expect(sheet).toMatch(/<oddHeader>[^<]*CONFIDENTIAL<\/oddHeader>/);
    }
    const book = await load(xlsx);
    const header = book.getWorksheet('Schools causing concern')!.getRow(3);
    expect(header.getCell(1).font?.bold).toBe(true);
    const since = book.getWorksheet('Schools causing concern')!.getRow(4).getCell(5);
    expect(since.numFmt).toBe('dd/mm/yyyy');
  });

  it('prints the same content as a PDF, each section on its own pages, every page marked', async () => {
    const la = await packAuthority();
    const { pdf } = await generate(la, la.meeting('2026-11-25'));
    const pages = await pdfPages(pdf);
    expect(pages.length).toBe(6);
    pages.forEach((text, i) => {
      expect(text).toContain('CONFIDENTIAL');
      expect(text).toContain(`Page ${i + 1} of 6`);
      expect(text).toContain('25/11/2026');
    });
    expect(pages[0]).toContain(
      'Summary: District Intervention/Resource Group of 25/11/2026 — Cannock / Lichfield',
    );
    expect(pages[0]).toContain(FIRST_PACK);
    expect(pages[1]).toContain('Schools causing concern');
    expect(pages[1]).toMatch(
      /Stage 3 – intensive programme \(1 school\).*St Mary's Primary.*Stage 2 – light touch \(1 school\).*Alder Primary/,
    );
    expect(pages[1]).not.toContain('Tame Valley');
    expect(pages[2]).toContain('Category moderation');
    expect(pages[2]).toContain('Brook Primary');
    expect(pages[3]).toContain('Ofsted since the last meeting');
    expect(pages[4]).toContain('Projects and funding');
    expect(pages[4]).toContain('£34,300');
    expect(pages[5]).toContain('Decisions required');
    expect(pages[5]).toContain('Advise on issuing a warning notice');
  });

  it('says what changed since the papers last presented, not since the data of that day', async () => {
    const la = await packAuthority();
    const first = la.meeting('2026-11-25');
    await generate(la, first);
    // After the papers went out: a stage decision back-dated to before that meeting, and Brook's
    // proposal confirmed. Rebuilding the old meeting's figures from today's data would hide the first.
    la.clock.today = '2027-02-08';
    const concern = (await ok(la.session, 'concerns.list', { schoolId: la.alder }))[0]!;
    await ok(la.session, 'concerns.changeStage', {
      id: concern.id,
      draft: { decidedOn: '2026-11-20', to: 3, reason: 'Pace too slow', decidedById: la.head, meeting: '' },
    });
    await ok(la.session, 'categories.decide', {
      id: la.pending,
      draft: { decidedOn: '2027-01-15', category: 3, notes: '', supportOverride: null, overrideReason: '' },
    });
    const { made, xlsx, pdf } = await generate(la, la.meeting('2027-02-10'));
    expect(made.comparedWith).toBe('2026-11-25');
    const book = await load(xlsx);
    const summary = rows(book.getWorksheet('Summary')!);
    expect(summary).toContainEqual(['Causing concern at Stage 2', 0, 1, -1]);
    expect(summary).toContainEqual(['Causing concern at Stage 3', 2, 1, 1]);
    expect(summary.slice(-2)).toEqual([
      ['860/2001', 'Alder Primary', 'Stage 2 → Stage 3'],
      ['860/2004', 'Brook Primary', 'Category 2 → 3'],
    ]);
    const concerns = rows(book.getWorksheet('Schools causing concern')!);
    expect(concerns.map((c) => [c[1], c.at(-1)])).toEqual([
      ['Alder Primary', 'Stage 2 → Stage 3'],
      ["St Mary's Primary", 'No change'],
    ]);
    expect(rows(book.getWorksheet('Category moderation')!)).toEqual([]);
    expect(book.getWorksheet('Ofsted since last meeting')!.getCell('A2').value).toContain('from 26/11/2026');
    // The commitment was before the last meeting, so it is no longer asked for.
    const decisions = rows(book.getWorksheet('Decisions required')!);
    expect(decisions.map((d) => d[0])).not.toContain('Funding request');
    expect((await pdfPages(pdf))[0]).toContain('Changes are since the papers of 25/11/2026.');

    const listed = await ok(la.session, 'papers.list', { meetingId: first });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ presented: true, comparedWith: null });
    const second = await ok(la.session, 'papers.list', { meetingId: made.meetingId });
    expect(second).toMatchObject([{ presented: true, comparedWith: '2026-11-25' }]);
  });
});

describe('papers as a job', () => {
  it('generates as a job the window can follow, and refuses a meeting that does not exist in plain words', async () => {
    const la = await packAuthority();
    const meetingId = la.meeting('2026-11-25');
    const { jobId } = await ok(la.session, 'jobs.start', { op: 'papers.generate', input: { meetingId } });
    let progress = await ok(la.session, 'jobs.progress', { jobId });
    while (!progress.result) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      progress = await ok(la.session, 'jobs.progress', { jobId });
    }
    expect(progress.stage).toBe('done');
    expect(progress.result).toMatchObject({ ok: true, value: { meetingId, comparedWith: null } });
    expect(await ok(la.session, 'papers.list', { meetingId })).toHaveLength(1);

    const missing = await invoke(la.session, 'papers.generate', { meetingId: 999 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no meeting 999.' },
    });
    const noPaper = await invoke(la.session, 'papers.download', { paperId: 999, format: 'pdf' });
    expect(noPaper).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: 'Those papers are not in the file: their meeting may have been deleted.',
      },
    });
  });

  it('makes a county-wide pack over every double district, with each fund', async () => {
    const la = await packAuthority();
    const { xlsx } = await generate(la, la.meeting('2026-11-25', null));
    const book = await load(xlsx);
    expect(rows(book.getWorksheet('Summary')!)[0]).toEqual(['Schools in the pack', 4]);
    expect(rows(book.getWorksheet('Schools causing concern')!).map((r) => r[1])).toEqual([
      "St Mary's Primary",
      'Alder Primary',
      'Tame Valley Primary',
    ]);
    const funds = rows(book.getWorksheet('Projects and funding')!).slice(-2);
    expect(funds.map((f) => [f[0], f[2]])).toEqual([
      ['Cannock / Lichfield', 40000],
      ['Tamworth / Burton', 0],
    ]);
  });
});

describe('sid export dig', () => {
  async function sid(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the pack for a meeting, adding the meeting when there is none, and refuses a file held by someone', async () => {
    const la = await packAuthority();
    const dir = dirname(la.path);
    const xlsx = join(dir, 'pack.xlsx');
    const args = ['export', 'dig', '--db', la.path, '--double-district', 'cannock / lichfield'];

    const held = await sid(...args, '--meeting', '10/06/2098', '--out', xlsx);
    expect(held.code).toBe(1);
    expect(held.err).toContain('test.user');
    expect(existsSync(xlsx)).toBe(false);
    la.session.close();

    const added = await sid(...args, '--meeting', '10/06/2098', '--out', xlsx);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain(
      'There was no such meeting, so the District Intervention/Resource Group of 10/06/2098 — Cannock / Lichfield was added to the file.',
    );
    expect(added.out).toContain('first pack');
    expect((await load(readFileSync(xlsx))).worksheets.map((s) => s.name)).toEqual(SHEETS);

    await sid(...args, '--meeting', '01/01/2099', '--out', xlsx);
    // With no date, the next meeting from today: 10/06/2098, already in the file, compared with nothing earlier.
    const pdfFile = join(dir, 'pack.pdf');
    const next = await sid(...args, '--pdf', '--out', pdfFile);
    expect(next.code).toBe(0);
    expect(next.out).not.toContain('was added');
    expect(next.out).toContain('District Intervention/Resource Group of 10/06/2098');
    const pages = await pdfPages(readFileSync(pdfFile));
    expect(pages[0]).toContain('10/06/2098');

    const unknown = await sid(...args.slice(0, 5), 'Nowhere', '--out', xlsx);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(
      'There is no double district "Nowhere". Known: Cannock / Lichfield; Tamworth / Burton',
    );
    const badDate = await sid(...args, '--meeting', '31/02/2098', '--out', xlsx);
    expect(badDate.code).toBe(2);
  });
});
