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

/** The schools list's row: the school with its open concern's stage and the duties not being kept. */
export const schoolListRow = schoolRow.extend({
  /** 1–3 while the school causes concern; null when it has no open concern. */
  concernStage: z.number().int().nullable(),
  /** How many of that stage's duties are not being kept today (0 with no open concern). */
  dutiesMissing: z.number().int(),
  /** Ofsted's category from its latest judgement (a monitoring inspection never sets one); null for none. */
  ofstedCategory: z.enum(['Notice to Improve', 'Special Measures']).nullable(),
  /** Whether a SIP has visited this term, as the Monitoring page counts it. */
  sipVisitedThisTerm: z.boolean(),
});
export type SchoolListRow = z.infer<typeof schoolListRow>;

export const schoolsOps = {
  'schools.list': op(nothing, z.array(schoolListRow)),
  'schools.get': op(z.object({ id }).strict(), z.object({ school: schoolRow, history: z.array(auditEntry) })),
  'schools.save': op(saveOf(schoolDraftShape), schoolRow),
  'schools.setClosed': op(z.object({ id, closed: z.boolean() }).strict(), schoolRow),
};
