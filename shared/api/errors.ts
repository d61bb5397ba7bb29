import { z } from 'zod';

const problem = z.object({ where: z.string(), message: z.string() });
export type Problem = z.infer<typeof problem>;
export const problems = z.array(problem);

/** Errors every caller can tell apart without parsing messages. */
export const apiError = z.object({
  code: z.enum([
    'invalid_input',
    'not_found',
    'conflict',
    'no_file',
    'rejected',
    'bad_file',
    'read_only',
    /** The file is open to be changed by someone else; the message names them. */
    'held',
    'internal',
  ]),
  message: z.string(),
  /** Plain-English problems by the field they concern (the draft's own field names). */
  fields: z.record(z.string(), z.string()).optional(),
  problems: problems.optional(),
});
export type ApiErrorBody = z.infer<typeof apiError>;

export { ApiError, type Result } from './api-error';

export type FieldErrors = Record<string, string>;

/** zod's own wording ("Invalid input: expected number…", "Too big: …") is never shown to a user. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized)\b/;

/** A zod issue in plain English: the rules in shared/domain/fields.ts carry their own words. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received (undefined|null)\b/.test(issue.message)
        ? 'This is required'
        : 'This is not valid here';
    case 'invalid_value':
      return 'Choose one of the options in the list';
    case 'unrecognized_keys':
      return 'This form has fields the app does not know';
    default:
      return 'This value is not allowed';
  }
}

/**
 * Each problem by the field it concerns, keyed by the record's own field name (the first path step
 * after `draft`), ready to show under that field.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'draft' ? issue.path.slice(1) : issue.path;
    const key = path.length === 0 ? 'form' : String(path[0]);
    errors[key] ??= plainMessage(issue);
  }
  return errors;
}

/** Checks a draft as the API will; `{}` when it would be accepted. */
export function checkDraft(schema: z.ZodType, draft: unknown): FieldErrors {
  const parsed = schema.safeParse(draft);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

/** The refusal for input that breaks the field rules, in words a user can act on. */
export function invalidInput(error: z.ZodError, labels: Record<string, string> = {}): ApiErrorBody {
  const fields = fieldErrorsOf(error);
  const named = Object.entries(fields).map(([key, message]) =>
    key === 'form' ? message : `${labels[key] ?? humanise(key)}: ${lowerFirst(message)}`,
  );
  return {
    code: 'invalid_input',
    message: named.length === 1 ? `${named[0]}.` : `Some fields need attention: ${named.join('; ')}.`,
    fields,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** `reportReceivedOn` → "Report received on", for a field no label was given for. */
export function humanise(key: string): string {
  const words = key
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
