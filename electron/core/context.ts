import type { AuditContext } from '../data/audit';
import type { Db } from '../data/database';

/** What every service needs: the open file and who is working in it. */
export interface Ctx extends AuditContext {
  db: Db;
  path: string;
}
