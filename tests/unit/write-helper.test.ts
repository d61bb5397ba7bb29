import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain, writeAudit } from '../../electron/data/audit';
import { openDatabase, type Db } from '../../electron/data/database';
import { districts, doubleDistricts } from '../../electron/data/organisation';
import { schools } from '../../electron/data/schools';
import { sefEntries, sefs } from '../../electron/data/sef';
import { saveRecord, write, writeWhole, type WriteContext } from '../../electron/data/write';

const newPath = () => join(mkdtempSync(join(tmpdir(), 'sid-write-')), 'la.sid');
const contextOf = (db: Db): WriteContext => ({ db, user: 'test.user', now: () => new Date() });
const addArea = (ctx: WriteContext, name: string) => saveRecord(ctx, doubleDistricts, undefined, { name });

/** Every entry's id, in order, and whether the chain holds from first to last. */
function record(db: Db) {
  const ids = db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
  return { ids, broken: verifyAuditChain(db).firstBroken };
}
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the one write helper, at an import’s pace', () => {
  it('chains the next entry to the last one kept after a write is rolled back', async () => {
    const db = await openDatabase(newPath(), { create: true });
    const ctx = contextOf(db);
    addArea(ctx, 'Cannock / Lichfield');
    expect(() =>
      write(ctx, () => {
        addArea(ctx, 'Stafford / Stone');
        addArea(ctx, 'Tamworth / East Staffordshire');
        throw new Error('the import stops half-way');
      }),
    ).toThrow('the import stops half-way');
    addArea(ctx, 'Newcastle / Moorlands');

    expect(record(db)).toEqual({ ids: oneToN(2), broken: null });
    expect(db.prepare('SELECT name FROM double_districts ORDER BY id').pluck().all()).toEqual([
      'Cannock / Lichfield',
      'Newcastle / Moorlands',
    ]);
    db.close();
  });

  it('undoes the entries of a nested write that fails, and goes on from before it', async () => {
    const db = await openDatabase(newPath(), { create: true });
    const ctx = contextOf(db);
    write(ctx, () => {
      addArea(ctx, 'Cannock / Lichfield');
      // A nested write is a savepoint: caught, it leaves the outer write to carry on without it.
      expect(() =>
        write(ctx, () => {
          addArea(ctx, 'Stafford / Stone');
          throw new Error('this one is refused');
        }),
      ).toThrow('this one is refused');
      addArea(ctx, 'Tamworth / East Staffordshire');
    });
    addArea(ctx, 'Newcastle / Moorlands');

    expect(record(db)).toEqual({ ids: oneToN(3), broken: null });
    expect(db.prepare('SELECT count(*) FROM double_districts').pluck().get()).toBe(3);
    db.close();
  });

  it('writes a whole write entirely, and none of it when a part fails, even a part whose failure is caught', async () => {
    const db = await openDatabase(newPath(), { create: true });
    const ctx = contextOf(db);
    addArea(ctx, 'Cannock / Lichfield');
    writeWhole(ctx, () => {
      addArea(ctx, 'Stafford / Stone');
      addArea(ctx, 'Tamworth / East Staffordshire');
    });
    const refused = () => addArea(ctx, 'Stafford / Stone');
    expect(() =>
      writeWhole(ctx, () => {
        addArea(ctx, 'Newcastle / Moorlands');
        // Without a savepoint the refused part cannot be taken back alone, so the whole write fails.
        expect(refused).toThrow();
        addArea(ctx, 'Burton / Uttoxeter');
      }),
    ).toThrow();
    expect(() =>
      writeWhole(ctx, () => {
        addArea(ctx, 'Newcastle / Moorlands');
        refused();
      }),
    ).toThrow();
    addArea(ctx, 'Stoke / Newcastle');

    expect(record(db)).toEqual({ ids: oneToN(4), broken: null });
    expect(db.prepare('SELECT name FROM double_districts ORDER BY id').pluck().all()).toEqual([
      'Cannock / Lichfield',
      'Stafford / Stone',
      'Tamworth / East Staffordshire',
      'Stoke / Newcastle',
    ]);
    db.close();
  });

  it('reads the end of the chain afresh for each write, as another connection may have added to it', async () => {
    const path = newPath();
    const mine = await openDatabase(path, { create: true });
    const theirs = await openDatabase(path, { create: false });
    addArea(contextOf(mine), 'Cannock / Lichfield');
    addArea(contextOf(theirs), 'Stafford / Stone');
    write(contextOf(mine), () => {
      addArea(contextOf(mine), 'Tamworth / East Staffordshire');
      addArea(contextOf(mine), 'Newcastle / Moorlands');
    });
    addArea(contextOf(theirs), 'Burton / Uttoxeter');
    // An entry written outside any write (as a pack's papers are) reads the end afresh too.
    writeAudit(mine, contextOf(mine), {
      entity: 'double-district',
      entityId: 1,
      schoolId: null,
      action: 'edit',
      summary: 'Noted outside a write',
      changes: [],
    });
    addArea(contextOf(theirs), 'Stoke / Newcastle');

    expect(record(mine)).toEqual({ ids: oneToN(7), broken: null });
    theirs.close();
    mine.close();
  });

  it('dates every entry of one write at the moment its first was made, and the next write afresh', async () => {
    const db = await openDatabase(newPath(), { create: true });
    // A clock a minute on each time it is read.
    let minutes = 0;
    const ctx: WriteContext = {
      db,
      user: 'test.user',
      now: () => new Date(Date.UTC(2026, 10, 23, 9, minutes++)),
    };
    write(ctx, () => {
      addArea(ctx, 'Cannock / Lichfield');
      addArea(ctx, 'Stafford / Stone');
    });
    addArea(ctx, 'Tamworth / East Staffordshire');

    expect(db.prepare('SELECT at FROM audit_log ORDER BY id').pluck().all()).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T09:01:00.000Z',
    ]);
    expect(record(db).broken).toBeNull();
    db.close();
  });

  it('reads a saved SEF back, grades and all, as the list of SEFs reads it', async () => {
    const db = await openDatabase(newPath(), { create: true });
    const ctx = contextOf(db);
    const area = addArea(ctx, 'Cannock / Lichfield');
    const district = saveRecord(ctx, districts, undefined, {
      name: 'Cannock Chase',
      doubleDistrictId: area.id,
    });
    const school = saveRecord(ctx, schools, undefined, {
      dfe: '860/1007',
      urn: null,
      name: 'Cannock Nursery School',
      type: null,
      phase: 'Nursery',
      districtId: district.id,
      diocese: null,
      numberOnRoll: null,
      headteacher: null,
      chairOfGovernors: null,
      sipId: null,
      postcode: null,
    });
    const graded = saveRecord(ctx, sefs, undefined, {
      schoolId: school.id,
      sefOn: '2008-09-04',
      validated: true,
      grades: { overall: 2, capacity: 1, achievement: 3, eyfs: 2, 'sixth-form': 4 },
    });
    const ungraded = saveRecord(ctx, sefs, undefined, {
      schoolId: school.id,
      sefOn: '2009-01-12',
      validated: false,
      grades: {},
    });

    const listed = sefEntries(db, { schoolId: school.id });
    expect(sefs.get(db, graded.id)).toEqual(listed.find((e) => e.id === graded.id));
    expect(sefs.get(db, ungraded.id)).toEqual(listed.find((e) => e.id === ungraded.id));
    expect(Object.keys(graded.grades)).toEqual(['achievement', 'capacity', 'eyfs', 'overall', 'sixth-form']);
    expect(graded).toMatchObject({ validated: true, framework: 'english-sef' });
    // The record of changes lists the grades in the order it always has.
    const changes = JSON.parse(
      db
        .prepare('SELECT changes FROM audit_log WHERE entity = ? AND entity_id = ?')
        .pluck()
        .get('sef', graded.id) as string,
    ) as Array<{ field: string }>;
    expect(changes.map((c) => c.field)).toEqual([
      'SEF date',
      'Validated by SIP',
      'Grade: achievement',
      'Grade: capacity',
      'Grade: eyfs',
      'Grade: overall',
      'Grade: sixth-form',
    ]);
    expect(record(db).broken).toBeNull();
    db.close();
  });
});
