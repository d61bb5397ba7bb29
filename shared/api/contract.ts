import type { z } from 'zod';
import { appOps } from './app';
import { backupsOps } from './backups';
import { budgetsOps } from './budgets';
import { calendarOps } from './calendar';
import { brokerageOps } from './brokerage';
import { categoriesOps } from './categories';
import { concernLettersOps } from './concern-letters';
import { concernRegisterExportOps, concernsOps } from './concerns';
import { dashboardOps } from './dashboard';
import { effectivenessProfilesOps } from './effectiveness-profiles';
import { fundsOps } from './funds';
import { jobsOps } from './jobs';
import { meetingsOps } from './meetings';
import { monitoringOps } from './monitoring';
import { ofstedOps } from './ofsted';
import { ofstedFollowUpOps } from './ofsted-follow-up';
import { organisationOps } from './organisation';
import { papersOps } from './papers';
import { partnershipsOps } from './partnerships';
import { profilesOps } from './profiles';
import { projectsOps } from './projects';
import { recordsOps } from './records';
import { registerOps } from './register';
import { schoolsOps } from './schools';
import { savingsOps } from './savings';
import { sefOps } from './sef';
import { visitsOps } from './visits';
import { warningNoticesOps } from './warning-notices';

/**
 * The one table of operations the app offers, merged from one file per area. The Electron main
 * process, the preload bridge, the loopback server and the renderer all derive from it, so a handler
 * cannot drift from its caller. Operation names are the app's API for scripts: keep them stable.
 */
export const contract = {
  ...appOps,
  ...backupsOps,
  ...organisationOps,
  ...schoolsOps,
  ...registerOps,
  ...calendarOps,
  ...monitoringOps,
  ...dashboardOps,
  ...visitsOps,
  ...categoriesOps,
  ...sefOps,
  ...savingsOps,
  ...ofstedOps,
  ...profilesOps,
  ...recordsOps,
  ...concernsOps,
  ...concernRegisterExportOps,
  ...concernLettersOps,
  ...warningNoticesOps,
  ...ofstedFollowUpOps,
  ...projectsOps,
  ...fundsOps,
  ...effectivenessProfilesOps,
  ...partnershipsOps,
  ...brokerageOps,
  ...budgetsOps,
  ...meetingsOps,
  ...papersOps,
  ...jobsOps,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
export const opNames = Object.keys(contract) as OpName[];

/** The types most callers need, so they import the contract alone. */
export { ApiError, apiError, type ApiErrorBody, type Problem, type Result } from './errors';
export type { AuditEntry } from './records';
export type { FileState } from './app';
export type { Organisation } from './organisation';
export type { RegisterPreview } from './register';
export type { SchoolRow } from './schools';

export interface SidApi {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}
