import { z } from 'zod';
import { ROLES } from '../domain/organisation';
import {
  categoryDecision,
  categoryProposal,
  framework,
  inspectionDraft,
  isoDate,
  monitoringDraft,
  overview,
  profileDraft,
  schoolMonitoring,
  sefDraft,
  sefGridPreview,
  termDates,
  termRow,
  visitDraft,
  visitRow,
} from './monitoring';

/**
 * The one table of operations the app offers. The Electron main process, the preload bridge, the
 * loopback server and the renderer all derive from it, so a handler cannot drift from its caller.
 */
const id = z.number().int().positive();
const path = z.string().trim().min(1).max(4096);
const text = (max = 200) => z.string().max(max);

const fileState = z.object({
  file: z.object({ path: z.string(), name: z.string() }).nullable(),
  recent: z.array(z.string()),
  dataDir: z.string(),
  user: z.string(),
});

const person = z.object({ id, name: z.string(), roles: z.array(z.enum(ROLES)) });
const district = z.object({ id, name: z.string(), doubleDistrictId: id });
const organisation = z.object({
  doubleDistricts: z.array(z.object({ id, name: z.string() })),
  districts: z.array(district),
  people: z.array(person),
});

const schoolRow = z.object({
  id,
  dfe: z.string(),
  urn: z.number().nullable(),
  name: z.string(),
  type: z.string().nullable(),
  phase: z.string(),
  districtId: id,
  district: z.string(),
  doubleDistrictId: id,
  doubleDistrict: z.string(),
  diocese: z.string().nullable(),
  numberOnRoll: z.number().nullable(),
  headteacher: z.string().nullable(),
  chairOfGovernors: z.string().nullable(),
  sipId: id.nullable(),
  sip: z.string().nullable(),
  postcode: z.string().nullable(),
  closedOn: z.string().nullable(),
  category: z.number().nullable(),
  supportLevel: z.enum(['low', 'medium', 'high']).nullable(),
});
export type SchoolRow = z.infer<typeof schoolRow>;

const auditEntry = z.object({
  id,
  at: z.string(),
  user: z.string(),
  action: z.string(),
  summary: z.string(),
  changes: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const schoolDraft = z.object({
  dfe: text(20),
  urn: text(20),
  name: text(),
  type: text(),
  phase: text(),
  districtId: id.nullable(),
  diocese: text(),
  numberOnRoll: text(20),
  headteacher: text(),
  chairOfGovernors: text(),
  sipId: id.nullable(),
  postcode: text(20),
});

const upload = z.object({
  fileName: text(260),
  // A register workbook is a few hundred KB; 20 MB of base64 is far beyond any real one.
  dataBase64: z.string().max(20_000_000),
});
const download = z.object({ fileName: z.string(), dataBase64: z.string() });

const problem = z.object({ where: z.string(), message: z.string() });
export type Problem = z.infer<typeof problem>;

const registerPreview = z.object({
  problems: z.array(problem),
  newSchools: z.array(z.object({ dfe: z.string(), name: z.string(), district: z.string() })),
  changedSchools: z.array(
    z.object({
      dfe: z.string(),
      name: z.string(),
      changes: z.array(
        z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
      ),
    }),
  ),
  unchangedCount: z.number(),
  districtChanges: z.array(
    z.object({ district: z.string(), doubleDistrict: z.string(), before: z.string().nullable() }),
  ),
  newDoubleDistricts: z.array(z.string()),
  newSips: z.array(z.string()),
});
export type RegisterPreview = z.infer<typeof registerPreview>;

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const nothing = z.object({}).strict();

export const contract = {
  'app.state': op(nothing, fileState),
  'app.create': op(z.object({ path, demo: z.boolean() }).strict(), fileState),
  'app.open': op(z.object({ path }).strict(), fileState),
  'app.close': op(nothing, fileState),

  'organisation.get': op(nothing, organisation),
  'organisation.saveDoubleDistrict': op(z.object({ id: id.optional(), name: text().min(1) }).strict(), id),
  'organisation.saveDistrict': op(
    z.object({ id: id.optional(), name: text().min(1), doubleDistrictId: id }).strict(),
    id,
  ),
  'organisation.savePerson': op(
    z.object({ id: id.optional(), name: text().min(1), roles: z.array(z.enum(ROLES)) }).strict(),
    id,
  ),

  'schools.list': op(nothing, z.array(schoolRow)),
  'schools.get': op(z.object({ id }).strict(), z.object({ school: schoolRow, history: z.array(auditEntry) })),
  'schools.save': op(z.object({ id: id.optional(), draft: schoolDraft }).strict(), schoolRow),
  'schools.setClosed': op(z.object({ id, closed: z.boolean() }).strict(), schoolRow),

  'register.preview': op(upload.strict(), registerPreview),
  'register.apply': op(upload.strict(), registerPreview),
  'register.export': op(nothing, download),

  'calendar.terms': op(z.object({ academicYear: z.number().int() }).strict(), z.array(termRow)),
  'calendar.saveTerm': op(termDates.strict(), z.array(termRow)),

  'monitoring.school': op(z.object({ schoolId: id, today: isoDate.optional() }).strict(), schoolMonitoring),
  'monitoring.overview': op(
    z.object({ doubleDistrictId: id.nullable(), today: isoDate.optional() }).strict(),
    overview,
  ),
  'visits.save': op(z.object({ id: id.optional(), draft: visitDraft.strict() }).strict(), visitRow),
  'categories.propose': op(categoryProposal.extend({ id: id.optional() }).strict(), id),
  'categories.decide': op(categoryDecision.strict(), id),
  'sef.frameworks': op(nothing, z.object({ active: z.string(), frameworks: z.array(framework) })),
  'sef.setFramework': op(z.object({ code: z.string() }).strict(), z.string()),
  'sef.save': op(sefDraft.extend({ id: id.optional() }).strict(), id),
  'ofsted.saveInspection': op(z.object({ id: id.optional(), draft: inspectionDraft.strict() }).strict(), id),
  'ofsted.saveMonitoring': op(monitoringDraft.extend({ id: id.optional() }).strict(), id),
  'profiles.save': op(profileDraft.strict(), id),

  'sefGrid.preview': op(upload.strict(), sefGridPreview),
  'sefGrid.apply': op(upload.strict(), sefGridPreview),
  'sefGrid.export': op(
    z
      .object({ doubleDistrictId: id.nullable(), term: z.string().regex(/^(Autumn|Spring|Summer) \d{4}$/) })
      .strict(),
    download,
  ),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
export const opNames = Object.keys(contract) as OpName[];

/** Errors every caller can tell apart without parsing messages. */
export const apiError = z.object({
  code: z.enum(['invalid_input', 'not_found', 'conflict', 'no_file', 'rejected', 'bad_file', 'internal']),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  problems: z.array(problem).optional(),
});
export type ApiErrorBody = z.infer<typeof apiError>;

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export interface SidApi {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}
