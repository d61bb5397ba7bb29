import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Problem } from '../../shared/api/errors';
import { refusalOfCompoundFile } from './compound-file';

/**
 * The most a workbook may ask of the computer before it is parsed. The largest LA has 650 schools,
 * so its register or grid is a few hundred KB on a sheet of a few hundred rows and under 30
 * columns; these limits are far beyond that, and far below what would freeze or exhaust the app.
 */
export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  parts: 1000,
  /** One part (a sheet's XML, the shared strings…) once unpacked. */
  partBytes: 50 * 1024 * 1024,
  /** All parts together once unpacked. */
  totalBytes: 100 * 1024 * 1024,
  /** How much smaller than its unpacked size a large part may be stored: real sheets pack ~10:1. */
  ratio: 100,
  ratioFromBytes: 1024 * 1024,
  rows: 20_000,
  columns: 200,
};

const MB = 1024 * 1024;

export const DAMAGED =
  'The file is not an Excel workbook (.xlsx), or it is damaged. Save it from Excel as .xlsx and try again.';
const EMPTY = 'The file is empty.';
const TEXT =
  'This is a text (CSV) file, not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).';

const atFile = (message: string): Problem => ({ where: 'File', message });

/** A part of the zip as its central directory describes it. */
export interface ZipPart {
  name: string;
  method: number;
  crc: number;
  storedBytes: number;
  bytes: number;
  dataAt: number;
}

/** The file is not a workbook, or is damaged: every reader answers it with DAMAGED. */
export class Damaged extends Error {}

/**
 * Reads the zip's central directory (the list at its end) without unpacking anything, so every
 * declared size can be judged first. Zip64 sizes are read too, though no real workbook needs them.
 */
export function readDirectory(data: Buffer): ZipPart[] {
  const need = (ok: boolean) => {
    if (!ok) throw new Damaged();
  };
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  need(end >= 0);
  let count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && data.readUInt32LE(end - 20) === 0x07064b50) {
    const zip64 = Number(data.readBigUInt64LE(end - 12));
    need(zip64 + 56 <= data.length && data.readUInt32LE(zip64) === 0x06064b50);
    count = Number(data.readBigUInt64LE(zip64 + 32));
    at = Number(data.readBigUInt64LE(zip64 + 48));
  }
  if (count > LIMITS.parts) throw new TooMany(count);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    need(at + 46 <= data.length && data.readUInt32LE(at) === 0x02014b50);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + data.readUInt16LE(at + 32);
    need(next <= data.length);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    const sizes = [data.readUInt32LE(at + 24), data.readUInt32LE(at + 20), data.readUInt32LE(at + 42)];
    // Zip64: each size that reads 0xFFFFFFFF is held, in this order, in the extra field 0x0001.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = data.readUInt16LE(x);
      const length = data.readUInt16LE(x + 2);
      if (id === 1) {
        let y = x + 4;
        for (let s = 0; s < 3; s++) {
          if (sizes[s] !== 0xffffffff || y + 8 > x + 4 + length) continue;
          sizes[s] = Number(data.readBigUInt64LE(y));
          y += 8;
        }
      }
      x += 4 + length;
    }
    const [bytes, storedBytes, local] = sizes as [number, number, number];
    need(local + 30 <= data.length && data.readUInt32LE(local) === 0x04034b50);
    const dataAt = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    need(dataAt + storedBytes <= data.length);
    if (!name.endsWith('/'))
      parts.push({
        name,
        method: data.readUInt16LE(at + 10),
        crc: data.readUInt32LE(at + 16),
        storedBytes,
        bytes,
        dataAt,
      });
    at = next;
  }
  return parts;
}

/**
 * One part's bytes, once the guard has judged the file safe to unpack: `unpacked` when the guard
 * already unpacked them (see Judged), else unpacked here. Either way its checksum is compared, as
 * ExcelJS never does, so a flipped byte is a damaged file rather than a silently different value.
 */
export function unpack(data: Buffer, part: ZipPart, unpacked?: Buffer): Buffer {
  if (part.method !== 0 && part.method !== 8) throw new Damaged();
  let bytes = unpacked;
  if (!bytes) {
    const stored = data.subarray(part.dataAt, part.dataAt + part.storedBytes);
    try {
      bytes = part.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: part.bytes || 1 });
    } catch {
      throw new Damaged();
    }
  }
  if (bytes.length !== part.bytes || crc32(bytes) >>> 0 !== part.crc >>> 0) throw new Damaged();
  return bytes;
}

class TooMany extends Error {
  constructor(readonly count: number) {
    super();
  }
}

/**
 * ExcelJS reads any part whose name holds this as a worksheet; so does the quick reader, and the guard
 * measures such parts as sheets. One pattern, so the parts measured are the parts read.
 */
