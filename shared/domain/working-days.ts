import { addDays, easterSunday } from './calendar';

/**
 * Working days in England and Wales: what a statutory deadline ("within 15 working days") counts.
 * Bank holidays are computed from the rules in force since 1978, when the early May holiday began,
 * plus the one-off changes announced for royal and national occasions. School holidays are working
 * days: the LA's offices are open.
 */

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekdayOf(iso) === 0 || weekdayOf(iso) === 6;
const date = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The first Monday of a month. */
function firstMonday(year: number, month: number): string {
  const first = date(year, month, 1);
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): string {
  const last = addDays(date(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1);
  return addDays(last, -((weekdayOf(last) + 6) % 7));
}

/** The first weekday on or after a date: a holiday falling at a weekend is taken on the Monday. */
function weekdayOnOrAfter(iso: string): string {
  let day = iso;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}

/** The early May holiday moved to VE Day for its 50th and 75th anniversaries. */
const EARLY_MAY_MOVED: Readonly<Record<number, string>> = { 1995: '1995-05-08', 2020: '2020-05-08' };

/** The spring holiday moved into June for each jubilee, with an extra day beside it. */
const SPRING_MOVED: Readonly<Record<number, readonly string[]>> = {
  2002: ['2002-06-03', '2002-06-04'],
  2012: ['2012-06-04', '2012-06-05'],
  2022: ['2022-06-02', '2022-06-03'],
};

/** Days granted once: royal weddings, the millennium, the Queen's state funeral, the coronation. */
const ONE_OFF = ['1981-07-29', '1999-12-31', '2011-04-29', '2022-09-19', '2023-05-08'];

/** Every bank holiday in England and Wales in a year, as published (substitute days included), sorted. */
export function bankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const christmas = weekdayOnOrAfter(date(year, 12, 25));
  const days = [
    weekdayOnOrAfter(date(year, 1, 1)),
    addDays(easter, -2),
    addDays(easter, 1),
    EARLY_MAY_MOVED[year] ?? firstMonday(year, 5),
    ...(SPRING_MOVED[year] ?? [lastMonday(year, 5)]),
    lastMonday(year, 8),
    christmas,
    weekdayOnOrAfter(addDays(christmas, 1)),
    ...ONE_OFF.filter((d) => d.startsWith(`${year}-`)),
  ];
  return [...new Set(days)].sort();
}

// Looked up for every day a deadline counts over, so each year is worked out once.
const byYear = new Map<number, ReadonlySet<string>>();
function holidaysOf(year: number): ReadonlySet<string> {
  let found = byYear.get(year);
  if (!found) {
    found = new Set(bankHolidays(year));
    byYear.set(year, found);
  }
  return found;
}

export function isBankHoliday(iso: string): boolean {
  return holidaysOf(Number(iso.slice(0, 4))).has(iso);
}

/**
 * Monday to Friday, except bank holidays (the published list counts Christmas Day and Good Friday,
 * common-law holidays, among them).
 */
export function isWorkingDay(iso: string): boolean {
  return !isWeekend(iso) && !isBankHoliday(iso);
}

/**
 * The nth working day after a day (before it, for negative n); the day itself does not count, so a
 * notice given on a Friday has its first working day on the Monday. With n = 0, the day itself.
 */
export function addWorkingDays(iso: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let day = iso;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
