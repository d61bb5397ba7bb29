import { z } from 'zod';
import { download, fieldChange, nothing, op, upload } from './common';
import { problems } from './errors';

const registerPreview = z.object({
  problems,
  newSchools: z.array(z.object({ dfe: z.string(), name: z.string(), district: z.string() })),
  changedSchools: z.array(z.object({ dfe: z.string(), name: z.string(), changes: z.array(fieldChange) })),
  unchangedCount: z.number(),
  districtChanges: z.array(
    z.object({ district: z.string(), doubleDistrict: z.string(), before: z.string().nullable() }),
  ),
  newDoubleDistricts: z.array(z.string()),
  newSips: z.array(z.string()),
});
export type RegisterPreview = z.infer<typeof registerPreview>;

export const registerOps = {
  'register.preview': op(upload, registerPreview),
  'register.apply': op(upload, registerPreview),
  'register.export': op(nothing, download),
};