export const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** A worksheet part's sheet name, from the workbook's own list of sheets, for messages. */
function sheetNames(data: Buffer, parts: ZipPart[]): Map<string, string> {
  const text = (name: string) => {
    const p = parts.find((q) => q.name === name);
    if (!p || p.bytes > MB) return '';
    try {
      const stored = data.subarray(p.dataAt, p.dataAt + p.storedBytes);
      return (p.method === 8 ? inflateRawSync(stored, { maxOutputLength: MB }) : stored).toString('utf8');
    } catch {
      return '';
    }
  };
  const targets = new Map<string, string>();
  for (const [, attributes] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(attributes!)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attributes!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [, attributes] of text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(attributes!)?.[1];
    const id = /\br:id="([^"]*)"/.exec(attributes!)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target) names.set(target, unescapeXml(name));
  }
  return names;
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : '&',
  );

/**
 * A cell reference's column by number ("AB12" is 28), or null when it is not capital letters then
 * digits. Read by hand rather than by a regular expression: it runs for every cell of every import.
 */
function columnOfRef(ref: string): number | null {
  let column = 0;
  let at = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90; c = ref.charCodeAt(++at)) column = column * 26 + c - 64;
  if (at === 0) return null;
  for (let c = ref.charCodeAt(at); at < ref.length; c = ref.charCodeAt(++at))
    if (c < 48 || c > 57) return null;
  return column;
}

/** How a sheet's XML oversteps the row and column limits, found while it streams past. */
type Overstep = { rows: true } | { column: string };

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The text of a tag's `r="…"` attribute, between `from` and the tag's end, or null. */
function refOf(text: string, from: number, end: number): string | null {
  for (let at = text.indexOf('r="', from); at !== -1 && at < end; at = text.indexOf('r="', at + 1)) {
    if (isWordChar(text.charCodeAt(at - 1))) continue;
    const close = text.indexOf('"', at + 3);
    return close === -1 || close > end ? null : text.slice(at + 3, close);
  }
  return null;
}

/**
 * Counts a sheet's rows and finds its furthest column as its XML streams past, chunk by chunk, so
 * a sheet of a million rows is refused after twenty thousand of them without holding any. Tags are
 * found by hand rather than by a regular expression: this runs over every cell of every import.
 */
function sheetScanner() {
  let carry = '';
  let rows = 0;
  let column = 0;
  return (chunk: Buffer): Overstep | null => {
    // Tags hold no "<", so everything before the last one is whole tags and text.
    const text = carry + chunk.toString('latin1');
    const cut = text.lastIndexOf('<');
    const whole = cut >= 0 && text.indexOf('>', cut) < 0 ? text.slice(0, cut) : text;
    carry = text.slice(whole.length);
    for (let at = whole.indexOf('<'); at !== -1; at = whole.indexOf('<', at + 1)) {
      const first = whole.charCodeAt(at + 1);
      const isRow = first === 114 && whole.startsWith('row', at + 1) && !isWordChar(whole.charCodeAt(at + 4));
      const isCell = first === 99 && !isWordChar(whole.charCodeAt(at + 2));
      if (!isRow && !isCell) continue;
      const end = whole.indexOf('>', at);
      const ref = refOf(whole, at + (isRow ? 4 : 2), end);
      if (isRow) {
        rows++;
        column = 0;
        const r = ref !== null && /^\d+$/.test(ref) ? Number(ref) : 0;
        if (rows > LIMITS.rows || r > LIMITS.rows) return { rows: true };
      } else {
        const place = ref === null ? null : columnOfRef(ref);
        column = place ?? column + 1;
        if (column > LIMITS.columns) return { column: place !== null ? ref! : `column ${column}` };
      }
    }
    return null;
  };
}

/** A part declared this small (a real sheet of 650 schools is a few hundred KB) is unpacked whole. */
const WHOLE_BYTES = 4 * MB;

/**
 * Unpacks one part only to measure it, chunk by chunk and holding none of it, stopping as soon as it
 * proves larger than it declared (so a part that lies about its size is caught early) or, for a
 * sheet, wider or longer than the app reads. A small part is unpacked whole instead, and handed to
 * `keep` once it has passed.
 */
function measurePart(
  data: Buffer,
  part: ZipPart,
  scan: ((chunk: Buffer) => Overstep | null) | null,
  keep: ((whole: Buffer) => void) | null,
) {
  return new Promise<Overstep | 'lied' | null>((resolve) => {
    const stored = data.subarray(part.dataAt, part.dataAt + part.storedBytes);
    if (part.method === 0)
      return resolve(part.storedBytes !== part.bytes ? 'lied' : (scan?.(stored) ?? null));
    if (part.method !== 8) return resolve('lied');
    if (part.bytes <= WHOLE_BYTES) {
      // Unpacked at once, never past what it declared; streaming it would cost more than the work.
      let whole: Buffer;
      try {
        whole = inflateRawSync(stored, { maxOutputLength: part.bytes + 1 });
      } catch {
        return resolve('lied');
      }
      const outcome = whole.length !== part.bytes ? 'lied' : (scan?.(whole) ?? null);
      if (outcome === null) keep?.(whole);
      return resolve(outcome);
    }
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let seen = 0;
    const finish = (outcome: Overstep | 'lied' | null) => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(outcome);
    };
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > part.bytes) return finish('lied');
      const overstep = scan?.(chunk) ?? null;
      if (overstep) finish(overstep);
    });
    inflate.on('error', () => finish('lied'));
    inflate.on('end', () => finish(seen === part.bytes ? null : 'lied'));
    inflate.end(stored);
  });
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Text has no NUL bytes and few control characters; a UTF-16 text file starts with its mark. */
function looksLikeText(data: Buffer): boolean {
  const head = data.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return true;
  if (head[0] === 0xfe && head[1] === 0xff) return true;
  let odd = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) odd++;
  }
  return odd <= head.length / 100;
}

