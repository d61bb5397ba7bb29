import type { Problem } from '../../shared/api/errors';

/** The most problems an import lists: enough to see what is wrong, few enough to read. */
export const MOST_LISTED = 200;

/** Each closing "and N more problems." line, with the N it stands for. */
const standsFor = new WeakMap<Problem, number>();

/**
 * An import's problems as listed to a person: the first 200 in order, then one line saying how many
 * more there are. A workbook with thousands of bad rows shows what is wrong without flooding the
 * screen or the terminal.
 */
export function listed(problems: Problem[]): Problem[] {
  if (problems.length <= MOST_LISTED + 1) return problems;
  const more = problems.length - MOST_LISTED;
  const line = { where: 'File', message: `and ${more.toLocaleString('en-GB')} more problems.` };
  standsFor.set(line, more);
  return [...problems.slice(0, MOST_LISTED), line];
}

/** How many problems a listed list stands for, counting those its closing line stands for. */
export const problemCount = (problems: Problem[]) =>
  problems.reduce((count, problem) => count + (standsFor.get(problem) ?? 1), 0);
