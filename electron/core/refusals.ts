import { ApiError, humanise } from '../../shared/api/errors';

/**
 * Refuses a change that breaks a rule needing the file or several fields together, naming each field
 * as the field rules do: one problem reads as a sentence, several as a list.
 */
export function refuseFields(errors: Record<string, string>, labels: Record<string, string>): void {
  const entries = Object.entries(errors);
  if (entries.length === 0) return;
  const named = entries.map(([key, message]) =>
    key === 'form'
      ? message
      : `${labels[key] ?? humanise(key)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
  );
  throw new ApiError({
    code: 'invalid_input',
    message: named.length === 1 ? `${named[0]}.` : `Some fields need attention: ${named.join('; ')}.`,
    fields: errors,
  });
}
