import ExcelJS from 'exceljs';
import {
  byStage,
  FIRST_PACK,
  packNote,
  summaryRows,
  type DigPackContent,
} from '../../shared/domain/dig-pack';
import { formatDate } from '../../shared/domain/format';
import { textForExcel } from './cells';
import type { CellData } from './layout';
import { addStyledSheet, date, HEADER_ROW, pounds, text, whole, type StyledLayout } from './styled-sheet';

/**
 * The District Intervention/Resource Group's paper pack as a workbook: one sheet per section, each
 * styled as the LA's templates are (styled-sheet.ts) and marked CONFIDENTIAL on every printed page.
 * The LA writes money in whole pounds in its papers, so the pack's money columns show £1,234.
 */

const WHOLE_POUNDS = '£#,##0;[Red]-£#,##0';
const HEADER_FILL = 'FFDCE6F1'; // the templates' header blue, as styled-sheet.ts uses
const HIGHLIGHT_FILL = 'FFFCE4D6';
const GREY = { style: 'thin', color: { argb: 'FF999999' } } as const;

export const SUMMARY_SHEET = {
  sheet: 'Summary',
  title: 'District Intervention/Resource Group — summary',
  frozenColumns: 1,
  confidential: true,
  columns: [
    text('measure', 'Schools', 44),
    whole('now', 'Now'),
    whole('before', 'At the last meeting', 14),
    whole('change', 'Change'),
  ],
} as const satisfies StyledLayout<string>;

export const CONCERNS_SHEET = {
  sheet: 'Schools causing concern',
  title: 'District Intervention/Resource Group — schools causing concern',
  frozenColumns: 2,
  confidential: true,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 36),
    text('district', 'District', 18),
    whole('stage', 'Stage', 8),
    date('stageSince', 'At this stage since'),
    whole('daysAtStage', 'Days at stage'),
    text('reasons', 'Reasons', 48),
    text('openDuties', 'Duties not kept', 44),
    date('nextDeadlineOn', 'Next deadline'),
    text('nextDeadline', 'Deadline for', 32),
    text('ofstedCategory', 'Ofsted category', 18),
    text('rag', 'RAG', 8),
    text('change', 'Change since the last meeting', 32),
  ],
} as const satisfies StyledLayout<string>;

export const MODERATION_SHEET = {
  sheet: 'Category moderation',
  title: 'District Intervention/Resource Group — category moderation',
  frozenColumns: 2,
  confidential: true,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 36),
    date('proposedOn', 'Proposed on'),
    text('source', 'Proposed in', 20),
    text('proposedBy', 'Proposed by', 22),
    whole('proposed', 'Proposed category', 11),
    whole('current', 'Current category', 11),
    whole('ofsted', 'Latest Ofsted overall', 11),
    date('ofstedOn', 'Inspected'),
    text('disagreement', 'Disagreement', 48),
  ],
} as const satisfies StyledLayout<string>;

export const OFSTED_SHEET = {
  sheet: 'Ofsted since last meeting',
  title: 'District Intervention/Resource Group — Ofsted since the last meeting',
  frozenColumns: 2,
  confidential: true,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 36),
    date('on', 'Date'),
    text('type', 'Type', 26),
    whole('overall', 'Overall effectiveness', 12),
    text('result', 'Category or progress', 26),
  ],
} as const satisfies StyledLayout<string>;

export const PROJECTS_SHEET = {
  sheet: 'Projects and funding',
  title: 'District Intervention/Resource Group — projects and funding',
  frozenColumns: 2,
  confidential: true,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 34),
    text('stage', 'For', 14),
    text('leadOfficer', 'Lead officer', 20),
    text('status', 'Status', 15),
    text('rag', 'RAG', 8),
    date('startedOn', 'Started'),
    date('reviewOn', 'Review by'),
    date('dmtOn', 'DMT referral point'),
    pounds('audit', 'PSS audit and plan', 14),
    pounds('monitoring', 'PSS monitoring', 14),
    pounds('cpd', 'CPD (school)', 14),
    whole('days', 'Officer days'),
    pounds('fund', 'From the fund', 14),
    pounds('total', 'All costs', 14),
  ],
} as const satisfies StyledLayout<string>;

export const DECISIONS_SHEET = {
  sheet: 'Decisions required',
  title: 'District Intervention/Resource Group — decisions required',
  frozenColumns: 0,
  confidential: true,
  columns: [
    text('type', 'Decision', 26),
    text('dfe', 'DfE number', 12),
    text('school', 'School', 36),
    text('what', 'What the group is asked', 70),
    date('dueOn', 'Due'),
  ],
} as const satisfies StyledLayout<string>;

