import {
  meetingDraft,
  meetingLabels,
  type DecisionOption,
  type MeetingDecisionRow,
  type MeetingDraft,
  type MeetingListRow,
} from '../../shared/api/meetings';
import type { MeetingKind } from '../../shared/domain/meetings';
import { decisionText, meetingTitle, type DecisionDraft } from '../../shared/domain/meetings';
import { formatDate, formatDateTime } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import { write, type RecordTable, type WriteContext } from './write';

export interface StoredMeeting extends Omit<MeetingDraft, 'decisions'> {
  id: number;
  doubleDistrict: string | null;
  decisions: MeetingDecisionRow[];
}

const SELECT = `
  SELECT m.id, m.held_on AS heldOn, m.kind, m.double_district_id AS doubleDistrictId, dd.name AS doubleDistrict,
         m.attendees, m.agenda, m.minutes
  FROM meetings m LEFT JOIN double_districts dd ON dd.id = m.double_district_id`;
type RawMeeting = Omit<StoredMeeting, 'attendees' | 'decisions'> & { attendees: string };

interface RawDecision {
  id: number;
  kind: DecisionDraft['kind'];
  schoolId: number;
  school: string;
  subjectId: number;
  details: string;
  appliedAt: string | null;
  appliedBy: string | null;
}

function decisionsOf(db: Db, meetingId: number): MeetingDecisionRow[] {
  const rows = prepared(
    db,
    `SELECT d.id, d.kind, d.school_id AS schoolId, s.name AS school, d.subject_id AS subjectId, d.details,
            d.applied_at AS appliedAt, d.applied_by AS appliedBy
     FROM meeting_decisions d JOIN schools s ON s.id = d.school_id
     WHERE d.meeting_id = ? ORDER BY d.position, d.id`,
  ).all(meetingId) as RawDecision[];
  return rows.map(({ details, ...row }) => ({
    ...(JSON.parse(details) as object),
    ...row,
  })) as MeetingDecisionRow[];
}

function full(db: Db, row: RawMeeting): StoredMeeting {
  return {
    ...row,
    attendees: JSON.parse(row.attendees),
    decisions: decisionsOf(db, row.id),
  } as StoredMeeting;
}

export function listMeetings(
  db: Db,
  filter: { doubleDistrictId?: number | null | undefined; kind?: MeetingKind | undefined },
): MeetingListRow[] {
  const where = ['1 = 1'];
  if (filter.doubleDistrictId === null) where.push('m.double_district_id IS NULL');
  else if (filter.doubleDistrictId !== undefined) where.push('m.double_district_id = @doubleDistrictId');
  if (filter.kind !== undefined) where.push('m.kind = @kind');
  return prepared(
    db,
    `SELECT m.id, m.held_on AS heldOn, m.kind, m.double_district_id AS doubleDistrictId,
            dd.name AS doubleDistrict, json_array_length(m.attendees) AS attendees,
            (SELECT count(*) FROM meeting_decisions d WHERE d.meeting_id = m.id) AS decisions,
            (SELECT count(*) FROM meeting_decisions d WHERE d.meeting_id = m.id AND d.applied_at IS NOT NULL)
              AS applied
     FROM meetings m LEFT JOIN double_districts dd ON dd.id = m.double_district_id
     WHERE ${where.join(' AND ')} ORDER BY m.held_on DESC, m.id DESC`,
  ).all({ doubleDistrictId: filter.doubleDistrictId ?? null, kind: filter.kind ?? null }) as MeetingListRow[];
}

/** Whether papers have been generated for the meeting: they are what was presented, so it stays. */
export const hasPapers = (db: Db, meetingId: number) =>
  prepared(db, 'SELECT 1 FROM meeting_papers WHERE meeting_id = ? LIMIT 1').get(meetingId) !== undefined;

/**
 * Schools in a double district (every school for a county-wide meeting) with something a group can
 * decide on: a category proposal not yet decided, an open concern, a project not closed.
 */
