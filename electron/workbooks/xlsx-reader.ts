import type ExcelJS from 'exceljs';
import { Damaged, readDirectory, unpack, WORKSHEET, type Judged, type ZipPart } from './guard';

/*
 * Reads the cells of an .xlsx without ExcelJS: the zip's directory, the workbook's list of sheets,
 * the shared strings and the number formats, and a sheet's XML only when a reader asks for that
 * sheet, scanned by hand for its rows, cells and merges. ExcelJS's full load builds a model of every
 * part (styles, drawings, every sheet) that no import needs, which made an import slower than the
 * load itself and the workbook thread heavy.
 *
 * Each cell is given the value ExcelJS would give it (the same quirks, so imports read and refuse
 * exactly as they did): a shared or inline string, rich text, a number, a boolean, an error, a
 * formula with its saved result, or a Date where the cell's number format is a date. The
 * differential test (tests/unit/xlsx-reader.test.ts) holds the two to the same cells.
 */

export type Value = ExcelJS.CellValue;

export interface StreamedCell {
  value: Value;
  address: string;
}

/**
 * A cell as a reader is handed it. Its address is worked out only when asked for: the readers name
 * the cells of their messages themselves, so a register's 8,000 addresses were made for nothing.
 */
class CellAt implements StreamedCell {
  constructor(
    readonly value: Value,
    private readonly row: number,
    private readonly col: number,
  ) {}

  get address(): string {
    return `${columnLetters(this.col)}${this.row}`;
  }
}

/** Column letters by number, made once: every cell's address is asked for in messages. */
const letters: string[] = [''];
export function columnLetters(col: number): string {
  for (let n = letters.length; n <= col; n++) {
    let name = '';
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
      name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
    letters.push(name);
  }
  return letters[col]!;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text as an XML parser hands it on: line ends made \n, then entities and character references. */
function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Damaged();
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0x10ffff) throw new Damaged();
      return String.fromCodePoint(code);
    }
    const entity = ENTITIES[name];
    if (entity === undefined) throw new Damaged();
    return entity;
  });
}

/** Excel's escape for characters XML cannot carry (`_x000D_`), undone in shared strings and runs. */
const unescapeExcel = (text: string) =>
  text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A second decoding ExcelJS gives a formula's text result and a `str` cell. */
const decodeAgain = (text: string) =>
  text.replace(/&([a-z]*);/g, (c) =>
    c === '&lt;'
      ? '<'
      : c === '&gt;'
        ? '>'
        : c === '&amp;'
          ? '&'
          : c === '&apos;'
            ? "'"
            : c === '&quot;'
              ? '"'
              : c,
  );

const ATTRIBUTE = /\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) found[m[1]!] = xmlText(m[2] ?? m[3] ?? '');
  return found;
}

/** One tag at a time through an XML text: its name, attributes' text, and where it ends. */
function* tags(xml: string): Generator<{ name: string; tag: string; start: number; end: number }> {
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      const close = xml.startsWith('<!--', at) ? xml.indexOf('-->', at) : xml.indexOf('>', at);
      if (close === -1) throw new Damaged();
      at = xml.indexOf('<', close);
      continue;
    }
    // The tag ends at the first ">" outside a quoted attribute value, where one may stand.
    let end = -1;
    for (let i = at + 1; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 62) {
        end = i;
        break;
      }
      if (c === 34 || c === 39) {
        i = xml.indexOf(c === 34 ? '"' : "'", i + 1);
        if (i === -1) break;
      }
    }
    if (end === -1) throw new Damaged();
    let nameEnd = at + 1;
    while (nameEnd < end) {
      const c = xml.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || (c === 47 && nameEnd > at + 1)) break;
      nameEnd++;
    }
    yield { name: xml.slice(at + 1, nameEnd), tag: xml.slice(at, end + 1), start: at, end: end + 1 };
    at = xml.indexOf('<', end + 1);
  }
}

const selfClosing = (tag: string) => tag.charCodeAt(tag.length - 2) === 47;

