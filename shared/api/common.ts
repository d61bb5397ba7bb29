import { z } from 'zod';

/** Building blocks shared by every area's operations. */
export const id = z.number().int().positive();
export const path = z.string().trim().min(1).max(4096);

export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
export const nothing = z.object({}).strict();

/** Every save: a new record has no id; a correction names the record it corrects. */
export const saveOf = <D extends z.ZodType>(draft: D) => z.object({ id: id.optional(), draft }).strict();
export const byId = z.object({ id }).strict();

/** A deletion answers with the audit entry that holds what was deleted, so it can be undone. */
export const deleted = z.object({ auditId: id });

export const upload = z
  .object({
    fileName: z.string().max(260),
    // A register workbook is a few hundred KB. Room for a little over 20 MB of file, so the readers
    // themselves refuse one over their 20 MB limit and say so with its size.
    dataBase64: z.string().max(29_000_000),
  })
  .strict();
export const download = z.object({ fileName: z.string(), dataBase64: z.string() });

export const fieldChange = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
