import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TaskAnswer, TaskRequest, WorkbookTask, WorkbookTasks } from './worker-tasks';

/** The entry built from worker.ts, beside the other entries (out/main) and with their extension. */
const BUILT_ENTRY = 'workbook-worker';

function startThread(): Worker {
  const here = import.meta.url;
  // Run from the TypeScript source (the unit tests): the thread loads it through jiti, which the
  // toolchain (Vite, ESLint) already brings, as Node cannot run TypeScript by itself.
  if (here.endsWith('.ts'))
    return new Worker(new URL('./worker.ts', here), { execArgv: ['--import', 'jiti/register'] });
  // Built, this code sits in out/main or in a shared chunk below it (out/main/chunks).
  const file = fileURLToPath(here);
  const name = BUILT_ENTRY + extname(file);
  const entry = [join(dirname(file), name), join(dirname(file), '..', name)].find((at) => existsSync(at));
  if (!entry) throw new Error(`The workbook thread (${name}) is missing from the build.`);
  return new Worker(entry);
}

let thread: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/**
 * The one workbook thread, started when first needed and kept for the next workbook. It keeps the
 * process alive only while it has work, so the `sid` command still ends when its work is done.
 */
function workbookThread(): Worker {
  if (thread) return thread;
  const started = startThread();
  started.on('message', (answer: TaskAnswer) => {
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) started.unref();
    if (answer.ok) waiter?.resolve(answer.value);
    else waiter?.reject(new Error(answer.message));
  });
  // A thread that died takes its unfinished work with it; the next workbook starts a new one.
  const fail = (error: Error) => {
    if (thread === started) thread = null;
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`The workbook thread stopped (exit code ${code}).`)));
  thread = started;
  return started;
}

/**
 * Runs one workbook task (see worker-tasks.ts) on the workbook thread, so the main thread stays free
 * to answer the window and other requests while ExcelJS reads or writes.
 */
export function offThread<K extends WorkbookTask>(
  task: K,
  ...args: Parameters<WorkbookTasks[K]>
): Promise<Awaited<ReturnType<WorkbookTasks[K]>>> {
  const worker = workbookThread();
  const id = nextId++;
  const request: TaskRequest = { id, task, args };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker.ref();
    worker.postMessage(request);
  });
}
