import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';
import {
  part,
  partsOf,
  SHEET_END,
  SHEET_START,
  streamedPart,
  textCell,
  zipOf,
  type ZipPart,
} from './workbook-fixtures';

let session: Session;
let sampleParts: ZipPart[];

beforeAll(async () => {
  const made = tempSession();
  session = made.session;
  await ok(session, 'app.create', { path: join(made.dir, 'la.sid'), demo: false });
  sampleParts = await partsOf(readFileSync(SAMPLE_REGISTER));
});

/** The sample register with its Schools sheet (sheet1.xml) replaced. */
const withSchoolsSheet = (sheet: ZipPart) =>
  zipOf(sampleParts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? sheet : p)));

const MB = 1024 * 1024;

/**
 * Previews an import and measures how far the process's peak memory rose above what it held before
 * (the peak is the process's lifetime high, so this can only overstate). Time is not asserted here:
 * on a loaded machine it says more about the machine than the guard; the refusals' own figures are
 * in the closing notes.
 */
async function measuredPreview(data: Buffer) {
  const input = upload(data);
  const rssBefore = process.memoryUsage().rss;
  const result = await invoke(session, 'register.preview', input);
  const growthMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB;
  return { result, growthMb };
}

/** A refused preview's problems, and proof that applying the same file changes nothing. */
async function refused(data: Buffer) {
  const before = snapshot(session);
  const preview = await ok(session, 'register.preview', upload(data));
  const applied = await invoke(session, 'register.apply', upload(data));
  expect(applied).toMatchObject({ ok: false, error: { code: 'rejected' } });
  expect(snapshot(session)).toBe(before);
  return preview.problems;
}

const spaces = Buffer.alloc(MB, ' ');
function* bombSheet(megabytes: number) {
  yield SHEET_START;
  for (let i = 0; i < megabytes; i++) yield spaces;
  yield SHEET_END;
}

describe('a workbook built to exhaust the computer', () => {
  it('refuses a zip bomb from its declared sizes, before unpacking it, in under 250 MB', async () => {
    const bomb = withSchoolsSheet(await streamedPart('xl/worksheets/sheet1.xml', bombSheet(400)));
    expect(bomb.length).toBeLessThan(2 * MB);
    const { result, growthMb } = await measuredPreview(bomb);
    expect(result).toMatchObject({
      ok: true,
      value: {
        problems: [
          { where: 'Schools', message: expect.stringMatching(/^The "Schools" sheet would unpack to/) },
        ],
      },
    });
    expect(growthMb).toBeLessThan(250);
  });

  it('refuses a zip bomb that understates its sizes, without unpacking it all', async () => {
    const honest = await streamedPart('xl/worksheets/sheet1.xml', bombSheet(400));
    const bomb = withSchoolsSheet({ ...honest, size: honest.stored.length * 2 });
    const { result, growthMb } = await measuredPreview(bomb);
    expect(result).toMatchObject({
      ok: true,
      value: { problems: [{ where: 'File', message: expect.stringMatching(/damaged/) }] },
    });
    expect(growthMb).toBeLessThan(250);
  });

  it('refuses a million-row sheet quickly, in one line naming the sheet', async () => {
    function* rows() {
      yield SHEET_START;
      yield `<row r="1">${['DfE No', 'School name', 'Phase', 'District'].map((t, i) => textCell(`${'ABCD'[i]}1`, t)).join('')}</row>`;
      for (let start = 2; start <= 1_000_001; start += 10_000) {
        let chunk = '';
        // Small rows, as a sheet of numbers pasted a million times down would have: about 40 MB.
        for (let r = start; r < start + 10_000; r++) chunk += `<row r="${r}"><c><v>${r}</v></c></row>`;
        yield chunk;
      }
      yield SHEET_END;
    }
    const huge = withSchoolsSheet(await streamedPart('xl/worksheets/sheet1.xml', rows()));
    expect(huge.length).toBeGreaterThan(3 * MB);
    const { result, growthMb } = await measuredPreview(huge);
    expect(result).toMatchObject({
      ok: true,
      value: {
        problems: [
          {
            where: 'Schools',
            message:
              'The "Schools" sheet has more than 20,000 rows; the app reads at most 20,000. Delete the rows below your data and try again.',
          },
        ],
      },
    });
    expect(growthMb).toBeLessThan(250);
  });

  it('refuses a sheet wider than 200 columns, naming it', async () => {
    const wide = withSchoolsSheet(
      part(
        'xl/worksheets/sheet1.xml',
        `${SHEET_START}<row r="1">${textCell('ZZ1', 'note')}</row>${SHEET_END}`,
      ),
    );
    expect(await refused(wide)).toEqual([
      {
        where: 'Schools',
        message:
          'The "Schools" sheet has cells beyond column 200 (ZZ1); the app reads at most 200 columns. Delete the columns right of your data and try again.',
      },
    ]);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const padded = zipOf([
      ...sampleParts,
      {
        ...part('xl/media/image1.png', ''),
        stored: Buffer.alloc(20.5 * MB),
        deflated: false,
        size: 20.5 * MB,
      },
    ]);
    expect(await refused(padded)).toEqual([
      {
        where: 'File',
        message: expect.stringMatching(
          /^The file is 20\.\d MB; the app reads workbooks of up to 20 MB\. Is it the right file\?$/,
        ),
      },
    ]);
  });

  it('lists at most 200 problems, then says how many more', async () => {
    const header = ['DfE No', 'School name', 'Phase', 'District']
      .map((t, i) => textCell(`${'ABCD'[i]}1`, t))
      .join('');
    let body = '';
    for (let r = 2; r <= 501; r++)
      body += `<row r="${r}">${textCell(`A${r}`, 'x')}${textCell(`B${r}`, 'School')}${textCell(`C${r}`, 'Primary')}${textCell(`D${r}`, 'Nowhere')}</row>`;
    const data = withSchoolsSheet(
      part('xl/worksheets/sheet1.xml', `${SHEET_START}<row r="1">${header}</row>${body}${SHEET_END}`),
    );
    const problems = await refused(data);
    expect(problems).toHaveLength(201);
    expect(problems[0]!.where).toBe('Schools!A2');
    expect(problems[200]).toEqual({ where: 'File', message: 'and 800 more problems.' });
    const applied = await invoke(session, 'register.apply', upload(data));
    expect(applied).toMatchObject({
      error: { message: 'The workbook has 1,000 problems; nothing was imported.' },
    });
  });
});