/** A second table on a sheet under the first: a bold heading, the styled header row, its rows. */
function appendTable(
  sheet: ExcelJS.Worksheet,
  heading: string,
  columns: ReadonlyArray<{ label: string; money?: boolean; date?: boolean }>,
  rows: ReadonlyArray<ReadonlyArray<CellData>>,
  empty: string,
) {
  let r = sheet.rowCount + 2;
  const head = sheet.getCell(r, 1);
  head.value = textForExcel(heading);
  head.font = { bold: true, size: 12 };
  r += 1;
  columns.forEach((column, i) => {
    const cell = sheet.getCell(r, i + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { left: GREY, right: GREY, top: GREY, bottom: GREY };
  });
  if (rows.length === 0) sheet.getCell(r + 1, 1).value = textForExcel(empty);
  rows.forEach((values, index) => {
    values.forEach((value, i) => {
      const cell = sheet.getCell(r + 1 + index, i + 1);
      const column = columns[i];
      if (value === null) return;
      if (column?.money && typeof value === 'number') {
        cell.value = value / 100;
        cell.numFmt = WHOLE_POUNDS;
      } else if (column?.date && typeof value === 'string') {
        cell.value = new Date(`${value}T00:00:00Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else cell.value = typeof value === 'string' ? textForExcel(value) : value;
    });
  });
}

/** Shades and emboldens rows the group must not miss; `flagged` are their indexes among the records. */
function highlight(sheet: ExcelJS.Worksheet, width: number, flagged: readonly number[]) {
  for (const index of flagged) {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILL } };
      cell.font = { bold: true };
    }
  }
}

/** Whole pounds, as the pack's money is printed; styled-sheet.ts writes pence as pounds already. */
function wholePounds(sheet: ExcelJS.Worksheet, layout: StyledLayout<string>, count: number) {
  layout.columns.forEach((column, i) => {
    if (!column.money) return;
    for (let r = HEADER_ROW + 1; r <= HEADER_ROW + count; r++)
      sheet.getRow(r).getCell(i + 1).numFmt = WHOLE_POUNDS;
  });
}

export async function writeDigPackWorkbook(content: DigPackContent, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'School Improvement Desk';
  workbook.title = title;
  const note = packNote(content);

  const summary = addStyledSheet(
    workbook,
    SUMMARY_SHEET,
    note,
    summaryRows(content.counts, content.countsBefore),
  );
  appendTable(
    summary,
    'What changed since the last meeting',
    [{ label: 'DfE number' }, { label: 'School' }, { label: 'Change' }],
    content.changes.map((c) => [c.dfe, c.school, c.what]),
    content.previous ? 'Nothing has changed since the last meeting.' : FIRST_PACK,
  );

  const concerns = byStage(content.concerns);
  const concernSheet = addStyledSheet(
    workbook,
    CONCERNS_SHEET,
    note,
    concerns.map((c) => ({
      dfe: c.dfe,
      school: c.school,
      district: c.district,
      stage: c.stage,
      stageSince: c.stageSince,
      daysAtStage: c.daysAtStage,
      reasons: c.reasons,
      openDuties: c.openDuties.join('; '),
      nextDeadlineOn: c.nextDeadline?.on ?? null,
      nextDeadline: c.nextDeadline
        ? `${c.nextDeadline.what}${c.nextDeadline.overdue ? ' (overdue)' : ''}`
        : null,
      ofstedCategory: c.ofstedCategory,
      rag: c.rag,
      change: c.change,
    })),
  );
  highlight(
    concernSheet,
    CONCERNS_SHEET.columns.length,
    concerns.flatMap((c, i) => (c.nextDeadline?.overdue ? [i] : [])),
  );

  const moderation = addStyledSheet(
    workbook,
    MODERATION_SHEET,
    note,
    content.moderation.map((p) => ({ ...p })),
  );
  highlight(
    moderation,
    MODERATION_SHEET.columns.length,
    content.moderation.flatMap((p, i) => (p.disagreement ? [i] : [])),
  );

  addStyledSheet(
    workbook,
    OFSTED_SHEET,
    `${note} Inspections and HMI visits from ${formatDate(content.ofstedSince)}.`,
    content.ofsted.map((i) => ({ ...i })),
  );

  const projectRows = content.projects.map((p) => ({
    dfe: p.dfe,
    school: p.school,
    stage: p.stage,
    leadOfficer: p.leadOfficer,
    status: p.status,
    rag: p.rag,
    startedOn: p.startedOn,
    reviewOn: p.reviewOn,
    dmtOn: p.dmtOn,
    audit: p.costs['pss-audit'],
    monitoring: p.costs['pss-monitoring'],
    cpd: p.costs.cpd,
    days: p.days,
    fund: p.fundPence,
    total: p.totalPence,
  }));
  const projects = addStyledSheet(workbook, PROJECTS_SHEET, note, projectRows);
  wholePounds(projects, PROJECTS_SHEET, projectRows.length);
  appendTable(
    projects,
    'Intervention fund',
    [
      { label: 'Double district' },
      { label: 'Financial year' },
      { label: 'Allocated', money: true },
      { label: 'Committed', money: true },
      { label: 'Spent', money: true },
      { label: 'Remaining', money: true },
    ],
    content.funds.map((f) => [
      f.doubleDistrict,
      f.financialYear,
      f.allocationPence,
      f.committedPence,
      f.spentPence,
      f.remainingPence,
    ]),
    'No double district in the pack.',
  );

  addStyledSheet(
    workbook,
    DECISIONS_SHEET,
    note,
    content.decisions.map((d) => ({ ...d })),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
