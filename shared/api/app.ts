import { z } from 'zod';
import { requiredName } from '../domain/fields';
import { nothing, op, path } from './common';

export const fileState = z.object({
  file: z
    .object({
      path: z.string(),
      name: z.string(),
      /** Open to read only: every change is refused. */
      readOnly: z.boolean(),
      /** Who has it open to change it, in words ("Pat Jones on LA-PC-042 since 09:14"), if anyone. */
      heldBy: z.string().nullable(),
    })
    .nullable(),
  recent: z.array(z.string()),
  dataDir: z.string(),
  /** Who the record of changes names: SID_USER, else the name the user set, else the account's name. */
  user: z.string(),
  displayName: z.string().nullable(),
});
export type FileState = z.infer<typeof fileState>;

export const appOps = {
  'app.state': op(nothing, fileState),
  'app.create': op(z.object({ path, demo: z.boolean() }).strict(), fileState),
  /** A file someone else holds is refused (`held`, naming them) unless opened `readOnly`. */
  'app.open': op(z.object({ path, readOnly: z.boolean().optional() }).strict(), fileState),
  'app.close': op(nothing, fileState),
  'app.setDisplayName': op(z.object({ name: requiredName(80).nullable() }).strict(), fileState),
};