/** ExcelJS's test of a number format that shows a date or time. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The built-in number formats that show a date or time, as ExcelJS knows them. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (the `s` of a cell) show a number as a date. */
function dateStyles(xml: string | null): Set<number> {
  const dates = new Set<number>();
  if (xml === null) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  for (const { name, tag } of tags(xml)) {
    if (name === 'numFmt') {
      const a = attributesOf(tag);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (name === 'cellXfs') inCellXfs = !selfClosing(tag);
    else if (name === '/cellXfs') inCellXfs = false;
    else if (name === 'xf' && inCellXfs) {
      const id = parseInt(attributesOf(tag).numFmtId ?? '', 10);
      if (id && (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATES.has(id))) dates.add(xf);
      xf++;
    }
  }
  return dates;
}

type Shared = Value | undefined;

/**
 * The shared strings by ExcelJS's rules: an item made of runs is rich text, otherwise its (last)
 * text; phonetic guides are left out.
 */
function sharedStrings(xml: string): Shared[] {
  const strings: Shared[] = [];
  let text: string | undefined;
  let runs: Array<{ text: string }> | null = null;
  let inRun = false;
  let inPhonetic = false;
  let textFrom = -1;
  const close = () => strings.push(runs ? { richText: runs } : text === undefined ? ({} as Value) : text);
  for (const { name, tag, start, end } of tags(xml)) {
    if (name === 'si') {
      text = undefined;
      runs = null;
      if (selfClosing(tag)) close();
    } else if (name === '/si') close();
    else if (name === 'r') inRun = !selfClosing(tag);
    else if (name === '/r') inRun = false;
    else if (name === 'rPh') inPhonetic = !selfClosing(tag);
    else if (name === '/rPh') inPhonetic = false;
    else if (name === 't' || name === '/t') {
      if (name === 't' && !selfClosing(tag)) {
        textFrom = end;
        continue;
      }
      if (inPhonetic) continue;
      const read = name === 't' ? '' : unescapeExcel(xmlText(xml.slice(textFrom, start)));
      if (inRun) (runs ??= []).push({ text: read });
      else text = read;
    }
  }
  return strings;
}

/** A cell as its XML gave it, before it is turned into a value. */
interface RawCell {
  ref: string | undefined;
  type: string | undefined;
  style: number;
  formula: string | undefined;
  shared: boolean;
  text: string | undefined;
  runs: Array<{ text: string }> | null;
}

/** The workbook's facts every sheet's values depend on. */
interface Reading {
  strings: Shared[] | null;
  dates: Set<number>;
  date1904: boolean;
}

const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/**
 * A cell's value by ExcelJS's rules (xlsx/xform/sheet/cell-xform.js), or undefined for a cell it
 * leaves out (an empty one without a style). A rule that makes ExcelJS fail makes the file damaged.
 */
function valueOf(raw: RawCell, reading: Reading): Value | null | undefined {
  const own: unknown = raw.runs ? (raw.text === undefined ? { richText: raw.runs } : raw.text) : raw.text;
  const isDate = raw.style > 0 && reading.dates.has(raw.style);
  if (raw.formula || raw.shared) {
    let result: unknown;
    if (own) {
      if (raw.type === 'str') result = decodeAgain(String(own));
      else if (raw.type === 'b') result = parseInt(String(own), 10) !== 0;
      else if (raw.type === 'e') result = { error: own };
      else result = parseFloat(String(own));
    }
    if (result !== undefined && isDate) result = excelToDate(result as number, reading.date1904);
    return { formula: raw.formula ?? '', result } as Value;
  }
  if (own === undefined) return raw.style ? null : undefined;
  switch (raw.type) {
    case 's': {
      const index = parseInt(String(own), 10);
      if (!reading.strings) return index;
      const shared = reading.strings[index];
      if (shared === undefined) throw new Damaged();
      return shared;
    }
    case 'str':
      if (typeof own !== 'string') throw new Damaged();
      return decodeAgain(own);
    case 'inlineStr':
      return own as Value;
    case 'b':
      return parseInt(String(own), 10) !== 0;
    case 'e':
      return { error: own } as Value;
    default: {
      const number = parseFloat(String(own));
      return isDate ? excelToDate(number, reading.date1904) : number;
    }
  }
}

/** One row: its cells by column (1-based), holes where none was given. */
type Cells = Array<Value | null | undefined>;

/** A merged range's first cell, which every other cell of the range shows. */
interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell reference ("B7", "$B$7") as its row and column, read by hand: it runs for every cell. */
function decodeRef(ref: string): { row: number; col: number } | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  for (let c = ref.charCodeAt(i); c >= 65 && c <= 90; c = ref.charCodeAt(++i)) col = col * 26 + c - 64;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57; c = ref.charCodeAt(++i)) row = row * 10 + c - 48;
  if (col === 0 || i === digitsFrom || i !== ref.length) return null;
  return { row, col };
}

/**
 * One attribute's text from the tag between `from` and `to`, found without splitting the tag up:
 * a sheet has tens of thousands of cells, and this runs for each.
 */
function attribute(xml: string, from: number, to: number, key: string): string | undefined {
  for (let i = xml.indexOf(key, from); i !== -1 && i < to; i = xml.indexOf(key, i + 1)) {
    const before = xml.charCodeAt(i - 1);
    const after = i + key.length;
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    if (xml.charCodeAt(after) !== 61 /* = */) continue;
    const quote = xml.charCodeAt(after + 1);
    if (quote !== 34 && quote !== 39) continue;
    const close = xml.indexOf(quote === 34 ? '"' : "'", after + 2);
    if (close === -1 || close > to) throw new Damaged();
    const raw = xml.slice(after + 2, close);
    return raw.includes('&') ? xmlText(raw) : raw;
  }
  return undefined;
}

