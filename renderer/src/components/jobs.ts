import { ApiError, type OpInput, type OpOutput } from '../../../shared/api/contract';
import type { JobOp, JobStage } from '../../../shared/api/jobs';
import { call } from '../api';

/** Often enough for the bar to move with the work, seldom enough to cost nothing. */
const POLL_MS = 200;

/**
 * Runs an import or export as a job, telling `onStage` where it is until it is done; answers as the
 * operation itself does, and refuses with its refusal.
 */
export async function runJob<K extends JobOp>(
  op: K,
  input: OpInput<K>,
  onStage: (stage: JobStage) => void,
): Promise<OpOutput<K>> {
  const { jobId } = await call('jobs.start', { op, input });
  for (;;) {
    const { stage, result } = await call('jobs.progress', { jobId });
    onStage(stage);
    if (result) {
      if (!result.ok) throw new ApiError(result.error);
      return result.value as OpOutput<K>;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
