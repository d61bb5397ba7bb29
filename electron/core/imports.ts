import { ApiError, type Problem } from '../../shared/api/errors';
import { backUp, backupPath } from '../data/database';
import type { Ctx } from './context';

/** An import is applied only when its preview found nothing wrong: all of it or none of it. */
export function refuseWithProblems(problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  throw new ApiError({
    code: 'rejected',
    message: `The ${what} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
    problems,
  });
}

/** A copy of the file beside it before an import changes records already held. */
export function backUpBefore(ctx: Ctx, reason: string): string {
  return backUp(ctx.db, backupPath(ctx.path, reason, ctx.now()));
}
