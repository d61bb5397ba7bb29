import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDfe } from '../../shared/domain/dfe';
import { shorten } from '../../shared/domain/fields';
import { matchListed, PHASES, SCHOOL_TYPES } from '../../shared/domain/organisation';
import {
  checkSchool,
  SCHOOL_LABELS,
  schoolDraftRules,
  schoolFieldsRules,
  type FieldErrors,
  type SchoolDraft,
  type SchoolFields,
} from '../../shared/domain/school';
import { goodSchoolDraft as good } from './school-draft';

/**
 * checkSchool as it was when it checked the whole record twice: the draft's rules, then every stored
 * rule on what it read. It now checks again only the two numbers, reasoning that the draft's rules
 * imply the rest; this keeps that reasoning honest against the form, API and import's old answers.
 */
function checkTwice(draft: SchoolDraft): ReturnType<typeof checkSchool> {
  const storedRulesButIds = z.object(schoolFieldsRules.omit({ districtId: true, sipId: true }).shape);
  const noteIssues = (error: z.ZodError, errors: FieldErrors) => {
    for (const issue of error.issues) {
      const field = issue.path[0] as keyof SchoolDraft;
      errors[field] ??=
        issue.message === 'This is required'
          ? `${SCHOOL_LABELS[field]} is required`
          : `${SCHOOL_LABELS[field]}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    }
    return errors;
  };
  const whole = (text: string): number | null | 'bad' =>
    text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : 'bad';
  const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

  const errors: FieldErrors = {};
  const shaped = schoolDraftRules.safeParse(draft);
  if (!shaped.success) noteIssues(shaped.error, errors);
  const dfe = parseDfe(draft.dfe);
  if (!dfe) errors.dfe ??= `DfE number "${shorten(draft.dfe)}" is not a valid DfE number (like 860/2001)`;
  const urn = whole(draft.urn);
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
  const roll = whole(draft.numberOnRoll);
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
  const checked = storedRulesButIds.safeParse(fields);
  if (!checked.success) return { ok: false, errors: noteIssues(checked.error, errors) };
  return { ok: true, fields };
}

const names = [
  'Dr Joanne Hollins',
  '',
  '  ',
  ' nan ',
  '#N/A',
  'TRUE',
  '12345',
  'Éamonn Ó Sé',
  ` ${'a'.repeat(100)} `,
  'a'.repeat(100),
  'a'.repeat(101),
];

/** Values staff type, or a spreadsheet leaves, that sit at or over an edge of some rule. */
const awkward: { [F in keyof SchoolDraft]: Array<SchoolDraft[F]> } = {
  dfe: ['860/2001', '8602001', ' 860 / 2001 ', '86O/2001', '', '860/20011', '8'.repeat(21)],
  urn: ['', '124004', ' 124004 ', '9999999', '10000000', '9'.repeat(20), '9'.repeat(21), '12.5', '-5', '0'],
  name: [
    'Stafford Nursery School',
    ' ',
    'null',
    '2024',
    'a'.repeat(120),
    ` ${'a'.repeat(119)} `,
    ` ${'a'.repeat(120)}`,
    'Ysgol Gymraeg Ŵyr',
  ],
  type: ['', 'community', ' Voluntary aided ', 'Academy', 'x'.repeat(61)],
  phase: ['Primary', ' nursery ', '', 'Tertiary', 'p'.repeat(61)],
  districtId: [1, null],
  diocese: names,
  numberOnRoll: ['', '67', ' 5000 ', '5001', '6.5', '-1', '9'.repeat(20), '0'],
  headteacher: names,
  chairOfGovernors: names,
  sipId: [null, 3],
  postcode: [
    '',
    'ST16 8JJ',
    ' st16 8jj ',
    'ST168JJ',
    'ST16  8JJ',
    'st16 8jj ',
    'ſT16 8JJ',
    'ß',
    'XYZ',
    'ST16 8JJX',
  ],
};

const fields = Object.keys(awkward) as Array<keyof SchoolDraft>;

/** A fixed sequence of choices (a small linear congruential generator), so a failure repeats. */
function chooser(seed: number) {
  let state = seed;
  return <T>(list: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return list[state % list.length]!;
  };
}

describe('the school check', () => {
  it('answers as the whole-record check did, one awkward field at a time', () => {
    const accepted = new Set<boolean>();
    for (const field of fields)
      for (const value of awkward[field]) {
        const draft = { ...good, [field]: value };
        const checked = checkSchool(draft);
        expect(checked, `${field}: ${JSON.stringify(value)}`).toEqual(checkTwice(draft));
        accepted.add(checked.ok);
      }
    expect([...accepted].sort()).toEqual([false, true]);
  });

  it('answers as the whole-record check did on drafts with many awkward fields at once', () => {
    const choose = chooser(2026);
    let refused = 0;
    for (let n = 0; n < 4000; n++) {
      // Each field awkward one time in three, so many drafts pass the draft's rules and meet the stored ones.
      const draft = Object.fromEntries(
        fields.map((f) => [f, choose([1, 2, 3]) === 1 ? choose(awkward[f] as unknown[]) : good[f]]),
      ) as unknown as SchoolDraft;
      const checked = checkSchool(draft);
      expect(checked, JSON.stringify(draft)).toEqual(checkTwice(draft));
      if (!checked.ok) refused++;
    }
    // Both answers, refused and accepted, are compared many times over.
    expect(refused).toBeGreaterThan(1000);
    expect(4000 - refused).toBeGreaterThan(500);
  });

  it('still refuses the numbers the stored rules alone refuse, in their words', () => {
    const checked = checkSchool({ ...good, urn: '10000000', numberOnRoll: '5001' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        urn: 'URN: this cannot be more than 9,999,999',
        numberOnRoll: 'Number on roll: this cannot be more than 5,000',
      },
    });
  });
});
