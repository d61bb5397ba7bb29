import { z } from 'zod';
import { fieldErrorsOf } from '../../../../shared/api/errors';

/**
 * The API's own problems with each row of a list inside a draft (a partnership's members, a plan's
 * lines), by row and field, so each shows beside the row it is about.
 */
export function rowErrors(
  schema: z.ZodType,
  draft: unknown,
  list: string,
): Map<number, Record<string, string>> {
  const parsed = schema.safeParse(draft);
  const rows = new Map<number, Record<string, string>>();
  if (parsed.success) return rows;
  const byRow = new Map<number, z.core.$ZodIssue[]>();
  for (const issue of parsed.error.issues) {
    const [field, index] = issue.path;
    if (field !== list || typeof index !== 'number') continue;
    byRow.set(index, [...(byRow.get(index) ?? []), { ...issue, path: issue.path.slice(2) }]);
  }
  for (const [index, issues] of byRow) rows.set(index, fieldErrorsOf(new z.ZodError(issues)));
  return rows;
}
