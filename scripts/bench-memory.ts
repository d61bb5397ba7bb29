import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { invoke } from '../electron/core/handlers';
import { resourcesDir } from '../electron/core/paths';
import { Session } from '../electron/core/session';

export const PROBE = '--memory-probe';

/**
 * Peak memory of importing a SEF grid, in a process of its own so nothing the bench did before
 * counts: it opens a file that holds the register, previews and applies the grid, and reports its
 * resident memory at the start and at its peak, and how far the JavaScript heap grew.
 */
export function measureMemory(file: string, grid: string) {
  const out = execFileSync(process.execPath, [process.argv[1]!, PROBE, file, grid], {
    env: process.env,
    encoding: 'utf8',
  });
  return JSON.parse(out) as { startMb: number; peakMb: number; heapGrowthMb: number };
}

/** The probe's side: run when the bench is started with `--memory-probe FILE GRID`. */
export async function runMemoryProbe(file: string, grid: string) {
  const session = new Session(resourcesDir());
  const opened = await invoke(session, 'app.open', { path: file });
  if (!opened.ok) throw new Error(`The probe could not open ${file}`);
  const upload = { fileName: 'grid.xlsx', dataBase64: readFileSync(grid).toString('base64') };
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const startMb = mb(process.memoryUsage().rss);
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sample = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  for (const op of ['sefGrid.preview', 'sefGrid.apply'] as const) {
    const result = await invoke(session, op, upload);
    if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  clearInterval(sample);
  session.close();
  // maxRSS is in kilobytes: the process's high-water mark, whatever happened between samples.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ startMb, peakMb, heapGrowthMb: mb(heapPeak - heapBefore) }));
}
