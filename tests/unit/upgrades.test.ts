import { describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../../electron/data/audit';
import { openDatabase } from '../../electron/data/database';
import { migrations } from '../../electron/data/migrations';
import { schoolsVisitedBySip } from '../../electron/data/visits';
import { fileAtVersion } from './helpers';

/** A file as the monitoring release (data version 2) left it: a school, a visit, and their audit. */
async function monitoringReleaseFile() {
  const { path, db } = await fileAtVersion(
    2,
    `
    INSERT INTO double_districts (id, name) VALUES (1, 'Cannock / Lichfield');
    INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Cannock Chase', 1);
    INSERT INTO people (id, name) VALUES (1, 'Kath Kent');
    INSERT INTO schools (id, dfe, name, phase, district_id, sip_id) VALUES (7, '860/2001', 'Alder Primary', 'Primary', 1, 1);
    INSERT INTO visits (id, school_id, visited_on, visitor_id, role, purpose, days)
      VALUES (3, 7, '2008-10-07', 1, 'SIP', 'Validating the SEF', 1);
    INSERT INTO audit_log (at, user, entity, entity_id, action, summary, changes) VALUES
      ('2008-10-07T09:00:00Z', 'admin', 'double_district', 1, 'add', 'Added Cannock / Lichfield', '[]'),
      ('2008-10-07T09:01:00Z', 'admin', 'school', 7, 'add', 'Added Alder Primary', '[]'),
      ('2008-10-07T09:02:00Z', 'admin', 'school', 7, 'visit', 'Recorded a SIP visit', '[]'),
      ('2008-10-08T09:00:00Z', 'admin', 'school', 7, 'edit visit', 'Updated the SIP visit', '[]'),
      ('2008-10-09T09:00:00Z', 'admin', 'school', 7, 'category confirmed', 'DIG confirmed category 3', '[]');
  `,
  );
  db.close();
  return path;
}

describe('a file from an earlier release', () => {
  it('keeps its records and re-files its record of changes by kind when upgraded to the latest version', async () => {
    const path = await monitoringReleaseFile();
    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT name FROM schools WHERE id = 7').pluck().get()).toBe('Alder Primary');
    expect(db.prepare('SELECT visited_on FROM visits WHERE id = 3').pluck().get()).toBe('2008-10-07');
    expect(
      db.prepare('SELECT entity, entity_id, school_id, action FROM audit_log ORDER BY id').all(),
    ).toEqual([
      { entity: 'double-district', entity_id: 1, school_id: null, action: 'add' },
      { entity: 'school', entity_id: 7, school_id: 7, action: 'add' },
      // The record's own id was never kept by that release: 0 says "not known".
      { entity: 'visit', entity_id: 0, school_id: 7, action: 'add' },
      { entity: 'visit', entity_id: 0, school_id: 7, action: 'edit' },
      { entity: 'category', entity_id: 0, school_id: 7, action: 'decide' },
    ]);
    expect(verifyAuditChain(db)).toEqual({ entries: 5, firstBroken: null });
    db.close();
  });

  it('gains the budget and savings tables, empty, with everything before them intact', async () => {
    const { path, db: old } = await fileAtVersion(
      7,
      `
      INSERT INTO double_districts (id, name) VALUES (1, 'Tamworth / East Staffs');
      INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Tamworth', 1);
      INSERT INTO schools (id, dfe, name, phase, district_id) VALUES (1, '860/3001', 'Birch Primary', 'Primary', 1);
    `,
    );
    old.close();
    const db = await openDatabase(path, { create: false });
    expect(db.prepare('SELECT dfe FROM schools').pluck().all()).toEqual(['860/3001']);
    expect(db.prepare('SELECT count(*) FROM budget_monitorings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM savings_options').pluck().get()).toBe(0);
    db.close();
  });

  it('gains meetings, papers and letters with its concerns and its sealed record of changes intact', async () => {
    // As the savings release (data version 9) left a file: a school causing concern, and a record of
    // changes already sealed into its chain.
    const { path, db: old } = await fileAtVersion(
      9,
      `
      INSERT INTO double_districts (id, name) VALUES (1, 'Cannock / Lichfield');
      INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Cannock Chase', 1);
      INSERT INTO people (id, name) VALUES (1, 'Dana Simms');
      INSERT INTO schools (id, dfe, name, phase, district_id) VALUES (7, '860/2001', 'Alder Primary', 'Primary', 1);
      INSERT INTO concerns (id, school_id, source, opened_on, stage, stage_since)
        VALUES (4, 7, 'Categorisation', '2026-01-12', 3, '2026-03-02');
      INSERT INTO concern_stage_decisions (concern_id, decided_on, from_stage, to_stage, reason, decided_by_id, meeting)
        VALUES (4, '2026-03-02', 2, 3, 'Insufficient pace', 1, 'DIG of 02/03/2026');
      INSERT INTO audit_log (at, user, entity, entity_id, school_id, action, summary, changes) VALUES
        ('2026-01-12T09:00:00Z', 'dana', 'concern', 4, 7, 'add', 'Raised a concern about Alder Primary', '[]'),
        ('2026-03-02T15:00:00Z', 'dana', 'concern', 4, 7, 'edit', 'Moved the concern to Stage 3', '[]');
    `,
    );
    sealAuditChain(old);
    const sealed = old.prepare('SELECT id, hash FROM audit_log ORDER BY id').all();
    old.close();

    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT stage, stage_since FROM concerns WHERE id = 4').get()).toEqual({
      stage: 3,
      stage_since: '2026-03-02',
    });
    expect(db.prepare('SELECT meeting FROM concern_stage_decisions').pluck().all()).toEqual([
      'DIG of 02/03/2026',
    ]);
    // The chain made before meetings existed still verifies, hash for hash, and its entries point at no meeting…
    expect(db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all()).toEqual(sealed);
    expect(verifyAuditChain(db)).toEqual({ entries: 2, firstBroken: null });
    expect(db.prepare('SELECT count(*) FROM audit_log WHERE meeting_id IS NOT NULL').pluck().get()).toBe(0);
    // …nor can one be made to afterwards.
    expect(() => db.prepare('UPDATE audit_log SET meeting_id = 1 WHERE id = 1').run()).toThrow(
      'The record of changes cannot be altered.',
    );
    for (const table of ['meetings', 'meeting_decisions', 'meeting_papers', 'concern_letters'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    db.close();
  });

  it('keeps its visits and answers "SIP visit this term" from the new index once upgraded', async () => {
    // As the meetings and letters release (data version 11) left a file: a SIP's visits and a DSIM's.
    const { path, db: old } = await fileAtVersion(
      11,
      `
      INSERT INTO double_districts (id, name) VALUES (1, 'Cannock / Lichfield');
      INSERT INTO districts (id, name, double_district_id) VALUES (1, 'Cannock Chase', 1);
      INSERT INTO people (id, name) VALUES (1, 'Kath Kent'), (2, 'Dana Simms');
      INSERT INTO schools (id, dfe, name, phase, district_id) VALUES
        (7, '860/2001', 'Alder Primary', 'Primary', 1), (8, '860/2002', 'Birch Primary', 'Primary', 1);
      INSERT INTO visits (id, school_id, visited_on, visitor_id, role, purpose, days) VALUES
        (1, 7, '2026-09-14', 1, 'SIP', 'Validating the SEF', 1),
        (2, 8, '2026-09-15', 2, 'DSIM', 'Core visit', 1),
        (3, 8, '2026-07-01', 1, 'SIP', 'Summer review', 1);
    `,
    );
    const visits = old.prepare('SELECT * FROM visits ORDER BY id').all();
    old.close();

    const db = await openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT * FROM visits ORDER BY id').all()).toEqual(visits);
    expect([...schoolsVisitedBySip(db, '2026-09-01', '2026-12-18')]).toEqual([7]);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT DISTINCT school_id FROM visits WHERE role = 'SIP' AND visited_on BETWEEN ? AND ?",
      )
      .all('2026-09-01', '2026-12-18') as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('; ')).toContain('visits_sip_by_date');
    db.close();
  });
});
