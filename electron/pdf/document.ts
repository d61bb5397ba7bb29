import PDFDocument from 'pdfkit';
import { formatDate, formatPounds } from '../../shared/domain/format';

/**
 * The page furniture every PDF the LA sends out carries: A4, "CONFIDENTIAL" at the head of every
 * page, the date and "Page N of M" at the foot. Built on pdfkit's own Helvetica, so no font file is
 * shipped and the app, browser mode and the CLI write the same file.
 */
export interface PdfOptions {
  /** The document's title, kept in the file's properties and shown in the footer. */
  title: string;
  /** ISO yyyy-mm-dd: the date the document is dated (a meeting's, a letter's). */
  dated: string;
  orientation?: 'portrait' | 'landscape';
}

/** A cell's value as held: text as typed, an ISO date, pence or a count. */
export type PdfCell = string | number | null;
export interface PdfColumn {
  label: string;
  /** Share of the table's width, relative to the other columns. */
  width: number;
  /** How a value is shown: dates dd/mm/yyyy, pence as £1,234, counts right-aligned. */
  kind?: 'text' | 'date' | 'money' | 'count';
}
export interface PdfRow {
  cells: ReadonlyArray<PdfCell>;
  /** Shaded and in bold, for a row the reader must not miss (a disagreement, an overdue duty). */
  highlight?: boolean;
}

export interface PdfWriter {
  /** A section heading, kept on the same page as the start of what follows it. */
  heading(text: string): void;
  /** A smaller bold heading within a section (a table's title), kept with what follows it. */
  subheading(text: string): void;
  paragraph(text: string): void;
  /** A table whose header row is repeated on every page it runs on; a row is never split. */
  table(columns: ReadonlyArray<PdfColumn>, rows: ReadonlyArray<PdfRow>): void;
  /** Starts the next section on a fresh page. */
  newPage(): void;
}

const MARGIN = 42;
const HEAD_SPACE = 28; // room above the content for CONFIDENTIAL
const FOOT_SPACE = 28; // and below it for the date and page number
const BODY_SIZE = 9;
const CELL_PAD = 3;
const HEADER_FILL = '#DCE6F1'; // the pale blue of the LA's workbook headers
const HIGHLIGHT_FILL = '#FCE4D6';
const RULE = '#999999';

