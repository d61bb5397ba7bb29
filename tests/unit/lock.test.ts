import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { describeHolder, lockPathOf } from '../../electron/core/lock';
import { Session } from '../../electron/core/session';
import { runCli } from '../../electron/cli/run';
import { onNetworkShare } from '../../electron/data/network';
import { ok, RESOURCES, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

const nineFourteen = () => new Date('2026-05-14T08:14:00Z'); // 09:14 in London (summer time)

/** Pat Jones opens the file first, at 09:14. */
async function patHasItOpen() {
  const { dir } = tempSession();
  process.env.SID_USER = 'Pat Jones';
  const pat = new Session(RESOURCES, nineFourteen);
  await ok(pat, 'app.create', { path: join(dir, 'shared.sid'), demo: false });
  await ok(pat, 'register.apply', upload(SAMPLE_REGISTER));
  process.env.SID_USER = 'Sam Lee';
  const path = pat.ctx().path;
  return { pat, path, sam: new Session(RESOURCES, nineFourteen) };
}

async function sid(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A process id that belonged to a process which has since ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

afterEach(() => {
  process.env.SID_USER = 'test.user';
});

describe('the lock file', () => {
  it('tells a second opener who has the file, and lets them read it but change nothing', async () => {
    const { pat, path, sam } = await patHasItOpen();
    const lock = JSON.parse(readFileSync(lockPathOf(path), 'utf8'));
    expect(lock).toMatchObject({ name: 'Pat Jones', computer: hostname(), pid: process.pid });

    const refused = await invoke(sam, 'app.open', { path });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'held',
        message: `This file is open by Pat Jones on ${hostname()} since 09:14. You can open it read-only, or ask them to close it.`,
      },
    });

    const state = await ok(sam, 'app.open', { path, readOnly: true });
    expect(state.file).toMatchObject({ readOnly: true, heldBy: `Pat Jones on ${hostname()} since 09:14` });
    expect((await ok(sam, 'schools.list', {})).length).toBe(432);
    const before = snapshot(sam);
    for (const [op, input] of [
      ['organisation.saveDoubleDistrict', { draft: { name: 'Nowhere' } }],
      ['register.apply', upload(SAMPLE_REGISTER)],
      ['backups.create', {}],
    ] as const) {
      const result = await invoke(sam, op, input);
      expect(result, op).toMatchObject({ ok: false, error: { code: 'read_only' } });
    }
    expect(snapshot(sam)).toBe(before);
    sam.close();
    // Reading beside Pat left Pat's lock alone.
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8')).name).toBe('Pat Jones');
    pat.close();
  });

  it('is released on close, so the next opener may change the file', async () => {
    const { pat, path, sam } = await patHasItOpen();
    pat.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
    const state = await ok(sam, 'app.open', { path });
    expect(state.file?.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8')).name).toBe('Sam Lee');
    sam.close();
  });

  it('is taken over when its process is gone from this computer', async () => {
    const { pat, path, sam } = await patHasItOpen();
    pat.ctx().db.close(); // Pat's app is killed: the lock stays behind
    const pid = deadPid();
    writeFileSync(
      lockPathOf(path),
      JSON.stringify({
        name: 'Pat Jones',
        computer: hostname(),
        pid,
        since: nineFourteen().toISOString(),
        token: 'x',
      }),
    );
    const state = await ok(sam, 'app.open', { path });
    expect(state.file?.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({
      name: 'Sam Lee',
      pid: process.pid,
    });
    sam.close();
  });

  it('is believed when it comes from another computer, whose processes cannot be seen', async () => {
    const { pat, path, sam } = await patHasItOpen();
    pat.ctx().db.close();
    writeFileSync(
      lockPathOf(path),
      JSON.stringify({
        name: 'Pat Jones',
        computer: 'LA-PC-042',
        pid: deadPid(),
        since: '2026-05-13T08:14:00Z',
        token: 'x',
      }),
    );
    const refused = await invoke(sam, 'app.open', { path });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'held',
        message: expect.stringContaining('open by Pat Jones on LA-PC-042 since 13/05/2026 09:14'),
      },
    });
  });

  it('makes the sid command refuse to write to a held file, naming the holder, while it still reads', async () => {
    const { pat, path } = await patHasItOpen();
    const before = snapshot(pat);
    const imported = await sid('import', 'schools', SAMPLE_REGISTER, '--db', path);
    expect(imported.code).toBe(1);
    expect(imported.err).toContain(`This file is open by Pat Jones on ${hostname()}`);
    const restored = await sid('backup', '--db', path);
    expect(restored.code).toBe(1);
    expect(restored.err).toContain('Pat Jones');
    const check = await sid('check', '--db', path);
    expect(check).toMatchObject({ code: 0, out: expect.stringContaining('Schools: 432') });
    expect(snapshot(pat)).toBe(before);
    pat.close();
  });

  it('names the holder by the time in London, and the date when it was not today', () => {
    const holder = {
      name: 'Pat Jones',
      computer: 'LA-PC-042',
      pid: 1,
      token: 't',
      since: '2026-01-14T09:14:00Z',
    };
    expect(describeHolder(holder, new Date('2026-01-14T15:00:00Z'))).toBe(
      'Pat Jones on LA-PC-042 since 09:14',
    );
    expect(describeHolder(holder, new Date('2026-01-15T15:00:00Z'))).toBe(
      'Pat Jones on LA-PC-042 since 14/01/2026 09:14',
    );
  });
});

describe('files on a network share', () => {
  it('are told apart by their UNC path on Windows', () => {
    expect(onNetworkShare('\\\\fileserver\\sid\\Staffordshire.sid', 'win32')).toBe(true);
    expect(onNetworkShare('//fileserver/sid/Staffordshire.sid', 'win32')).toBe(true);
    expect(onNetworkShare('\\\\?\\UNC\\fileserver\\sid\\la.sid', 'win32')).toBe(true);
    expect(onNetworkShare('\\\\?\\C:\\Users\\pat\\la.sid', 'win32')).toBe(false);
    expect(onNetworkShare('C:\\Users\\pat\\School Improvement Desk\\la.sid', 'win32')).toBe(false);
  });

  it('use WAL only on a local disk', async () => {
    const { session, dir } = tempSession();
    expect(onNetworkShare(join(dir, 'local.sid'))).toBe(false);
    await ok(session, 'app.create', { path: join(dir, 'local.sid'), demo: false });
    expect(session.ctx().db.pragma('journal_mode', { simple: true })).toBe('wal');
    session.close();
  });
});
