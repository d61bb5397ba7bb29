import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/audit';
import { fieldChange, id, op } from './common';

export const auditEntry = z.object({
  id,
  at: z.string(),
  user: z.string(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.number(),
  action: z.enum(AUDIT_ACTIONS),
  summary: z.string(),
  changes: z.array(fieldChange),
  /** A deletion that can still be undone: its record is not back yet. */
  undoable: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const recordsOps = {
  /** Puts back a record deleted in error, exactly as the audit entry of its deletion kept it. */
  'records.restore': op(z.object({ auditId: id }).strict(), z.object({ entity: z.enum(AUDIT_ENTITIES), id })),
};
