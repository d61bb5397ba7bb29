/** SEF judgement frameworks (DOMAIN §6): the set of judgements is data, the English SEF the default. */
export interface Framework {
  code: string;
  name: string;
  judgements: ReadonlyArray<{ code: string; label: string; optional: boolean }>;
}

export const ENGLISH_SEF: Framework = {
  code: 'english-sef',
  name: 'Ofsted self-evaluation form (England)',
  judgements: [
    { code: 'overall', label: 'Overall effectiveness', optional: false },
    { code: 'capacity', label: 'Capacity to improve', optional: false },
    { code: 'achievement', label: 'Achievement and standards', optional: false },
    { code: 'personal', label: 'Personal development and well-being', optional: false },
    { code: 'teaching', label: 'Teaching and learning', optional: false },
    { code: 'curriculum', label: 'Curriculum and other activities', optional: false },
    { code: 'care', label: 'Care, guidance and support', optional: false },
    { code: 'leadership', label: 'Leadership and management', optional: false },
    { code: 'eyfs', label: 'EYFS', optional: true },
    { code: 'sixth-form', label: 'Sixth form', optional: true },
  ],
};

/**
 * The English SEF is the one graded framework. The Welsh framework grades nothing: its School
 * Effectiveness Profile is kept in shared/domain/effectiveness.ts (migration 007 moved any Welsh
 * grades once stored here into the profiles' narratives).
 */
export const BUILT_IN_FRAMEWORKS = [ENGLISH_SEF] as const;

const WORDS: Record<string, number> = { outstanding: 1, good: 2, satisfactory: 3, inadequate: 4 };
export const GRADE_NAMES = ['', 'Outstanding', 'Good', 'Satisfactory', 'Inadequate'] as const;

/**
 * A grade as staff type it: 1–4 as a number or as text, or the word. Blank is no grade; anything else
 * is refused with the reason.
 */
export function parseGrade(
  text: string,
): { ok: true; grade: number | null } | { ok: false; message: string } {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, grade: null };
  const word = WORDS[t];
  if (word !== undefined) return { ok: true, grade: word };
  if (/^\d+(\.0+)?$/.test(t)) {
    const n = Number(t);
    if (n >= 1 && n <= 4) return { ok: true, grade: n };
  }
  return { ok: false, message: `"${text.trim()}" is not a grade from 1 (outstanding) to 4 (inadequate)` };
}

/** Y/N as staff type it. */
export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'validated'].includes(t)) return true;
  if (['n', 'no', 'false', '0', ''].includes(t)) return false;
  return null;
}
