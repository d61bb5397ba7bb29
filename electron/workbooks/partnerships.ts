import ExcelJS from 'exceljs';
import { addStyledSheet, date, pounds, text, whole, type RowOf, type StyledLayout } from './styled-sheet';

/**
 * The partnerships workbook: networks and their money, the key strengths register, brokered support
 * and the barriers agenda. The LA has no template for it, so each sheet is laid out here the way its
 * templates are, by the same styled sheet as the concern register (styled-sheet.ts).
 */

export const NETWORKS = {
  sheet: 'Networks',
  title: 'Partnerships and network money',
  frozenColumns: 0,
  columns: [
    text('name', 'Partnership', 32),
    text('kind', 'Kind', 24),
    text('lead', 'Lead school', 28),
    whole('members', 'Members'),
    text('districts', 'Districts', 28),
    text('year', 'Academic year', 14),
    pounds('allocation', 'Allocation'),
    pounds('planned', 'Planned'),
    pounds('spent', 'Spent'),
    pounds('remaining', 'Remaining'),
  ],
} as const satisfies StyledLayout<string>;

export const KEY_STRENGTHS = {
  sheet: 'Key strengths',
  title: 'Register of key strengths',
  frozenColumns: 0,
  columns: [
    text('dfe', 'DfE number', 12),
    text('school', 'School', 32),
    text('district', 'District', 20),
    text('area', 'Area', 30),
    text('aspect', 'Aspect', 24),
    text('evidence', 'Evidence', 50),
    { field: 'validated', label: 'Validated', kind: 'yesNo', width: 10 },
    text('validatedBy', 'Validated by', 20),
    date('validatedOn', 'Validated on'),
    text('contact', 'Contact', 28),
  ],
} as const satisfies StyledLayout<string>;

export const BROKERED_SUPPORT = {
  sheet: 'Brokered support',
  title: 'School-to-school support brokered by the LA',
  frozenColumns: 0,
  columns: [
    text('supportingDfe', 'Supporting DfE number', 14),
    text('supporting', 'Supporting school', 30),
    text('supportedDfe', 'Supported DfE number', 14),
    text('supported', 'Supported school', 30),
    text('area', 'Area', 30),
    date('startsOn', 'Starts', 12),
    date('endsOn', 'Ends', 12),
    text('agreedBy', 'Agreed by', 22),
    text('outcome', 'Outcome', 50),
  ],
} as const satisfies StyledLayout<string>;

export const BARRIERS = {
  sheet: 'Barriers',
  title: 'Barriers to effectiveness: the LA agenda',
  frozenColumns: 0,
  columns: [
    text('theme', 'Theme', 30),
    whole('count', 'Times raised', 12),
    text('schools', 'Schools', 50),
    text('response', 'LA response', 50),
    date('respondedOn', 'Responded on'),
  ],
} as const satisfies StyledLayout<string>;

export interface PartnershipsExport {
  exportedOn: string;
  networks: Array<RowOf<typeof NETWORKS>>;
  strengths: Array<RowOf<typeof KEY_STRENGTHS>>;
  support: Array<RowOf<typeof BROKERED_SUPPORT>>;
  barriers: Array<RowOf<typeof BARRIERS>>;
}

export async function writePartnerships(data: PartnershipsExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'School Improvement Desk';
  const note = `Exported ${data.exportedOn}`;
  addStyledSheet(workbook, NETWORKS, note, data.networks);
  addStyledSheet(workbook, KEY_STRENGTHS, note, data.strengths);
  addStyledSheet(workbook, BROKERED_SUPPORT, note, data.support);
  addStyledSheet(workbook, BARRIERS, note, data.barriers);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
