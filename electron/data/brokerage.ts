import {
  barrierDraft,
  brokerageLabels,
  responseDraft,
  strengthDraft,
  supportDraft,
  type BarrierDraft,
  type ResponseDraft,
  type StrengthDraft,
  type SupportDraft,
} from '../../shared/api/brokerage';
import { formatDate } from '../../shared/domain/format';
import { areaLabel, DEFAULT_SUPPORT_LIMIT } from '../../shared/domain/partnerships';
import type { AuditAction } from '../../shared/domain/audit';
import { writeAudit, type AuditContext, type Change } from './audit';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredStrength extends StrengthDraft {
  id: number;
}

const K_SELECT = `SELECT id, school_id AS schoolId, area, aspect, evidence, COALESCE(validated_by, '') AS validatedBy,
  validated_on AS validatedOn, COALESCE(contact, '') AS contact FROM key_strengths`;

export const allStrengths = (db: Db): StoredStrength[] =>
  db.prepare(`${K_SELECT} ORDER BY area, id`).all() as StoredStrength[];

const strengthParams = (d: StrengthDraft) => ({
  schoolId: d.schoolId,
  area: d.area,
  aspect: d.aspect.trim(),
  evidence: d.evidence.trim(),
  validatedBy: d.validatedBy.trim() || null,
  validatedOn: d.validatedOn,
  contact: d.contact.trim() || null,
});

