import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { DIG } from '../../electron/data/papers';
import type { MeetingListRow } from '../../shared/api/meetings';
import { FIRST_PACK } from '../../shared/domain/dig-pack';
import { formatDate } from '../../shared/domain/format';
import { ok, RESOURCES, tempSession } from './helpers';
import { pdfPages } from './pdf-text';

const TODAY = '2026-11-23';
const SHEETS = [
  'Summary',
  'Schools causing concern',
  'Category moderation',
  'Ofsted since last meeting',
  'Projects and funding',
  'Decisions required',
];

let session: Session;
/** Each double district's group meetings, oldest first. */
let byArea: Map<number, MeetingListRow[]>;

beforeAll(async () => {
  tempSession(); // its own data folder and user
  session = new Session(RESOURCES, () => new Date(`${TODAY}T09:00:00Z`));
  await ok(session, 'app.create', { path: 'demo', demo: true });
  byArea = new Map();
  for (const m of (await ok(session, 'meetings.list', { kind: DIG })).reverse()) {
    if (m.doubleDistrictId === null) continue;
    byArea.set(m.doubleDistrictId, [...(byArea.get(m.doubleDistrictId) ?? []), m]);
  }
}, 60_000);

const past = (meetings: MeetingListRow[]) => meetings.filter((m) => m.heldOn < TODAY);
const papersOf = (meetingId: number) => ok(session, 'papers.list', { meetingId });
const file = async (paperId: number, format: 'xlsx' | 'pdf') =>
  Buffer.from((await ok(session, 'papers.download', { paperId, format })).dataBase64, 'base64');
async function summaryNote(paperId: number) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await file(paperId, 'xlsx')) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS);
  return String(book.getWorksheet('Summary')!.getCell('A2').value);
}

describe('the demo authority’s saved papers', () => {
  it('are saved for every past group meeting of each double district, by its DSIM, and for no other meeting', async () => {
    expect(byArea.size).toBe(4);
    for (const meetings of byArea.values()) {
      expect(past(meetings).length).toBeGreaterThanOrEqual(2);
      for (const m of meetings) {
        const papers = await papersOf(m.id);
        if (m.heldOn > TODAY) {
          expect(papers).toEqual([]);
          continue;
        }
        const dsim = (await ok(session, 'meetings.get', { id: m.id })).attendees.find(
          (a) => a.role === 'DSIM',
        );
        expect(papers).toHaveLength(1);
        expect(papers[0]).toMatchObject({ presented: true, generatedBy: dsim!.name });
        expect(papers[0]!.workbookBytes).toBeGreaterThan(0);
        expect(papers[0]!.pdfBytes).toBeGreaterThan(0);
      }
    }
    const db = session.ctx().db;
    const elsewhere = db
      .prepare(
        `SELECT count(*) FROM meeting_papers p JOIN meetings m ON m.id = p.meeting_id
         WHERE m.kind <> ? OR m.double_district_id IS NULL`,
      )
      .pluck()
      .get(DIG);
    expect(elsewhere).toBe(0);
    // Nobody made them in this file: the demo still starts with an empty record of changes.
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('compare each pack with the one before it, the first saying it is a first pack', async () => {
    for (const meetings of byArea.values()) {
      const held = past(meetings);
      const compared = await Promise.all(held.map(async (m) => (await papersOf(m.id))[0]!.comparedWith));
      expect(compared).toEqual([null, ...held.slice(0, -1).map((m) => m.heldOn)]);
    }
    const [first, second] = past([...byArea.values()][0]!);
    const [firstPaper] = await papersOf(first!.id);
    const [secondPaper] = await papersOf(second!.id);
    expect(await summaryNote(firstPaper!.id)).toContain(FIRST_PACK);
    const since = `Changes are since the papers of ${formatDate(first!.heldOn)}.`;
    expect(await summaryNote(secondPaper!.id)).toContain(
      `${second!.doubleDistrict}. Meeting of ${formatDate(second!.heldOn)}`,
    );
    expect(await summaryNote(secondPaper!.id)).toContain(since);
    expect((await pdfPages(await file(secondPaper!.id, 'pdf')))[0]).toContain(since);
  });

  it('open: every workbook in ExcelJS with all its sheets, every PDF in pdf.js with its page furniture', async () => {
    for (const meetings of byArea.values())
      for (const m of past(meetings)) {
        const [paper] = await papersOf(m.id);
        expect(await summaryNote(paper!.id)).toContain(`Meeting of ${formatDate(m.heldOn)}`);
        const pages = await pdfPages(await file(paper!.id, 'pdf'));
        expect(pages.length).toBeGreaterThanOrEqual(SHEETS.length);
        pages.forEach((text, i) => {
          expect(text).toContain('CONFIDENTIAL');
          expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
        });
      }
  }, 60_000);

  it('give the group’s next meeting a pack that compares with the last one presented', async () => {
    for (const meetings of byArea.values()) {
      const ahead = meetings.find((m) => m.heldOn > TODAY)!;
      const made = await ok(session, 'papers.generate', { meetingId: ahead.id });
      expect(made.comparedWith).toBe(past(meetings).at(-1)!.heldOn);
    }
  }, 60_000);
});
