import { z } from 'zod';
import { TERMS } from '../domain/calendar';
import { isoDate } from '../domain/fields';
import { op } from './common';

export const termDates = z.object({
  academicYear: z.number().int().min(1990).max(2100),
  term: z.enum(TERMS),
  startsOn: isoDate,
  secondHalfOn: isoDate,
  endsOn: isoDate,
});
export const termRow = termDates.extend({ label: z.string(), custom: z.boolean() });
export const termLabels = {
  startsOn: 'Term starts',
  secondHalfOn: 'Second half starts',
  endsOn: 'Term ends',
};

export const calendarOps = {
  'calendar.terms': op(z.object({ academicYear: z.number().int() }).strict(), z.array(termRow)),
  'calendar.saveTerm': op(termDates.strict(), z.array(termRow)),
};
