import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Packs named parts into a zip, each deflated by Node's own zlib. JSZip deflates in JavaScript, several
 * times slower, and an export that went through it twice (ExcelJS's save, then putting back what
 * ExcelJS mangles) spent most of its time there.
 */
export function packZip(parts: ReadonlyArray<{ name: string; bytes: Buffer }>): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, bytes } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const stored = deflateRawSync(bytes);
    const crc = crc32(bytes) >>> 0;
    // The fields the local header and the directory entry share, from "version needed" on.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: deflate
    common.writeUInt16LE(0x0800, 2); // flags: the name is UTF-8
    common.writeUInt16LE(8, 4); // method: deflate
    common.writeUInt16LE(0, 6); // time 00:00
    common.writeUInt16LE(0x21, 8); // date 01/01/1980, the earliest a zip can say
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(stored.length, 14);
    common.writeUInt32LE(bytes.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    chunks.push(local, common, nameBytes, stored);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    common.copy(entry, 6);
    // Comment length, disk, internal and external attributes stay 0.
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 4 + common.length + nameBytes.length + stored.length;
  }
  const listed = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(listed.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, listed, end]);
}
