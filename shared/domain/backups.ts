import { londonDate } from './format';

/** Why a backup was taken; part of its file name, so IT staff can tell them apart in the folder. */
export type BackupReason =
  'daily' | 'by-hand' | 'before-import' | 'before-sef-grid' | 'before-restore' | `before-v${number}`;

/** How the Backups screen names each reason. */
export function backupReasonLabel(reason: string): string {
  const upgrade = /^before-v(\d+)$/.exec(reason);
  if (upgrade) return 'Before the file was upgraded';
  switch (reason) {
    case 'daily':
      return 'First opened that day';
    case 'by-hand':
      return 'Backed up by hand';
    case 'before-import':
      return 'Before a register import';
    case 'before-sef-grid':
      return 'Before a SEF grid import';
    case 'before-restore':
      return 'Before a restore';
    default:
      return 'Backup';
  }
}

export const RECENT_BACKUPS_KEPT = 14;

/**
 * Which backups to keep, given when each was taken (ISO instants): the newest 14, which cover the
 * last few days' work, and the newest of every month (London months), so an old mistake can still
 * be undone long after it was made without the folder growing by a copy a day.
 */
export function keptBackups(takenAt: readonly string[]): string[] {
  const newestFirst = [...takenAt].sort((a, b) => b.localeCompare(a));
  const keep = new Set(newestFirst.slice(0, RECENT_BACKUPS_KEPT));
  const months = new Set<string>();
  for (const at of newestFirst) {
    const month = londonDate(new Date(at)).slice(0, 7);
    if (months.has(month)) continue;
    months.add(month);
    keep.add(at);
  }
  return newestFirst.filter((at) => keep.has(at));
}

/** A size in the units people know: 812 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
