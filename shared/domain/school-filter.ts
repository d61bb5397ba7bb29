import { parseDfe } from './dfe';

export interface SchoolFilter {
  search: string;
  doubleDistrictId: number | null;
  districtId: number | null;
  phase: string | null;
  type: string | null;
  /** A category 1–4, or 0 for schools with no confirmed category yet. */
  category: number | null;
  supportLevel: string | null;
  /** A concern stage 1–3, or 0 for schools not causing concern. */
  concernStage: number | null;
  /** Only schools whose concern has duties not being kept. */
  dutiesMissing: boolean;
  /** Ofsted's category ('Notice to Improve', 'Special Measures'), or 'None' for schools in neither. */
  ofstedCategory: string | null;
  /** Only schools no SIP has visited this term. */
  noSipVisit: boolean;
  showClosed: boolean;
}

export const emptyFilter: SchoolFilter = {
  search: '',
  doubleDistrictId: null,
  districtId: null,
  phase: null,
  type: null,
  category: null,
  supportLevel: null,
  concernStage: null,
  dutiesMissing: false,
  ofstedCategory: null,
  noSipVisit: false,
  showClosed: false,
};

interface Filterable {
  dfe: string;
  name: string;
  doubleDistrictId: number;
  districtId: number;
  phase: string;
  type: string | null;
  closedOn: string | null;
  category: number | null;
  supportLevel: string | null;
  concernStage: number | null;
  dutiesMissing: number;
  ofstedCategory: string | null;
  sipVisitedThisTerm: boolean;
}

/**
 * A name as a search compares it: staff type "st marys" for "St Mary's", "st. johns" for "St John's"
 * and "church-of-england" or "church of  england" alike, so case, apostrophes (straight or curly),
 * full stops, hyphens and runs of spaces do not count.
 */
export function searchText(text: string): string {
  return text
    .toLowerCase()
    .replace(/['‘’`ʼ.]/g, '')
    .replace(/[-‐‑–—\s]+/g, ' ')
    .trim();
}

/** The schools list's filter: search by name or DfE number (with or without the slash). */
export function filterSchools<T extends Filterable>(rows: readonly T[], filter: SchoolFilter): T[] {
  const words = searchText(filter.search);
  const dfe = parseDfe(filter.search);
  const digits = filter.search.replace(/\D/g, '');
  return rows.filter(
    (row) =>
      (filter.showClosed || row.closedOn === null) &&
      (filter.doubleDistrictId === null || row.doubleDistrictId === filter.doubleDistrictId) &&
      (filter.districtId === null || row.districtId === filter.districtId) &&
      (filter.phase === null || row.phase === filter.phase) &&
      (filter.type === null || row.type === filter.type) &&
      (filter.category === null || (row.category ?? 0) === filter.category) &&
      (filter.supportLevel === null || row.supportLevel === filter.supportLevel) &&
      (filter.concernStage === null || (row.concernStage ?? 0) === filter.concernStage) &&
      (!filter.dutiesMissing || row.dutiesMissing > 0) &&
      (filter.ofstedCategory === null || (row.ofstedCategory ?? 'None') === filter.ofstedCategory) &&
      (!filter.noSipVisit || !row.sipVisitedThisTerm) &&
      (words === '' ||
        searchText(row.name).includes(words) ||
        (dfe !== null ? row.dfe === dfe : digits.length >= 3 && row.dfe.replace('/', '').includes(digits))),
  );
}

export type SortDirection = 'asc' | 'desc';

/** One collator for every comparison: `localeCompare` with options builds a new one on each call. */
const collator = new Intl.Collator('en-GB', { numeric: true });

export function sortRows<T>(rows: readonly T[], key: keyof T, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return collator.compare(String(x), String(y)) * sign;
  });
}
