import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { invoke } from '../../electron/core/handlers';
import { Session } from '../../electron/core/session';
import { openDatabase, type Db } from '../../electron/data/database';
import { migrations } from '../../electron/data/migrations';
import type { OpName, OpOutput } from '../../shared/api/contract';

export const SAMPLE_REGISTER = resolve(__dirname, '../../../shared/samples/schools-register.xlsx');
export const RESOURCES = resolve(__dirname, '../../resources');

/** A temporary folder as the app's home, as a user on a clean machine would have. */
function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sid-test-'));
  process.env.SID_HOME = dir;
  process.env.SID_USER = 'test.user';
  return dir;
}

/** A session on its own temporary folder. */
export function tempSession(): { session: Session; dir: string } {
  const dir = tempHome();
  return { session: new Session(RESOURCES), dir };
}

/**
 * A data file as an earlier release left it: made at data version `version` (its first `version`
 * migrations), with `sql` run in it, and left open so a test can add to it before upgrading it.
 */
export async function fileAtVersion(version: number, sql: string): Promise<{ path: string; db: Db }> {
  const path = join(tempHome(), `v${version}.sid`);
  const db = await openDatabase(path, { create: true, migrations: migrations.slice(0, version) });
  db.exec(sql);
  return { path, db };
}

export async function ok<K extends OpName>(session: Session, op: K, input: unknown): Promise<OpOutput<K>> {
  const result = await invoke(session, op, input);
  if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

/**
 * Adds the register's parts a test needs through the API, as a user would: a district in its double
 * district, a person with one role, a primary school with only the fields it must have (and its SIP,
 * where the test needs one).
 */
export function registerBuilders(session: Session) {
  return {
    async district(doubleDistrict: string, name: string) {
      const double = await ok(session, 'organisation.saveDoubleDistrict', {
        draft: { name: doubleDistrict },
      });
      const made = await ok(session, 'organisation.saveDistrict', {
        draft: { name, doubleDistrictId: double.id },
      });
      return { dd: double.id, id: made.id };
    },
    async person(name: string, role: string) {
      return (await ok(session, 'organisation.savePerson', { draft: { name, roles: [role] } })).id;
    },
    async school(dfe: string, name: string, districtId: number, sipId: number | null = null) {
      const draft = {
        dfe,
        urn: '',
        name,
        type: '',
        phase: 'Primary',
        districtId,
        diocese: '',
        numberOnRoll: '',
        headteacher: '',
        chairOfGovernors: '',
        sipId,
        postcode: '',
      };
      return (await ok(session, 'schools.save', { draft })).id;
    },
  };
}

export function upload(data: Buffer | string) {
  const bytes = typeof data === 'string' ? readFileSync(data) : data;
  return { fileName: 'register.xlsx', dataBase64: bytes.toString('base64') };
}

/** Loads the sample register, lets a test break it, and returns the saved bytes. */
export async function editedSample(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_REGISTER);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Everything a file holds — every table, the monitoring records and the record of changes included —
 * to prove a refused import or save changed nothing.
 */
export function snapshot(session: Session): string {
  const { db } = session.ctx();
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
