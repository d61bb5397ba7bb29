import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { writeAudit } from '../../electron/data/audit';
import { openDatabase } from '../../electron/data/database';
import { fileAtVersion, ok, tempSession } from './helpers';

async function sid(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

/** A file with a few audited changes, closed again so another connection can reach it. */
async function fileWithChanges() {
  const { session, dir } = tempSession();
  const path = join(dir, 'la.sid');
  await ok(session, 'app.create', { path, demo: false });
  const dd = await ok(session, 'organisation.saveDoubleDistrict', { draft: { name: 'Cannock / Lichfield' } });
  await ok(session, 'organisation.saveDistrict', {
    draft: { name: 'Cannock Chase', doubleDistrictId: dd.id },
  });
  await ok(session, 'organisation.savePerson', { draft: { name: 'Kath Kent', roles: ['SIP'] } });
  await ok(session, 'app.close', {});
  return path;
}

describe('the record of changes', () => {
  it('refuses to be rewritten or cut, even by another program using the file', async () => {
    const path = await fileWithChanges();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit_log SET summary = 'Nothing happened' WHERE id = 1").run()).toThrow(
      'The record of changes cannot be altered.',
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(
      'The record of changes cannot be altered.',
    );
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(3);
    db.close();
  });

  it('is checked by `sid check`, which names the first entry altered outside the app', async () => {
    const path = await fileWithChanges();
    const clean = await sid('check', '--db', path);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('Record of changes: 3 entries, none altered');

    // Someone who knows SQLite removes the guard and rewrites who made the second change.
    const db = new Database(path);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET user = 'someone else' WHERE id = 2").run();
    db.close();
    const tampered = await sid('check', '--db', path);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('entry 2 does not match its hash');
  });

  it('seals the entries of a file from before the chain when it is upgraded', async () => {
    const { path, db: old } = await fileAtVersion(
      3,
      `INSERT INTO audit_log (at, user, entity, entity_id, action, summary, changes) VALUES
         ('2025-01-01T09:00:00Z', 'admin', 'district', 1, 'add', 'Added Tamworth', '[]'),
         ('2025-01-01T09:00:00Z', 'admin', 'district', 1, 'add', 'Added Kath Kent', '[]');`,
    );
    old.close();
    const upgraded = await openDatabase(path, { create: false });
    expect(upgraded.prepare('SELECT count(*) FROM audit_log WHERE hash IS NULL').pluck().get()).toBe(0);
    writeAudit(
      upgraded,
      { user: 'test.user', now: () => new Date() },
      {
        entity: 'district',
        entityId: 1,
        schoolId: null,
        action: 'edit',
        summary: 'Renamed',
        changes: [],
      },
    );
    upgraded.close();
    return sid('check', '--db', path).then((check) => {
      expect(check.code).toBe(0);
      expect(check.out).toContain('Record of changes: 3 entries, none altered');
    });
  });
});
