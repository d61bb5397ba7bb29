import { z } from 'zod';
import { isoDate, longText, nameText, oneOf } from '../domain/fields';
import {
  checkNotice,
  NOTICE_OUTCOMES,
  PARTNERSHIP_FORMS,
  POWERS,
  WARNING_GROUNDS,
} from '../domain/warning-notices';
import { byId, deleted, id, op, saveOf } from './common';

export const warningNoticeDraft = z
  .object({
    schoolId: id,
    grounds: z
      .array(oneOf(WARNING_GROUNDS))
      .min(1, { message: 'Choose at least one ground' })
      .max(WARNING_GROUNDS.length),
    groundsNotes: longText(),
    /** Advised by the District Intervention/Resource Group. */
    advisedOn: isoDate.nullable(),
    /** Approved by the Head of SID. */
    approvedOn: isoDate.nullable(),
    /** Given by the Corporate Director: the day the school's initial period counts from. */
    givenOn: isoDate.nullable(),
    representationsOn: isoDate.nullable(),
    ofstedDecision: longText(),
    ofstedDecisionOn: isoDate.nullable(),
    /** The date set in the notice by which the school must comply. */
    complianceDueOn: isoDate.nullable(),
    outcome: oneOf(NOTICE_OUTCOMES).nullable(),
    outcomeOn: isoDate.nullable(),
    powers: z.array(oneOf(POWERS)).max(POWERS.length),
    /** The Secretary of State's consent to an interim executive board. */
    iebConsentOn: isoDate.nullable(),
    partnerName: nameText(200),
    partnershipForm: oneOf(PARTNERSHIP_FORMS).nullable(),
    notes: longText(),
  })
  .strict()
  .superRefine((d, ctx) => {
    for (const [field, message] of Object.entries(checkNotice(d)))
      ctx.addIssue({ code: 'custom', path: [field], message });
  });
export type WarningNoticeDraft = z.infer<typeof warningNoticeDraft>;

export const warningNoticeRow = z.object({
  id,
  schoolId: id,
  school: z.string(),
  dfe: z.string(),
  grounds: z.array(z.enum(WARNING_GROUNDS)),
  groundsNotes: z.string(),
  advisedOn: isoDate.nullable(),
  approvedOn: isoDate.nullable(),
  givenOn: isoDate.nullable(),
  /** The end of the school's initial period: the 15th working day after the notice was given. */
  responseDueOn: isoDate.nullable(),
  representationsOn: isoDate.nullable(),
  ofstedDecision: z.string(),
  ofstedDecisionOn: isoDate.nullable(),
  complianceDueOn: isoDate.nullable(),
  outcome: z.enum(NOTICE_OUTCOMES).nullable(),
  outcomeOn: isoDate.nullable(),
  powers: z.array(z.enum(POWERS)),
  iebConsentOn: isoDate.nullable(),
  partnerName: z.string(),
  partnershipForm: z.enum(PARTNERSHIP_FORMS).nullable(),
  notes: z.string(),
});
export type WarningNoticeRow = z.infer<typeof warningNoticeRow>;

export const warningNoticeLabels = {
  grounds: 'Grounds',
  groundsNotes: 'About the grounds',
  advisedOn: 'Advised by the group',
  approvedOn: 'Approved by the Head of SID',
  givenOn: 'Given',
  representationsOn: 'Representations to Ofsted',
  ofstedDecision: "Ofsted's decision",
  ofstedDecisionOn: "Date of Ofsted's decision",
  complianceDueOn: 'Compliance date',
  outcomeOn: 'Outcome date',
  powers: 'Powers used',
  iebConsentOn: "Secretary of State's consent",
  partnerName: 'Partner',
  partnershipForm: 'Form of partnership',
};

export const warningNoticesOps = {
  'warningNotices.save': op(saveOf(warningNoticeDraft), warningNoticeRow),
  /** Newest first; for one school, or a double district (null or absent: all). */
  'warningNotices.list': op(
    z.object({ schoolId: id.optional(), doubleDistrictId: id.nullable().optional() }).strict(),
    z.array(warningNoticeRow),
  ),
  'warningNotices.delete': op(byId, deleted),
};
