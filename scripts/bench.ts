import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { invoke } from '../electron/core/handlers';
import { resourcesDir } from '../electron/core/paths';
import { Session } from '../electron/core/session';

// `npm run bench`: how long the register's main operations take on the LA's sample and the demo.
const sample = process.argv[2] ?? join(process.cwd(), '../shared/samples/schools-register.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'sid-bench-'));
process.env.SID_HOME = dir;
const session = new Session(resourcesDir());

async function time(label: string, runs: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = (await work()) as { ok?: boolean; error?: unknown };
    if (result && result.ok === false) throw new Error(`${label}: ${JSON.stringify(result.error)}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(42)} median ${median.toFixed(1).padStart(8)} ms  (${runs} runs, best ${times[0]?.toFixed(1)} ms)`,
  );
  return median;
}

const upload = { fileName: 'sample.xlsx', dataBase64: readFileSync(sample).toString('base64') };
let n = 0;
const demo = await time('create demo authority (~430 schools)', 3, () =>
  invoke(session, 'app.create', { path: `demo-${n++}`, demo: true }),
);
const list = await time('list all schools', 20, () => invoke(session, 'schools.list', {}));
const exported = await time('export register workbook', 5, () => invoke(session, 'register.export', {}));
const preview = await time('preview sample register into demo file', 5, () =>
  invoke(session, 'register.preview', upload),
);
const apply = await time('import sample register into new file', 3, async () => {
  await invoke(session, 'app.create', { path: `empty-${n++}`, demo: false });
  return invoke(session, 'register.apply', upload);
});
console.log(
  `ratios: import/preview ${(apply / preview).toFixed(2)}, export/list ${(exported / list).toFixed(1)}, demo/import ${(demo / apply).toFixed(2)}`,
);
session.close();
rmSync(dir, { recursive: true, force: true });
