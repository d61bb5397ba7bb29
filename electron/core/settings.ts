import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its own settings and, by default, its data files. `SID_HOME` moves both, so
 * tests and IT staff can keep them apart from a user's real ones.
 */
export function appHome(): string {
  const home = process.env.SID_HOME ?? join(homedir(), 'School Improvement Desk');
  mkdirSync(home, { recursive: true });
  return home;
}

interface Settings {
  recent: string[];
}

const settingsFile = () => join(appHome(), 'settings.json');

export function readSettings(): Settings {
  try {
    const parsed = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Partial<Settings>;
    return { recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p) => typeof p === 'string') : [] };
  } catch {
    return { recent: [] };
  }
}

export function rememberRecent(path: string): string[] {
  const recent = [path, ...readSettings().recent.filter((p) => p !== path)].slice(0, 8);
  const file = settingsFile();
  writeFileSync(`${file}.tmp`, JSON.stringify({ recent }, null, 2));
  renameSync(`${file}.tmp`, file);
  return recent;
}
