import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { openDatabase, type Db } from '../data/database';
import type { Ctx } from './context';
import { fillDemoAuthority } from './demo';
import { appHome, readSettings, rememberRecent } from './settings';

/** The one open data file of a running app, and the facts every handler needs about its host. */
export class Session {
  private current: { db: Db; path: string } | null = null;
  readonly user: string;

  constructor(
    readonly resourcesDir: string,
    readonly now: () => Date = () => new Date(),
  ) {
    this.user = process.env.SID_USER ?? userInfo().username;
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
    if (options.demo) fillDemoAuthority(this.ctx());
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
