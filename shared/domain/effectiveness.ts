/**
 * The Welsh School Effectiveness Framework (seed 001, DOMAIN §6): six elements, each divided into
 * three or four aspects. It grades nothing: a school and its LA write a School Effectiveness Profile.
 * The seed names the elements but not their aspects, so an aspect is named by whoever writes the
 * profile; a section with no aspect speaks for the element as a whole.
 */
export const WELSH_ELEMENTS = [
  { code: 'leadership', label: 'Leadership' },
  { code: 'curriculum-teaching', label: 'Curriculum and teaching' },
  { code: 'working-with-others', label: 'Working with others' },
  { code: 'networks', label: 'Networks of professional practice' },
  { code: 'intervention-support', label: 'Intervention and support' },
  { code: 'improvement-accountability', label: 'Improvement and accountability' },
] as const;

export const ELEMENT_CODES = WELSH_ELEMENTS.map((e) => e.code) as unknown as readonly [
  (typeof WELSH_ELEMENTS)[number]['code'],
  ...Array<(typeof WELSH_ELEMENTS)[number]['code']>,
];
export type ElementCode = (typeof WELSH_ELEMENTS)[number]['code'];

export const elementLabel = (code: string): string =>
  WELSH_ELEMENTS.find((e) => e.code === code)?.label ?? code;

/** Why a school asks for the profile instead of grades: said wherever Welsh grading is tried. */
export const WELSH_GRADES_REFUSED =
  'The Welsh School Effectiveness Framework grades nothing, so it is not a SEF framework: record the school’s School Effectiveness Profile (a narrative, themes for improvement, key strengths and barriers for each element) instead';
