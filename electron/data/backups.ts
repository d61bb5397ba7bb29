import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { keptBackups, type BackupReason } from '../../shared/domain/backups';
import { londonDate } from '../../shared/domain/format';
import type { Db } from './database';

export interface BackupFile {
  path: string;
  name: string;
  reason: BackupReason;
  /** When it was taken, as an ISO instant. */
  takenAt: string;
  size: number;
}

/** Backups of `Area.sid` are kept in a `Backups` folder beside it, where IT staff expect to find them. */
export const backupsFolder = (dataFile: string) => join(dirname(dataFile), 'Backups');

// `Area.sid.2026-05-14T09-14-00-123Z.before-import.bak`: sorts by time, and says what it holds.
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const instantOf = (stamp: string) => stamp.replace(STAMP, '$1T$2:$3:$4.$5Z');

/**
 * A copy being written is named `.…partial` with its computer and process, and renamed when it is
 * complete: a copy cut short (the app killed part-way) is never mistaken for a backup, and is swept
 * away by the next backup on that computer once its process is gone.
 */
const partialName = (name: string) => `.${name}.${hostname()}.${process.pid}.partial`;
const PARTIAL = /^\.(.+)\.([^.]+)\.(\d+)\.partial$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every complete backup of this data file, newest first. */
export function listBackups(dataFile: string): BackupFile[] {
  const folder = backupsFolder(dataFile);
  const prefix = `${basename(dataFile)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue;
    const [stamp, reason, ...rest] = name.slice(prefix.length, -'.bak'.length).split('.');
    if (!stamp || !reason || rest.length > 0 || !STAMP.test(stamp)) continue;
    const path = join(folder, name);
    found.push({
      path,
      name,
      reason: reason as BackupReason,
      takenAt: instantOf(stamp),
      size: statSync(path).size,
    });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Whether a backup of this file was already taken today (in London). */
export function backedUpToday(dataFile: string, now: Date): boolean {
  const today = londonDate(now);
  return listBackups(dataFile).some((b) => londonDate(new Date(b.takenAt)) === today);
}

/**
 * A consistent copy of the open file, taken with SQLite's online backup API (page by page, while
 * the file stays usable), readable by its owner only, then (unless told not to, by a restore that
 * still needs an older one) older backups pruned to the last 14 and one a month.
 */
export async function backUpDatabase(
  db: Db,
  dataFile: string,
  reason: BackupReason,
  now: Date,
  options: { prune: boolean } = { prune: true },
): Promise<BackupFile> {
  const folder = backupsFolder(dataFile);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  sweepPartials(dataFile);
  const name = `${basename(dataFile)}.${stampOf(now)}.${reason}.bak`;
  const partial = join(folder, partialName(name));
  // Made empty and owner-only first, so the copy is never readable by others, even while written.
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    await db.backup(partial);
    renameSync(partial, join(folder, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  if (options.prune) pruneBackups(dataFile);
  return listBackups(dataFile).find((b) => b.name === name)!;
}

/** Removes copies cut short on this computer whose process has gone. */
export function sweepPartials(dataFile: string): void {
  const folder = backupsFolder(dataFile);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const match = PARTIAL.exec(name);
    if (match && match[2] === hostname() && !alive(Number(match[3])))
      rmSync(join(folder, name), { force: true });
  }
}

/** Keeps the newest 14 backups and the newest of each month; deletes the rest. */
export function pruneBackups(dataFile: string): void {
  const all = listBackups(dataFile);
  const keep = new Set(keptBackups(all.map((b) => b.takenAt)));
  for (const backup of all) if (!keep.has(backup.takenAt)) rmSync(backup.path, { force: true });
}

/** Checks that a file is a School Improvement Desk database that can be restored from. */
export function checkBackup(path: string, applicationId: number): void {
  let copy: Db | null = null;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
    const appId = copy.pragma('application_id', { simple: true }) as number;
    const check = copy.pragma('quick_check', { simple: true }) as string;
    if (appId !== applicationId || check !== 'ok') throw new Error(check);
  } catch {
    throw new ApiError({
      code: 'bad_file',
      message: `${basename(path)} is not a School Improvement Desk backup that can be restored, or it is damaged.`,
    });
  } finally {
    copy?.close();
  }
}

/**
 * Puts a backup's contents into the data file with the online backup API run the other way: SQLite
 * writes every page under its own lock, so the file is either wholly the old one or wholly the
 * backup, even if the app is stopped part-way. The data file must not be open in this process.
 */
export async function copyBackupInto(backup: string, dataFile: string): Promise<void> {
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dataFile);
  } finally {
    source.close();
  }
}
