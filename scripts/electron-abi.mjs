// better-sqlite3 is a native module: built for Node it serves tests, the CLI and browser mode; the
// Electron window needs it built for Electron's ABI. This switches between the two only when needed
// (never in postinstall), and fetches Electron's binary on first start if the install skipped it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [target, flag] = process.argv.slice(2);
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/electron-abi.mjs node|electron [--if-available]');
  process.exit(2);
}
// For the shell's own tests: where no Electron binary can be had, leave everything as it is.
const onlyIfAvailable = flag === '--if-available';
const marker = 'node_modules/.sid-sqlite-abi';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (target === 'electron') {
  const require = createRequire(import.meta.url);
  const electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');
  if (!existsSync(`${electronDir}path.txt`)) {
    if (onlyIfAvailable) {
      console.log('No Electron binary is installed here; better-sqlite3 stays built for Node.');
      process.exit(0);
    }
    console.log('Fetching the Electron binary (first start)…');
    execFileSync(process.execPath, [`${electronDir}install.js`], { stdio: 'inherit' });
  }
}
if (current !== target) {
  console.log(`Rebuilding better-sqlite3 for ${target}…`);
  if (target === 'electron')
    execFileSync('npx', ['electron-builder', 'install-app-deps'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  else
    execFileSync(npm, ['rebuild', 'better-sqlite3'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  writeFileSync(marker, target);
}
