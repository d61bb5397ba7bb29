import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
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
  /** The name this person wants the record of changes to show. */
  displayName: string | null;
}

const settingsFile = () => join(appHome(), 'settings.json');

export function readSettings(): Settings {
  try {
    const parsed = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Partial<Settings>;
    return {
      recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p) => typeof p === 'string') : [],
      displayName:
        typeof parsed.displayName === 'string' && parsed.displayName.trim() ? parsed.displayName : null,
    };
  } catch {
    return { recent: [], displayName: null };
  }
}

function writeSettings(settings: Settings): void {
  const file = settingsFile();
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function rememberRecent(path: string): string[] {
  const settings = readSettings();
  const recent = [path, ...settings.recent.filter((p) => p !== path)].slice(0, 8);
  writeSettings({ ...settings, recent });
  return recent;
}

export function setDisplayName(name: string | null): void {
  writeSettings({ ...readSettings(), displayName: name?.trim() || null });
}

/**
 * The account's full name where the system keeps one (the comment field of /etc/passwd on Linux),
 * else its login name. Windows keeps full names in the directory, out of Node's reach: people there
 * set their name in the app.
 */
export function accountName(): string {
  const { username, uid } = userInfo();
  try {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[2] === String(uid));
    const fullName = entry?.[4]?.split(',')[0]?.trim();
    if (fullName) return fullName;
  } catch {
    // No /etc/passwd (Windows, or a locked-down system): the login name will do.
  }
  return username;
}