/** Where the tag opened at `at` ends: the first ">" outside a quoted attribute value. */
function tagEnd(xml: string, at: number): number {
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      i = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (i === -1) break;
    }
  }
  throw new Damaged();
}

/** A sheet's rows and merges, scanned from its XML in one pass, tag by tag. */
function scanSheet(xml: string, reading: Reading): { rows: Cells[]; merges: Merge[] } {
  const rows: Cells[] = [];
  const merges: Merge[] = [];
  let row: Cells | null = null;
  let previousCol = 0;
  let cell: RawCell | null = null;
  let run: { text: string } | null = null;
  let textFrom = -1;
  let into: 'value' | 'formula' | 'run' | null = null;
  const finish = () => {
    const value = valueOf(cell!, reading);
    const place = cell!.ref === undefined ? null : decodeRef(cell!.ref);
    const col = place ? place.col : previousCol > 0 ? previousCol + 1 : 0;
    if (value !== undefined && row && col > 0) {
      row[col] = value;
      previousCol = col;
    }
    cell = null;
  };
  for (let at = xml.indexOf('<'); at !== -1;) {
    const next = xml.charCodeAt(at + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const close = xml.startsWith('<!--', at) ? xml.indexOf('-->', at) : xml.indexOf('>', at);
      if (close === -1) throw new Damaged();
      at = xml.indexOf('<', close);
      continue;
    }
    const end = tagEnd(xml, at);
    if (next === 47 /* / */) {
      const name = xml.slice(at + 2, end).trimEnd();
      if (name === 'c') {
        if (cell) finish();
      } else if (name === 'row') row = null;
      else if (name === 'r') {
        if (cell && run) (cell.runs ??= []).push(run);
        run = null;
      } else if ((name === 'v' || name === 't' || name === 'f') && cell && into !== null && textFrom >= 0) {
        const raw = xml.slice(textFrom, at);
        if (raw !== '') {
          const text = xmlText(raw);
          if (into === 'formula') cell.formula = (cell.formula ?? '') + text;
          else if (into === 'run') run!.text += unescapeExcel(text);
          else cell.text = (cell.text ?? '') + text;
        }
        into = null;
      }
      at = xml.indexOf('<', end + 1);
      continue;
    }
    let nameEnd = at + 1;
    for (; nameEnd < end; nameEnd++) {
      const c = xml.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    }
    const name = xml.slice(at + 1, nameEnd);
    const closed = xml.charCodeAt(end - 1) === 47;
    switch (name) {
      case 'c': {
        const s = attribute(xml, nameEnd, end, 's');
        cell = {
          ref: attribute(xml, nameEnd, end, 'r'),
          type: attribute(xml, nameEnd, end, 't'),
          style: s === undefined ? 0 : parseInt(s, 10),
          formula: undefined,
          shared: false,
          text: undefined,
          runs: null,
        };
        if (closed) finish();
        break;
      }
      case 'v':
      case 't':
        if (!cell || closed) break;
        into = run ? 'run' : 'value';
        textFrom = end + 1;
        break;
      case 'row': {
        const r = parseInt(attribute(xml, nameEnd, end, 'r') ?? '', 10);
        row = [];
        previousCol = 0;
        if (r > 0) rows[r] = row;
        if (closed) row = null;
        break;
      }
      case 'f':
        if (!cell) break;
        if (attribute(xml, nameEnd, end, 't') === 'shared') cell.shared = true;
        into = closed ? null : 'formula';
        textFrom = end + 1;
        break;
      case 'r':
        if (cell && !closed) run = { text: '' };
        break;
      case 'mergeCell': {
        const [from, to] = (attribute(xml, nameEnd, end, 'ref') ?? '').split(':');
        const a = from ? decodeRef(from) : null;
        const b = to ? decodeRef(to) : null;
        if (a && b)
          merges.push({
            top: Math.min(a.row, b.row),
            left: Math.min(a.col, b.col),
            bottom: Math.max(a.row, b.row),
            right: Math.max(a.col, b.col),
          });
        break;
      }
    }
    at = xml.indexOf('<', end + 1);
  }
  return { rows, merges };
}

/** Excel's widest sheet, so a row and column make one number, a cheap key for a merged cell. */
const MAX_COLUMNS = 16_384;
const mergeKey = (row: number, col: number) => row * MAX_COLUMNS + col;

interface Scanned {
  rows: Cells[];
  /** Each merged cell other than its range's first, by mergeKey, to the first. */
  mergedTo: Map<number, { row: number; col: number }>;
  rowCount: number;
  columnCount: number;
}

