import { createHash } from 'node:crypto';
import { ApiError, type Problem } from '../../shared/api/errors';
import type { BackupReason } from '../../shared/domain/backups';
import { backUpDatabase } from '../data/backups';
import { writeMark } from '../data/database';
import { problemCount } from '../workbooks/problems';
import type { Ctx } from './context';

/** An import is applied only when its preview found nothing wrong: all of it or none of it. */
export function refuseWithProblems(problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  const count = problemCount(problems);
  throw new ApiError({
    code: 'rejected',
    message: `The ${what} has ${count.toLocaleString('en-GB')} problem${count === 1 ? '' : 's'}; nothing was imported.`,
    problems,
  });
}

/** An import into a file open read-only is refused outright, even one that would change nothing. */
export function refuseReadOnly(ctx: Ctx): void {
  if (ctx.readOnly)
    throw new ApiError({
      code: 'read_only',
      message: 'This file is open read-only, so nothing can be imported.',
    });
}

/** A backup in the Backups folder before an import changes records already held; returns where it went. */
export async function backUpBefore(ctx: Ctx, reason: BackupReason): Promise<string> {
  return (await backUpDatabase(ctx.db, ctx.path, reason, ctx.now())).path;
}

/** Marks what an import's plan was read from, to be checked again when it is applied. */
export const planMark = (ctx: Ctx): string => writeMark(ctx.db);

/**
 * Run inside the apply's write, which holds the file's write lock: if anything was written since the
 * plan was read (another import, a save, another computer), the plan may no longer be true, so it is
 * refused rather than applied over changes it never saw.
 */
export function refuseIfStale(ctx: Ctx, readAt: string): void {
  if (writeMark(ctx.db) !== readAt)
    throw new ApiError({
      code: 'conflict',
      message: 'The file changed since the preview; preview it again.',
    });
}

/**
 * The plans of the workbooks last previewed, one per data file, so applying the very file just
 * previewed writes what the preview showed without reading and checking the workbook again. A plan
 * is taken only while the file's write mark is still the one it was read at; once anything has been
 * written since, the apply plans afresh, as today's file stands.
 */
export class PreviewedPlans<P extends { readAt: string }> {
  private readonly kept = new Map<string, { upload: string; plan: P }>();

  keep(ctx: Ctx, dataBase64: string, plan: P): void {
    this.kept.set(ctx.path, { upload: digest(dataBase64), plan });
  }

  /** The plan previewed from these bytes, if it still holds; it is given out once. */
  take(ctx: Ctx, dataBase64: string): P | null {
    const kept = this.kept.get(ctx.path);
    this.kept.delete(ctx.path);
    if (!kept || kept.upload !== digest(dataBase64) || kept.plan.readAt !== planMark(ctx)) return null;
    return kept.plan;
  }
}

const digest = (dataBase64: string) => createHash('sha256').update(dataBase64).digest('hex');
