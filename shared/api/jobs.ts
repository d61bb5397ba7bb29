import { z } from 'zod';
import { op } from './common';
import { apiError } from './errors';

/**
 * Workbook imports and exports take a second or more at the largest authority's size, so the window
 * can start one as a job and ask how far it has got while it runs. The operations themselves stay as
 * they are for scripts: a job runs exactly the operation it names and answers with what it answers.
 */
export const JOB_OPS = [
  'register.preview',
  'register.apply',
  'register.export',
  'sefGrid.preview',
  'sefGrid.apply',
  'sefGrid.export',
  'budgets.preview',
  'budgets.apply',
  'budgets.export',
  'savings.preview',
  'savings.apply',
  'savings.export',
  'papers.generate',
] as const;
export type JobOp = (typeof JOB_OPS)[number];

/** Where a job is: waiting to start, reading the workbook, checking it, writing, or done. */
export const JOB_STAGES = ['waiting', 'reading', 'checking', 'writing', 'done'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

const jobResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiError }),
]);

export const jobsOps = {
  'jobs.start': op(
    z.object({ op: z.enum(JOB_OPS), input: z.unknown() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  /** Once done, the job's answer comes with it, and the job is forgotten. */
  'jobs.progress': op(
    z.object({ jobId: z.string().max(100) }).strict(),
    z.object({ stage: z.enum(JOB_STAGES), result: jobResult.nullable() }),
  ),
};
