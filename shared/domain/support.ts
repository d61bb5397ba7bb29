import { academicYearLabel } from './calendar';
import { elementLabel } from './effectiveness';
import { formatDate } from './format';
import { areaLabel } from './partnerships';
import { ENGLISH_SEF, GRADE_NAMES } from './sef';

/**
 * Who can help a school (DOMAIN §13, seed 001's key strengths register): schools with a validated
 * strength in an area the school is weak in, nearest first, never one that itself needs help, and
 * not one already supporting as many schools as the LA allows.
 */

/** What the suggestion rules need to know about each school. */
export interface Standing {
  schoolId: number;
  name: string;
  districtId: number;
  doubleDistrictId: number;
  closed: boolean;
  /** The LA's latest confirmed category. */
  category: number | null;
  ofstedCategory: 'Notice to Improve' | 'Special Measures' | null;
  causingConcern: boolean;
  /** Partnerships the school is a member of today. */
  partnershipIds: readonly number[];
  /** Brokered support it is giving today. */
  supporting: number;
}

export interface StrengthEntry {
  id: number;
  schoolId: number;
  area: string;
  aspect: string;
  evidence: string;
  validatedBy: string | null;
  validatedOn: string | null;
  contact: string;
}

export interface WeakArea {
  area: string;
  label: string;
  because: string;
}

/** Concern factors (DOMAIN §8) that name an area another school could be strong in. */
export const CONCERN_FACTOR_AREAS: Readonly<Record<string, string>> = {
  'Validated SEF grade 4 overall': 'sef:overall',
  'Low attainment overall or for groups': 'sef:achievement',
  'Low achievement or inadequate progress (value added)': 'sef:achievement',
  'Significant weaknesses in teaching and learning': 'sef:teaching',
  'Significant weaknesses in leadership and management': 'sef:leadership',
  'Significant weaknesses in the curriculum': 'sef:curriculum',
  'Significant weaknesses in care and guidance': 'sef:care',
  'Limited capacity to improve': 'sef:capacity',
};

/**
 * Where a school is weak: its lowest judgements on its latest SEF when they are satisfactory or
 * worse, the factors of its open concern, and the elements its latest School Effectiveness Profile
 * names themes for improvement in.
 */
export function weakAreas(school: {
  sef: { sefOn: string; grades: Readonly<Record<string, number>> } | null;
  concernFactors: readonly string[];
  themes: { academicYear: number; elements: readonly string[] } | null;
}): WeakArea[] {
  const found = new Map<string, WeakArea>();
  const add = (area: string, because: string) => {
    const held = found.get(area);
    if (held) held.because += `; ${because}`;
    else found.set(area, { area, label: areaLabel(area), because });
  };
  const order = (code: string) => ENGLISH_SEF.judgements.findIndex((j) => j.code === code);
  const grades = Object.entries(school.sef?.grades ?? {}).sort(([a], [b]) => order(a) - order(b));
  const worst = Math.max(0, ...grades.map(([, g]) => g));
  if (school.sef && worst >= 3)
    for (const [code, grade] of grades.filter(([, g]) => g === worst))
      add(
        `sef:${code}`,
        `graded ${grade} (${GRADE_NAMES[grade]!.toLowerCase()}) on the SEF of ${formatDate(school.sef.sefOn)}`,
      );
  for (const factor of school.concernFactors) {
    const area = CONCERN_FACTOR_AREAS[factor];
    if (area) add(area, `a factor of its concern: ${factor.toLowerCase()}`);
  }
  for (const element of school.themes?.elements ?? [])
    add(
      `element:${element}`,
      `a theme for improvement in ${elementLabel(element)} in its ${academicYearLabel(school.themes!.academicYear)} profile`,
    );
  return [...found.values()];
}

export const NEARNESS = ['same district', 'same double district', 'same partnership', 'elsewhere'] as const;
export type Nearness = (typeof NEARNESS)[number];

export function nearness(a: Standing, b: Standing): Nearness {
  if (a.districtId === b.districtId) return 'same district';
  if (a.doubleDistrictId === b.doubleDistrictId) return 'same double district';
  if (a.partnershipIds.some((id) => b.partnershipIds.includes(id))) return 'same partnership';
  return 'elsewhere';
}

/** Why a school with the right strength is not suggested, or null when it may be. */
export function whyNotSuggested(s: Standing, limit: number): string | null {
  if (s.category === 3 || s.category === 4) return `is itself in category ${s.category}`;
  if (s.ofstedCategory === 'Special Measures') return 'is itself in Special Measures';
  if (s.ofstedCategory === 'Notice to Improve') return 'itself has a Notice to Improve';
  if (s.causingConcern) return 'is itself causing concern';
  if (s.supporting >= limit)
    return `already supports ${s.supporting} ${s.supporting === 1 ? 'school' : 'schools'} (the limit is ${limit})`;
  return null;
}

export interface Suggestion {
  schoolId: number;
  name: string;
  nearness: Nearness;
  supporting: number;
  strengths: StrengthEntry[];
}

export interface Suggestions {
  suggestions: Suggestion[];
  excluded: Array<{ schoolId: number; name: string; reason: string }>;
}

/** Schools with a validated strength in one of `areas`, nearest first, those that may not help set aside. */
export function suggestSupport(input: {
  school: Standing;
  areas: readonly string[];
  schools: readonly Standing[];
  strengths: readonly StrengthEntry[];
  limit: number;
}): Suggestions {
  const { school, areas, limit } = input;
  const bySchool = new Map<number, StrengthEntry[]>();
  for (const s of input.strengths)
    if (s.validatedOn !== null && areas.includes(s.area) && s.schoolId !== school.schoolId)
      bySchool.set(s.schoolId, [...(bySchool.get(s.schoolId) ?? []), s]);
  const suggestions: Suggestion[] = [];
  const excluded: Suggestions['excluded'] = [];
  for (const other of input.schools) {
    const strengths = bySchool.get(other.schoolId);
    if (!strengths || other.closed) continue;
    const reason = whyNotSuggested(other, limit);
    if (reason) excluded.push({ schoolId: other.schoolId, name: other.name, reason });
    else
      suggestions.push({
        schoolId: other.schoolId,
        name: other.name,
        nearness: nearness(school, other),
        supporting: other.supporting,
        strengths: [...strengths].sort((a, b) => areas.indexOf(a.area) - areas.indexOf(b.area)),
      });
  }
  suggestions.sort(
    (a, b) =>
      NEARNESS.indexOf(a.nearness) - NEARNESS.indexOf(b.nearness) ||
      new Set(b.strengths.map((s) => s.area)).size - new Set(a.strengths.map((s) => s.area)).size ||
      a.supporting - b.supporting ||
      a.name.localeCompare(b.name),
  );
  excluded.sort((a, b) => a.name.localeCompare(b.name));
  return { suggestions, excluded };
}
