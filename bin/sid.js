#!/usr/bin/env node
// The `sid` command runs the built CLI; `npm run build` makes it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('sid is not built yet: run `npm run build` in the School Improvement Desk folder first.');
  process.exit(2);
}
await import(cli);