export const strengths: RecordTable<StoredStrength, StrengthDraft> = {
  entity: 'key-strength',
  rules: strengthDraft,
  labels: brokerageLabels,
  get: (db, id) => db.prepare(`${K_SELECT} WHERE id = ?`).get(id) as StoredStrength | undefined,
  insert: (db, d) =>
    Number(
      db
        .prepare(
          `INSERT INTO key_strengths (school_id, area, aspect, evidence, validated_by, validated_on, contact)
           VALUES (@schoolId, @area, @aspect, @evidence, @validatedBy, @validatedOn, @contact)`,
        )
        .run(strengthParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(
        `UPDATE key_strengths SET school_id = @schoolId, area = @area, aspect = @aspect, evidence = @evidence,
           validated_by = @validatedBy, validated_on = @validatedOn, contact = @contact WHERE id = @id`,
      )
      .run({ ...strengthParams(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM key_strengths WHERE id = ?').run(id),
  restore: (db, s) =>
    void db
      .prepare(
        `INSERT INTO key_strengths (id, school_id, area, aspect, evidence, validated_by, validated_on, contact)
         VALUES (@id, @schoolId, @area, @aspect, @evidence, @validatedBy, @validatedOn, @contact)`,
      )
      .run({ ...strengthParams(s), id: s.id }),
  describe: (s) => ({
    Area: areaLabel(s.area),
    Aspect: s.aspect.trim() || null,
    Evidence: s.evidence,
    'Validated by': s.validatedBy.trim() || null,
    'Validated on': s.validatedOn && formatDate(s.validatedOn),
    Contact: s.contact.trim() || null,
  }),
  schoolOf: (s) => s.schoolId,
  title: (s) => `key strength in ${areaLabel(s.area)}`,
};

export interface StoredSupport extends SupportDraft {
  id: number;
}

const B_SELECT = `SELECT id, supporting_school_id AS supportingSchoolId, supported_school_id AS supportedSchoolId,
  area, starts_on AS startsOn, ends_on AS endsOn, agreed_by AS agreedBy, COALESCE(outcome, '') AS outcome
  FROM brokered_support`;

export const allSupport = (db: Db, schoolId?: number): StoredSupport[] =>
  db
    .prepare(
      `${B_SELECT} WHERE @s IS NULL OR supporting_school_id = @s OR supported_school_id = @s
       ORDER BY starts_on DESC, id DESC`,
    )
    .all({ s: schoolId ?? null }) as StoredSupport[];

/** A stored support with both schools named, so its audit entries say who rather than an id. */
export interface NamedSupport extends StoredSupport {
  supportingSchool: string;
  supportingDfe: string;
  supportedSchool: string;
  supportedDfe: string;
}

const NAMED_SELECT = `SELECT b.id, b.supporting_school_id AS supportingSchoolId, b.supported_school_id AS supportedSchoolId,
  b.area, b.starts_on AS startsOn, b.ends_on AS endsOn, b.agreed_by AS agreedBy, COALESCE(b.outcome, '') AS outcome,
  giver.name AS supportingSchool, giver.dfe AS supportingDfe, taker.name AS supportedSchool, taker.dfe AS supportedDfe
  FROM brokered_support b
  JOIN schools giver ON giver.id = b.supporting_school_id
  JOIN schools taker ON taker.id = b.supported_school_id`;

// Picks the stored fields only: a restore is given the audited row, names and DfE numbers included.
const supportParams = (d: SupportDraft) => ({
  supportingSchoolId: d.supportingSchoolId,
  supportedSchoolId: d.supportedSchoolId,
  area: d.area,
  startsOn: d.startsOn,
  endsOn: d.endsOn,
  agreedBy: d.agreedBy.trim(),
  outcome: d.outcome.trim() || null,
});
const SUPPORT_COLUMNS = `supporting_school_id, supported_school_id, area, starts_on, ends_on, agreed_by, outcome`;
const SUPPORT_VALUES = `@supportingSchoolId, @supportedSchoolId, @area, @startsOn, @endsOn, @agreedBy, @outcome`;

/** Filed under the supported school; the core writes the same entry for the supporting school too. */
export const brokeredSupport: RecordTable<NamedSupport, SupportDraft> = {
  entity: 'brokered-support',
  rules: supportDraft,
  labels: brokerageLabels,
  get: (db, id) => db.prepare(`${NAMED_SELECT} WHERE b.id = ?`).get(id) as NamedSupport | undefined,
  insert: (db, d) =>
    Number(
      db
        .prepare(`INSERT INTO brokered_support (${SUPPORT_COLUMNS}) VALUES (${SUPPORT_VALUES})`)
        .run(supportParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(
        `UPDATE brokered_support SET supporting_school_id = @supportingSchoolId, supported_school_id = @supportedSchoolId,
           area = @area, starts_on = @startsOn, ends_on = @endsOn, agreed_by = @agreedBy, outcome = @outcome
         WHERE id = @id`,
      )
      .run({ ...supportParams(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM brokered_support WHERE id = ?').run(id),
  restore: (db, s) =>
    void db
      .prepare(`INSERT INTO brokered_support (id, ${SUPPORT_COLUMNS}) VALUES (@id, ${SUPPORT_VALUES})`)
      .run({ ...supportParams(s), id: s.id }),
  describe: (s) => ({
    'Supporting school': `${s.supportingSchool} (${s.supportingDfe})`,
    'Supported school': `${s.supportedSchool} (${s.supportedDfe})`,
    Area: areaLabel(s.area),
    Starts: formatDate(s.startsOn),
    Ends: s.endsOn && formatDate(s.endsOn),
    'Agreed by': s.agreedBy,
    Outcome: s.outcome.trim() || null,
  }),
  schoolOf: (s) => s.supportedSchoolId,
  title: (s) => `brokered support in ${areaLabel(s.area)} from ${formatDate(s.startsOn)}`,
};

export interface StoredBarrier extends BarrierDraft {
  id: number;
}

const R_SELECT = `SELECT id, school_id AS schoolId, raised_on AS raisedOn, theme, description,
  beyond_school AS beyondSchool FROM barriers`;
const barrierOut = (row: Omit<StoredBarrier, 'beyondSchool'> & { beyondSchool: number }): StoredBarrier => ({
  ...row,
  beyondSchool: row.beyondSchool === 1,
});

export const allBarriers = (db: Db, schoolId?: number): StoredBarrier[] =>
  (
    db
      .prepare(`${R_SELECT} WHERE @s IS NULL OR school_id = @s ORDER BY raised_on DESC, id DESC`)
      .all({ s: schoolId ?? null }) as Array<Parameters<typeof barrierOut>[0]>
  ).map(barrierOut);

const barrierParams = (d: BarrierDraft) => ({
  ...d,
  theme: d.theme.trim().replace(/\s+/g, ' '),
  description: d.description.trim(),
  beyondSchool: d.beyondSchool ? 1 : 0,
});

export const barriers: RecordTable<StoredBarrier, BarrierDraft> = {
  entity: 'barrier',
  rules: barrierDraft,
  labels: brokerageLabels,
  get: (db, id) => {
    const row = db.prepare(`${R_SELECT} WHERE id = ?`).get(id) as
      Parameters<typeof barrierOut>[0] | undefined;
    return row && barrierOut(row);
  },
  insert: (db, d) =>
    Number(
      db
        .prepare(
          `INSERT INTO barriers (school_id, raised_on, theme, description, beyond_school)
           VALUES (@schoolId, @raisedOn, @theme, @description, @beyondSchool)`,
        )
        .run(barrierParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(
        `UPDATE barriers SET school_id = @schoolId, raised_on = @raisedOn, theme = @theme, description = @description,
           beyond_school = @beyondSchool WHERE id = @id`,
      )
      .run({ ...barrierParams(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM barriers WHERE id = ?').run(id),
  restore: (db, b) =>
    void db
      .prepare(
        `INSERT INTO barriers (id, school_id, raised_on, theme, description, beyond_school)
         VALUES (@id, @schoolId, @raisedOn, @theme, @description, @beyondSchool)`,
      )
      .run({ ...barrierParams(b), id: b.id }),
  describe: (b) => ({
    'Raised on': formatDate(b.raisedOn),
    Theme: b.theme,
    Description: b.description,
    'Beyond the school': b.beyondSchool ? 'Yes' : 'No',
  }),
  schoolOf: (b) => b.schoolId,
  title: (b) => `barrier to effectiveness (${b.theme})`,
};

export interface StoredResponse extends ResponseDraft {
  id: number;
}

const A_SELECT = 'SELECT id, theme, response, responded_on AS respondedOn FROM barrier_responses';

export const allResponses = (db: Db): StoredResponse[] =>
  db.prepare(`${A_SELECT} ORDER BY theme`).all() as StoredResponse[];

export const responseToTheme = (db: Db, theme: string) =>
  db.prepare(`${A_SELECT} WHERE theme = ? COLLATE NOCASE`).get(theme.trim()) as StoredResponse | undefined;

const responseParams = (d: ResponseDraft) => ({
  theme: d.theme.trim().replace(/\s+/g, ' '),
  response: d.response.trim(),
  respondedOn: d.respondedOn,
});

export const responses: RecordTable<StoredResponse, ResponseDraft> = {
  entity: 'barrier-response',
  rules: responseDraft,
  labels: brokerageLabels,
  get: (db, id) => db.prepare(`${A_SELECT} WHERE id = ?`).get(id) as StoredResponse | undefined,
  insert: (db, d) =>
    Number(
      db
        .prepare(
          'INSERT INTO barrier_responses (theme, response, responded_on) VALUES (@theme, @response, @respondedOn)',
        )
        .run(responseParams(d)).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(
        'UPDATE barrier_responses SET theme = @theme, response = @response, responded_on = @respondedOn WHERE id = @id',
      )
      .run({ ...responseParams(d), id }),
  describe: (r) => ({ Theme: r.theme, 'LA response': r.response, 'Responded on': formatDate(r.respondedOn) }),
  schoolOf: () => null,
  title: (r) => `LA response on ${r.theme}`,
};

/** The most schools one school may support at once before it is no longer suggested. */
export function supportLimit(db: Db): number {
  const value = db
    .prepare("SELECT value FROM app_settings WHERE key = 'partnerships.supportLimit'")
    .pluck()
    .get() as string | undefined;
  return value === undefined ? DEFAULT_SUPPORT_LIMIT : Number(value);
}

export function setSupportLimit(db: Db, limit: number): void {
  db.prepare(
    `INSERT INTO app_settings (key, value) VALUES ('partnerships.supportLimit', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(String(limit));
}

export const lastAuditId = (db: Db): number =>
  (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;

/**
 * The audit has one school per entry, and brokered support belongs on both schools' timelines: each
 * entry written about it since `afterId` is written again for the other school, whole, so either
 * school's timeline shows it and can undo its deletion.
 */
export function mirrorAudit(
  db: Db,
  ctx: AuditContext,
  afterId: number,
  supportId: number,
  schoolId: number,
): void {
  const rows = db
    .prepare(
      `SELECT action, summary, changes, before_state AS before, after_state AS after FROM audit_log
       WHERE id > ? AND entity = 'brokered-support' AND entity_id = ? AND school_id IS NOT ? ORDER BY id`,
    )
    .all(afterId, supportId, schoolId) as Array<{
    action: AuditAction;
    summary: string;
    changes: string;
    before: string | null;
    after: string | null;
  }>;
  for (const row of rows)
    writeAudit(db, ctx, {
      entity: 'brokered-support',
      entityId: supportId,
      schoolId,
      action: row.action,
      summary: row.summary,
      changes: JSON.parse(row.changes) as Change[],
      before: row.before === null ? undefined : (JSON.parse(row.before) as unknown),
      after: row.after === null ? undefined : (JSON.parse(row.after) as unknown),
    });
}
