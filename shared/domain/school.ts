import type { SchoolRow } from '../api/contract';
import { parseDfe } from './dfe';
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

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function wholeNumber(text: string): number | null | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'bad';
}

/** The rules a school record must meet, shared by the form, the API and the importer. */
export function checkSchool(
  draft: SchoolDraft,
): { ok: true; fields: SchoolFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const dfe = parseDfe(draft.dfe);
  if (!dfe) errors.dfe = `DfE number "${draft.dfe.trim()}" is not a valid DfE number (like 860/2001)`;
  const urn = wholeNumber(draft.urn);
  if (urn === 'bad') errors.urn = 'URN must be a whole number';
  if (draft.name.trim() === '') errors.name = 'School name is required';
  const phase = matchListed(PHASES, draft.phase);
  if (!phase)
    errors.phase = draft.phase.trim() === '' ? 'Phase is required' : `"${draft.phase}" is not a phase`;
  const type = draft.type.trim() === '' ? null : matchListed(SCHOOL_TYPES, draft.type);
  if (draft.type.trim() !== '' && !type) errors.type = `"${draft.type}" is not a school type`;
  if (draft.districtId === null) errors.districtId = 'District is required';
  const roll = wholeNumber(draft.numberOnRoll);
  if (roll === 'bad') errors.numberOnRoll = 'Number on roll must be a whole number';

  if (Object.keys(errors).length > 0 || !dfe || !phase || urn === 'bad' || roll === 'bad') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
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
      postcode: blankToNull(draft.postcode),
    },
  };
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
