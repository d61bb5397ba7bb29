import { readFile, writeFile } from 'node:fs/promises';
import type { OpName, OpOutput } from '../../shared/api/contract';
import type { Output } from './run';

type Call = <K extends OpName>(op: K, input: unknown) => Promise<OpOutput<K>>;

export interface SavingsArgs {
  db: string;
  file: string | undefined;
  out: string | undefined;
  dryRun: boolean;
}

/**
 * `sid import savings FILE` and `sid export savings --out FILE`: the savings options workbook. Exit
 * codes as the rest of sid: 0 done, 1 the workbook was refused (each problem on its own line, by
 * cell), 2 a usage error.
 */
export async function runSavings(
  command: string,
  args: SavingsArgs,
  call: Call,
  output: Output,
): Promise<number> {
  if (command === 'export') {
    if (!args.out) return usage(output, 'sid export savings --db FILE --out FILE');
    await call('app.open', { path: args.db, readOnly: true });
    const exported = await call('savings.export', {});
    await writeFile(args.out, Buffer.from(exported.dataBase64, 'base64'));
    output.out(`Wrote ${args.out}.`);
    return 0;
  }
  if (!args.file) return usage(output, 'sid import savings FILE --db FILE [--dry-run]');
  await call('app.open', { path: args.db });
  const upload = { fileName: args.file, dataBase64: (await readFile(args.file)).toString('base64') };
  const preview = await call('savings.preview', upload);
  for (const w of preview.warnings) output.err(`warning: ${w.where}: ${w.message}`);
  if (preview.problems.length > 0) {
    for (const p of preview.problems) output.err(`${p.where}: ${p.message}`);
    return 1;
  }
  if (!args.dryRun) await call('savings.apply', upload);
  output.out(
    `${args.dryRun ? 'Would import' : 'Imported'}: ${preview.newOptions.length} new savings options, ${preview.changed.length} changed, ${preview.unchangedCount} unchanged.`,
  );
  for (const option of preview.changed)
    for (const c of option.changes)
      output.out(`  ${option.ref} ${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`);
  return 0;
}

function usage(output: Output, line: string): number {
  output.err(`Usage: ${line}`);
  return 2;
}
