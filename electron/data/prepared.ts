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
  return kept(cache, db, sql, (s) => s);
}

const rawCache = new WeakMap<Db, Map<string, Statement>>();

/**
 * As `prepared`, for a statement whose rows come as arrays of their columns (`raw`), kept apart so no
 * other caller's rows change. For a long list read into objects of one shape: better-sqlite3 builds
 * each row's object key by key, which costs more than the query itself for 650 schools.
 */
export function preparedRaw(db: Db, sql: string): Statement {
  return kept(rawCache, db, sql, (s) => s.raw());
}

function kept(
  caches: WeakMap<Db, Map<string, Statement>>,
  db: Db,
  sql: string,
  make: (statement: Statement) => Statement,
): Statement {
  let statements = caches.get(db);
  if (!statements) caches.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = make(db.prepare(sql))));
  return statement;
}
