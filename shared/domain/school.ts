import { z } from 'zod';
import type { SchoolRow } from '../api/schools';
import { parseDfe } from './dfe';
import { count, nameText, postcode, requiredName, shorten } from './fields';
import { matchListed, PHASES, SCHOOL_TYPES } from './organisation';

/** What a user types into the school form, before it is checked. */
export interface SchoolDraft {
  dfe: string;
  urn: string;
  name: string;
  type: string;
  phase: string;
  districtId: number | null;
  diocese: string;
  numberOnRoll: string;
  headteacher: string;
  chairOfGovernors: string;
  sipId: number | null;
  postcode: string;
}

export interface SchoolFields {
  dfe: string;
  urn: number | null;
  name: string;
  type: string | null;
  phase: string;
  districtId: number;
  diocese: string | null;
  numberOnRoll: number | null;
  headteacher: string | null;
  chairOfGovernors: string | null;
  sipId: number | null;
  postcode: string | null;
}

export type FieldErrors = Partial<Record<keyof SchoolDraft, string>>;

const code = (max: number) => z.string().max(max, { message: `Keep this to ${max} characters or fewer` });
const id = z.number().int().positive();

/**
 * What the API accepts as a school draft: text of sane length in each field. The rules themselves
 * (`schoolDraftRules`, then the numbers and lists) run in `checkSchool`, so one save names every
 * field that needs attention at once.
 */
export const schoolDraftShape = z
  .object({
    dfe: code(20),
    urn: code(20),
    name: code(120),
    type: code(60),
    phase: code(60),
    districtId: id.nullable(),
    diocese: code(100),
    numberOnRoll: code(20),
    headteacher: code(100),
    chairOfGovernors: code(100),
    sipId: id.nullable(),
    postcode: code(8),
  })
  .strict();

/** The shape rules of each typed field; `checkSchool` then reads the numbers and lists. */
export const schoolDraftRules = z
  .object({
    dfe: code(20),
    urn: code(20),
    name: requiredName(120),
    type: code(60),
    phase: code(60),
    districtId: id.nullable(),
    diocese: nameText(100),
    numberOnRoll: code(20),
    headteacher: nameText(100),
    chairOfGovernors: nameText(100),
    sipId: id.nullable(),
    postcode,
  })
  .strict();

export const SCHOOL_LABELS: Record<keyof SchoolDraft, string> = {
  dfe: 'DfE number',
  urn: 'URN',
  name: 'School name',
  type: 'Type',
  phase: 'Phase',
  districtId: 'District',
  diocese: 'Diocese',
  numberOnRoll: 'Number on roll',
  headteacher: 'Headteacher',
  chairOfGovernors: 'Chair of governors',
  sipId: 'SIP',
  postcode: 'Postcode',
};

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function wholeNumber(text: string): number | null | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'bad';
}

/** The checked fields as the data file stores them, under the same rules as the form's draft. */
export const schoolFieldsRules = z
  .object({
    dfe: z.string().regex(/^\d{3}\/\d{4}$/, { message: 'Enter a DfE number like 860/2001' }),
    urn: count(9_999_999).nullable(),
    name: requiredName(120),
    type: z.enum(SCHOOL_TYPES, { message: 'Choose a school type from the list' }).nullable(),
    phase: z.enum(PHASES, { message: 'Choose a phase from the list' }),
    districtId: id,
    diocese: nameText(100).nullable(),
    numberOnRoll: count(5000).nullable(),
    headteacher: nameText(100).nullable(),
    chairOfGovernors: nameText(100).nullable(),
    sipId: id.nullable(),
    postcode: postcode.nullable(),
  })
  .strict();

