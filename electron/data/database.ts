import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/contract';
import { sealAuditChain } from './audit';
import { migrations as allMigrations, type Migration } from './migrations';

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

export function backupPath(path: string, reason: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${path}.${reason}-${stamp}.bak`;
}

/**
 * Opens (or with `create`, makes) a School Improvement Desk file and brings it up to date. A file from
 * a newer app is refused untouched; an older one is copied aside before its first migration runs.
 */
export function openDatabase(
  path: string,
  options: { create: boolean; migrations?: readonly Migration[] },
): Db {
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
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (version < latestVersion) {
      if (version > 0) backUp(db, backupPath(path, `before-v${latestVersion}`));
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

/** A consistent copy of the open file, taken inside SQLite so no half-written page is copied. */
export function backUp(db: Db, to: string): string {
  db.prepare('VACUUM INTO ?').run(to);
  ownerOnly(to);
  return to;
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
