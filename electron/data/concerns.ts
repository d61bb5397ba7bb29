import {
  concernDraft,
  concernLabels,
  type ConcernDraft,
  type DutyCheckDraft,
  type StageDecisionDraft,
} from '../../shared/api/concerns';
import { dutyOf, type ConcernFactor, type Stage } from '../../shared/domain/concerns';
import { formatDate } from '../../shared/domain/format';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredDecision {
  id: number;
  decidedOn: string;
  from: Stage;
  to: Stage;
  reason: string;
  decidedById: number;
  decidedBy: string;
  meeting: string;
}
export interface StoredDutyCheck {
  duty: string;
  done: boolean;
  checkedOn: string | null;
  byId: number | null;
  by: string | null;
  notes: string;
}
export interface StoredConcern extends ConcernDraft {
  id: number;
  school: string;
  dfe: string;
  raisedBy: string | null;
  stageSince: string;
  notifiedOn: string | null;
  notification: string | null;
  closedOn: string | null;
  outcome: string | null;
  decisions: StoredDecision[];
  duties: StoredDutyCheck[];
}

const SELECT = `
  SELECT c.id, c.school_id AS schoolId, s.name AS school, s.dfe, c.source, c.factors,
         COALESCE(c.factor_notes, '') AS factorNotes, c.raised_by_id AS raisedById, p.name AS raisedBy,
         c.opened_on AS openedOn, c.stage, c.stage_since AS stageSince, c.focus_group_on AS focusGroupOn,
         c.dig_confirmed_on AS digConfirmedOn, c.notified_on AS notifiedOn, c.notification,
         c.closed_on AS closedOn, c.outcome
  FROM concerns c JOIN schools s ON s.id = c.school_id LEFT JOIN people p ON p.id = c.raised_by_id`;
type RawConcern = Omit<StoredConcern, 'factors' | 'decisions' | 'duties'> & { factors: string };

function decisionsOf(db: Db, concernId: number): StoredDecision[] {
  return db
    .prepare(
      `SELECT d.id, d.decided_on AS decidedOn, d.from_stage AS "from", d.to_stage AS "to", d.reason,
              d.decided_by_id AS decidedById, p.name AS decidedBy, COALESCE(d.meeting, '') AS meeting
       FROM concern_stage_decisions d JOIN people p ON p.id = d.decided_by_id
       WHERE d.concern_id = ? ORDER BY d.decided_on, d.id`,
    )
    .all(concernId) as StoredDecision[];
}

function dutiesOf(db: Db, concernId: number): StoredDutyCheck[] {
  return (
    db
      .prepare(
        `SELECT k.duty, k.done, k.checked_on AS checkedOn, k.by_id AS byId, p.name AS "by",
                COALESCE(k.notes, '') AS notes
         FROM concern_duty_checks k LEFT JOIN people p ON p.id = k.by_id
         WHERE k.concern_id = ? ORDER BY k.duty`,
      )
      .all(concernId) as Array<Omit<StoredDutyCheck, 'done'> & { done: number }>
  ).map((d) => ({ ...d, done: d.done === 1 }));
}

const full = (db: Db, row: RawConcern): StoredConcern => ({
  ...row,
  factors: JSON.parse(row.factors) as ConcernFactor[],
  decisions: decisionsOf(db, row.id),
  duties: dutiesOf(db, row.id),
});

export interface ConcernFilter {
  doubleDistrictId?: number | null | undefined;
  stage?: Stage | undefined;
  includeClosed?: boolean | undefined;
  schoolId?: number | undefined;
}

/**
 * Concerns by double district, stage and school; open ones unless closed ones are asked for too.
 * Open first, the highest stage first, then by school, the latest first.
 */
