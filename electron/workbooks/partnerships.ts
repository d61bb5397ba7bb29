import ExcelJS from 'exceljs';
import { writeRows, type CellData, type Column } from './layout';
import { textForExcel } from './cells';

/**
 * The partnerships workbook: networks and their money, the key strengths register, brokered support
 * and the barriers agenda. The LA has no template for it, so each sheet is laid out here the way its
 * templates are: a title row, bold headers, frozen panes, widths, £ formats and user text as text.
 */
type SheetColumn<F extends string> = Column<F> & { width: number; money?: boolean };
interface Layout<F extends string> {
  sheet: string;
  title: string;
  columns: ReadonlyArray<SheetColumn<F>>;
}

const text = <F extends string>(field: F, label: string, width: number) =>
  ({ field, label, kind: 'text', width }) as const;
const money = <F extends string>(field: F, label: string) =>
  ({ field, label, kind: 'whole', money: true, width: 13 }) as const;

export const NETWORKS = {
  sheet: 'Networks',
  title: 'Partnerships and network money',
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

const HEADER_ROW = 3;

function addSheet<F extends string>(
  workbook: ExcelJS.Workbook,
  layout: Layout<F>,
  exportedOn: string,
  records: ReadonlyArray<Record<F, CellData>>,
): void {
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell('A1').value = textForExcel(layout.title);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = textForExcel(`Exported ${exportedOn}`);
  sheet.getCell('A2').font = { italic: true };
  const header = sheet.getRow(HEADER_ROW);
  layout.columns.forEach((c, index) => {
    header.getCell(index + 1).value = c.label;
    sheet.getColumn(index + 1).width = c.width;
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  const columnOf = new Map(layout.columns.map((c, index) => [c.field, index + 1]));
  const pounds = records.map((r) => {
    const copy: Record<F, CellData> = { ...r };
    for (const c of layout.columns)
      if (c.money && typeof r[c.field] === 'number') copy[c.field] = (r[c.field] as number) / 100;
    return copy;
  });
  writeRows({ sheet, headerRow: HEADER_ROW, columnOf, unknown: [] }, layout, pounds);
  layout.columns.forEach((c, index) => {
    if (!c.money) return;
    for (let r = HEADER_ROW + 1; r <= HEADER_ROW + records.length; r++)
      sheet.getRow(r).getCell(index + 1).numFmt = '£#,##0.00;[Red]-£#,##0.00';
  });
  if (records.length)
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW, column: layout.columns.length },
    };
}

export async function writePartnerships(data: PartnershipsExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'School Improvement Desk';
  addSheet(workbook, NETWORKS, data.exportedOn, data.networks);
  addSheet(workbook, KEY_STRENGTHS, data.exportedOn, data.strengths);
  addSheet(workbook, BROKERED_SUPPORT, data.exportedOn, data.support);
  addSheet(workbook, BARRIERS, data.exportedOn, data.barriers);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
