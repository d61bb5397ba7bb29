import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import { tracking } from '../../electron/core/progress';
import type { Session } from '../../electron/core/session';
import { startServer } from '../../electron/server/http';
import type { JobStage } from '../../shared/api/jobs';
import { editedSample, ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';

async function newFile() {
  const { session, dir } = tempSession();
  await ok(session, 'app.create', { path: join(dir, 'authority.sid'), demo: false });
  return session;
}

/** Runs an operation as the window does: started as a job, then asked how far it has got until done. */
async function asJob(session: Session, op: string, input: unknown) {
  const { jobId } = await ok(session, 'jobs.start', { op, input });
  const seen: JobStage[] = [];
  for (;;) {
    const progress = await ok(session, 'jobs.progress', { jobId });
    if (seen.at(-1) !== progress.stage) seen.push(progress.stage);
    if (progress.result) return { result: progress.result, seen, jobId };
    await sleep(1);
  }
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

/** The sample register grown to `schools` schools (650: the largest authority's). */
const registerOf = (schools: number) =>
  editedSample((workbook) => {
    const sheet = workbook.getWorksheet('Schools')!;
    const model = sheet.getRow(5).values as unknown[];
    for (let n = 0; sheet.actualRowCount < schools + 3; n++)
      sheet.addRow([
        ...model.slice(1, 1),
        `${861 + Math.floor(n / 4000)}/${String(5000 + (n % 4000))}`,
        900_000 + n,
        `Added School ${n}`,
        ...model.slice(4),
      ]);
  });
const largestRegister = () => registerOf(650);

describe('imports and exports as jobs', () => {
  it('gives the same preview through a job as when called directly, and applies the same', async () => {
    const session = await newFile();
    const direct = await ok(session, 'register.preview', upload(SAMPLE_REGISTER));
    const job = await asJob(session, 'register.preview', upload(SAMPLE_REGISTER));
    expect(job.result).toEqual({ ok: true, value: direct });
    expect(job.seen.at(-1)).toBe('done');

    const applied = await asJob(session, 'register.apply', upload(SAMPLE_REGISTER));
    expect(applied.result).toEqual({ ok: true, value: direct });
    expect((await ok(session, 'schools.list', {})).length).toBe(direct.newSchools.length);
  });

  it('passes on a refusal in the same plain words, and forgets a job once its answer is taken', async () => {
    const session = await newFile();
    const bad = await editedSample((wb) => {
      wb.getWorksheet('Schools')!.getCell('A5').value = '86O/2001';
    });
    const before = snapshot(session);
    const job = await asJob(session, 'register.apply', upload(bad));
    expect(job.result.ok).toBe(false);
    if (!job.result.ok) {
      expect(job.result.error.code).toBe('rejected');
      expect(job.result.error.problems?.map((p) => p.where)).toContain('Schools!A5');
    }
    expect(snapshot(session)).toBe(before);
    const again = await invoke(session, 'jobs.progress', { jobId: job.jobId });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('starts only imports and exports, checking the input as the operation itself would', async () => {
    const session = await newFile();
    const other = await invoke(session, 'jobs.start', { op: 'app.close', input: {} });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const job = await asJob(session, 'register.preview', { fileName: 'x.xlsx' });
    expect(job.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('reports reading, checking and writing in turn; an apply of what was previewed only writes', async () => {
    const session = await newFile();
    const preview = await stagesOf(session, 'register.preview', upload(SAMPLE_REGISTER));
    expect(preview.reached).toEqual(['reading', 'checking']);
    const apply = await stagesOf(session, 'register.apply', upload(SAMPLE_REGISTER));
    expect(apply.result.ok).toBe(true);
    expect(apply.reached).toEqual(['writing']);
    // Once the file has changed since the preview, the workbook is read and checked again.
    const again = await stagesOf(session, 'register.apply', upload(SAMPLE_REGISTER));
    expect(again.reached).toEqual(['reading', 'checking', 'writing']);
    const exported = await stagesOf(session, 'register.export', {});
    expect(exported.reached).toEqual(['reading', 'writing']);
  });
});

describe('the main thread while a workbook is read', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('answers other requests while a 650-school register is imported, and reads workbooks off the main thread', async () => {
    const session = await newFile();
    const server = await startServer(session, join(__dirname, 'no-renderer'));
    stop = () => server.server.close();
    const post = async (op: string, input: unknown) => {
      const response = await fetch(`${server.origin}/api/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SID-Token': server.token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown };
    };
    const workbook = upload(await largestRegister());
    // Once, so the workbook thread is running before the import that is measured.
    expect((await post('register.preview', workbook)).ok).toBe(true);

    let finished = false;
    const importing = post('register.preview', workbook).finally(() => (finished = true));
    let answered = 0;
    while (!finished) {
      expect((await post('app.state', {})).ok).toBe(true);
      answered += 1;
      await sleep(10);
    }
    const preview = (await importing).value as { newSchools: unknown[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    expect(preview.newSchools).toHaveLength(650);
    // The server kept answering while the workbook was imported; how often depends on how long the
    // import takes, which is the bench's to measure.
    expect(answered).toBeGreaterThan(0);

    // Where the reading happens shows while the job says it is reading: were the workbook read on
    // the main thread, nothing could answer until the read ended, so the job would be seen reading
    // once at most; read on the workbook thread, the main thread answers again and again, and is
    // mostly idle in between. A register far larger than any LA's makes the read long enough to
    // tell the two apart however busy the machine is.
    const large = upload(await registerOf(12_000));
    const { jobId } = await ok(session, 'jobs.start', { op: 'register.preview', input: large });
    let readingFrom: EventLoopUtilization | null = null;
    let seenReading = 0;
    let share = Number.NaN;
    for (;;) {
      const { stage, result } = await ok(session, 'jobs.progress', { jobId });
      if (stage === 'reading') {
        seenReading += 1;
        readingFrom ??= performance.eventLoopUtilization();
        share = performance.eventLoopUtilization(readingFrom).utilization;
      }
      if (result) break;
      await sleep(5);
    }
    expect(seenReading).toBeGreaterThan(2);
    expect(share).toBeLessThan(0.5);
  });
});
