import {
  ApiError,
  contract,
  type ApiErrorBody,
  type OpName,
  type OpOutput,
  type Problem,
  type Result,
} from '../../shared/api/contract';
import type { z } from 'zod';
import { auditHistory } from '../data/audit';
import { readOrganisation } from '../data/organisation';
import { listSchools } from '../data/schools';
import { readRegister, writeRegister } from '../workbooks/schools-register';
import { saveDistrict, saveDoubleDistrict, savePerson } from './organisation';
import { applyRegisterPlan, planRegisterImport } from './register-import';
import * as m from './monitoring';
import { requireSchool, saveSchool, setSchoolClosed } from './schools';
import { applySefGrid, exportSefGrid, planSefGrid, readGridFor } from './sef-grid';
import type { Session } from './session';

type Handlers = {
  [K in OpName]: (
    input: z.output<(typeof contract)[K]['input']>,
    session: Session,
  ) => OpOutput<K> | Promise<OpOutput<K>>;
};

async function planFromUpload(session: Session, dataBase64: string) {
  const ctx = session.ctx();
  return { ctx, plan: planRegisterImport(ctx, await readRegister(Buffer.from(dataBase64, 'base64'))) };
}

/** An import is applied only when its preview found nothing wrong: all of it or none of it. */
function refuseWithProblems(problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  throw new ApiError({
    code: 'rejected',
    message: `The ${what} has ${problems.length} problem(s); nothing was imported.`,
    problems,
  });
}

async function sefGridPlan(session: Session, dataBase64: string) {
  const ctx = session.ctx();
  return { ctx, plan: planSefGrid(ctx, await readGridFor(ctx, Buffer.from(dataBase64, 'base64'))) };
}

export const handlers: Handlers = {
  'app.state': (_, s) => s.state(),
  'app.create': ({ path, demo }, s) => s.open(path, { create: true, demo }),
  'app.open': ({ path }, s) => s.open(path, { create: false }),
  'app.close': (_, s) => s.close(),

  'organisation.get': (_, s) => readOrganisation(s.ctx().db),
  'organisation.saveDoubleDistrict': ({ id, name }, s) => saveDoubleDistrict(s.ctx(), id, name),
  'organisation.saveDistrict': ({ id, name, doubleDistrictId }, s) =>
    saveDistrict(s.ctx(), id, name, doubleDistrictId),
  'organisation.savePerson': ({ id, name, roles }, s) => savePerson(s.ctx(), id, name, roles),

  'schools.list': (_, s) => listSchools(s.ctx().db),
  'schools.get': ({ id }, s) => {
    const ctx = s.ctx();
    return { school: requireSchool(ctx, id), history: auditHistory(ctx.db, 'school', id) };
  },
  'schools.save': ({ id, draft }, s) => saveSchool(s.ctx(), id, draft),
  'schools.setClosed': ({ id, closed }, s) => setSchoolClosed(s.ctx(), id, closed),

  'register.preview': async ({ dataBase64 }, s) => (await planFromUpload(s, dataBase64)).plan.preview,
  'register.apply': async ({ dataBase64 }, s) => {
    const { ctx, plan } = await planFromUpload(s, dataBase64);
    refuseWithProblems(plan.preview.problems, 'workbook');
    applyRegisterPlan(ctx, plan);
    return plan.preview;
  },
  'calendar.terms': ({ academicYear }, s) => m.termsOf(s.ctx(), academicYear),
  'calendar.saveTerm': (term, s) => m.saveTerm(s.ctx(), term),
  'monitoring.school': ({ schoolId, today }, s) => m.schoolMonitoring(s.ctx(), schoolId, today),
  'monitoring.overview': ({ doubleDistrictId, today }, s) => m.overview(s.ctx(), doubleDistrictId, today),
  'visits.save': ({ id, draft }, s) => m.saveVisit(s.ctx(), id, draft),
  'categories.propose': (proposal, s) => m.proposeCategory(s.ctx(), proposal),
  'categories.decide': (decision, s) => m.decideCategory(s.ctx(), decision),
  'sef.frameworks': (_, s) => m.sefFrameworks(s.ctx()),
  'sef.setFramework': ({ code }, s) => m.setFramework(s.ctx(), code),
  'sef.save': (draft, s) => m.saveSef(s.ctx(), draft),
  'ofsted.saveInspection': ({ id, draft }, s) => m.saveInspection(s.ctx(), id, draft),
  'ofsted.saveMonitoring': (draft, s) => m.saveMonitoringVisit(s.ctx(), draft),
  'profiles.save': (draft, s) => m.saveProfile(s.ctx(), draft),
  'sefGrid.preview': async ({ dataBase64 }, s) => (await sefGridPlan(s, dataBase64)).plan.preview,
  'sefGrid.apply': async ({ dataBase64 }, s) => {
    const { ctx, plan } = await sefGridPlan(s, dataBase64);
    refuseWithProblems(plan.preview.problems, 'grid');
    applySefGrid(ctx, plan);
    return plan.preview;
  },
  'sefGrid.export': async ({ doubleDistrictId, term }, s) =>
    exportSefGrid(s.ctx(), s.template('sef-grid.xlsx'), doubleDistrictId, term),

  'register.export': async (_, s) => {
    const ctx = s.ctx();
    const org = readOrganisation(ctx.db);
    const doubles = new Map(org.doubleDistricts.map((dd) => [dd.id, dd.name]));
    const schools = listSchools(ctx.db)
      .filter((school) => school.closedOn === null)
      .sort((a, b) => a.district.localeCompare(b.district) || a.dfe.localeCompare(b.dfe));
    const data = await writeRegister(s.template('schools-register.xlsx'), {
      schools,
      districts: org.districts.map((d) => ({
        district: d.name,
        doubleDistrict: doubles.get(d.doubleDistrictId) ?? '',
      })),
    });
    const stamp = s.now().toISOString().slice(0, 10);
    return { fileName: `schools-register-${stamp}.xlsx`, dataBase64: data.toString('base64') };
  },
};

function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  const message = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/.test(message))
    return { code: 'conflict', message: 'That name or number is already in use.' };
  if (/file is not a database/.test(message))
    return { code: 'bad_file', message: 'That file is not a School Improvement Desk database.' };
  return { code: 'internal', message };
}

/** The single door into the app: validates the input against the contract, runs the handler. */
export async function invoke(session: Session, op: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, op))
    return { ok: false, error: { code: 'invalid_input', message: `Unknown operation "${op}".` } };
  const name = op as OpName;
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          `Invalid input for ${op}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim(),
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, session: Session) => unknown;
    return { ok: true, value: await handler(parsed.data, session) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