/** A compound file (the container of old .xls files and of encrypted workbooks) holding these streams. */
function compoundFile(streams: string[]): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  // Sector 0 is the FAT; the directory takes the sectors after it, four entries to a sector.
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END, 60);
  header.writeUInt32LE(END, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s === dirSectors ? END : s + 1, s * 4);
  const directory = Buffer.alloc(dirSectors * SECTOR);
  entries.forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(i === 0 ? 1 : i + 1 < entries.length ? i + 1 : 0xffffffff, at + 76);
    directory.writeUInt32LE(END, at + 116);
  });
  return Buffer.concat([header, fat, directory]);
}

describe('files that are not an ordinary workbook', () => {
  it('says a password-protected workbook needs its password removed', async () => {
    const encrypted = compoundFile([
      '\u0006DataSpaces',
      'Version',
      'DataSpaceMap',
      'EncryptedPackage',
      'EncryptionInfo',
    ]);
    expect(await refused(encrypted)).toEqual([
      {
        where: 'File',
        message:
          'This workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and try again.',
      },
    ]);
  });

  it('says an old .xls file must be saved as .xlsx', async () => {
    expect(await refused(compoundFile(['Workbook', '\u0005SummaryInformation']))).toEqual([
      {
        where: 'File',
        message:
          'This is an old-style Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx).',
      },
    ]);
  });

  it('says a CSV file renamed .xlsx is text', async () => {
    const csv = Buffer.from(
      '\uFEFFDfE No,School name,Phase,District\r\n860/2001,Alder Primary,Primary,Cannock\r\n',
    );
    expect(await refused(csv)).toEqual([
      {
        where: 'File',
        message:
          'This is a text (CSV) file, not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).',
      },
    ]);
  });

  it('says an empty file is empty', async () => {
    expect(await refused(Buffer.alloc(0))).toEqual([{ where: 'File', message: 'The file is empty.' }]);
  });

  it('opens a workbook whose only damage is in its properties (docProps)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_REGISTER));
    zip.file(
      'docProps/core.xml',
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x"><dc:title>Register</cp:core',
    );
    zip.file('docProps/app.xml', '<Properties><Company>Staffordshire & Co</Properties>');
    const damaged = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const preview = await ok(session, 'register.preview', upload(damaged));
    expect(preview.problems).toEqual([]);
    expect(preview.newSchools.length).toBeGreaterThan(400);
  });
});
