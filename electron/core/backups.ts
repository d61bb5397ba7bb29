import type { backupsOps } from '../../shared/api/backups';
import { ApiError } from '../../shared/api/errors';
import {
  backupsFolder,
  backUpDatabase,
  checkBackup,
  copyBackupInto,
  listBackups,
  pruneBackups,
} from '../data/backups';
import { APPLICATION_ID } from '../data/database';
import type { Ctx, HandlersOf } from './context';

function refuseReadOnly(ctx: Ctx): void {
  if (ctx.readOnly)
    throw new ApiError({
      code: 'read_only',
      message:
        'This file is open read-only: only whoever has it open to change it can back it up or restore it.',
    });
}

export const backupsHandlers: HandlersOf<typeof backupsOps> = {
  'backups.list': (_, s) => {
    const { path } = s.ctx();
    return { folder: backupsFolder(path), backups: listBackups(path) };
  },
  'backups.create': async (_, s) => {
    const ctx = s.ctx();
    refuseReadOnly(ctx);
    return backUpDatabase(ctx.db, ctx.path, 'by-hand', ctx.now());
  },
  'backups.restore': async ({ path }, s) => {
    const ctx = s.ctx();
    refuseReadOnly(ctx);
    checkBackup(path, APPLICATION_ID);
    // The file as it is now is kept first, so a restore can itself be undone; nothing is pruned
    // until the restore is done, since the backup being restored may be among the oldest.
    const safetyCopy = await backUpDatabase(ctx.db, ctx.path, 'before-restore', ctx.now(), { prune: false });
    await s.replaceFile((dataFile) => copyBackupInto(path, dataFile));
    pruneBackups(ctx.path);
    return { safetyCopy, state: s.state() };
  },
};
