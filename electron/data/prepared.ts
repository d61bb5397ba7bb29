import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for some SQL on this file, prepared the first time and kept for the file's life:
 * preparing costs more than running a small query, and an import runs the same few hundreds of
 * times. Kept per connection (a statement belongs to one), and let go with it. Not for a statement
 * that is iterated (a cached one would be busy if used again inside the loop) or changed by
 * `pluck`/`raw` (every other caller would get its rows changed too).
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
