import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { tracking } from '../../electron/core/progress';
import type { Session } from '../../electron/core/session';
import type { JobStage } from '../../shared/api/jobs';
import { ok, tempSession, upload } from './helpers';

/**
 * The budget summary and savings options workbooks are read and written on the workbook thread and
 * run as jobs, as the register and the SEF grid do: the window shows each stage as a progress bar, and
 * an apply of the bytes just previewed writes the preview's plan without reading the workbook again.
 */

const SAMPLES = resolve(__dirname, '../../../shared/samples');
const FINANCE = [
  { area: 'budgets', sample: join(SAMPLES, 'budget-summary-2007-08.xlsx') },
  { area: 'savings', sample: join(SAMPLES, 'savings-options-2008-09.xlsx') },
] as const;

async function newFile() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'authority.sid'), demo: false });
  return session;
}

/** The stages one operation reports, each as it is reached. */
async function stagesOf(session: Session, op: string, input: unknown) {
  const reached: JobStage[] = [];
  const tracked = {
    get stage(): JobStage {
      return reached.at(-1) ?? 'waiting';
    },
    set stage(stage: JobStage) {
      reached.push(stage);
    },
  };
  const result = await tracking(tracked, () => invoke(session, op, input));
  return { result, reached };
}

/** Runs an operation as the window does: started as a job, then asked how far it has got until done. */
async function asJob(session: Session, op: string, input: unknown) {
  const { jobId } = await ok(session, 'jobs.start', { op, input });
  for (;;) {
    const progress = await ok(session, 'jobs.progress', { jobId });
    if (progress.result) return progress.result;
    await sleep(1);
  }
}

describe.each(FINANCE)('the $area workbook as a job', ({ area, sample }) => {
  it('reports reading and checking, then only writing for the bytes just previewed', async () => {
    const session = await newFile();
    const preview = await stagesOf(session, `${area}.preview`, upload(sample));
    expect(preview.result.ok).toBe(true);
    expect(preview.reached).toEqual(['reading', 'checking']);
    const apply = await stagesOf(session, `${area}.apply`, upload(sample));
    expect(apply.result).toEqual(preview.result);
    expect(apply.reached).toEqual(['writing']);
    const exported = await stagesOf(session, `${area}.export`, {});
    expect(exported.result.ok).toBe(true);
    expect(exported.reached).toEqual(['reading', 'writing']);
  });

  it('answers through a job exactly as when called directly', async () => {
    const session = await newFile();
    const direct = await invoke(session, `${area}.preview`, upload(sample));
    expect(await asJob(session, `${area}.preview`, upload(sample))).toEqual(direct);
    const applied = await asJob(session, `${area}.apply`, upload(sample));
    expect(applied).toEqual(direct);
    const exported = await asJob(session, `${area}.export`, {});
    expect(exported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.xlsx$/) } });
    // What the thread wrote reads back as what was imported: nothing new, nothing changed.
    const written = (exported as { value: { dataBase64: string } }).value.dataBase64;
    const again = await ok(session, `${area}.preview` as 'savings.preview', {
      fileName: 'x.xlsx',
      dataBase64: written,
    });
    expect(again.problems).toEqual([]);
  });
});
