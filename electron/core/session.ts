import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { backedUpToday, backUpDatabase, sweepPartials } from '../data/backups';
import { openDatabase, type Db } from '../data/database';
import type { Ctx } from './context';
import { londonDate } from '../../shared/domain/format';
import { fillDemoAuthority } from '../data/demo';
import { fillDemoPapers } from './demo-papers';
import { acquireLock, describeHolder, holderOf } from './lock';
import { accountName, appHome, readSettings, rememberRecent, setDisplayName } from './settings';

interface OpenFile {
  db: Db;
  path: string;
  /** Null when open read-only: the file is someone else's to change. */
  lock: { release(): void } | null;
  /** Who holds it, in words, when open read-only because someone does. */
  heldBy: string | null;
}

/** The one open data file of a running app, and the facts every handler needs about its host. */
export class Session {
  private current: OpenFile | null = null;

  constructor(
    readonly resourcesDir: string,
    readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Who the record of changes names: `SID_USER` (for scripts), else the name the person set for
   * themselves, else their account's full name, else its login name.
   */
  get user(): string {
    // Worked out once, not on every call: it reads the settings file and the account database.
    return process.env.SID_USER ?? (this.ownName ??= readSettings().displayName ?? accountName());
  }
  private ownName: string | undefined;

  /** The name this person wants the record of changes to show (null: their account's). */
  setDisplayName(name: string | null) {
    setDisplayName(name);
    this.ownName = undefined;
    return this.state();
  }

  template(name: string): string {
    return join(this.resourcesDir, 'templates', name);
  }

  state() {
    const file = this.current;
    return {
      file: file
        ? { path: file.path, name: basename(file.path), readOnly: file.lock === null, heldBy: file.heldBy }
        : null,
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

  /**
   * Opens a file to work in. Opening to change it takes its lock, or is refused naming whoever holds
   * it; `readOnly` opens it to read beside them. The first open of each day backs the file up.
   */
  async open(path: string, options: { create: boolean; demo?: boolean; readOnly?: boolean | undefined }) {
    const full = this.resolvePath(path);
    const reopening = this.current?.path === full && this.current.lock !== null;
    const readOnly = options.readOnly === true && !options.create;
    const lock = readOnly || reopening ? null : acquireLock(full, this.user, this.now());
    let db: Db;
    try {
      db = await openDatabase(full, { create: options.create, readOnly, now: this.now });
      if (!readOnly) sweepPartials(full);
      if (!options.create && !readOnly && !backedUpToday(full, this.now()))
        await backUpDatabase(db, full, 'daily', this.now());
    } catch (error) {
      lock?.release();
      throw error;
    }
    const keptLock = reopening ? this.current!.lock : null;
    if (keptLock) this.current!.db.close();
    else this.close();
    const holder = readOnly ? holderOf(full) : null;
    this.current = {
      db,
      path: full,
      lock: readOnly ? null : (lock ?? keptLock),
      heldBy: holder ? describeHolder(holder, this.now()) : null,
    };
    if (options.demo) {
      fillDemoAuthority(db, londonDate(this.now()));
      // The packs are made by the core from the filled file: the data layer cannot reach the core.
      await fillDemoPapers(this);
    }
    rememberRecent(full);
    return this.state();
  }

  close() {
    this.current?.db.close();
    this.current?.lock?.release();
    this.current = null;
    return this.state();
  }

  /**
   * Closes the file for work that replaces it whole (a restore), and opens it again afterwards,
   * keeping the lock throughout so nobody else can open it in between.
   */
  async replaceFile<T>(work: (path: string) => Promise<T>): Promise<T> {
    const file = this.current;
    if (!file) throw new ApiError({ code: 'no_file', message: 'No data file is open.' });
    file.db.close();
    try {
      return await work(file.path);
    } finally {
      file.db = await openDatabase(file.path, { create: false, now: this.now });
    }
  }

  ctx(): Ctx {
    if (!this.current) throw new ApiError({ code: 'no_file', message: 'No data file is open.' });
    return {
      db: this.current.db,
      path: this.current.path,
      user: this.user,
      now: this.now,
      readOnly: this.current.lock === null,
    };
  }
}
