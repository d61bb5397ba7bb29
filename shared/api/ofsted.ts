import { z } from 'zod';
import { grade, isoDate, longText, oneOf } from '../domain/fields';
import { checkInspectionOutcome, INSPECTION_TYPES, LA_RESPONSES, OUTCOMES, PROGRESS } from '../domain/ofsted';
import { byId, deleted, id, op, saveOf } from './common';

const inspectionFields = z.object({
  schoolId: id,
  inspectedOn: isoDate,
  type: oneOf(INSPECTION_TYPES),
  overall: grade.nullable(),
  grades: z.record(z.string().max(40), grade),
  outcome: oneOf(OUTCOMES),
  laResponse: oneOf(LA_RESPONSES).nullable(),
  laResponseOutcome: longText(),
});
export const inspectionDraft = inspectionFields.strict().superRefine((d, ctx) => {
  const problem = checkInspectionOutcome(d.type, d.overall, d.outcome);
  if (problem) ctx.addIssue({ code: 'custom', path: ['outcome'], message: problem });
});
export type InspectionDraft = z.infer<typeof inspectionDraft>;
export const inspectionRow = inspectionFields.extend({ id, laCategory: z.number().nullable() });
export type InspectionRow = z.infer<typeof inspectionRow>;

export const monitoringDraft = z
  .object({ schoolId: id, visitedOn: isoDate, progress: oneOf(PROGRESS), notes: longText() })
  .strict();
export type MonitoringDraft = z.infer<typeof monitoringDraft>;
export const monitoringRow = monitoringDraft.extend({ id });
export type MonitoringRow = z.infer<typeof monitoringRow>;

export const ofstedLabels = {
  inspectedOn: 'Inspection date',
  type: 'Type',
  overall: 'Overall effectiveness',
  grades: 'Judgements',
  outcome: 'Outcome',
  laResponse: 'LA response',
  laResponseOutcome: 'Result of the LA response',
  visitedOn: 'Visit date',
  progress: 'Progress',
  notes: 'Notes',
};

export const ofstedOps = {
  'ofsted.saveInspection': op(saveOf(inspectionDraft), inspectionRow),
  'ofsted.deleteInspection': op(byId, deleted),
  'ofsted.saveMonitoring': op(saveOf(monitoringDraft), monitoringRow),
  'ofsted.deleteMonitoring': op(byId, deleted),
};
