import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** Why the shell cannot be tested on this machine, or null when it can. */
function missingBinary(): string | null {
  const dir = resolve(require.resolve('electron/package.json'), '..');
  if (!existsSync(join(dir, 'path.txt')))
    return 'the Electron binary is not installed here (it cannot be downloaded on this machine); the same handlers are tested in browser mode';
  const marker = join(root, 'node_modules/.sid-sqlite-abi');
  if (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== 'electron')
    return 'better-sqlite3 is not built for Electron; run `npm run test:electron`';
  return null;
}

const reason = missingBinary();
if (reason) console.log(`Electron shell tests skipped: ${reason}.`);

test.describe('the Electron shell', () => {
  test.skip(reason !== null, `Skipped: ${reason ?? ''}`);

  test('opens a locked-down window that reaches the core only through the bridge', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sid-electron-'));
    const app = await electron.launch({
      args: [join(root, 'out/main/index.js')],
      env: { ...process.env, SID_HOME: home, SID_USER: 'electron.tester' },
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'Open demo authority' })).toBeVisible();

    // No Node in the page: only the bridge's one function crosses from the isolated preload.
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { sidBridge?: object }).sidBridge ?? {}),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke'] });

    // Navigation away and new windows are refused.
    await page.evaluate(() =>
      (globalThis as unknown as { open(url: string): unknown }).open('https://example.invalid/'),
    );
    expect(app.windows()).toHaveLength(1);

    await page.getByRole('button', { name: 'Open demo authority' }).click();
    await expect(page).toHaveTitle('Demo authority.sid — School Improvement Desk');
    await expect(page.getByTestId('match-count')).toHaveText(/of 4\d\d schools/);
    await app.close();
  });
});
