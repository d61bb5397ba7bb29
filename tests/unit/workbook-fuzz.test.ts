import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

/**
 * Each sample workbook, mutated 200 times from a fixed seed (so a failure can be replayed) in the
 * ways damage and mischief arrive: flipped and cut-off bytes, lost parts, odd cell values, renamed
 * and extra sheets. Every case must end in a preview, clean or naming each problem's place in plain
 * words: never the app's internal failure, never a hang, and a refused file never changes the data.
 */

const SAMPLE_GRID = resolve(__dirname, '../../../shared/samples/sef-grid-cannock-lichfield-autumn-2008.xlsx');
const CASES = 200;
const CASE_TIMEOUT_MS = 10_000;

/** mulberry32: a small seeded generator, so every run makes the same cases. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  return { next, below, pick };
}
type Random = ReturnType<typeof generator>;

const HUGE = 'Lorem ipsum dolor sit amet '.repeat(4000);

/** Cells as XML, for values ExcelJS would not write itself. */
const ODD_CELLS: ReadonlyArray<(ref: string) => string> = [
  (r) => `<c r="${r}" t="inlineStr"><is><t>${HUGE}</t></is></c>`,
  (r) => `<c r="${r}"><v>1E+308</v></c>`,
  (r) => `<c r="${r}"><v>-45000.5</v></c>`,
  (r) => `<c r="${r}" s="1"><v>99999999999</v></c>`,
  (r) => `<c r="${r}"><f>1/0</f></c>`,
  (r) => `<c r="${r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
  (r) => `<c r="${r}" t="e"><v>#REF!</v></c>`,
  (r) => `<c r="${r}" t="b"><v>1</v></c>`,
  (r) => `<c r="${r}" t="s"><v>99999</v></c>`,
  (r) => `<c r="${r}" t="d"><v>2008-13-45T99:00:00</v></c>`,
  (r) => `<c r="${r}"><v>not a number</v></c>`,
  (r) => `<c r="${r}" t="inlineStr"><is><r><t>86</t></r><r><rPr><b/></rPr><t>0/1007</t></r></is></c>`,
  (r) => `<c r="${r}" t="inlineStr"><is><t>=HYPERLINK("http://x")&#1;_x0000_</t></is></c>`,
  (r) => `<c r="${r}" t="str"><f>A1</f></c>`,
  (r) => `<c r="${r}"/>`,
];

