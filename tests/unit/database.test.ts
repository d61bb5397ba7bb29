import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backUpDatabase } from '../../electron/data/backups';
import { APPLICATION_ID, openDatabase } from '../../electron/data/database';
import { latestVersion, migrations } from '../../electron/data/migrations';
import { ApiError } from '../../shared/api/contract';
import { fileAtVersion, tempSession } from './helpers';

const expectBadFile = async (work: () => Promise<unknown>, pattern: RegExp) => {
  try {
    await work();
    expect.unreachable('it should have refused the file');
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.code).toBe('bad_file');
    expect((error as ApiError).message).toMatch(pattern);
  }
};

describe('the data file', () => {
  it('migrates an empty file to the latest version, marked as ours, with foreign keys on', async () => {
    const { dir } = tempSession();
    const db = await openDatabase(join(dir, 'new.sid'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO districts (name, double_district_id) VALUES ('X', 99)").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it.runIf(process.platform !== 'win32')(
    'creates data files and backups readable by their owner only',
    async () => {
      const { dir } = tempSession();
      const path = join(dir, 'private.sid');
      const db = await openDatabase(path, { create: true });
      const copy = (await backUpDatabase(db, path, 'by-hand', new Date())).path;
      db.close();
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(copy).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses a file written by a newer version, leaving it untouched', async () => {
    const { dir } = tempSession();
    const path = join(dir, 'future.sid');
    (await openDatabase(path, { create: true })).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    await expectBadFile(() => openDatabase(path, { create: false }), /newer version/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion + 5);
    again.close();
  });

  it('says plainly when a file is not ours', async () => {
    const { dir } = tempSession();
    const text = join(dir, 'notes.sid');
    writeFileSync(text, 'Minutes of the District Focus Group\n');
    await expectBadFile(() => openDatabase(text, { create: false }), /not a SQLite file/);
    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    await expectBadFile(
      () => openDatabase(other, { create: false }),
      /not a School Improvement Desk database/,
    );
    await expectBadFile(() => openDatabase(join(dir, 'missing.sid'), { create: false }), /There is no file/);
  });

  it('backs up a file before migrating it, and rolls a failed migration back whole', async () => {
    const { dir } = tempSession();
    const path = join(dir, 'old.sid');
    (await openDatabase(path, { create: true })).close();
    const next = {
      version: latestVersion + 1,
      file: 'next.sql',
      sql: 'CREATE TABLE future_things (id INTEGER PRIMARY KEY);',
    };
    const broken = { ...next, sql: 'CREATE TABLE half (x); THIS IS NOT SQL;' };

    await expect(
      openDatabase(path, { create: false, migrations: [...migrations, broken] }),
    ).rejects.toThrow();
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(after.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined();
    after.close();

    const db = await openDatabase(path, { create: false, migrations: [...migrations, next] });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    db.close();
    const folder = join(dir, 'Backups');
    const backups = readdirSync(folder).filter((f) => f.startsWith('old.sid.') && f.endsWith('.bak'));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    const copy = new Database(join(folder, backups.sort().at(-1) as string), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(latestVersion);
    copy.close();
  });

  it('upgrades a register-only file to the monitoring tables, keeping its schools', async () => {
    const { path, db: v1 } = await fileAtVersion(
      1,
      `INSERT INTO double_districts (name) VALUES ('North'); INSERT INTO districts (name, double_district_id) VALUES ('Moor', 1);
       INSERT INTO schools (dfe, name, phase, district_id) VALUES ('860/2001', 'Moor First', 'First', 1);`,
    );
    const dir = dirname(path);
    v1.close();
    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT name FROM schools').all()).toEqual([{ name: 'Moor First' }]);
    expect(db.prepare("SELECT value FROM app_settings WHERE key = 'sef.framework'").get()).toEqual({
      value: 'english-sef',
    });
    db.close();
    expect(readdirSync(join(dir, 'Backups')).some((f) => /^v1\.sid\..*\.before-v\d+\.bak$/.test(f))).toBe(
      true,
    );
  });
});