function scanned(sheet: { rows: Cells[]; merges: Merge[] }): Scanned {
  const { rows, merges } = sheet;
  const mergedTo = new Map<number, { row: number; col: number }>();
  let rowCount = rows.length - 1;
  let columnCount = 0;
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom);
    columnCount = Math.max(columnCount, m.right);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) mergedTo.set(mergeKey(r, c), { row: m.top, col: m.left });
  }
  for (const row of rows) if (row) columnCount = Math.max(columnCount, row.length - 1);
  return { rows, mergedTo, rowCount: Math.max(0, rowCount), columnCount };
}

/**
 * A sheet shaped as the little of ExcelJS's Worksheet the layouts use. Its XML is checked (and
 * unpacked, unless the guard already did) and scanned when first used, so sheets no reader looks at
 * cost nothing more.
 */
export class StreamedSheet {
  private read: Scanned | null = null;

  constructor(
    readonly name: string,
    private readonly scan: () => { rows: Cells[]; merges: Merge[] },
  ) {}

  private get sheet(): Scanned {
    return (this.read ??= scanned(this.scan()));
  }

  get rowCount(): number {
    return this.sheet.rowCount;
  }

  get columnCount(): number {
    return this.sheet.columnCount;
  }

  private valueAt(row: number, col: number): Value {
    const { rows, mergedTo } = this.sheet;
    const master = mergedTo.size > 0 ? mergedTo.get(mergeKey(row, col)) : undefined;
    if (master) return rows[master.row]?.[master.col] ?? null;
    return rows[row]?.[col] ?? null;
  }

  getRow(row: number) {
    return {
      getCell: (col: number): StreamedCell => new CellAt(this.valueAt(row, col), row, col),
      /** Each cell that holds a value, or shows a merged range's, left to right. */
      eachCell: (each: (cell: StreamedCell, col: number) => void) => {
        const { rows, mergedTo } = this.sheet;
        const cells = rows[row] ?? [];
        let last = cells.length - 1;
        for (const key of mergedTo.keys())
          if (Math.floor(key / MAX_COLUMNS) === row) last = Math.max(last, key % MAX_COLUMNS);
        for (let col = 1; col <= last; col++) {
          const value = cells[col];
          if (mergedTo.has(mergeKey(row, col)) || (value !== undefined && value !== null))
            each(new CellAt(this.valueAt(row, col), row, col), col);
        }
      },
    };
  }
}

/** The parts besides worksheets the reader reads. */
const WORKBOOK_PARTS = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);

/** Whether the reader may read a part: the guard keeps these when it unpacks them (see Judged). */
export const readsPart = (name: string) => WORKBOOK_PARTS.has(name) || WORKSHEET.test(name);

/** A workbook's sheets, each read only when a reader first asks for it. */
export class StreamedWorkbook {
  readonly worksheets: StreamedSheet[];

  private constructor(sheets: StreamedSheet[]) {
    this.worksheets = sheets;
  }

  getWorksheet(name: string): StreamedSheet | undefined {
    return this.worksheets.find((s) => s.name === name);
  }

  /**
   * Reads a workbook the guard has already judged safe to unpack: the parts it judged, taking the
   * ones it unpacked as they are (when given), else from the zip's directory. Throws Damaged where
   * ExcelJS would fail, or a part's checksum shows it changed.
   */
  static read(data: Buffer, judged?: Judged): StreamedWorkbook {
    const directory = judged?.parts ?? readDirectory(data);
    const parts = new Map<string, ZipPart>(directory.map((p) => [p.name, p]));
    const text = (name: string) => {
      const part = parts.get(name);
      return part ? unpack(data, part, judged?.unpacked.get(part)).toString('utf8') : null;
    };
    const workbookXml = text('xl/workbook.xml') ?? '';
    const targets = new Map<string, string>();
    for (const { name, tag } of tags(text('xl/_rels/workbook.xml.rels') ?? ''))
      if (name === 'Relationship') {
        const a = attributesOf(tag);
        if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
      }
    const strings = text('xl/sharedStrings.xml');
    const reading: Reading = {
      strings: strings === null ? null : sharedStrings(strings),
      dates: dateStyles(text('xl/styles.xml')),
      date1904: false,
    };
    const sheets: Array<{ name: string; part: string }> = [];
    for (const { name, tag } of tags(workbookXml)) {
      const a = attributesOf(tag);
      if (name === 'workbookPr') reading.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') continue;
      const target = targets.get(a['r:id'] ?? '');
      if (target === undefined || a.name === undefined) continue;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (parts.has(part) && WORKSHEET.test(part)) sheets.push({ name: a.name, part });
    }
    return new StreamedWorkbook(
      sheets.map((s) => new StreamedSheet(s.name, () => scanSheet(text(s.part) ?? '', reading))),
    );
  }
}
