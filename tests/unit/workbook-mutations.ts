import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/*
 * The ways damage and mischief arrive in a workbook, made from a fixed seed so a failing case can be
 * replayed: flipped and cut-off bytes, lost parts, odd cell values, renamed and extra sheets. The
 * fuzz test feeds them to the imports; the quick reader's differential test reads each both ways.
 */

/** mulberry32: a small seeded generator, so every run makes the same cases. */
export function generator(seed: number) {
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
export type Random = ReturnType<typeof generator>;

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
export async function mutate(
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
export function excelEditor(path: string, random: Random) {
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
