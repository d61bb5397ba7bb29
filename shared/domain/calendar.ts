/**
 * The school calendar. Dates are ISO `yyyy-mm-dd` strings throughout: they compare as text and carry
 * no time zone, which is what a term date is.
 */
export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERMS)[number];

export interface TermDates {
  /** The academic year by its first calendar year: 2008 is 2008/09. */
  academicYear: number;
  term: TermName;
  startsOn: string;
  /** The first day back after the half-term holiday. */
  secondHalfOn: string;
  endsOn: string;
}

export interface TermRef {
  academicYear: number;
  term: TermName;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};
/** Calendar days from one date to another; negative when the second comes first. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The first given weekday (0 Sunday … 6 Saturday) on or after a date. */
function onOrAfter(date: Date, weekday: number): Date {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() + ((weekday - d.getUTCDay() + 7) % 7));
  return d;
}
function onOrBefore(date: Date, weekday: number): Date {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
  return d;
}

/** Easter Sunday (the Gregorian computus), which sets the end of the spring term. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utc(year, month, day));
}

/**
 * Typical English term dates, for a year the LA has not set its own: autumn from the first weekday
 * of September to the Friday before Christmas; spring from the first Monday after New Year to the
 * Friday a week before Good Friday; summer from the Monday a fortnight after that to the Friday before 24 July.
 */
export function defaultTermDates(academicYear: number): TermDates[] {
  const y = academicYear;
  const monday = 1;
  const friday = 5;
  const autumnStart = onOrAfter(utc(y, 9, 1), monday);
  const autumnEnd = onOrBefore(utc(y, 12, 21), friday);
  const autumnHalf = onOrAfter(utc(y, 10, 31), monday);
  const springStart = onOrAfter(utc(y + 1, 1, 3), monday);
  const goodFriday = addDays(easterSunday(y + 1), -2);
  const springEnd = addDays(goodFriday, -7);
  const springHalf = onOrAfter(utc(y + 1, 2, 19), monday);
  const summerStart = addDays(springEnd, 17);
  const summerHalf = addDaysDate(lastMonday(y + 1, 5), 7);
  const summerEnd = onOrBefore(utc(y + 1, 7, 23), friday);
  return [
    {
      academicYear: y,
      term: 'autumn',
      startsOn: iso(autumnStart),
      secondHalfOn: iso(autumnHalf),
      endsOn: iso(autumnEnd),
    },
    {
      academicYear: y,
      term: 'spring',
      startsOn: iso(springStart),
      secondHalfOn: iso(springHalf),
      endsOn: springEnd,
    },
    {
      academicYear: y,
      term: 'summer',
      startsOn: summerStart,
      secondHalfOn: iso(summerHalf),
      endsOn: iso(summerEnd),
    },
  ];
}
function addDaysDate(date: Date, days: number): Date {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
function lastMonday(year: number, month: number): Date {
  return onOrBefore(utc(year, month + 1, 0), 1);
}

/** The academic year a date belongs to: September starts a new one. */
export function academicYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** `2008/09`: the financial year (April–March) a date falls in. */
export function financialYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A financial year's first and last days: 2026/27 runs from 01/04/2026 to 31/03/2027. */
export function financialYearSpan(financialYear: string): { from: string; to: string } {
  const start = Number(financialYear.slice(0, 4));
  return { from: `${start}-04-01`, to: addDays(`${start + 1}-04-01`, -1) };
}

export const academicYearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

/** "Autumn 2008", "Spring 2009": how the LA names a term (by the calendar year it falls in). */
export function termLabel(ref: TermRef): string {
  const year = ref.term === 'autumn' ? ref.academicYear : ref.academicYear + 1;
  return `${ref.term[0]!.toUpperCase()}${ref.term.slice(1)} ${year}`;
}

export function parseTermLabel(text: string): TermRef | null {
  const match = /^\s*(autumn|spring|summer)\s+(\d{4})\s*$/i.exec(text);
  if (!match) return null;
  const term = match[1]!.toLowerCase() as TermName;
  const year = Number(match[2]);
  return { term, academicYear: term === 'autumn' ? year : year - 1 };
}

export function shiftTerm(ref: TermRef, n: number): TermRef {
  const index = ref.academicYear * 3 + TERMS.indexOf(ref.term) + n;
  return { academicYear: Math.floor(index / 3), term: TERMS[((index % 3) + 3) % 3]! };
}

/** Term dates as the LA set them, falling back to the defaults for years it has not. */
export type Calendar = (academicYear: number) => TermDates[];
export function calendarFrom(custom: readonly TermDates[]): Calendar {
  // Each year's terms are worked out once: a timeline asks for the same few years for every visit.
  const years = new Map<number, TermDates[]>();
  return (year) => {
    let terms = years.get(year);
    if (!terms) {
      terms = defaultTermDates(year).map(
        (d) => custom.find((c) => c.academicYear === year && c.term === d.term) ?? d,
      );
      years.set(year, terms);
    }
    return terms;
  };
}

/**
 * The term a date is in. A date in a holiday counts towards the term that follows it, since a visit in
 * the summer holiday prepares the autumn's work.
 */
export function termOf(date: string, calendar: Calendar = defaultTermDates): TermDates {
  const year = academicYearOf(date);
  const terms = [...calendar(year - 1), ...calendar(year), ...calendar(year + 1)];
  const found = terms.find((t) => date <= t.endsOn);
  if (!found) throw new Error(`No term found for ${date}`);
  return found;
}

/**
 * The date N terms after (or before) a date, at the same distance into its term, kept within that
 * term: "two terms of intervention" from 15 October ends in mid-May.
 */
export function addTerms(date: string, n: number, calendar: Calendar = defaultTermDates): string {
  const from = termOf(date, calendar);
  const offset = Math.max(0, daysBetween(from.startsOn, date));
  const ref = shiftTerm(from, n);
  const to = calendar(ref.academicYear).find((t) => t.term === ref.term)!;
  const landed = addDays(to.startsOn, offset);
  return landed > to.endsOn ? to.endsOn : landed;
}
