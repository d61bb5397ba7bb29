import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { editedSample, SAMPLE_REGISTER, tempSession } from './helpers';

async function sid(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the sid command', () => {
  it('creates, imports, exports and checks a data file', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'la.sid');
    expect(await sid('init', '--db', db)).toMatchObject({
      code: 0,
      out: expect.stringContaining('0 schools'),
    });

    const dry = await sid('import', 'schools', SAMPLE_REGISTER, '--db', db, '--dry-run');
    expect(dry).toMatchObject({
      code: 0,
      out: expect.stringContaining('Would import: 432 new, 0 changed, 0 unchanged.'),
    });
    expect((await sid('check', '--db', db)).out).toContain('Schools: 0 (0 open, 0 closed)');

    const real = await sid('import', 'schools', SAMPLE_REGISTER, '--db', db);
    expect(real).toMatchObject({ code: 0, out: expect.stringContaining('Imported: 432 new') });

    const out = join(dir, 'register.xlsx');
    expect((await sid('export', 'schools', '--db', db, '--out', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = await sid('import', 'schools', out, '--db', db, '--dry-run');
    expect(again.out).toContain('Would import: 0 new, 0 changed, 432 unchanged.');

    const check = await sid('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/Integrity: ok; foreign keys: ok/);
    expect(check.out).toContain('Schools: 432 (432 open, 0 closed)');
  });

  it('exits 1 with one problem per line, sheet!cell first, and imports nothing', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'la.sid');
    await sid('init', '--db', db);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(
      bad,
      await editedSample((wb) => {
        wb.getWorksheet('Schools')!.getCell('A37').value = '86O/2001';
        wb.getWorksheet('Schools')!.getCell('F40').value = 'Atlantis';
      }),
    );
    const result = await sid('import', 'schools', bad, '--db', db);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      expect.stringMatching(/^Schools!A37: .*"86O\/2001" is not a valid DfE number/),
      expect.stringMatching(/^Schools!F40: District "Atlantis"/),
    ]);
    expect((await sid('check', '--db', db)).out).toContain('Schools: 0 ');
  });

  it('exits 2 for a usage error, 1 for a file that is not ours', async () => {
    const { dir } = tempSession();
    expect((await sid()).code).toBe(2);
    expect((await sid('import', 'schools')).code).toBe(2);
    expect((await sid('frobnicate', '--db', join(dir, 'x.sid'))).code).toBe(2);
    expect((await sid('check', '--db', join(dir, 'x.sid'), '--nonsense')).code).toBe(2);
    const notOurs = join(dir, 'notes.sid');
    writeFileSync(notOurs, 'hello');
    const refused = await sid('check', '--db', notOurs);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not a SQLite file/);
  });

  it('imports and exports SEF grids', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'la.sid');
    await sid('init', '--db', db);
    await sid('import', 'schools', SAMPLE_REGISTER, '--db', db);
    const grid = join(SAMPLE_REGISTER, '../sef-grid-cannock-lichfield-autumn-2008.xlsx');
    const dry = await sid('import', 'sef-grid', grid, '--db', db, '--dry-run');
    expect(dry).toMatchObject({ code: 0, out: 'Would import: 108 new SEFs, 0 changed, 0 unchanged.' });
    expect((await sid('import', 'sef-grid', grid, '--db', db)).out).toBe(
      'Imported: 108 new SEFs, 0 changed, 0 unchanged.',
    );
    const out = join(dir, 'grid.xlsx');
    const exported = await sid(
      'export',
      'sef-grid',
      '--db',
      db,
      '--out',
      out,
      '--double-district',
      'cannock / lichfield',
      '--term',
      'autumn 2008',
    );
    expect(exported.code).toBe(0);
    expect((await sid('import', 'sef-grid', out, '--db', db, '--dry-run')).out).toBe(
      'Would import: 0 new SEFs, 0 changed, 108 unchanged.',
    );
    const unknown = await sid(
      'export',
      'sef-grid',
      '--db',
      db,
      '--out',
      out,
      '--double-district',
      'Atlantis',
    );
    expect(unknown).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no double district "Atlantis"'),
    });
  });
});
