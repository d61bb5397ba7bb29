import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { planRegisterImport, applyRegisterPlan } from '../../electron/core/register';
import { Session } from '../../electron/core/session';
import { runCli } from '../../electron/cli/run';
import { readRegister } from '../../electron/workbooks/schools-register';
import { backupReasonLabel, keptBackups } from '../../shared/domain/backups';
import { editedSample, ok, RESOURCES, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

/** A clock the test moves: each backup is stamped with it, so retention can be tried over months. */
function clock(start: string) {
  let at = new Date(start);
  return {
    now: () => at,
    advance: (hours: number) => (at = new Date(at.getTime() + hours * 3_600_000)),
  };
}

async function registerFile(session: Session, dir: string) {
  await ok(session, 'app.create', { path: join(dir, 'la.sid'), demo: false });
  await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
  return session.ctx().path;
}

const headteacher = (session: Session) =>
  session.ctx().db.prepare("SELECT headteacher FROM schools WHERE dfe = '860/3003'").pluck().get();

async function sid(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('backups', () => {
  it('backs the file up before an import changes it, into the Backups folder, owner-only', async () => {
    const { session, dir } = tempSession();
    const path = await registerFile(session, dir);
    const changed = await editedSample((wb) => {
      wb.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
    });
    const plan = planRegisterImport(session.ctx(), await readRegister(changed));
    const { backup } = await applyRegisterPlan(session.ctx(), plan);

    expect(backup).not.toBeNull();
    expect(dirname(backup!)).toBe(join(dirname(path), 'Backups'));
    if (process.platform !== 'win32') expect(statSync(backup!).mode & 0o777).toBe(0o600);
    const copy = new Database(backup!, { readonly: true });
    expect(copy.prepare("SELECT headteacher FROM schools WHERE dfe = '860/3003'").pluck().get()).toBe(
      'Ms Helen Bradbury',
    );
    copy.close();
    const listed = await ok(session, 'backups.list', {});
    expect(listed.backups.map((b) => [b.path, b.reason])).toEqual([[backup, 'before-import']]);
    expect(backupReasonLabel('before-import')).toBe('Before a register import');
  });

  it('backs the file up on its first open of each day, and only then', async () => {
    const { dir } = tempSession();
    const time = clock('2026-03-02T08:00:00Z');
    const first = new Session(RESOURCES, time.now);
    const path = await registerFile(first, dir);
    first.close();
    const daily = () => readdirSync(join(dir, 'Backups')).filter((f) => f.endsWith('.daily.bak'));

    const reopen = async () => {
      const session = new Session(RESOURCES, time.now);
      await ok(session, 'app.open', { path });
      session.close();
    };
    await reopen();
    expect(daily()).toHaveLength(1);
    time.advance(6);
    await reopen();
    expect(daily()).toHaveLength(1);
    time.advance(24);
    await reopen();
    expect(daily()).toHaveLength(2);
  });

  it('keeps the newest 14 backups and the newest of each month', async () => {
    const { dir } = tempSession();
    const time = clock('2026-01-05T09:00:00Z');
    const session = new Session(RESOURCES, time.now);
    await ok(session, 'app.create', { path: join(dir, 'kept.sid'), demo: false });
    const made: string[] = [];
    for (let day = 0; day < 100; day += 1) {
      made.push((await ok(session, 'backups.create', {})).takenAt);
      time.advance(24);
    }
    const kept = (await ok(session, 'backups.list', {})).backups.map((b) => b.takenAt);
    const newest14 = made.slice(-14).reverse();
    expect(kept.slice(0, 14)).toEqual(newest14);
    // Before those: the last backup taken in each earlier month (5 Jan + 100 days ends mid-April).
    expect(kept.slice(14)).toEqual([
      '2026-03-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-01-31T09:00:00.000Z',
    ]);
    expect(readdirSync(join(dir, 'Backups'))).toHaveLength(kept.length);
  });

  it('counts months in London: 23:30 UTC on 31 May is June there', () => {
    const recent = Array.from(
      { length: 14 },
      (_, i) => `2026-07-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
    );
    const kept = keptBackups([
      '2026-05-31T23:30:00Z',
      '2026-06-01T09:00:00Z',
      '2026-05-30T09:00:00Z',
      ...recent,
    ]);
    expect(kept).toContain('2026-06-01T09:00:00Z');
    expect(kept).toContain('2026-05-30T09:00:00Z');
    expect(kept).not.toContain('2026-05-31T23:30:00Z');
  });

  it('restores a backup after backing up the file as it is, bringing back the earlier state', async () => {
    const { session, dir } = tempSession();
    await registerFile(session, dir);
    const before = snapshot(session);
    const earlier = await ok(session, 'backups.create', {});
    await ok(
      session,
      'register.apply',
      upload(
        await editedSample((wb) => {
          wb.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
        }),
      ),
    );
    expect(headteacher(session)).toBe('Mrs Ann Other');
    const after = snapshot(session);

    const { safetyCopy, state } = await ok(session, 'backups.restore', { path: earlier.path });
    expect(state.file?.readOnly).toBe(false);
    expect(snapshot(session)).toBe(before);
    expect(safetyCopy.reason).toBe('before-restore');
    // The restore can itself be undone from the copy it made first.
    await ok(session, 'backups.restore', { path: safetyCopy.path });
    expect(snapshot(session)).toBe(after);
  });

  it('refuses to restore from a file that is not a backup, changing nothing', async () => {
    const { session, dir } = tempSession();
    await registerFile(session, dir);
    const before = snapshot(session);
    const result = await invoke(session, 'backups.restore', { path: SAMPLE_REGISTER });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_file' } });
    expect(snapshot(session)).toBe(before);
  });

  it('sid backup prints where the backup went; sid restore puts it back', async () => {
    const { dir } = tempSession();
    const db = join(dir, 'cli.sid');
    expect((await sid('init', '--db', db)).code).toBe(0);
    expect((await sid('import', 'schools', SAMPLE_REGISTER, '--db', db)).code).toBe(0);
    const backedUp = await sid('backup', '--db', db);
    expect(backedUp.code).toBe(0);
    const printed = backedUp.out.trim();
    expect(dirname(printed)).toBe(join(dir, 'Backups'));
    expect(existsSync(printed)).toBe(true);

    const changed = join(dir, 'changed.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      changed,
      await editedSample((wb) => {
        wb.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
      }),
    );
    expect((await sid('import', 'schools', changed, '--db', db)).code).toBe(0);
    const restored = await sid('restore', printed, '--db', db);
    expect(restored).toMatchObject({
      code: 0,
      out: expect.stringContaining('The file as it was before is kept in'),
    });
    const file = new Database(db, { readonly: true });
    expect(file.prepare("SELECT headteacher FROM schools WHERE dfe = '860/3003'").pluck().get()).toBe(
      'Ms Helen Bradbury',
    );
    file.close();
  });
});

describe('an import applied after the file changed', () => {
  it('is refused rather than applied over changes its preview never saw', async () => {
    const { session, dir } = tempSession();
    const path = await registerFile(session, dir);
    const changed = await editedSample((wb) => {
      wb.getWorksheet('Schools')!.getCell('I37').value = 'Mrs Ann Other';
    });
    const plan = planRegisterImport(session.ctx(), await readRegister(changed));
    // A colleague's save reaches the file after the preview was made.
    const other = new Database(path);
    other.prepare("UPDATE schools SET headteacher = 'Mr Colleague' WHERE dfe = '860/3004'").run();
    other.close();
    const before = snapshot(session);
    await expect(applyRegisterPlan(session.ctx(), plan)).rejects.toThrow(
      'The file changed since the preview; preview it again.',
    );
    expect(snapshot(session)).toBe(before);
    // Previewed again, it applies.
    const fresh = planRegisterImport(session.ctx(), await readRegister(changed));
    await applyRegisterPlan(session.ctx(), fresh);
    expect(headteacher(session)).toBe('Mrs Ann Other');
  });

  it('a SEF grid too', async () => {
    const { session, dir } = tempSession();
    const path = await registerFile(session, dir);
    const { planSefGrid, applySefGrid, readGridFor } = await import('../../electron/core/sef-grid');
    const { readFileSync } = await import('node:fs');
    const grid = readFileSync(
      join(__dirname, '../../../shared/samples/sef-grid-cannock-lichfield-autumn-2008.xlsx'),
    );
    const plan = planSefGrid(session.ctx(), await readGridFor(session.ctx(), grid));
    const other = new Database(path);
    other.prepare("UPDATE schools SET headteacher = 'Mr Colleague' WHERE dfe = '860/3004'").run();
    other.close();
    await expect(applySefGrid(session.ctx(), plan)).rejects.toThrow('The file changed since the preview');
  });
});

describe('an import killed part-way', () => {
  /** The real `sid` command, built for Node into a folder under node_modules so it finds its packages. */
  async function buildSid(): Promise<string> {
    const { build } = await import('vite');
    const outDir = join(__dirname, '../../node_modules/.cache/sid-crash-test');
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        ssr: true,
        outDir,
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: {
          // With the workbook thread it starts, built beside it as the app's build does.
          input: {
            sid: join(__dirname, '../../electron/cli/sid.ts'),
            'workbook-worker': join(__dirname, '../../electron/workbooks/worker.ts'),
          },
          output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
        },
      },
    });
    return join(outDir, 'sid.mjs');
  }

  it(
    'leaves the file whole, as before or as fully imported, and no half-made backup',
    { timeout: 240_000 },
    async () => {
      const { spawn } = await import('node:child_process');
      const { copyFileSync, writeFileSync } = await import('node:fs');
      const { verifyAuditChain } = await import('../../electron/data/audit');
      const sidScript = await buildSid();
      const { session, dir } = tempSession();
      const original = join(dir, 'original.sid');
      await ok(session, 'app.create', { path: original, demo: false });
      await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
      session.close();
      // Every school's headteacher changes, so the import's write is as long as it can be.
      const workbook = join(dir, 'every-head.xlsx');
      writeFileSync(
        workbook,
        await editedSample((wb) => {
          wb.getWorksheet('Schools')!.eachRow((row, n) => {
            if (n > 1 && row.getCell(1).text) row.getCell('I').value = `Head ${n}`;
          });
        }),
      );
      const path = join(dir, 'target.sid');
      const env = { ...process.env, SID_RESOURCES: RESOURCES, SID_USER: 'crash.test' };
      const run = (killAfter: number | null) =>
        new Promise<{ finished: boolean; ms: number }>((resolve) => {
          const started = Date.now();
          const child = spawn(process.execPath, [sidScript, 'import', 'schools', workbook, '--db', path], {
            env,
            stdio: 'ignore',
          });
          const timer = killAfter === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
          child.once('exit', (code, signal) => {
            if (timer) clearTimeout(timer);
            resolve({ finished: signal === null && code === 0, ms: Date.now() - started });
          });
        });
      const contents = () => {
        const db = new Database(path);
        const state = {
          integrity: db.pragma('integrity_check', { simple: true }),
          schools: JSON.stringify(db.prepare('SELECT * FROM schools ORDER BY id').all()),
          audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
          chain: verifyAuditChain(db).firstBroken,
        };
        db.close();
        return state;
      };
      const reset = () => {
        copyFileSync(original, path);
        rmSync(`${path}.lock`, { force: true });
      };

      reset();
      const before = contents();
      const whole = await run(null);
      expect(whole.finished).toBe(true);
      const imported = contents();
      expect(imported.schools).not.toBe(before.schools);

      const kills = 20;
      let cutShort = 0;
      for (let i = 0; i < kills; i += 1) {
        reset();
        // Spread over the whole run: starting up, reading the workbook, backing up, writing.
        const outcome = await run(Math.round((whole.ms * (i + 0.5)) / kills));
        if (!outcome.finished) cutShort += 1;
        const after = contents();
        expect(after.integrity).toBe('ok');
        expect(after.chain).toBeNull();
        expect([before, imported].map((s) => s.schools)).toContain(after.schools);
        expect(after.audit).toBe(after.schools === before.schools ? before.audit : imported.audit);
        const folder = join(dir, 'Backups');
        const left = existsSync(folder) ? readdirSync(folder) : [];
        // A copy cut short is only ever a hidden `.partial`, never a backup that looks complete…
        for (const name of left.filter((n) => n.endsWith('.bak'))) {
          const copy = new Database(join(folder, name), { readonly: true });
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          copy.close();
        }
        // …and the next opener on this computer sweeps it away.
        const next = new Session(RESOURCES);
        await ok(next, 'app.open', { path });
        next.close();
        expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
        rmSync(folder, { recursive: true, force: true });
      }
      expect(cutShort).toBeGreaterThan(kills / 2);
    },
  );
});