/** Values set through ExcelJS, as a person or another program might leave them. */
const ODD_VALUES: ReadonlyArray<ExcelJS.CellValue> = [
  HUGE,
  new Date(Date.UTC(9999, 11, 31)),
  new Date(Date.UTC(1800, 0, 1)),
  { formula: 'A1*2' } as ExcelJS.CellValue,
  { formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#N/A' } } as ExcelJS.CellValue,
  { error: '#VALUE!' } as ExcelJS.CellValue,
  { richText: [{ text: 'Out' }, { text: 'standing', font: { bold: true } }] },
  true,
  false,
  1e300,
  -1,
  { text: 'link', hyperlink: 'https://example.org' },
  '   ',
];

const SHEET_NAMES = [
  'Sheet1',
  'Schools',
  'SEF grid',
  'Districts',
  'Key',
  'schools ',
  "O'Brien & Co",
  'x'.repeat(31),
];

async function rezip(data: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** One mutation of the sample's bytes or parts; its name says which, for a failure's message. */
async function mutate(
  sample: Buffer,
  random: Random,
  edited: () => Promise<Buffer>,
): Promise<[string, Buffer]> {
  const kind = random.below(8);
  if (kind === 0) {
    const copy = Buffer.from(sample);
    const flips = 1 + random.below(12);
    for (let i = 0; i < flips; i++) {
      const at = random.below(copy.length);
      copy[at] = copy[at]! ^ (1 + random.below(255));
    }
    return [`flipped ${flips} bytes`, copy];
  }
  if (kind === 1) {
    const length = random.below(sample.length);
    return [`cut to ${length} bytes`, sample.subarray(0, length)];
  }
  if (kind === 2) {
    const names = Object.keys((await JSZip.loadAsync(sample)).files);
    const name = random.pick(names);
    return [`without ${name}`, await rezip(sample, async (zip) => void zip.remove(name))];
  }
  if (kind === 3) {
    const name = random.pick(SHEET_NAMES);
    return [
      `renamed first sheet "${name}"`,
      await rezip(sample, async (zip) => {
        const xml = await zip.file('xl/workbook.xml')!.async('string');
        zip.file(
          'xl/workbook.xml',
          xml.replace(
            /(<sheet\b[^>]*\bname=")[^"]*"/,
            `$1${name.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}"`,
          ),
        );
      }),
    ];
  }
  if (kind === 4) return ['ExcelJS-edited', await edited()];
  // Odd values in the sheet's own XML, in cells that hold data.
  const sheetPart = 'xl/worksheets/sheet1.xml';
  const changes: string[] = [];
  const data = await rezip(sample, async (zip) => {
    let xml = await zip.file(sheetPart)!.async('string');
    const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
    const count = 1 + random.below(5);
    for (let i = 0; i < count; i++) {
      const cell = random.pick(cells);
      const variant = random.below(ODD_CELLS.length);
      changes.push(`${cell[1]}#${variant}`);
      xml = xml.replace(cell[0], ODD_CELLS[variant]!(cell[1]!));
    }
    zip.file(sheetPart, xml);
  });
  return [`odd-cells ${changes.join(' ')}`, data];
}

/** A workbook that builds up odd values, extra and renamed sheets through ExcelJS, case after case. */
function excelEditor(path: string, random: Random) {
  let workbook: ExcelJS.Workbook | null = null;
  return async (): Promise<Buffer> => {
    if (!workbook) {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
    }
    const sheet = random.pick(workbook.worksheets);
    const action = random.below(10);
    if (action === 0) {
      const extra = workbook.addWorksheet(`Extra ${workbook.worksheets.length}`);
      extra.addRow(sheet.getRow(random.below(8) + 1).values as ExcelJS.CellValue[]);
    } else if (action === 1) {
      sheet.name = `${random.pick(SHEET_NAMES).slice(0, 20)} ${random.below(100)}`;
    } else {
      sheet.getCell(1 + random.below(Math.max(sheet.rowCount, 1) + 2), 1 + random.below(16)).value =
        random.pick(ODD_VALUES);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
}

const PLACE = /^(File|[^!]{1,31}|.{1,31}![A-Z]{1,3}\d+)$/;
const JARGON =
  /Invalid time value|undefined|NaN|TypeError|Cannot read|is not a function|Unexpected|sax|Corrupted zip|End of data|\bxl\//i;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

let session: Session;

beforeAll(async () => {
  const made = tempSession();
  session = made.session;
  await ok(session, 'app.create', { path: join(made.dir, 'la.sid'), demo: false });
  await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
});

describe.each([
  { sample: 'schools-register.xlsx', path: SAMPLE_REGISTER, op: 'register', seed: 11 },
  { sample: 'sef-grid-cannock-lichfield-autumn-2008.xlsx', path: SAMPLE_GRID, op: 'sefGrid', seed: 2008 },
] as const)('$sample, mutated', ({ path, op, seed }) => {
  it(`ends each of ${CASES} mutations in a preview or a plain refusal, changing nothing`, async () => {
    const random = generator(seed);
    const sample = readFileSync(path);
    const edit = excelEditor(path, random);
    const kinds = new Map<string, number>();
    for (let n = 0; n < CASES; n++) {
      const [what, data] = await mutate(sample, random, edit);
      const label = `case ${n} (${what})`;
      const kind = what.split(' ')[0]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const preview = await withTimeout(invoke(session, `${op}.preview`, upload(data)), label);
      if (!preview.ok) {
        expect(preview.error.code, `${label}: ${preview.error.message}`).not.toBe('internal');
        continue;
      }
      const { problems } = preview.value as { problems: Array<{ where: string; message: string }> };
      expect(problems.length, label).toBeLessThanOrEqual(201);
      for (const p of problems) {
        expect(p.where, `${label}: ${p.message}`).toMatch(PLACE);
        expect(p.message, `${label} at ${p.where}`).not.toMatch(JARGON);
        expect(p.message.length, label).toBeGreaterThan(5);
      }
      if (problems.length === 0) continue;
      const before = snapshot(session);
      const applied = await withTimeout(invoke(session, `${op}.apply`, upload(data)), label);
      expect(applied, label).toMatchObject({ ok: false, error: { code: 'rejected' } });
      expect(snapshot(session), label).toBe(before);
    }
    // Every kind of mutation was tried.
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    // About 20 s on an idle 2-core machine; the margin is for a busy one.
  }, 240_000);
});
