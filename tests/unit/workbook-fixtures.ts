import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/** One part of a hand-built zip: its bytes as stored, and the sizes its headers declare. */
export interface ZipPart {
  name: string;
  stored: Buffer;
  deflated: boolean;
  crc: number;
  size: number;
}

export const part = (name: string, data: Buffer | string): ZipPart => {
  const bytes = Buffer.from(data);
  return { name, stored: deflateRawSync(bytes), deflated: true, crc: crc32(bytes), size: bytes.length };
};

/**
 * A part deflated as it is produced, chunk by chunk, so a test can build a part that unpacks to
 * hundreds of megabytes without ever holding them (which would spoil its memory measure).
 */
export async function streamedPart(name: string, chunks: Iterable<Buffer | string>): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, stored: Buffer.concat(out), deflated: true, crc, size };
}

/** A zip written by hand, so its headers can say whatever a test needs them to. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const header = (size: number) => {
      const h = Buffer.alloc(size);
      h.writeUInt16LE(20, size === 30 ? 4 : 6);
      h.writeUInt16LE(p.deflated ? 8 : 0, size === 30 ? 8 : 10);
      h.writeUInt32LE(p.crc >>> 0, size === 30 ? 14 : 16);
      h.writeUInt32LE(p.stored.length, size === 30 ? 18 : 20);
      h.writeUInt32LE(p.size, size === 30 ? 22 : 24);
      h.writeUInt16LE(name.length, size === 30 ? 26 : 28);
      return h;
    };
    const local = header(30);
    local.writeUInt32LE(0x04034b50, 0);
    const entry = header(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, p.stored);
    central.push(entry, name);
    offset += local.length + name.length + p.stored.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every part of a real workbook, to rebuild it with one part swapped. */
export async function partsOf(workbook: Buffer): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(workbook);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return Promise.all(names.map(async (n) => part(n, await zip.file(n)!.async('nodebuffer'))));
}

export const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/** An inline-string cell, so a built sheet needs no shared strings. */
export const textCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
