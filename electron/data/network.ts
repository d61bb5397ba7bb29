import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Linux file system types (statfs `f_type`) that live on another computer: NFS, SMB/CIFS (old and
 * new), AFS, Ceph, 9P (also WSL's Windows drives), Lustre, GlusterFS and sshfs-style FUSE mounts.
 */
const NETWORK_FS_TYPES = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x5346414f, // AFS
  0x00c36400, // Ceph
  0x01021997, // 9P
  0x0bd00bd0, // Lustre
  0x65735546, // FUSE (sshfs, GlusterFS, rclone…): most are remote, and a rollback journal is safe on local ones
]);

/**
 * Whether a data file sits on a network share. On Windows a UNC path (`\\server\share\…`) is one; a
 * drive letter mapped to a share cannot be told from a local disk without asking Windows itself, so
 * it counts as local (IT staff can open the file by its `\\server\share` path instead). On Linux the
 * folder's file system type says so, wherever it is mounted. Elsewhere the file is taken as local.
 */
export function onNetworkShare(dataFile: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') {
    // `\\?\C:\…` and `\\.\…` are local device paths; `\\?\UNC\server\…` is a share.
    return /^[\\/]{2}(?![?.][\\/])/.test(dataFile) || /^[\\/]{2}\?[\\/]UNC[\\/]/i.test(dataFile);
  }
  if (platform !== 'linux') return false;
  try {
    return NETWORK_FS_TYPES.has(statfsSync(dirname(dataFile)).type);
  } catch {
    return false;
  }
}
