import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiErrorBody, OpName, OpOutput, RegisterPreview } from '../../shared/api/contract';
import { formatDate } from '../../shared/domain/format';
import { invoke } from '../core/handlers';
import { verifyAuditChain } from '../data/audit';
import { resourcesDir } from '../core/paths';
import { Session } from '../core/session';
import { runDig } from './dig';
import { runSavings } from './savings';

const USAGE = `Usage:
  sid init --db FILE [--demo]                      create a data file (with --demo, the demo authority)
  sid import schools FILE --db FILE [--dry-run]    import the register workbook
  sid export schools --db FILE --out FILE          export the register workbook
  sid import sef-grid FILE --db FILE [--dry-run]   import a SEF grid workbook
  sid import savings FILE --db FILE [--dry-run]    import the savings options workbook (? kept as not known yet)
  sid export savings --db FILE --out FILE          export the savings options workbook
  sid export partnerships --db FILE --out FILE     export networks, key strengths, brokered support, barriers
  sid export sef-grid --db FILE --out FILE [--double-district NAME] [--term "Autumn 2008"]
                                                   export a SEF grid (default: whole LA, this term)
  sid export concerns --db FILE --out FILE [--double-district NAME]
                                                   export the concern register (default: whole LA)
  sid export dig --db FILE --double-district NAME [--meeting DATE] [--pdf] --out FILE
                                                   the District Intervention/Resource Group's papers for
                                                   that meeting (default: the next one; added if none),
                                                   saved with the meeting; --pdf writes the PDF
  sid import budget FILE --db FILE [--dry-run]     import a budget summary workbook
  sid export budget --db FILE --out FILE           export the latest budget summary
  sid check --db FILE                              integrity check and summary
  sid backup --db FILE                             back the file up now; prints where the backup went
  sid restore BACKUP --db FILE                     put the file back as BACKUP holds it (backs it up first)

A file someone has open in the app is only read: imports and restores are refused, naming them.

Exit codes: 0 success, 1 input rejected, 2 usage error.`;

class Rejected extends Error {
  constructor(
    readonly problems: string[],
    readonly code?: string,
  ) {
    super(problems.join('\n'));
  }
}
class Usage extends Error {}

