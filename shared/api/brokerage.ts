import { z } from 'zod';
import { isoDate, longText, nameText, oneOf, requiredName } from '../domain/fields';
import { AREA_CODES } from '../domain/partnerships';
import { NEARNESS } from '../domain/support';
import { byId, deleted, id, nothing, op, saveOf } from './common';

/**
 * The key strengths register, brokered school-to-school support and the barriers schools raise
 * (seed 001, DOMAIN §13). Operation names share the `partnerships.` prefix: one area for users.
 */
const area = oneOf(AREA_CODES);
const requiredText = (max = 4000) =>
  longText(max).refine((t) => t.trim() !== '', { message: 'This is required' });

export const strengthDraft = z
  .object({
    schoolId: id,
    area,
    /** '' for the whole area; otherwise the aspect it is narrower to. */
    aspect: nameText(120),
    evidence: requiredText(),
    /** Who validated it ('' while not yet validated), and when. */
    validatedBy: nameText(120),
    validatedOn: isoDate.nullable(),
    contact: longText(200),
  })
  .strict()
  .superRefine((d, ctx) => {
    if ((d.validatedBy.trim() === '') !== (d.validatedOn === null))
      ctx.addIssue({
        code: 'custom',
        path: [d.validatedOn === null ? 'validatedOn' : 'validatedBy'],
        message: 'Give both who validated this strength and when, or neither',
      });
  });
export type StrengthDraft = z.infer<typeof strengthDraft>;

const school = {
  schoolId: id,
  dfe: z.string(),
  school: z.string(),
  district: z.string(),
  doubleDistrict: z.string(),
};
export const strengthRow = z.object({
  id,
  ...school,
  area: z.string(),
  areaLabel: z.string(),
  aspect: z.string(),
  evidence: z.string(),
  validatedBy: z.string(),
  validatedOn: isoDate.nullable(),
  contact: z.string(),
});
export type StrengthRow = z.infer<typeof strengthRow>;

export const supportDraft = z
  .object({
    supportingSchoolId: id,
    supportedSchoolId: id,
    area,
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    agreedBy: requiredName(120),
    outcome: longText(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.supportingSchoolId === d.supportedSchoolId)
      ctx.addIssue({
        code: 'custom',
        path: ['supportingSchoolId'],
        message: 'A school cannot be brokered to support itself',
      });
    if (d.endsOn !== null && d.endsOn < d.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Support cannot end before it starts' });
  });
export type SupportDraft = z.infer<typeof supportDraft>;
export const supportRow = supportDraft.extend({
  id,
  supportingSchool: z.string(),
  supportedSchool: z.string(),
  areaLabel: z.string(),
  /** Under way today. */
  active: z.boolean(),
});
export type SupportRow = z.infer<typeof supportRow>;

export const barrierDraft = z
  .object({
    schoolId: id,
    raisedOn: isoDate,
    theme: requiredName(80),
    description: requiredText(),
    /** Seed 001 tells barriers inside the school from issues beyond it the LA may need to address. */
    beyondSchool: z.boolean(),
  })
  .strict();
export type BarrierDraft = z.infer<typeof barrierDraft>;
export const barrierRow = barrierDraft.extend({ id, ...school });

export const responseDraft = z
  .object({ theme: requiredName(80), response: requiredText(), respondedOn: isoDate })
  .strict();
export type ResponseDraft = z.infer<typeof responseDraft>;
export const responseRow = responseDraft.extend({ id });

export const agendaItem = z.object({
  theme: z.string(),
  count: z.number(),
  schools: z.array(z.object({ schoolId: id, dfe: z.string(), name: z.string() })),
  barriers: z.array(barrierRow),
  response: responseRow.nullable(),
});

export const suggestionsResult = z.object({
  schoolId: id,
  limit: z.number(),
  weakAreas: z.array(z.object({ area: z.string(), label: z.string(), because: z.string() })),
  suggestions: z.array(
    z.object({
      schoolId: id,
      dfe: z.string(),
      name: z.string(),
      district: z.string(),
      nearness: z.enum(NEARNESS),
      supporting: z.number(),
      strengths: z.array(strengthRow),
    }),
  ),
  excluded: z.array(z.object({ schoolId: id, name: z.string(), reason: z.string() })),
});

export const brokerageLabels = {
  area: 'Area',
  aspect: 'Aspect',
  evidence: 'Evidence',
  validatedBy: 'Validated by',
  validatedOn: 'Validated on',
  contact: 'Contact',
  supportingSchoolId: 'Supporting school',
  supportedSchoolId: 'Supported school',
  startsOn: 'Starts',
  endsOn: 'Ends',
  agreedBy: 'Agreed by',
  outcome: 'Outcome',
  raisedOn: 'Raised on',
  theme: 'Theme',
  beyondSchool: 'Beyond the school',
  response: 'LA response',
  respondedOn: 'Responded on',
};

const schoolFilter = z.object({ schoolId: id.optional() }).strict();

export const brokerageOps = {
  /** What a school can be strong in: the English SEF judgements and the Welsh elements. */
  'partnerships.areas': op(
    nothing,
    z.array(z.object({ code: z.string(), label: z.string(), framework: z.string() })),
  ),
  /** "Who is strong in teaching and learning in the Tamworth district?" */
  'partnerships.findStrengths': op(
    z
      .object({
        area: area.optional(),
        /** One school's own strengths, for its page. */
        schoolId: id.optional(),
        districtId: id.optional(),
        doubleDistrictId: id.optional(),
        text: z.string().max(200).optional(),
        validatedOnly: z.boolean().optional(),
      })
      .strict(),
    z.array(strengthRow),
  ),
  'partnerships.saveStrength': op(saveOf(strengthDraft), strengthRow),
  'partnerships.deleteStrength': op(byId, deleted),
  /** Who could help this school, in its weak areas or the one asked about. */
  'partnerships.suggestSupport': op(
    z.object({ schoolId: id, area: area.optional() }).strict(),
    suggestionsResult,
  ),
  /** Brokered support: all, or where the school gives or receives it. */
  'partnerships.support': op(schoolFilter, z.array(supportRow)),
  'partnerships.saveSupport': op(saveOf(supportDraft), supportRow),
  'partnerships.deleteSupport': op(byId, deleted),
  'partnerships.barriers': op(schoolFilter, z.array(barrierRow)),
  'partnerships.saveBarrier': op(saveOf(barrierDraft), barrierRow),
  'partnerships.deleteBarrier': op(byId, deleted),
  /** The barriers grouped by theme, most raised first, with the LA's response to each. */
  'partnerships.agenda': op(nothing, z.array(agendaItem)),
  'partnerships.saveResponse': op(saveOf(responseDraft), responseRow),
  'partnerships.settings': op(
    nothing,
    z.object({ supportLimit: z.number(), defaultAllocationPence: z.number() }),
  ),
  'partnerships.setSupportLimit': op(
    z
      .object({
        limit: z
          .number({ message: 'Enter a number' })
          .int({ message: 'Enter a whole number' })
          .min(1, { message: 'At least 1' })
          .max(20, { message: 'At most 20' }),
      })
      .strict(),
    z.object({ supportLimit: z.number(), defaultAllocationPence: z.number() }),
  ),
};