/**
 * A workbook the guard let through: the parts it judged, and the bytes of those it unpacked whole to
 * measure them (the ones the reader asked for), so the reader reads exactly the parts judged and
 * unpacks none of them again.
 */
export interface Judged {
  parts: ZipPart[];
  unpacked: Map<ZipPart, Buffer>;
}

/**
 * Judges a workbook before anything parses it, so a file built to exhaust the computer (a zip bomb,
 * a million-row sheet) is refused in moments, and a file that is not a workbook at all (a
 * password-protected one, an old .xls, a CSV, an empty file) is told apart with its own remedy.
 * Answers the problem that refuses it, or the parts judged when it may be parsed; of the parts
 * `wanted` by the reader, those unpacked whole while being measured are kept with them.
 */
export async function judgeWorkbook(
  data: Buffer,
  wanted: (name: string) => boolean,
): Promise<{ refused: Problem } | Judged> {
  const judged: Judged = { parts: [], unpacked: new Map() };
  const refused = await refusalOf(data, wanted, judged);
  return refused ? { refused } : judged;
}

/** The problem that refuses the workbook, or null, having filled in `judged` as it went. */
async function refusalOf(
  data: Buffer,
  wanted: (name: string) => boolean,
  judged: Judged,
): Promise<Problem | null> {
  if (data.length === 0) return atFile(EMPTY);
  if (data.length > LIMITS.fileBytes)
    return atFile(
      `The file is ${(data.length / MB).toFixed(1)} MB; the app reads workbooks of up to ${LIMITS.fileBytes / MB} MB. Is it the right file?`,
    );
  if (data.subarray(0, 8).equals(OLE)) return atFile(refusalOfCompoundFile(data) ?? DAMAGED);
  if (!data.subarray(0, 4).equals(ZIP)) return atFile(looksLikeText(data) ? TEXT : DAMAGED);

  let parts: ZipPart[];
  try {
    parts = readDirectory(data);
  } catch (error) {
    if (error instanceof TooMany)
      return atFile(
        `The file holds ${error.count.toLocaleString('en-GB')} parts, far more than any workbook; it may be damaged. Save it from Excel as .xlsx and try again.`,
      );
    return atFile(DAMAGED);
  }
  judged.parts = parts;
  let names: Map<string, string> | undefined;
  const where = (part: ZipPart) => {
    names ??= sheetNames(data, parts);
    const sheet = WORKSHEET.test(part.name) ? names.get(part.name) : undefined;
    return sheet === undefined
      ? { where: 'File', what: 'Part of the file' }
      : { where: sheet, what: `The "${sheet}" sheet` };
  };
  const tooBig = (part: ZipPart) =>
    part.bytes > LIMITS.partBytes ||
    (part.bytes > LIMITS.ratioFromBytes && part.bytes > part.storedBytes * LIMITS.ratio);
  const total = parts.reduce((sum, p) => sum + p.bytes, 0);
  const swollen =
    parts.find(tooBig) ?? (total > LIMITS.totalBytes ? parts.find((p) => p.bytes > 0) : undefined);
  if (swollen) {
    const { where: at, what } = where(swollen);
    const megabytes = Math.ceil((tooBig(swollen) ? swollen.bytes : total) / MB).toLocaleString('en-GB');
    return {
      where: at,
      message: `${what} would unpack to ${megabytes} MB, far more than any LA workbook; the file may be damaged or built to cause harm. Nothing was read from it.`,
    };
  }
  for (const part of parts) {
    const outcome = await measurePart(
      data,
      part,
      WORKSHEET.test(part.name) ? sheetScanner() : null,
      wanted(part.name) ? (whole) => judged.unpacked.set(part, whole) : null,
    );
    if (outcome === null) continue;
    if (outcome === 'lied') return atFile(DAMAGED);
    const { where: at, what } = where(part);
    const limit = (n: number) => n.toLocaleString('en-GB');
    return {
      where: at,
      message:
        'rows' in outcome
          ? `${what} has more than ${limit(LIMITS.rows)} rows; the app reads at most ${limit(LIMITS.rows)}. Delete the rows below your data and try again.`
          : `${what} has cells beyond column ${LIMITS.columns} (${outcome.column}); the app reads at most ${LIMITS.columns} columns. Delete the columns right of your data and try again.`,
    };
  }
  return null;
}
