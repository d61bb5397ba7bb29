/**
 * An OLE compound file (signature D0 CF 11 E0 A1 B1 1A E1) is both an old-style .xls workbook and
 * what Excel makes of an .xlsx when a password protects it: the encrypted workbook is then a stream
 * called EncryptedPackage beside its EncryptionInfo. The two are told apart by the names in the
 * compound file's directory, read here by following its sector chains (MS-CFB).
 */

const PASSWORD =
  'This workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and try again.';
const OLD_XLS =
  'This is an old-style Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx).';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/** The names of every entry in the compound file's directory; throws if its chains run off the file. */
function directoryNames(data: Buffer): string[] {
  const sectorSize = 1 << data.readUInt16LE(30);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new RangeError('sector size');
  const sectorAt = (n: number) => {
    const at = (n + 1) * sectorSize;
    if (at + sectorSize > data.length) throw new RangeError('sector beyond the file');
    return at;
  };
  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(data.readUInt32LE(76 + i * 4));
  const perSector = sectorSize / 4;
  for (let n = data.readUInt32LE(68), hops = 0; n !== END_OF_CHAIN && n !== FREE; hops++) {
    if (hops > data.length / sectorSize) throw new RangeError('DIFAT loops');
    const at = sectorAt(n);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(data.readUInt32LE(at + i * 4));
    n = data.readUInt32LE(at + sectorSize - 4);
  }
  const next = (n: number) => {
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined || fat === FREE) throw new RangeError('sector outside the FAT');
    return data.readUInt32LE(sectorAt(fat) + (n % perSector) * 4);
  };
  const names: string[] = [];
  for (let n = data.readUInt32LE(48), hops = 0; n !== END_OF_CHAIN; n = next(n), hops++) {
    if (hops > data.length / sectorSize) throw new RangeError('directory loops');
    const at = sectorAt(n);
    for (let entry = at; entry < at + sectorSize; entry += 128) {
      const length = Math.min(data.readUInt16LE(entry + 64), 64);
      if (length >= 2) names.push(data.toString('utf16le', entry, entry + length - 2));
    }
  }
  return names;
}

/** The plain message for a compound file, or null when it is neither an encrypted workbook nor an .xls. */
export function refusalOfCompoundFile(data: Buffer): string | null {
  let names: string[];
  try {
    names = directoryNames(data);
  } catch {
    return null;
  }
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return PASSWORD;
  if (names.includes('Workbook') || names.includes('Book')) return OLD_XLS;
  return null;
}
