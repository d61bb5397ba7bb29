import { followUpDraft, followUpLabels, type FollowUpDraft } from '../../shared/api/ofsted-follow-up';
import { formatDate } from '../../shared/domain/format';
import type { Outcome } from '../../shared/domain/ofsted';
import type { Db } from './database';
import type { RecordTable } from './write';

export interface StoredFollowUp extends FollowUpDraft {
  id: number;
  schoolId: number;
  school: string;
  inspectedOn: string;
  outcome: Outcome;
  coreGroupChair: string | null;
  leadOfficer: string | null;
}

const SELECT = `
  SELECT f.id, f.inspection_id AS inspectionId, f.school_id AS schoolId, s.name AS school,
         i.inspected_on AS inspectedOn, i.outcome, f.report_on AS reportOn, f.formal_meeting_on AS formalMeetingOn,
         COALESCE(f.formal_meeting_attendees, '') AS formalMeetingAttendees,
         f.core_group_chair_id AS coreGroupChairId, chair.name AS coreGroupChair,
         COALESCE(f.core_group_members, '') AS coreGroupMembers, f.statement_due_on AS statementDueOn,
         f.statement_submitted_on AS statementSubmittedOn, f.lead_officer_id AS leadOfficerId,
         lead.name AS leadOfficer, f.dmt_involved_on AS dmtInvolvedOn,
         COALESCE(f.parental_engagement, '') AS parentalEngagement, f.sos_notice_on AS sosNoticeOn,
         f.new_statement_due_on AS newStatementDueOn, f.new_statement_submitted_on AS newStatementSubmittedOn,
         f.closure_decision_on AS closureDecisionOn, COALESCE(f.closure_decision, '') AS closureDecision,
         COALESCE(f.notes, '') AS notes
  FROM ofsted_follow_ups f
  JOIN inspections i ON i.id = f.inspection_id
  JOIN schools s ON s.id = f.school_id
  LEFT JOIN people chair ON chair.id = f.core_group_chair_id
  LEFT JOIN people lead ON lead.id = f.lead_officer_id`;

export function followUpOfInspection(db: Db, inspectionId: number): StoredFollowUp | undefined {
  return db.prepare(`${SELECT} WHERE f.inspection_id = ?`).get(inspectionId) as StoredFollowUp | undefined;
}

export function followUpsOfSchool(db: Db, schoolId: number): StoredFollowUp[] {
  return db
    .prepare(`${SELECT} WHERE f.school_id = ? ORDER BY i.inspected_on DESC`)
    .all(schoolId) as StoredFollowUp[];
}

const blank = (text: string) => text.trim() || null;
/** The school is the inspection's: kept on the row so the record of changes files it under the school. */
const params = (d: FollowUpDraft, schoolId: number) => ({
  ...d,
  schoolId,
  formalMeetingAttendees: blank(d.formalMeetingAttendees),
  coreGroupMembers: blank(d.coreGroupMembers),
  parentalEngagement: blank(d.parentalEngagement),
  closureDecision: blank(d.closureDecision),
  notes: blank(d.notes),
});
// The handler has checked the inspection exists before any insert or update.
const schoolOfInspection = (db: Db, inspectionId: number) =>
  db.prepare('SELECT school_id FROM inspections WHERE id = ?').pluck().get(inspectionId) as number;
const COLUMNS = `inspection_id, school_id, report_on, formal_meeting_on, formal_meeting_attendees, core_group_chair_id,
  core_group_members, statement_due_on, statement_submitted_on, lead_officer_id, dmt_involved_on, parental_engagement,
  sos_notice_on, new_statement_due_on, new_statement_submitted_on, closure_decision_on, closure_decision, notes`;
const VALUES = `@inspectionId, @schoolId, @reportOn, @formalMeetingOn, @formalMeetingAttendees, @coreGroupChairId,
  @coreGroupMembers, @statementDueOn, @statementSubmittedOn, @leadOfficerId, @dmtInvolvedOn, @parentalEngagement,
  @sosNoticeOn, @newStatementDueOn, @newStatementSubmittedOn, @closureDecisionOn, @closureDecision, @notes`;

const date = (d: string | null) => d && formatDate(d);

export const followUps: RecordTable<StoredFollowUp, FollowUpDraft> = {
  entity: 'ofsted-follow-up',
  rules: followUpDraft,
  labels: followUpLabels,
  get: (db, id) => db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as StoredFollowUp | undefined,
  insert: (db, d) =>
    Number(
      db
        .prepare(`INSERT INTO ofsted_follow_ups (${COLUMNS}) VALUES (${VALUES})`)
        .run(params(d, schoolOfInspection(db, d.inspectionId))).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void db
      .prepare(`UPDATE ofsted_follow_ups SET (${COLUMNS}) = (${VALUES}) WHERE id = @id`)
      .run({ ...params(d, schoolOfInspection(db, d.inspectionId)), id }),
  remove: (db, id) => void db.prepare('DELETE FROM ofsted_follow_ups WHERE id = ?').run(id),
  restore: (db, row) =>
    void db
      .prepare(`INSERT INTO ofsted_follow_ups (id, ${COLUMNS}) VALUES (@id, ${VALUES})`)
      .run({ ...params(row, row.schoolId), id: row.id }),
  describe: (f) => ({
    Inspection: `${f.outcome}, ${formatDate(f.inspectedOn)}`,
    'Report date': date(f.reportOn),
    'Formal meeting': date(f.formalMeetingOn),
    'Who attended': blank(f.formalMeetingAttendees),
    'Core group chair': f.coreGroupChair,
    'Core group members': blank(f.coreGroupMembers),
    'Statement of action due': date(f.statementDueOn),
    'Statement of action submitted': date(f.statementSubmittedOn),
    'Lead officer': f.leadOfficer,
    'DMT involved': date(f.dmtInvolvedOn),
    'Engaging parents': blank(f.parentalEngagement),
    "Secretary of State's notice": date(f.sosNoticeOn),
    'New statement due': date(f.newStatementDueOn),
    'New statement submitted': date(f.newStatementSubmittedOn),
    'Closure decision date': date(f.closureDecisionOn),
    'Closure decision': blank(f.closureDecision),
    Notes: blank(f.notes),
  }),
  schoolOf: (f) => f.schoolId,
  title: (f) => `follow-up of the ${f.outcome} judgement of ${formatDate(f.inspectedOn)}`,
};
