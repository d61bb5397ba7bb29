import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/data/database';
import { fillDemoAuthority } from '../../electron/data/demo';
import { prepared } from '../../electron/data/prepared';
import { latestSefs, sefEntries } from '../../electron/data/sef';

const newFile = () =>
  openDatabase(join(mkdtempSync(join(tmpdir(), 'sid-speed-')), 'speed.sid'), { create: true });

describe('reading fast', () => {
  it('prepares a statement once per file and SQL, and another file gets its own', async () => {
    const [one, two] = [await newFile(), await newFile()];
    const sql = 'SELECT count(*) AS n FROM schools';
    expect(prepared(one, sql)).toBe(prepared(one, sql));
    expect(prepared(one, 'SELECT count(*) AS n FROM visits')).not.toBe(prepared(one, sql));
    expect(prepared(two, sql)).not.toBe(prepared(one, sql));
    expect(prepared(two, sql).get()).toEqual({ n: 0 });
    one.close();
    two.close();
  });

  it("reads each school's latest SEF by a date as the whole history would give it", async () => {
    const db = await newFile();
    fillDemoAuthority(db, '2026-11-23');
    for (const onOrBefore of ['2025-03-31', '2025-12-19', '2026-11-23']) {
      const expected = new Map<number, ReturnType<typeof sefEntries>[number]>();
      // Newest first: the first seen of a school is its latest.
      for (const e of sefEntries(db, { framework: 'english-sef', onOrBefore }))
        if (!expected.has(e.schoolId)) expected.set(e.schoolId, e);
      const latest = latestSefs(db, { framework: 'english-sef', onOrBefore });
      expect(latest.length).toBeGreaterThan(300);
      expect(new Map(latest.map((e) => [e.schoolId, e]))).toEqual(expected);
    }
    db.close();
  });
});
