import { londonDate } from '../../shared/domain/format';
import { type Db, writeMark } from '../data/database';
import type { Ctx } from './context';

/**
 * A read of the whole file, such as the schools list with every school's concern duties, answered
 * again from its last answer until the file's write mark moves (anything written, by this app or
 * another process or computer) or the day in London changes (what is due depends on the date). The
 * list is asked for on every visit to it, and the file changes far less often than that.
 *
 * The answer is shared between callers: they must not change it.
 */
export function untilWritten<T>(read: (ctx: Ctx, today: string) => T): (ctx: Ctx) => T {
  const kept = new WeakMap<Db, { mark: string; value: T }>();
  return (ctx) => {
    const today = londonDate(ctx.now());
    // Inside a transaction the read may see writes that are then rolled back: never kept.
    if (ctx.db.inTransaction) return read(ctx, today);
    const mark = `${writeMark(ctx.db)} ${today}`;
    const last = kept.get(ctx.db);
    if (last?.mark === mark) return last.value;
    const value = read(ctx, today);
    kept.set(ctx.db, { mark, value });
    return value;
  };
}
