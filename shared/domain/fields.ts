import { z } from 'zod';
import { parseDate } from './format';

/**
 * The field rules every record meets, wherever it comes from: a form checks a draft with them before
 * saving, the API checks every input with them, and each workbook reader checks each cell with them.
 * Every message is plain English, written to sit under the field it concerns.
 */

/** A real calendar date as ISO `yyyy-mm-dd`: 2025-02-30 is refused, never rolled on to March. */
export const isoDate = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) === text, {
    message: 'Enter a real date, like 04/09/2008',
  });

/** Free text of at most `max` characters (notes, evidence); blank is allowed. */
export const longText = (max = 4000) =>
  z.string().max(max, { message: `Keep this to ${max.toLocaleString('en-GB')} characters or fewer` });

/** Values a spreadsheet or a script leaves behind that are never a real name. */
const ARTEFACTS = new Set(['nan', 'null', 'undefined', '#n/a', '#value!', '#ref!', 'true', 'false']);

/** A name of a person, school, place or body: it has letters, and is no spreadsheet artefact. */
export function nameText(max = 120) {
  return z
    .string()
    .max(max, { message: `Keep this to ${max} characters or fewer` })
    .refine((text) => text.trim() === '' || /\p{L}/u.test(text), {
      message: 'This should be a name, with letters in it',
    })
    .refine((text) => !ARTEFACTS.has(text.trim().toLowerCase()), {
      message: 'This looks like a spreadsheet error, not a name',
    });
}

/** A name that must be given. */
export const requiredName = (max = 120) =>
  nameText(max).refine((text) => text.trim() !== '', { message: 'This is required' });

/** A UK postcode, like ST16 2DH. */
export const postcode = z
  .string()
  .max(8, { message: 'A postcode has at most 8 characters, like ST16 2DH' })
  .refine((text) => text.trim() === '' || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(text.trim()), {
    message: 'Enter a UK postcode, like ST16 2DH',
  });

/** A whole number of things, never negative. */
export const count = (max = 100_000) =>
  z
    .number({ message: 'Enter a number' })
    .int({ message: 'Enter a whole number' })
    .min(0, { message: 'This cannot be negative' })
    .max(max, { message: `This cannot be more than ${max.toLocaleString('en-GB')}` });

/** A percentage from 0 to 100: 150% attendance is refused, never cut to 100. */
export const percentage = z
  .number({ message: 'Enter a number' })
  .min(0, { message: 'A percentage cannot be below 0' })
  .max(100, { message: 'A percentage cannot be more than 100' });

/** Whole pounds, possibly negative (a deficit). */
export const pounds = z
  .number({ message: 'Enter an amount in pounds' })
  .int({ message: 'Enter whole pounds' })
  .min(-100_000_000, { message: 'That amount is too large' })
  .max(100_000_000, { message: 'That amount is too large' });

/** A grade on Ofsted's four-point scale. */
export const grade = z
  .number({ message: 'Choose a grade from 1 to 4' })
  .int({ message: 'Choose a grade from 1 to 4' })
  .min(1, { message: 'Choose a grade from 1 to 4' })
  .max(4, { message: 'Choose a grade from 1 to 4' });

/** One of a fixed list, refused with a message a user understands. */
export const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { message: 'Choose one of the options in the list' });

export { shorten } from './shorten';
