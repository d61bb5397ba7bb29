import { z } from 'zod';
import { nothing, op, path } from './common';
import { fileState } from './app';

const backup = z.object({
  path: z.string(),
  name: z.string(),
  /** Why it was taken: `daily`, `before-import`… (see shared/domain/backups.ts for the words). */
  reason: z.string(),
  /** When, as an ISO instant. */
  takenAt: z.string(),
  size: z.number(),
});
export type Backup = z.infer<typeof backup>;

export const backupsOps = {
  'backups.list': op(nothing, z.object({ folder: z.string(), backups: z.array(backup) })),
  /** Backs the open file up now; answers with the new backup, so the user can be told where it went. */
  'backups.create': op(nothing, backup),
  /**
   * Puts the open file back as a backup holds it, after backing up the file as it is now (answered
   * as `safetyCopy`, so that too can be undone).
   */
  'backups.restore': op(z.object({ path }).strict(), z.object({ safetyCopy: backup, state: fileState })),
};
