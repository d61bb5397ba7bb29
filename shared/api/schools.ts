import { z } from 'zod';
import { schoolDraftShape } from '../domain/school';
import { id, nothing, op, saveOf } from './common';
import { auditEntry } from './records';

export const schoolRow = z.object({
  id,
  dfe: z.string(),
  urn: z.number().nullable(),
  name: z.string(),
  type: z.string().nullable(),
  phase: z.string(),
  districtId: id,
  district: z.string(),
  doubleDistrictId: id,
  doubleDistrict: z.string(),
  diocese: z.string().nullable(),
  numberOnRoll: z.number().nullable(),
  headteacher: z.string().nullable(),
  chairOfGovernors: z.string().nullable(),
  sipId: id.nullable(),
  sip: z.string().nullable(),
  postcode: z.string().nullable(),
  closedOn: z.string().nullable(),
  category: z.number().nullable(),
  supportLevel: z.enum(['low', 'medium', 'high']).nullable(),
});
export type SchoolRow = z.infer<typeof schoolRow>;

export const schoolsOps = {
  'schools.list': op(nothing, z.array(schoolRow)),
  'schools.get': op(z.object({ id }).strict(), z.object({ school: schoolRow, history: z.array(auditEntry) })),
  'schools.save': op(saveOf(schoolDraftShape), schoolRow),
  'schools.setClosed': op(z.object({ id, closed: z.boolean() }).strict(), schoolRow),
};