export function listConcerns(db: Db, filter: ConcernFilter = {}): StoredConcern[] {
  const where = ['1 = 1'];
  if (!filter.includeClosed) where.push('c.closed_on IS NULL');
  if (filter.stage !== undefined) where.push('c.stage = @stage');
  if (filter.schoolId !== undefined) where.push('c.school_id = @schoolId');
  if (filter.doubleDistrictId != null)
    where.push('s.district_id IN (SELECT id FROM districts WHERE double_district_id = @doubleDistrictId)');
  const rows = db
    .prepare(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.closed_on IS NOT NULL, c.stage DESC, s.name, c.opened_on DESC`,
    )
    .all({
      stage: filter.stage ?? null,
      schoolId: filter.schoolId ?? null,
      doubleDistrictId: filter.doubleDistrictId ?? null,
    }) as RawConcern[];
  return rows.map((r) => full(db, r));
}

/** The school's open concern, if it has one. */
export function openConcernOf(db: Db, schoolId: number): { id: number; openedOn: string } | undefined {
  return db
    .prepare('SELECT id, opened_on AS openedOn FROM concerns WHERE school_id = ? AND closed_on IS NULL')
    .get(schoolId) as { id: number; openedOn: string } | undefined;
}

const params = (d: ConcernDraft) => ({
  ...d,
  factors: JSON.stringify(d.factors),
  factorNotes: d.factorNotes.trim() || null,
});
const COLUMNS = `school_id, source, factors, factor_notes, raised_by_id, opened_on, focus_group_on,
  dig_confirmed_on, stage, stage_since`;
const VALUES = `@schoolId, @source, @factors, @factorNotes, @raisedById, @openedOn, @focusGroupOn,
  @digConfirmedOn, @stage`;

/** A stage decision: the decision kept, the concern moved to its stage from that day. */
export function recordStageDecision(db: Db, concernId: number, from: Stage, d: StageDecisionDraft): void {
  db.prepare(
    `INSERT INTO concern_stage_decisions (concern_id, decided_on, from_stage, to_stage, reason, decided_by_id, meeting)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(concernId, d.decidedOn, from, d.to, d.reason.trim(), d.decidedById, d.meeting.trim() || null);
  db.prepare('UPDATE concerns SET stage = ?, stage_since = ? WHERE id = ?').run(d.to, d.decidedOn, concernId);
}

export function recordDutyCheck(db: Db, concernId: number, d: DutyCheckDraft): void {
  db.prepare(
    `INSERT INTO concern_duty_checks (concern_id, duty, done, checked_on, by_id, notes) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (concern_id, duty) DO UPDATE SET done = excluded.done, checked_on = excluded.checked_on,
       by_id = excluded.by_id, notes = excluded.notes`,
  ).run(concernId, d.duty, d.done ? 1 : 0, d.checkedOn, d.byId, d.notes.trim() || null);
}

export function recordNotification(
  db: Db,
  concernId: number,
  notifiedOn: string,
  notification: string,
): void {
  db.prepare('UPDATE concerns SET notified_on = ?, notification = ? WHERE id = ?').run(
    notifiedOn,
    notification.trim(),
    concernId,
  );
}

export function recordClosure(db: Db, concernId: number, closedOn: string, outcome: string): void {
  db.prepare('UPDATE concerns SET closed_on = ?, outcome = ? WHERE id = ?').run(
    closedOn,
    outcome.trim(),
    concernId,
  );
}

const stageLabel = (n: number) => `Stage ${n}`;
const dutyLine = (d: StoredDutyCheck) =>
  [
    d.done ? 'Done' : 'Not done',
    d.checkedOn && `${d.done ? '' : 'checked '}${formatDate(d.checkedOn)}`.trim(),
    d.by && `by ${d.by}`,
    d.notes && `(${d.notes})`,
  ]
    .filter(Boolean)
    .join(' ');

export const concerns: RecordTable<StoredConcern, ConcernDraft> = {
  entity: 'concern',
  rules: concernDraft,
  labels: concernLabels,
  get: (db, id) => {
    const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as RawConcern | undefined;
    return row && full(db, row);
  },
  insert: (db, d) =>
    Number(
      db.prepare(`INSERT INTO concerns (${COLUMNS}) VALUES (${VALUES}, @openedOn)`).run(params(d))
        .lastInsertRowid,
    ),
  // The stage is not corrected here: it moves only by a decision (recordStageDecision). A concern
  // without decisions yet began its stage when it opened, so a corrected opening date moves that too.
  update: (db, id, d) =>
    void db
      .prepare(
        `UPDATE concerns SET school_id = @schoolId, source = @source, factors = @factors,
           factor_notes = @factorNotes, raised_by_id = @raisedById, opened_on = @openedOn,
           focus_group_on = @focusGroupOn, dig_confirmed_on = @digConfirmedOn,
           stage_since = CASE WHEN EXISTS (SELECT 1 FROM concern_stage_decisions WHERE concern_id = @id)
                              THEN stage_since ELSE @openedOn END
         WHERE id = @id`,
      )
      .run({ ...params(d), id }),
  remove: (db, id) => void db.prepare('DELETE FROM concerns WHERE id = ?').run(id),
  restore: (db, row) => {
    db.prepare(
      `INSERT INTO concerns (id, ${COLUMNS}, notified_on, notification, closed_on, outcome)
       VALUES (@id, ${VALUES}, @stageSince, @notifiedOn, @notification, @closedOn, @outcome)`,
    ).run({
      ...params(row),
      id: row.id,
      stageSince: row.stageSince,
      notifiedOn: row.notifiedOn,
      notification: row.notification,
      closedOn: row.closedOn,
      outcome: row.outcome,
    });
    const decision = db.prepare(
      `INSERT INTO concern_stage_decisions (id, concern_id, decided_on, from_stage, to_stage, reason, decided_by_id, meeting)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const d of row.decisions)
      decision.run(d.id, row.id, d.decidedOn, d.from, d.to, d.reason, d.decidedById, d.meeting || null);
    for (const d of row.duties) recordDutyCheck(db, row.id, d);
  },
  describe: (c) => ({
    School: c.school,
    Source: c.source,
    Factors: c.factors.join('; ') || null,
    'About the factors': c.factorNotes.trim() || null,
    'Raised by': c.raisedBy,
    Opened: formatDate(c.openedOn),
    'Identified by the District Focus Group': c.focusGroupOn && formatDate(c.focusGroupOn),
    'Confirmed by the District Intervention/Resource Group': c.digConfirmedOn && formatDate(c.digConfirmedOn),
    Stage: stageLabel(c.stage),
    'At this stage since': formatDate(c.stageSince),
    ...Object.fromEntries(
      c.decisions.map((d, i) => [
        `Stage decision ${i + 1}`,
        `${formatDate(d.decidedOn)}: ${stageLabel(d.from)} → ${stageLabel(d.to)}, ${d.reason}; decided by ${d.decidedBy}${d.meeting ? ` at ${d.meeting}` : ''}`,
      ]),
    ),
    ...Object.fromEntries(
      c.duties.map((d) => [`Duty: ${dutyOf(d.duty)?.duty.label ?? d.duty}`, dutyLine(d)]),
    ),
    Notified: c.notifiedOn && formatDate(c.notifiedOn),
    'What the school was told': c.notification,
    Closed: c.closedOn && formatDate(c.closedOn),
    Outcome: c.outcome,
  }),
  schoolOf: (c) => c.schoolId,
  title: (c) => `concern about ${c.school} opened ${formatDate(c.openedOn)}`,
};
