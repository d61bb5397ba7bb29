import { addDays, defaultTermDates, termOf, TERMS, type Calendar, type TermDates } from './calendar';

/**
 * Half-terms from the LA's term dates, for duties done "half-termly" (a school monitoring its own
 * progress, a project group meeting). Each term has two halves: the first from the term's start to
 * the day before its second half begins (the half-term holiday falls inside it, since the term dates
 * do not say when the holiday starts), the second from then to the term's end. A date in a holiday
 * between terms counts towards the first half of the term that follows, as `termOf` counts it.
 */
export interface HalfTerm {
  academicYear: number;
  term: TermDates['term'];
  half: 1 | 2;
  startsOn: string;
  endsOn: string;
}

function halvesOf(t: TermDates): [HalfTerm, HalfTerm] {
  const { academicYear, term } = t;
  return [
    { academicYear, term, half: 1, startsOn: t.startsOn, endsOn: addDays(t.secondHalfOn, -1) },
    { academicYear, term, half: 2, startsOn: t.secondHalfOn, endsOn: t.endsOn },
  ];
}

export function halfTermOf(date: string, calendar: Calendar = defaultTermDates): HalfTerm {
  const [first, second] = halvesOf(termOf(date, calendar));
  return date >= second.startsOn ? second : first;
}

/** A half-term's place in an unbroken count (six a year), so two can be compared or subtracted. */
export const halfTermIndex = (h: Pick<HalfTerm, 'academicYear' | 'term' | 'half'>) =>
  h.academicYear * 6 + TERMS.indexOf(h.term) * 2 + h.half - 1;

function halfTermAt(index: number, calendar: Calendar): HalfTerm {
  const academicYear = Math.floor(index / 6);
  const within = index - academicYear * 6;
  const term = calendar(academicYear).find((t) => t.term === TERMS[Math.floor(within / 2)])!;
  return halvesOf(term)[within % 2]!;
}

/**
 * The date n half-terms after (or before) a date, at the same distance into its half-term and kept
 * within the half-term it lands in.
 */
export function addHalfTerms(date: string, n: number, calendar: Calendar = defaultTermDates): string {
  const from = halfTermOf(date, calendar);
  const offset = Math.max(0, Math.round((Date.parse(date) - Date.parse(from.startsOn)) / 86_400_000));
  const to = halfTermAt(halfTermIndex(from) + n, calendar);
  const landed = addDays(to.startsOn, offset);
  return landed > to.endsOn ? to.endsOn : landed;
}

/** "Autumn 2025, first half". */
export function halfTermLabel(h: HalfTerm): string {
  const year = h.term === 'autumn' ? h.academicYear : h.academicYear + 1;
  return `${h.term[0]!.toUpperCase()}${h.term.slice(1)} ${year}, ${h.half === 1 ? 'first' : 'second'} half`;
}

/**
 * Whether a duty due at least once a half-term is being kept on a date: it was last done in this
 * half-term or the one before (a new half-term gives the school until its end to do it again).
 */
export function keptHalfTermly(lastDoneOn: string | null, on: string, calendar: Calendar = defaultTermDates) {
  if (lastDoneOn === null || lastDoneOn > on) return false;
  return halfTermIndex(halfTermOf(on, calendar)) - halfTermIndex(halfTermOf(lastDoneOn, calendar)) <= 1;
}