export function decisionOptions(db: Db, doubleDistrictId: number | null): DecisionOption[] {
  const inArea = `(@dd IS NULL OR s.district_id IN (SELECT id FROM districts WHERE double_district_id = @dd))`;
  const params = { dd: doubleDistrictId };
  const proposals = prepared(
    db,
    `SELECT c.id, c.school_id AS schoolId, c.proposed_category AS proposedCategory, c.proposed_on AS proposedOn
     FROM category_reviews c JOIN schools s ON s.id = c.school_id
     WHERE c.decided_on IS NULL AND ${inArea} ORDER BY c.proposed_on DESC, c.id DESC`,
  ).all(params) as Array<{ id: number; schoolId: number; proposedCategory: number; proposedOn: string }>;
  const concerns = prepared(
    db,
    `SELECT c.id, c.school_id AS schoolId, c.stage FROM concerns c JOIN schools s ON s.id = c.school_id
     WHERE c.closed_on IS NULL AND ${inArea}`,
  ).all(params) as Array<{ id: number; schoolId: number; stage: number }>;
  const projects = prepared(
    db,
    `SELECT p.id, p.school_id AS schoolId, p.started_on AS startedOn, p.status
     FROM projects p JOIN schools s ON s.id = p.school_id
     WHERE p.status <> 'Closed' AND ${inArea} ORDER BY p.started_on DESC`,
  ).all(params) as Array<DecisionOption['projects'][number] & { schoolId: number }>;
  const ids = new Set([...proposals, ...concerns, ...projects].map((r) => r.schoolId));
  if (ids.size === 0) return [];
  const schools = prepared(db, 'SELECT id, name, dfe FROM schools ORDER BY name').all() as Array<{
    id: number;
    name: string;
    dfe: string;
  }>;
  return schools
    .filter((s) => ids.has(s.id))
    .map((s) => ({
      schoolId: s.id,
      school: s.name,
      dfe: s.dfe,
      proposals: proposals.filter((p) => p.schoolId === s.id).map(({ schoolId: _, ...p }) => p),
      concern: concerns.find((c) => c.schoolId === s.id) ?? null,
      projects: projects.filter((p) => p.schoolId === s.id).map(({ schoolId: _, ...p }) => p),
    }));
}

/** Stamps the meeting's decisions not yet applied as applied now, by this user. */
export function markApplied(db: Db, meetingId: number, at: string, by: string): void {
  prepared(
    db,
    'UPDATE meeting_decisions SET applied_at = ?, applied_by = ? WHERE meeting_id = ? AND applied_at IS NULL',
  ).run(at, by, meetingId);
}

/** The decision's own fields, kept as JSON beside the columns every kind has. */
// What has its own column, or is read with the row (the school's name, the stamp), is not a detail.
const COLUMNS = new Set(['id', 'kind', 'schoolId', 'subjectId', 'school', 'appliedAt', 'appliedBy']);
const detailsOf = (d: DecisionDraft): string =>
  JSON.stringify(Object.fromEntries(Object.entries(d).filter(([key]) => !COLUMNS.has(key))));

function insertDecision(db: Db, meetingId: number, position: number, d: DecisionDraft | MeetingDecisionRow) {
  const stamped = 'appliedAt' in d ? d : { appliedAt: null, appliedBy: null };
  prepared(
    db,
    `INSERT INTO meeting_decisions (id, meeting_id, position, kind, school_id, subject_id, details, applied_at, applied_by)
     VALUES (@id, @meetingId, @position, @kind, @schoolId, @subjectId, @details, @appliedAt, @appliedBy)`,
  ).run({
    id: d.id ?? null,
    meetingId,
    position,
    kind: d.kind,
    schoolId: d.schoolId,
    subjectId: d.subjectId,
    details: detailsOf(d),
    appliedAt: stamped.appliedAt,
    appliedBy: stamped.appliedBy,
  });
}

/**
 * Writes the draft's decisions: those not applied are replaced by the draft's, in its order; applied
 * ones (the core has checked the draft leaves them as they were) keep their row and stamp.
 */
function saveDecisions(db: Db, meetingId: number, decisions: readonly DecisionDraft[]) {
  const applied = new Set(
    (
      prepared(db, 'SELECT id FROM meeting_decisions WHERE meeting_id = ? AND applied_at IS NOT NULL').all(
        meetingId,
      ) as Array<{ id: number }>
    ).map((r) => r.id),
  );
  prepared(db, 'DELETE FROM meeting_decisions WHERE meeting_id = ? AND applied_at IS NULL').run(meetingId);
  decisions.forEach((d, position) => {
    if (d.id !== undefined && applied.has(d.id))
      prepared(db, 'UPDATE meeting_decisions SET position = ? WHERE id = ?').run(position, d.id);
    else insertDecision(db, meetingId, position, d);
  });
}

