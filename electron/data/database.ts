import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/contract';
import { sealAuditChain } from './audit';
import { backUpDatabase } from './backups';
import { migrations as allMigrations, type Migration } from './migrations';
import { onNetworkShare } from './network';

export type Db = Database.Database;

/** Marks a file as ours (`PRAGMA application_id`), so a stranger's SQLite file is told apart. */
export const APPLICATION_ID = 0x53494431; // "SID1"

const SQLITE_MAGIC = 'SQLite format 3\0';

function badFile(message: string): ApiError {
  return new ApiError({ code: 'bad_file', message });
}

function looksLikeSqlite(path: string): boolean {
  if (statSync(path).size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (or with `create`, makes) a School Improvement Desk file and brings it up to date. A file from
 * a newer app is refused untouched; an older one is backed up before its first migration runs. A file
 * opened `readOnly` is never written: not upgraded, and every write refused by SQLite itself.
 */
export async function openDatabase(
  path: string,
  options: { create: boolean; readOnly?: boolean; migrations?: readonly Migration[]; now?: () => Date },
): Promise<Db> {
  const migrations = options.migrations ?? allMigrations;
  const latestVersion = migrations.length;
  const exists = existsSync(path);
  if (!exists && !options.create) throw badFile(`There is no file at ${path}.`);
  if (exists && options.create) throw new ApiError({ code: 'conflict', message: `${path} already exists.` });
  if (exists && !looksLikeSqlite(path)) {
    throw badFile(`${path} is not a School Improvement Desk database (it is not a SQLite file at all).`);
  }

  const db = new Database(path, { fileMustExist: !options.create });
  if (!exists) ownerOnly(path);
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tableCount = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tableCount > 0)) {
      throw badFile(`${path} is a SQLite file, but not a School Improvement Desk database.`);
    }
    if (version > latestVersion) {
      throw badFile(
        `${path} was written by a newer version of School Improvement Desk (data version ${version}; ` +
          `this version knows up to ${latestVersion}). Install the newer version to open it.`,
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.readOnly) {
      if (version < latestVersion)
        throw new ApiError({
          code: 'read_only',
          message: `${path} must be upgraded by this version before it can be read, and it cannot be while someone else has it open.`,
        });
      db.pragma('query_only = ON');
      return db;
    }
    // WAL lets people read while someone saves, but it keeps its index in shared memory (the -shm
    // file, mapped into each process), which a network file system cannot share between computers:
    // two computers could each believe they hold the latest pages and corrupt the file. On a share
    // the rollback journal, which needs only the file locks that SMB and NFS provide, is used.
    db.pragma(onNetworkShare(path) ? 'journal_mode = DELETE' : 'journal_mode = WAL');
    if (version < latestVersion) {
      if (version > 0)
        await backUpDatabase(db, path, `before-v${latestVersion}`, (options.now ?? (() => new Date()))());
      migrate(db, migrations, version);
      const chained = (db.pragma('table_info(audit_log)') as Array<{ name: string }>).some(
        (c) => c.name === 'hash',
      );
      if (chained) db.transaction(() => sealAuditChain(db)).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A mark that moves whenever anything is written to the file, by this connection (its change count)
 * or any other, another process or computer (`data_version`): a plan read under one mark is stale
 * under another.
 */
export function writeMark(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}:${changes}`;
}

/** Confidential records: a data file or backup is readable by its owner only (where the OS has modes). */
function ownerOnly(path: string): void {
  if (process.platform !== 'win32') chmodSync(path, 0o600);
}

function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  db.transaction(() => {
    for (const migration of migrations.filter((m) => m.version > from)) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}
