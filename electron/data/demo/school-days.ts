import { addDays, defaultTermDates, type TermDates } from '../../../shared/domain/calendar';
import { isWorkingDay } from '../../../shared/domain/working-days';
import type { Random } from './random';

/**
 * The days pupils are in school, when SIPs visit and inspectors call: working days inside a term,
 * outside its half-term week (the week before the second half starts). A fresh file has no term
 * dates of its own, so these are the LA calendar's defaults.
 */
export interface SchoolDays {
  /** Every school day, in order. */
  all: readonly string[];
  /** A term's school days, in order. */
  of: (term: TermDates) => readonly string[];
  /** A school day at random between two dates, or the last one before them if they span a holiday. */
  between: (from: string, to: string, random: Random) => string;
  /** The latest school day on or before a date. */
  onOrBefore: (day: string) => string;
}

export function schoolDays(firstYear: number, lastYear: number): SchoolDays {
  const byTerm = new Map<string, string[]>();
  const all = new Set<string>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const term of defaultTermDates(year)) {
      const halfTerm = addDays(term.secondHalfOn, -7);
      const days: string[] = [];
      for (let day = term.startsOn; day <= term.endsOn; day = addDays(day, 1))
        if ((day < halfTerm || day >= term.secondHalfOn) && isWorkingDay(day)) days.push(day);
      byTerm.set(`${year} ${term.term}`, days);
      for (const day of days) all.add(day);
    }
  }
  const first = defaultTermDates(firstYear)[0]!.startsOn;
  const sorted = [...all];
  const onOrBefore = (day: string) => {
    let found = day;
    while (!all.has(found)) {
      if (found < first) throw new Error(`The demo calendar starts on ${first}, after ${day}`);
      found = addDays(found, -1);
    }
    return found;
  };
  return {
    all: sorted,
    of: (term) => byTerm.get(`${term.academicYear} ${term.term}`)!,
    between: (from, to, random) => {
      const days = sorted.filter((day) => from <= day && day <= to);
      return days.length > 0 ? random.pick(days) : onOrBefore(to);
    },
    onOrBefore,
  };
}
