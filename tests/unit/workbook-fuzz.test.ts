import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { ok, SAMPLE_REGISTER, snapshot, tempSession, upload } from './helpers';
import { excelEditor, generator, mutate } from './workbook-mutations';

/**
 * Each sample workbook, mutated 200 times from a fixed seed (so a failure can be replayed) in the
 * ways damage and mischief arrive: flipped and cut-off bytes, lost parts, odd cell values, renamed
 * and extra sheets. Every case must end in a preview, clean or naming each problem's place in plain
 * words: never the app's internal failure, never a hang, and a refused file never changes the data.
 */

const SAMPLE_GRID = resolve(__dirname, '../../../shared/samples/sef-grid-cannock-lichfield-autumn-2008.xlsx');
const CASES = 200;
const CASE_TIMEOUT_MS = 10_000;

const PLACE = /^(File|[^!]{1,31}|.{1,31}![A-Z]{1,3}\d+)$/;
const JARGON =
  /Invalid time value|undefined|NaN|TypeError|Cannot read|is not a function|Unexpected|sax|Corrupted zip|End of data|\bxl\//i;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

let session: Session;

beforeAll(async () => {
  const made = tempSession();
  session = made.session;
  await ok(session, 'app.create', { path: join(made.dir, 'la.sid'), demo: false });
  await ok(session, 'register.apply', upload(SAMPLE_REGISTER));
});

describe.each([
  { sample: 'schools-register.xlsx', path: SAMPLE_REGISTER, op: 'register', seed: 11 },
  { sample: 'sef-grid-cannock-lichfield-autumn-2008.xlsx', path: SAMPLE_GRID, op: 'sefGrid', seed: 2008 },
] as const)('$sample, mutated', ({ path, op, seed }) => {
  it(`ends each of ${CASES} mutations in a preview or a plain refusal, changing nothing`, async () => {
    const random = generator(seed);
    const sample = readFileSync(path);
    const edit = excelEditor(path, random);
    const kinds = new Map<string, number>();
    for (let n = 0; n < CASES; n++) {
      const [what, data] = await mutate(sample, random, edit);
      const label = `case ${n} (${what})`;
      const kind = what.split(' ')[0]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const preview = await withTimeout(invoke(session, `${op}.preview`, upload(data)), label);
      if (!preview.ok) {
        expect(preview.error.code, `${label}: ${preview.error.message}`).not.toBe('internal');
        continue;
      }
      const { problems } = preview.value as { problems: Array<{ where: string; message: string }> };
      expect(problems.length, label).toBeLessThanOrEqual(201);
      for (const p of problems) {
        expect(p.where, `${label}: ${p.message}`).toMatch(PLACE);
        expect(p.message, `${label} at ${p.where}`).not.toMatch(JARGON);
        expect(p.message.length, label).toBeGreaterThan(5);
      }
      if (problems.length === 0) continue;
      const before = snapshot(session);
      const applied = await withTimeout(invoke(session, `${op}.apply`, upload(data)), label);
      expect(applied, label).toMatchObject({ ok: false, error: { code: 'rejected' } });
      expect(snapshot(session), label).toBe(before);
    }
    // Every kind of mutation was tried.
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    // About 20 s on an idle 2-core machine; the margin is for a busy one.
  }, 240_000);
});
