import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { ApiError } from '../../../../shared/api/contract';
import { fieldErrorsOf, type FieldErrors } from '../../../../shared/api/errors';
import { errorMessage } from '../../api';

/**
 * Saves a small form's draft: checked first with the API's own rules, each problem shown at its
 * field; a refusal that concerns no field is said in a notification. Resolves to what the save
 * answered, or null when nothing was saved.
 */
export async function saveDraft<S extends z.ZodType, T>(
  rules: S,
  draft: unknown,
  save: (checked: z.output<S>) => Promise<T>,
  showErrors: (errors: FieldErrors) => void,
): Promise<T | null> {
  const checked = rules.safeParse(draft);
  if (!checked.success) {
    showErrors(fieldErrorsOf(checked.error));
    return null;
  }
  showErrors({});
  try {
    return await save(checked.data);
  } catch (e) {
    const fields = e instanceof ApiError ? e.body.fields : undefined;
    if (fields && Object.keys(fields).length > 0) showErrors(fields);
    else notifications.show({ color: 'red', message: errorMessage(e) });
    return null;
  }
}
