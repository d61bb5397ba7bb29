import { defineConfig } from '@playwright/test';

// The Electron shell itself, run only by `npm run test:electron` (better-sqlite3 must be built for it).
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  outputDir: 'test-results/electron',
  reporter: process.env.PW_ELECTRON_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.PW_ELECTRON_JSON_REPORT }]]
    : [['list']],
});
