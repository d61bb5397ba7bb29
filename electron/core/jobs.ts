import { randomUUID } from 'node:crypto';
import { ApiError, type Result } from '../../shared/api/errors';
import type { JobStage, jobsOps } from '../../shared/api/jobs';
import type { HandlersOf } from './context';
import { invoke } from './handlers';
import { tracking } from './progress';

interface Job {
  stage: JobStage;
  result: Result<unknown> | null;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();

/** A finished job whose answer nobody came for (the window was closed) is forgotten after this. */
const KEEP_UNCLAIMED_MS = 10 * 60 * 1000;

function forgetUnclaimed(now: number): void {
  for (const [id, job] of jobs)
    if (job.finishedAt !== null && now - job.finishedAt > KEEP_UNCLAIMED_MS) jobs.delete(id);
}

export const jobsHandlers: HandlersOf<typeof jobsOps> = {
  'jobs.start': ({ op, input }, session) => {
    forgetUnclaimed(Date.now());
    const jobId = randomUUID();
    const job: Job = { stage: 'waiting', result: null, finishedAt: null };
    jobs.set(jobId, job);
    // The operation runs exactly as when called directly (its input checked, its refusals in plain
    // words); the job only watches its stages and keeps its answer.
    void tracking(job, () => invoke(session, op, input)).then((result) => {
      job.result = result;
      job.stage = 'done';
      job.finishedAt = Date.now();
    });
    return { jobId };
  },
  'jobs.progress': ({ jobId }) => {
    const job = jobs.get(jobId);
    if (!job)
      throw new ApiError({
        code: 'not_found',
        message: 'That import or export is no longer running; please start it again.',
      });
    if (job.result) jobs.delete(jobId);
    return { stage: job.stage, result: job.result };
  },
};