const params = (d: MeetingDraft) => ({
  heldOn: d.heldOn,
  kind: d.kind,
  doubleDistrictId: d.doubleDistrictId,
  attendees: JSON.stringify(d.attendees.map((a) => ({ name: a.name.trim(), role: a.role.trim() }))),
  agenda: d.agenda.trim(),
  minutes: d.minutes.trim(),
});

const attendeeText = (m: StoredMeeting) =>
  m.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ') || null;
const decisionLines = (m: StoredMeeting) =>
  m.decisions
    .map(
      (d) => `${decisionText(d, d.school)}${d.appliedAt ? ` — applied ${formatDateTime(d.appliedAt)}` : ''}`,
    )
    .join('\n') || null;

export const meetings: RecordTable<StoredMeeting, MeetingDraft> = {
  entity: 'meeting',
  rules: meetingDraft,
  labels: meetingLabels,
  get: (db, id) => {
    const row = prepared(db, `${SELECT} WHERE m.id = ?`).get(id) as RawMeeting | undefined;
    return row && full(db, row);
  },
  insert: (db, d) => {
    const id = Number(
      prepared(
        db,
        `INSERT INTO meetings (held_on, kind, double_district_id, attendees, agenda, minutes)
         VALUES (@heldOn, @kind, @doubleDistrictId, @attendees, @agenda, @minutes)`,
      ).run(params(d)).lastInsertRowid,
    );
    saveDecisions(db, id, d.decisions);
    return id;
  },
  update: (db, id, d) => {
    prepared(
      db,
      `UPDATE meetings SET held_on = @heldOn, kind = @kind, double_district_id = @doubleDistrictId,
         attendees = @attendees, agenda = @agenda, minutes = @minutes WHERE id = @id`,
    ).run({ ...params(d), id });
    saveDecisions(db, id, d.decisions);
  },
  // Its decisions go with it (ON DELETE CASCADE) and come back with it.
  remove: (db, id) => void prepared(db, 'DELETE FROM meetings WHERE id = ?').run(id),
  restore: (db, m) => {
    prepared(
      db,
      `INSERT INTO meetings (id, held_on, kind, double_district_id, attendees, agenda, minutes)
       VALUES (@id, @heldOn, @kind, @doubleDistrictId, @attendees, @agenda, @minutes)`,
    ).run({ ...params({ ...m, decisions: [] }), id: m.id });
    m.decisions.forEach((d, position) => insertDecision(db, m.id, position, d));
  },
  describe: (m) => ({
    'Held on': formatDate(m.heldOn),
    Meeting: m.kind,
    'Double district': m.doubleDistrict ?? 'County-wide',
    Attendees: attendeeText(m),
    Agenda: m.agenda || null,
    Minutes: m.minutes || null,
    Decisions: decisionLines(m),
  }),
  schoolOf: () => null,
  title: (m) => meetingTitle(m),
};

const rolledBack = Symbol('rolled back');

/**
 * Runs changes exactly as a write would, then takes them all back: what a preview shows is what the
 * same code does when applied, not a second account of it that could drift.
 */
export function rehearse<T>(ctx: WriteContext, work: () => T): T {
  let result: T | undefined;
  try {
    write(ctx, () => {
      result = work();
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  return result as T;
}

export interface WrittenChange {
  entity: string;
  schoolId: number | null;
  school: string | null;
  summary: string;
  changes: string;
}

/** The audit entries written after `afterId`, oldest first: what a decision just changed. */
export function changesSince(db: Db, afterId: number): WrittenChange[] {
  return prepared(
    db,
    `SELECT a.entity, a.school_id AS schoolId, s.name AS school, a.summary, a.changes
     FROM audit_log a LEFT JOIN schools s ON s.id = a.school_id WHERE a.id > ? ORDER BY a.id`,
  ).all(afterId) as WrittenChange[];
}

export const lastAuditId = (db: Db) =>
  (prepared(db, 'SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
