import { contract, type OpName, type OpOutput } from '../../shared/api/contract';
import { ApiError, invalidInput, type ApiErrorBody, type Result } from '../../shared/api/errors';
import { FIELD_LABELS } from '../../shared/api/labels';
import type { z } from 'zod';
import { appHandlers } from './app';
import { backupsHandlers } from './backups';
import { brokerageHandlers } from './brokerage';
import { budgetsHandlers } from './budgets';
import { calendarHandlers } from './calendar';
import { categoriesHandlers } from './categories';
import { concernLettersHandlers } from './concern-letters';
import { concernsHandlers } from './concerns';
import { concernRegisterExportHandlers } from './concerns-export';
import { dashboardHandlers } from './dashboard';
import { effectivenessProfilesHandlers } from './effectiveness-profiles';
import { fundsHandlers } from './funds';
import { jobsHandlers } from './jobs';
import { meetingsHandlers } from './meetings';
import { monitoringHandlers } from './monitoring';
import { ofstedHandlers } from './ofsted';
import { ofstedFollowUpHandlers } from './ofsted-follow-up';
import { organisationHandlers } from './organisation';
import { papersHandlers } from './papers';
import { partnershipsHandlers } from './partnerships';
import { profilesHandlers } from './profiles';
import { projectsHandlers } from './projects';
import { recordsHandlers } from './records';
import { registerHandlers } from './register';
import { schoolsHandlers } from './schools';
import { savingsHandlers } from './savings';
import { sefHandlers } from './sef';
import type { Session } from './session';
import { visitsHandlers } from './visits';
import { warningNoticesHandlers } from './warning-notices';

type Handlers = {
  [K in OpName]: (
    input: z.output<(typeof contract)[K]['input']>,
    session: Session,
  ) => OpOutput<K> | Promise<OpOutput<K>>;
};

/** Every operation's handler, merged from one file per area; the type proves none is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...backupsHandlers,
  ...organisationHandlers,
  ...schoolsHandlers,
  ...registerHandlers,
  ...calendarHandlers,
  ...monitoringHandlers,
  ...dashboardHandlers,
  ...visitsHandlers,
  ...categoriesHandlers,
  ...sefHandlers,
  ...savingsHandlers,
  ...ofstedHandlers,
  ...profilesHandlers,
  ...recordsHandlers,
  ...concernsHandlers,
  ...concernRegisterExportHandlers,
  ...concernLettersHandlers,
  ...warningNoticesHandlers,
  ...ofstedFollowUpHandlers,
  ...projectsHandlers,
  ...fundsHandlers,
  ...effectivenessProfilesHandlers,
  ...partnershipsHandlers,
  ...brokerageHandlers,
  ...budgetsHandlers,
  ...meetingsHandlers,
  ...papersHandlers,
  ...jobsHandlers,
};

/**
 * What a user sees when something fails: the refusals the app makes carry their own plain words;
 * anything else is the app's fault, said plainly, with the detail left in the log for support.
 */
function toErrorBody(op: string, error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  const message = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/.test(message))
    return { code: 'conflict', message: 'That would duplicate a record already held; nothing was changed.' };
  if (/database is locked|SQLITE_BUSY/.test(message))
    return {
      code: 'conflict',
      message: 'Someone else is saving to this file just now; nothing was changed. Try again in a moment.',
    };
  if (/file is not a database/.test(message))
    return { code: 'bad_file', message: 'That file is not a School Improvement Desk database.' };
  console.error(`${op} failed:`, error);
  return {
    code: 'internal',
    message: 'Something went wrong inside the app, and nothing was changed. Please tell your IT support.',
  };
}

/** The single door into the app: validates the input against the contract, runs the handler. */
export async function invoke(session: Session, op: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, op))
    return { ok: false, error: { code: 'invalid_input', message: 'The app does not offer that action.' } };
  const name = op as OpName;
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, FIELD_LABELS) };
  try {
    const handler = handlers[name] as (input: unknown, session: Session) => unknown;
    return { ok: true, value: await handler(parsed.data, session) };
  } catch (error) {
    return { ok: false, error: toErrorBody(op, error) };
  }
}
