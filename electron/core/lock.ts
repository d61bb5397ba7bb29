import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { formatDateTime, londonDate } from '../../shared/domain/format';

/** What `<file>.lock` says about whoever has the data file open to change it. */
const holderSchema = z.object({
  name: z.string(),
  computer: z.string(),
  pid: z.number().int(),
  since: z.string(),
  /** Tells this opener apart from another in the same process (a second window, a test). */
  token: z.string(),
});
export type Holder = z.infer<typeof holderSchema>;

export const lockPathOf = (dataFile: string) => `${dataFile}.lock`;

/** Locks held by this process, released however it ends short of being killed. */
const held = new Map<string, string>();
process.once('exit', () => {
  for (const [path, token] of held) release(path, token);
});

/** "Pat Jones on LA-PC-042 since 09:14" (or since a date, when not today). */
export function describeHolder(holder: Holder, now: Date): string {
  const since = new Date(holder.since);
  const when = formatDateTime(holder.since);
  const time = londonDate(since) === londonDate(now) ? when.slice(-5) : when;
  return `${holder.name} on ${holder.computer} since ${time}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | 'none' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'unreadable';
  }
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch {
    // Half-written by an opener killed mid-write: nobody can be holding it through that.
    return 'unreadable';
  }
}

/**
 * A lock left behind by an app that was killed or crashed. Only on this computer can a process be
 * looked up; a lock from another computer is believed, since that person may well be working.
 */
const stale = (holder: Holder) => holder.computer === hostname() && !alive(holder.pid);

/**
 * A lock file that cannot be read is one being written this instant, or one whose writer was killed
 * before it finished: after a few seconds it is the second.
 */
function abandoned(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 5000;
  } catch {
    return true;
  }
}

/** Who holds the file open to change it, or null when nobody does (or only a stale lock). */
export function holderOf(dataFile: string): Holder | null {
  const holder = readHolder(lockPathOf(dataFile));
  return holder === 'none' || holder === 'unreadable' || stale(holder) ? null : holder;
}

/**
 * Takes the lock on a data file for this opener, or refuses naming who holds it. The file is created
 * exclusively, so of two openers racing for it exactly one wins; a stale lock is taken over.
 */
export function acquireLock(dataFile: string, name: string, now: Date): { release(): void } {
  const path = lockPathOf(dataFile);
  const mine: Holder = {
    name,
    computer: hostname(),
    pid: process.pid,
    since: now.toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(mine, null, 2), { flag: 'wx', mode: 0o600 });
      held.set(path, mine.token);
      return { release: () => release(path, mine.token) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder === 'unreadable' && !abandoned(path)) break;
    if (holder !== 'none' && holder !== 'unreadable' && !stale(holder))
      throw new ApiError({
        code: 'held',
        message: `This file is open by ${describeHolder(holder, now)}. You can open it read-only, or ask them to close it.`,
      });
    rmSync(path, { force: true });
  }
  throw new ApiError({
    code: 'held',
    message: 'Someone else is opening this file just now. Try again in a moment, or open it read-only.',
  });
}

/** Removes the lock if it is still this opener's: a lock taken over by someone else stays theirs. */
function release(path: string, token: string): void {
  held.delete(path);
  const holder = readHolder(path);
  if (holder !== 'none' && holder !== 'unreadable' && holder.token === token) rmSync(path, { force: true });
}
