import ExcelJS from 'exceljs';
import { addStyledSheet, date, pounds, text, whole, type RowOf, type StyledLayout } from './styled-sheet';

/**
 * The concern register workbook: the schools causing concern, the warning notices and the
 * intervention projects of a double district (or the whole LA). The LA has no template for it, so
 * each sheet is styled here as its templates are (see styled-sheet.ts).
 */

export const CONCERNS_SHEET = {
  sheet: 'Schools causing concern',
  title: 'School Improvement Division — schools causing concern',
  frozenColumns: 2,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 40),
    text('district', 'District', 20),
    whole('stage', 'Stage', 8),
    date('stageSince', 'At this stage since'),
    whole('daysAtStage', 'Days at stage'),
    text('openDuties', 'Duties not kept', 50),
    date('nextDeadlineOn', 'Next deadline'),
    text('nextDeadline', 'Deadline for', 36),
    text('ofstedCategory', 'Ofsted category', 18),
    text('rag', 'RAG', 8),
    pounds('spentPence', 'Spent from the fund'),
  ],
} as const satisfies StyledLayout<string>;

export const NOTICES_SHEET = {
  sheet: 'Warning notices',
  title: 'School Improvement Division — warning notices',
  frozenColumns: 2,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 40),
    text('grounds', 'Grounds', 50),
    date('givenOn', 'Issued'),
    date('responseDueOn', 'Response due'),
    date('complianceDueOn', 'Compliance date'),
    text('outcome', 'Outcome', 14),
    date('outcomeOn', 'Outcome date'),
    text('powers', 'Powers used', 36),
    text('notes', 'Notes', 50),
  ],
} as const satisfies StyledLayout<string>;

export const PROJECTS_SHEET = {
  sheet: 'Projects',
  title: 'School Improvement Division — intervention projects',
  frozenColumns: 2,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 40),
    text('stage', 'For', 16),
    text('leadOfficer', 'Lead officer', 24),
    date('startedOn', 'Started'),
    date('reviewOn', 'Review by'),
    text('status', 'Status', 16),
    text('rag', 'RAG', 8),
    pounds('spentPence', 'Spent from the fund'),
    pounds('totalPence', 'All costs'),
  ],
} as const satisfies StyledLayout<string>;

export interface ConcernRegisterExport {
  /** "Stafford / South Staffordshire" or "All double districts". */
  scope: string;
  /** dd/mm/yyyy */
  exportedOn: string;
  concerns: Array<RowOf<typeof CONCERNS_SHEET>>;
  notices: Array<RowOf<typeof NOTICES_SHEET>>;
  projects: Array<RowOf<typeof PROJECTS_SHEET>>;
}

export async function writeConcernRegister(data: ConcernRegisterExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'School Improvement Desk';
  const note = `${data.scope}. Exported ${data.exportedOn}.`;
  addStyledSheet(workbook, CONCERNS_SHEET, note, data.concerns);
  addStyledSheet(workbook, NOTICES_SHEET, note, data.notices);
  addStyledSheet(workbook, PROJECTS_SHEET, note, data.projects);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
