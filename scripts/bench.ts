import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { invoke } from '../electron/core/handlers';
import { resourcesDir } from '../electron/core/paths';
import { Session } from '../electron/core/session';

// `npm run bench`: how long the main operations take on the LA's samples and the demo authority.
const samples = join(process.cwd(), '../shared/samples');
const sample = process.argv[2] ?? join(samples, 'schools-register.xlsx');
const gridFile = join(samples, 'sef-grid-cannock-lichfield-autumn-2008.xlsx');
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
const gridOnly: number[] = [];
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
const grid = { fileName: 'grid.xlsx', dataBase64: readFileSync(gridFile).toString('base64') };
const gridImport = await time('import sample SEF grid (108 schools)', 3, async () => {
  await invoke(session, 'app.create', { path: `grid-${n++}`, demo: false });
  await invoke(session, 'register.apply', upload);
  const start = performance.now();
  const result = await invoke(session, 'sefGrid.apply', grid);
  gridOnly.push(performance.now() - start);
  return result;
});
const gridPreview = await time('preview sample SEF grid (all unchanged)', 5, () =>
  invoke(session, 'sefGrid.preview', grid),
);
const gridExport = await time('export SEF grid, whole LA', 5, () =>
  invoke(session, 'sefGrid.export', { doubleDistrictId: null, term: 'Autumn 2008' }),
);
gridOnly.sort((a, b) => a - b);
console.log(
  `${'  of which the SEF grid import alone'.padEnd(42)} median ${(gridOnly[1] ?? 0).toFixed(1).padStart(8)} ms`,
);
const overview = await time('open demo file and DSIM overview', 10, async () => {
  await invoke(session, 'app.open', { path: 'demo-0' });
  return invoke(session, 'monitoring.overview', { doubleDistrictId: null });
});
console.log(
  `ratios: SEF grid import/preview ${((gridOnly[1] ?? 0) / gridPreview).toFixed(2)}, grid export/preview ${(gridExport / gridPreview).toFixed(2)}, overview/list ${(overview / list).toFixed(1)}, whole grid import/register import ${(gridImport / apply).toFixed(2)}`,
);
console.log(
  `ratios: import/preview ${(apply / preview).toFixed(2)}, export/list ${(exported / list).toFixed(1)}, demo/import ${(demo / apply).toFixed(2)}`,
);
session.close();
rmSync(dir, { recursive: true, force: true });
