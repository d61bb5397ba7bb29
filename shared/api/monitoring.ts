import { z } from 'zod';
import { PROPOSAL_SOURCES, SUPPORT_LEVELS } from '../domain/categories';
import { TERMS } from '../domain/calendar';
import { INSPECTION_TYPES, LA_RESPONSES, OUTCOMES, PROGRESS } from '../domain/ofsted';
import { CLAIM_STATUSES, VISIT_PURPOSES, VISITOR_ROLES } from '../domain/visits';

/** Schemas for the monitoring records (issue 4); the operations themselves are in contract.ts. */
const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (yyyy-mm-dd)');
const note = (max = 4000) => z.string().max(max);
const grade = z.number().int().min(1).max(4);

export const termDates = z.object({
  academicYear: z.number().int().min(1990).max(2100),
  term: z.enum(TERMS),
  startsOn: isoDate,
  secondHalfOn: isoDate,
  endsOn: isoDate,
});
export const termRow = termDates.extend({ label: z.string(), custom: z.boolean() });

export const visitDraft = z.object({
  schoolId: id,
  visitedOn: isoDate,
  visitorId: id,
  role: z.enum(VISITOR_ROLES),
  purpose: z.enum(VISIT_PURPOSES),
  days: z.number(),
  notes: note(),
  reportReceivedOn: isoDate.nullable(),
  qaOn: isoDate.nullable(),
  claimStatus: z.enum(CLAIM_STATUSES),
});
export const visitRow = visitDraft.extend({ id, visitor: z.string(), term: z.string() });
export type VisitRow = z.infer<typeof visitRow>;

export const categoryProposal = z.object({
  schoolId: id,
  proposedOn: isoDate,
  source: z.enum(PROPOSAL_SOURCES),
  proposedById: id.nullable(),
  category: grade,
  evidence: note().min(1, 'Give the evidence for the proposal'),
});
export const categoryDecision = z.object({
  id,
  decidedOn: isoDate,
  category: grade,
  notes: note(),
  supportOverride: z.enum(SUPPORT_LEVELS).nullable(),
  overrideReason: note(),
});
export const categoryRow = z.object({
  id,
  schoolId: id,
  proposedOn: isoDate,
  source: z.enum(PROPOSAL_SOURCES),
  proposedById: id.nullable(),
  proposedBy: z.string().nullable(),
  proposedCategory: grade,
  evidence: z.string(),
  decidedOn: isoDate.nullable(),
  confirmedCategory: grade.nullable(),
  decisionNotes: z.string().nullable(),
  supportOverride: z.enum(SUPPORT_LEVELS).nullable(),
  overrideReason: z.string().nullable(),
  supportLevel: z.enum(SUPPORT_LEVELS).nullable(),
});
export type CategoryRow = z.infer<typeof categoryRow>;

export const framework = z.object({
  code: z.string(),
  name: z.string(),
  judgements: z.array(z.object({ code: z.string(), label: z.string(), optional: z.boolean() })),
});
export const sefDraft = z.object({
  schoolId: id,
  sefOn: isoDate,
  validated: z.boolean(),
  grades: z.record(z.string(), grade),
});
export const sefRow = sefDraft.extend({ id, framework: z.string() });
export type SefRow = z.infer<typeof sefRow>;

export const inspectionDraft = z.object({
  schoolId: id,
  inspectedOn: isoDate,
  type: z.enum(INSPECTION_TYPES),
  overall: grade.nullable(),
  grades: z.record(z.string(), grade),
  outcome: z.enum(OUTCOMES),
  laResponse: z.enum(LA_RESPONSES).nullable(),
  laResponseOutcome: note(),
});
export const inspectionRow = inspectionDraft.extend({ id, laCategory: grade.nullable() });
export type InspectionRow = z.infer<typeof inspectionRow>;
export const monitoringDraft = z.object({
  schoolId: id,
  visitedOn: isoDate,
  progress: z.enum(PROGRESS),
  notes: note(),
});
export const monitoringRow = monitoringDraft.extend({ id });
export type MonitoringRow = z.infer<typeof monitoringRow>;

export const profileDraft = z.object({
  schoolId: id,
  academicYear: z.number().int(),
  term: z.enum(TERMS),
  numberOnRoll: z.number().int().min(0).nullable(),
  attendance: z.number().min(0).max(100).nullable(),
  exclusions: z.number().int().min(0).nullable(),
  budgetPosition: z.number().int().nullable(),
  newHeadteacher: z.boolean(),
  staffChanges: note(),
  notes: note(),
});
export const profileRow = profileDraft.extend({ id, label: z.string() });
export type ProfileRow = z.infer<typeof profileRow>;

export const urgent = z.object({ inspectedOn: isoDate, visitedOn: isoDate, statementDueOn: isoDate });

export const schoolMonitoring = z.object({
  visits: z.array(visitRow),
  categories: z.array(categoryRow),
  sef: z.array(sefRow),
  inspections: z.array(inspectionRow),
  monitoringVisits: z.array(monitoringRow),
  profiles: z.array(profileRow),
  sipDays: z.object({
    academicYear: z.string(),
    used: z.number(),
    allocation: z.number(),
    over: z.boolean(),
  }),
  urgent: urgent.nullable(),
});

const schoolRef = z.object({
  schoolId: id,
  dfe: z.string(),
  name: z.string(),
  district: z.string(),
  doubleDistrict: z.string(),
  sip: z.string().nullable(),
});
export const overview = z.object({
  term: z.string(),
  noSipVisit: z.array(schoolRef),
  awaitingQa: z.array(
    schoolRef.extend({ visitId: id, visitedOn: isoDate, visitor: z.string(), reportReceivedOn: isoDate }),
  ),
  urgent: z.array(schoolRef.extend(urgent.shape)),
  overUsed: z.array(schoolRef.extend({ used: z.number() })),
});
export type Overview = z.infer<typeof overview>;

export const sefGridPreview = z.object({
  problems: z.array(z.object({ where: z.string(), message: z.string() })),
  warnings: z.array(z.object({ where: z.string(), message: z.string() })),
  doubleDistrict: z.string(),
  term: z.string(),
  newEntries: z.array(z.object({ dfe: z.string(), name: z.string(), sefOn: isoDate })),
  changed: z.array(
    z.object({
      dfe: z.string(),
      name: z.string(),
      sefOn: isoDate,
      changes: z.array(
        z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
      ),
    }),
  ),
  unchangedCount: z.number(),
});
export type SefGridPreview = z.infer<typeof sefGridPreview>;
