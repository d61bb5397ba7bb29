import ExcelJS from 'exceljs';
import type { CellData } from './layout';
import { addStyledSheet, type StyledLayout } from './styled-sheet';

/**
 * The partnerships workbook: networks and their money, the key strengths register, brokered support
 * and the barriers agenda. The LA has no template for it, so each sheet is laid out here the way its
 * templates are, by the same styled sheet as the concern register (styled-sheet.ts).
 */
type Layout<F extends string> = StyledLayout<F>;

const text = <F extends string>(field: F, label: string, width: number) =>
  ({ field, label, kind: 'text', width }) as const;
const money = <F extends string>(field: F, label: string) =>
  ({ field, label, kind: 'whole', money: true, width: 13 }) as const;

export const NETWORKS = {
  sheet: 'Networks',
  title: 'Partnerships and network money',
  frozenColumns: 0,
  columns: [
    text('name', 'Partnership', 32),
    text('kind', 'Kind', 24),
    text('lead', 'Lead school', 28),
    { field: 'members', label: 'Members', kind: 'whole', width: 10 },
    text('districts', 'Districts', 28),
    text('year', 'Academic year', 14),
    money('allocation', 'Allocation'),
    money('planned', 'Planned'),
    money('spent', 'Spent'),
    money('remaining', 'Remaining'),
  ],
} as const satisfies Layout<string>;

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
    { field: 'validatedOn', label: 'Validated on', kind: 'date', width: 13 },
    text('contact', 'Contact', 28),
  ],
} as const satisfies Layout<string>;

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
    { field: 'startsOn', label: 'Starts', kind: 'date', width: 12 },
    { field: 'endsOn', label: 'Ends', kind: 'date', width: 12 },
    text('agreedBy', 'Agreed by', 22),
    text('outcome', 'Outcome', 50),
  ],
} as const satisfies Layout<string>;

export const BARRIERS = {
  sheet: 'Barriers',
  title: 'Barriers to effectiveness: the LA agenda',
  frozenColumns: 0,
  columns: [
    text('theme', 'Theme', 30),
    { field: 'count', label: 'Times raised', kind: 'whole', width: 12 },
    text('schools', 'Schools', 50),
    text('response', 'LA response', 50),
    { field: 'respondedOn', label: 'Responded on', kind: 'date', width: 13 },
  ],
} as const satisfies Layout<string>;

type Fields<L> = L extends { columns: ReadonlyArray<{ field: infer F }> } ? F & string : never;
export type RowOf<L> = Record<Fields<L>, CellData>;

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
