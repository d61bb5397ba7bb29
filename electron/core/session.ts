import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { openDatabase, type Db } from '../data/database';
import type { Ctx } from './context';
import { londonDate } from '../../shared/domain/format';
import { fillDemoAuthority } from '../data/demo';
import { accountName, appHome, readSettings, rememberRecent } from './settings';

/** The one open data file of a running app, and the facts every handler needs about its host. */
export class Session {
  private current: { db: Db; path: string } | null = null;

  constructor(
    readonly resourcesDir: string,
    readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Who the record of changes names: `SID_USER` (for scripts), else the name the person set for
   * themselves, else their account's full name, else its login name.
   */
  get user(): string {
    return process.env.SID_USER ?? readSettings().displayName ?? accountName();
  }

  template(name: string): string {
    return join(this.resourcesDir, 'templates', name);
  }

  state() {
    return {
      file: this.current ? { path: this.current.path, name: basename(this.current.path) } : null,
      recent: readSettings().recent,
      dataDir: appHome(),
      user: this.user,
      displayName: readSettings().displayName,
    };
  }

  /** A bare name is put in the data folder; `.sid` is added when the user gave no extension. */
  resolvePath(path: string): string {
    const withExt = /\.[a-z0-9]+$/i.test(path) ? path : `${path}.sid`;
    return resolve(appHome(), withExt);
  }

  open(path: string, options: { create: boolean; demo?: boolean }) {
    const full = this.resolvePath(path);
    const db = openDatabase(full, { create: options.create });
    this.close();
    this.current = { db, path: full };
    if (options.demo) fillDemoAuthority(db, londonDate(this.now()));
    rememberRecent(full);
    return this.state();
  }

  close() {
    this.current?.db.close();
    this.current = null;
    return this.state();
  }

  ctx(): Ctx {
    if (!this.current) throw new ApiError({ code: 'no_file', message: 'No data file is open.' });
    return { db: this.current.db, path: this.current.path, user: this.user, now: this.now };
  }
}