/** Where the CLI writes: the console when run, a buffer when tested. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function describeError(error: ApiErrorBody): string[] {
  if (error.problems?.length) return error.problems.map((p) => `${p.where}: ${p.message}`);
  const fields = Object.entries(error.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
  return [error.message, ...fields];
}

function printPreview(preview: RegisterPreview, applied: boolean, { out }: Output): void {
  out(
    `${applied ? 'Imported' : 'Would import'}: ${preview.newSchools.length} new, ${preview.changedSchools.length} changed, ${preview.unchangedCount} unchanged.`,
  );
  for (const d of preview.districtChanges) {
    out(`  district ${d.district}: ${d.before ?? '(new)'} → ${d.doubleDistrict}`);
  }
  if (preview.newSips.length) out(`  new SIPs: ${preview.newSips.join(', ')}`);
  for (const school of preview.changedSchools) {
    for (const c of school.changes)
      out(`  ${school.dfe} ${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`);
  }
}

async function run(session: Session, argv: string[], output: Output): Promise<number> {
  const call = async <K extends OpName>(op: K, input: unknown): Promise<OpOutput<K>> => {
    const result = await invoke(session, op, input);
    if (result.ok) return result.value as OpOutput<K>;
    throw new Rejected(describeError(result.error), result.error.code);
  };
  /** Reading needs no lock: a file someone has open is read beside them. */
  const openToRead = async (path: string) => {
    try {
      await call('app.open', { path });
    } catch (error) {
      if (!(error instanceof Rejected && error.code === 'held')) throw error;
      await call('app.open', { path, readOnly: true });
    }
  };
  const log = output.out;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'double-district': { type: 'string' },
      term: { type: 'string' },
      meeting: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, kind, file] = positionals;
  if (values.help || !command) throw new Usage();
  if (!values.db) throw new Usage('--db FILE is required');
  // Relative to where the command was typed, not the app's data folder.
  const db = resolve(values.db);
  if (kind === 'savings' && (command === 'import' || command === 'export'))
    return runSavings(command, { db, file, out: values.out, dryRun: values['dry-run'] }, call, output);
  if (command === 'export' && kind === 'dig') {
    const { out, meeting, pdf } = values;
    return runDig(
      session,
      { db, doubleDistrict: values['double-district'], meeting, out, pdf },
      call,
      output,
    );
  }

  switch (command) {
    case 'init': {
      const state = await call('app.create', { path: db, demo: values.demo });
      const schools = await call('schools.list', {});
      log(`Created ${state.file?.path} with ${schools.length} schools.`);
      return 0;
    }
    case 'import': {
      if (kind === 'budget' && file) {
        await call('app.open', { path: db });
        const upload = { fileName: file, dataBase64: (await readFile(file)).toString('base64') };
        const preview = await call('budgets.preview', upload);
        if (preview.problems.length > 0)
          throw new Rejected(preview.problems.map((p) => `${p.where}: ${p.message}`));
        if (!values['dry-run']) await call('budgets.apply', upload);
        log(
          `${values['dry-run'] ? 'Would import' : 'Imported'} the budget summary ${preview.financialYear} as at ${formatDate(preview.asAt)}: ${preview.lines.length} lines, ${preview.isNew ? 'new' : `${preview.changes.length} figures changed`}.`,
        );
        return 0;
      }
      if ((kind !== 'schools' && kind !== 'sef-grid') || !file)
        throw new Usage('sid import schools|sef-grid FILE --db FILE');
      await call('app.open', { path: db });
      const upload = { fileName: file, dataBase64: (await readFile(file)).toString('base64') };
      if (kind === 'sef-grid') {
        const preview = await call('sefGrid.preview', upload);
        for (const w of preview.warnings) output.err(`warning: ${w.where}: ${w.message}`);
        if (preview.problems.length > 0)
          throw new Rejected(preview.problems.map((p) => `${p.where}: ${p.message}`));
        if (!values['dry-run']) await call('sefGrid.apply', upload);
        log(
          `${values['dry-run'] ? 'Would import' : 'Imported'}: ${preview.newEntries.length} new SEFs, ${preview.changed.length} changed, ${preview.unchangedCount} unchanged.`,
        );
        for (const school of preview.changed)
          for (const c of school.changes)
            log(`  ${school.dfe} ${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`);
        return 0;
      }
      const preview = await call('register.preview', upload);
      if (preview.problems.length > 0)
        throw new Rejected(preview.problems.map((p) => `${p.where}: ${p.message}`));
      if (!values['dry-run']) await call('register.apply', upload);
      printPreview(preview, !values['dry-run'], output);
      return 0;
    }
    case 'export': {
      if (kind === 'budget' && values.out) {
        await openToRead(db);
        const exported = await call('budgets.export', {});
        await writeFile(values.out, Buffer.from(exported.dataBase64, 'base64'));
        log(`Wrote ${values.out}.`);
        return 0;
      }
      if (!['schools', 'sef-grid', 'partnerships', 'concerns'].includes(kind ?? '') || !values.out)
        throw new Usage('sid export schools|sef-grid|partnerships|concerns --db FILE --out FILE');
      await openToRead(db);
      if (kind === 'partnerships') {
        const exported = await call('partnerships.export', {});
        await writeFile(values.out, Buffer.from(exported.dataBase64, 'base64'));
        log(`Wrote ${values.out}.`);
        return 0;
      }
      let doubleDistrictId: number | null = null;
      const wanted = values['double-district'];
      if (wanted !== undefined) {
        const org = await call('organisation.get', {});
        const found = org.doubleDistricts.find((d) => d.name.toLowerCase() === wanted.trim().toLowerCase());
        if (!found)
          throw new Rejected([
            `There is no double district "${wanted}". Known: ${org.doubleDistricts.map((d) => d.name).join('; ')}`,
          ]);
        doubleDistrictId = found.id;
      }
      const term = values.term ?? (await call('monitoring.overview', { doubleDistrictId: null })).term;
      const exported =
        kind === 'schools'
          ? await call('register.export', {})
          : kind === 'concerns'
            ? await call('concerns.exportRegister', { doubleDistrictId })
            : await call('sefGrid.export', {
                doubleDistrictId,
                term: term.trim().replace(/^./, (c) => c.toUpperCase()),
              });
      await writeFile(values.out, Buffer.from(exported.dataBase64, 'base64'));
      log(`Wrote ${values.out}.`);
      return 0;
    }
    case 'check': {
      await openToRead(db);
      const ctx = session.ctx();
      const integrity = ctx.db.pragma('integrity_check', { simple: true }) as string;
      const foreignKeys = ctx.db.pragma('foreign_key_check') as unknown[];
      const org = await call('organisation.get', {});
      const schools = await call('schools.list', {});
      const open = schools.filter((s) => s.closedOn === null).length;
      log(`File: ${ctx.path}`);
      log(`Data version: ${ctx.db.pragma('user_version', { simple: true }) as number}`);
      log(
        `Integrity: ${integrity}; foreign keys: ${foreignKeys.length === 0 ? 'ok' : `${foreignKeys.length} broken`}`,
      );
      log(
        `Double districts: ${org.doubleDistricts.length}; districts: ${org.districts.length}; people: ${org.people.length}`,
      );
      log(`Schools: ${schools.length} (${open} open, ${schools.length - open} closed)`);
      const chain = verifyAuditChain(ctx.db);
      log(
        chain.firstBroken === null
          ? `Record of changes: ${chain.entries} entries, none altered`
          : `Record of changes: entry ${chain.firstBroken} does not match its hash: it, or one before it, was altered outside the app`,
      );
      return integrity === 'ok' && foreignKeys.length === 0 && chain.firstBroken === null ? 0 : 1;
    }
    case 'backup': {
      await call('app.open', { path: db });
      log((await call('backups.create', {})).path);
      return 0;
    }
    case 'restore': {
      if (!kind) throw new Usage('sid restore BACKUP --db FILE');
      await call('app.open', { path: db });
      const { safetyCopy } = await call('backups.restore', { path: resolve(kind) });
      log(`Restored ${db} from ${resolve(kind)}.`);
      log(`The file as it was before is kept in ${safetyCopy.path}`);
      return 0;
    }
    default:
      throw new Usage(`Unknown command "${command}"`);
  }
}

/** Runs one command and returns its exit code: 0 success, 1 input rejected, 2 usage error. */
export async function runCli(argv: string[], output: Output): Promise<number> {
  const session = new Session(resourcesDir());
  try {
    return await run(session, argv, output);
  } catch (error) {
    if (error instanceof Rejected) {
      for (const line of error.problems) output.err(line);
      return 1;
    }
    if (
      error instanceof Usage ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      if (error.message) output.err(error.message);
      output.err(USAGE);
      return 2;
    }
    output.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    session.close();
  }
}