/** A field's first problem, labelled, in the words the form, the API and the importer show. */
function noteIssue(field: keyof SchoolDraft, message: string, errors: FieldErrors): void {
  errors[field] ??=
    message === 'This is required'
      ? `${SCHOOL_LABELS[field]} is required`
      : `${SCHOOL_LABELS[field]}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/** The numbers read from the draft's digits, each checked by its stored rule. */
const NUMBERS = ['urn', 'numberOnRoll'] as const;

/** The rules a school record must meet, shared by the form, the API and the importer. */
export function checkSchool(
  draft: SchoolDraft,
): { ok: true; fields: SchoolFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const shaped = schoolDraftRules.safeParse(draft);
  if (!shaped.success)
    for (const issue of shaped.error.issues)
      noteIssue(issue.path[0] as keyof SchoolDraft, issue.message, errors);
  const dfe = parseDfe(draft.dfe);
  if (!dfe) errors.dfe ??= `DfE number "${shorten(draft.dfe)}" is not a valid DfE number (like 860/2001)`;
  const urn = wholeNumber(draft.urn);
  if (urn === 'bad') errors.urn ??= 'URN must be a whole number';
  if (draft.name.trim() === '') errors.name ??= 'School name is required';
  const postcodeText = draft.postcode.trim().toUpperCase();
  const phase = matchListed(PHASES, draft.phase);
  if (!phase)
    errors.phase ??=
      draft.phase.trim() === '' ? 'Phase is required' : `"${shorten(draft.phase)}" is not a phase`;
  const type = draft.type.trim() === '' ? null : matchListed(SCHOOL_TYPES, draft.type);
  if (draft.type.trim() !== '' && !type) errors.type ??= `"${shorten(draft.type)}" is not a school type`;
  if (draft.districtId === null) errors.districtId ??= 'District is required';
  const roll = wholeNumber(draft.numberOnRoll);
  if (roll === 'bad') errors.numberOnRoll ??= 'Number on roll must be a whole number';

  if (Object.keys(errors).length > 0 || !dfe || !phase || urn === 'bad' || roll === 'bad') {
    return { ok: false, errors };
  }
  const fields: SchoolFields = {
    dfe,
    urn,
    name: draft.name.trim(),
    type,
    phase,
    districtId: draft.districtId as number,
    diocese: blankToNull(draft.diocese),
    numberOnRoll: roll,
    headteacher: blankToNull(draft.headteacher),
    chairOfGovernors: blankToNull(draft.chairOfGovernors),
    sipId: draft.sipId,
    postcode: postcodeText === '' ? null : postcodeText,
  };
  // The typed text, read, must meet the stored rules too. The draft's rules already hold every text
  // to its stored rule (trimming or upper-casing text that passed breaks no length, letter or postcode
  // rule; a DfE number, type and phase are read into their stored forms), so only the two numbers
  // read from digits can fail one: they alone are checked again, not the whole record a second time,
  // which cost an import of 650 schools about 1.5 ms. tests/unit/school-check.test.ts holds this to
  // the whole-record check on a few thousand awkward drafts.
  for (const field of NUMBERS) {
    const value = fields[field];
    if (value === null) continue;
    const checked = schoolFieldsRules.shape[field].safeParse(value);
    if (!checked.success) noteIssue(field, checked.error.issues[0]!.message, errors);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields };
}

/** A saved school as the form shows it, ready to edit. */
export function draftOf(school: SchoolRow): SchoolDraft {
  return {
    dfe: school.dfe,
    urn: school.urn === null ? '' : String(school.urn),
    name: school.name,
    type: school.type ?? '',
    phase: school.phase,
    districtId: school.districtId,
    diocese: school.diocese ?? '',
    numberOnRoll: school.numberOnRoll === null ? '' : String(school.numberOnRoll),
    headteacher: school.headteacher ?? '',
    chairOfGovernors: school.chairOfGovernors ?? '',
    sipId: school.sipId,
    postcode: school.postcode ?? '',
  };
}

/** A saved school's stored fields, to write it again with one field changed. */
export function fieldsOf(school: SchoolRow): SchoolFields {
  return {
    dfe: school.dfe,
    urn: school.urn,
    name: school.name,
    type: school.type,
    phase: school.phase,
    districtId: school.districtId,
    diocese: school.diocese,
    numberOnRoll: school.numberOnRoll,
    headteacher: school.headteacher,
    chairOfGovernors: school.chairOfGovernors,
    sipId: school.sipId,
    postcode: school.postcode,
  };
}
