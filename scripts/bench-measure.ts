import { performance } from 'node:perf_hooks';

/** The median of several runs of some work, in milliseconds; a refusal from the API stops the bench. */
export async function median(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = (await work()) as { ok?: boolean; error?: unknown } | undefined;
    times.push(performance.now() - start);
    if (result && result.ok === false) throw new Error(JSON.stringify(result.error));
  }
  return middle(times);
}

export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** One line of the bench's table: a figure is met when it is at or under its target. */
export interface Row {
  measure: string;
  figure: number | null;
  unit: 'ms' | '×' | 'MB';
  target: number;
  /** Anything the reader needs beside the figure: its parts, or why it is missing. */
  note?: string;
}

const shown = (n: number, unit: Row['unit']) =>
  unit === '×' ? `${n.toFixed(2)}×` : unit === 'MB' ? `${n.toFixed(0)} MB` : `${n.toFixed(1)} ms`;

export function printTable(rows: readonly Row[]): void {
  const lines = rows.map((r) => [
    r.measure,
    r.figure === null ? '—' : shown(r.figure, r.unit),
    `≤ ${shown(r.target, r.unit)}`,
    r.figure === null ? 'not run' : r.figure <= r.target ? 'ok' : 'MISSED',
    r.note ?? '',
  ]);
  const head = ['measure', 'figure', 'target', 'ok?', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
}