function cellText(value: PdfCell, kind: PdfColumn['kind']): string {
  if (value === null || value === '') return '';
  if (kind === 'money' && typeof value === 'number') return formatPounds(value);
  if (kind === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  return value;
}

/** Runs `draw` on a fresh document and returns the finished file. */
export function renderPdf(options: PdfOptions, draw: (writer: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.orientation ?? 'portrait',
    bufferPages: true,
    margins: { top: MARGIN + HEAD_SPACE, bottom: MARGIN + FOOT_SPACE, left: MARGIN, right: MARGIN },
    info: { Title: options.title, Author: 'School Improvement Desk' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(BODY_SIZE);
  try {
    const { writer, finish } = writerFor(doc);
    draw(writer);
    finish();
    addFurniture(doc, options);
  } catch (error) {
    doc.end();
    throw error;
  }
  doc.end();
  return done;
}

const left = (doc: PDFKit.PDFDocument) => doc.page.margins.left;
const contentWidth = (doc: PDFKit.PDFDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const atTop = (doc: PDFKit.PDFDocument) => doc.y <= doc.page.margins.top + 0.5;

function writerFor(doc: PDFKit.PDFDocument): { writer: PdfWriter; finish(): void } {
  /** Moves to a new page unless `height` still fits on this one (or this page is empty anyway). */
  const ensure = (height: number) => {
    if (doc.y + height > bottom(doc) && !atTop(doc)) doc.addPage();
  };
  // Headings wait for what follows them and are placed with its first block (a table's header and
  // first row, a paragraph), so a heading never ends a page with its content on the next.
  let waiting: Array<{ height: number; draw: () => void }> = [];
  const place = (firstBlock: number) => {
    ensure(waiting.reduce((sum, heading) => sum + heading.height, 0) + firstBlock);
    for (const heading of waiting) heading.draw();
    waiting = [];
  };
  const headingOf = (text: string, size: number, before: number, after: number) => {
    doc.font('Helvetica-Bold').fontSize(size);
    const height = doc.heightOfString(text, { width: contentWidth(doc) }) + size * (before + after) * 1.2;
    waiting.push({
      height,
      draw: () => {
        doc.font('Helvetica-Bold').fontSize(size);
        if (!atTop(doc)) doc.moveDown(before);
        doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
        doc.moveDown(after);
        doc.font('Helvetica').fontSize(BODY_SIZE);
      },
    });
    doc.font('Helvetica').fontSize(BODY_SIZE);
  };
  const writer: PdfWriter = {
    heading: (text) => headingOf(text, 13, 0.6, 0.3),
    subheading: (text) => headingOf(text, 10.5, 0.3, 0.2),
    paragraph(text) {
      doc.font('Helvetica').fontSize(BODY_SIZE);
      place(doc.heightOfString(text, { width: contentWidth(doc) }));
      doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
      doc.moveDown(0.4);
    },
    table(columns, rows) {
      drawTable(doc, columns, rows, place);
      doc.moveDown(0.6);
    },
    newPage() {
      place(0);
      if (!atTop(doc)) doc.addPage();
    },
  };
  return { writer, finish: () => place(0) };
}

function drawTable(
  doc: PDFKit.PDFDocument,
  columns: ReadonlyArray<PdfColumn>,
  rows: ReadonlyArray<PdfRow>,
  /** Places the headings waiting for this table where `height` (its header and first row) fits. */
  place: (height: number) => void,
) {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * contentWidth(doc));
  const header: PdfRow = { cells: columns.map((column) => column.label) };
  const texts = (row: PdfRow, isHeader: boolean) =>
    row.cells.map((cell, i) => (isHeader ? String(cell ?? '') : cellText(cell, columns[i]?.kind)));
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE);
    const tallest = Math.max(
      ...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PAD })),
    );
    return tallest + 2 * CELL_PAD;
  };
  const drawRow = (
    cells: string[],
    height: number,
    fill: string | null,
    bold: boolean,
    isHeader: boolean,
  ) => {
    let x = left(doc);
    const y = doc.y;
    cells.forEach((text, i) => {
      const width = widths[i] ?? 0;
      if (fill) doc.rect(x, y, width, height).fill(fill);
      doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(RULE).stroke();
      const kind = columns[i]?.kind;
      const align = !isHeader && (kind === 'money' || kind === 'count') ? 'right' : 'left';
      doc
        .fillColor('black')
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(BODY_SIZE)
        .text(text, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD, align });
      x += width;
    });
    doc.x = left(doc);
    doc.y = y + height;
  };

  const headerCells = texts(header, true);
  const headerHeight = heightOf(headerCells, true);
  const firstHeight = rows[0] ? heightOf(texts(rows[0], false), !!rows[0].highlight) : 0;
  // Never leave a header alone at the foot of a page: it starts where its first row fits too.
  place(headerHeight + firstHeight);
  drawRow(headerCells, headerHeight, HEADER_FILL, true, true);
  for (const row of rows) {
    const cells = texts(row, false);
    const bold = !!row.highlight;
    const height = heightOf(cells, bold);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(headerCells, headerHeight, HEADER_FILL, true, true);
    }
    drawRow(cells, height, row.highlight ? HIGHLIGHT_FILL : null, bold, false);
  }
}

/** Heads and foots every page once the whole document is laid out, when the page count is known. */
function addFurniture(doc: PDFKit.PDFDocument, options: PdfOptions) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins would make pdfkit start a page of its own; lift them while we do.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const width = contentWidth(doc);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#C00000')
      .text('CONFIDENTIAL', margins.left, MARGIN, { width, align: 'center', lineBreak: false });
    const footY = doc.page.height - MARGIN - 10;
    doc.font('Helvetica').fontSize(8).fillColor('black');
    doc.text(`${options.title} — ${formatDate(options.dated)}`, margins.left, footY, {
      width: width * 0.75,
      align: 'left',
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, footY, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}
