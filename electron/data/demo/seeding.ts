import type { TermDates } from '../../../shared/domain/calendar';
import type { Random } from './random';
import type { SchoolDays } from './school-days';
import type { DemoSql } from './statements';

/** What every part of the demo's monitoring writes with: the statements, the dice, the calendar and today. */
export interface Seeding {
  sql: DemoSql;
  random: Random;
  days: SchoolDays;
  today: string;
}

/** A school day in a stretch of a term, given as fractions of its school days: 0.5–1 is the second half. */
export function dayIn(s: Seeding, term: TermDates, from: number, to: number): string {
  const days = s.days.of(term);
  const first = Math.floor(from * days.length);
  const last = Math.max(first, Math.ceil(to * days.length) - 1);
  return days[s.random.int(first, last)]!;
}

/** Grades run from 1 (outstanding) to 4 (inadequate). */
export const grade = (n: number) => Math.min(4, Math.max(1, Math.round(n))) as 1 | 2 | 3 | 4;
