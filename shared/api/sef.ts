import { z } from 'zod';
import { grade, isoDate } from '../domain/fields';
import { byId, deleted, download, fieldChange, id, nothing, op, saveOf, upload } from './common';
import { problems } from './errors';

export const framework = z.object({
  code: z.string(),
  name: z.string(),
  judgements: z.array(z.object({ code: z.string(), label: z.string(), optional: z.boolean() })),
});
export const sefDraft = z
  .object({
    schoolId: id,
    sefOn: isoDate,
    validated: z.boolean(),
    grades: z.record(z.string().max(40), grade),
  })
  .strict();
export type SefDraft = z.infer<typeof sefDraft>;
export const sefRow = sefDraft.extend({ id, framework: z.string() });
export type SefRow = z.infer<typeof sefRow>;
export const sefLabels = { sefOn: 'SEF date', validated: 'Validated by SIP', grades: 'Grades' };

export const sefGridPreview = z.object({
  problems,
  warnings: problems,
  doubleDistrict: z.string(),
  term: z.string(),
  newEntries: z.array(z.object({ dfe: z.string(), name: z.string(), sefOn: isoDate })),
  changed: z.array(
    z.object({ dfe: z.string(), name: z.string(), sefOn: isoDate, changes: z.array(fieldChange) }),
  ),
  unchangedCount: z.number(),
});
export type SefGridPreview = z.infer<typeof sefGridPreview>;

export const sefOps = {
  'sef.frameworks': op(nothing, z.object({ active: z.string(), frameworks: z.array(framework) })),
  'sef.setFramework': op(z.object({ code: z.string().max(40) }).strict(), z.string()),
  'sef.save': op(saveOf(sefDraft), sefRow),
  'sef.delete': op(byId, deleted),

  'sefGrid.preview': op(upload, sefGridPreview),
  'sefGrid.apply': op(upload, sefGridPreview),
  'sefGrid.export': op(
    z
      .object({
        doubleDistrictId: id.nullable(),
        term: z
          .string()
          .regex(/^(Autumn|Spring|Summer) \d{4}$/, { message: 'Choose a term, like Autumn 2008' }),
      })
      .strict(),
    download,
  ),
};
