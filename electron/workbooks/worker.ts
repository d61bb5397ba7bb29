import { parentPort } from 'node:worker_threads';
import { workbookTasks, type TaskAnswer, type TaskRequest } from './worker-tasks';

// The workbook thread's entry: runs each task it is sent and answers with its result or its failure.
parentPort!.on('message', async ({ id, task, args }: TaskRequest) => {
  let answer: TaskAnswer;
  try {
    const run = workbookTasks[task] as (...a: unknown[]) => Promise<unknown>;
    answer = { id, ok: true, value: await run(...args) };
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
