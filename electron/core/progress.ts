import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JobStage } from '../../shared/api/jobs';

/** A job's place, as the work inside it reports it. */
export interface Tracked {
  stage: JobStage;
}

const current = new AsyncLocalStorage<Tracked>();

/** Runs work as a job: each stage it reaches is set on `tracked`, for `jobs.progress` to read. */
export const tracking = <T>(tracked: Tracked, work: () => Promise<T>): Promise<T> =>
  current.run(tracked, work);

/**
 * Says what an import or export is doing now. Outside a job (a script, the `sid` command) it does
 * nothing; inside one it also lets the main thread answer waiting requests — such as the window
 * asking for progress — before the next stage's work holds it.
 */
export async function reachStage(stage: JobStage): Promise<void> {
  const tracked = current.getStore();
  if (!tracked) return;
  tracked.stage = stage;
  await nextTurn();
}
