import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Starts the built app in browser mode (`npm run serve`) on a fresh data folder, as a new user would
 * meet it, and hands its address (with this run's token) to the tests.
 */
export default async function globalSetup() {
  const root = resolve(import.meta.dirname, '../..');
  const serve = join(root, 'out/main/serve.js');
  if (!existsSync(serve)) throw new Error('out/main/serve.js is missing: run `npm run build` first.');
  const home = mkdtempSync(join(tmpdir(), 'sid-e2e-'));
  const child = spawn(process.execPath, [serve], {
    cwd: root,
    env: { ...process.env, SID_HOME: home, SID_USER: 'e2e.tester' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`The app did not start: ${seen}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /running at (\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`The app exited with ${code}: ${seen}`)));
  });
  process.env.SID_URL = url;
  process.env.SID_HOME = home;
  return () => {
    child.kill();
  };
}
