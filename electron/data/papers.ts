import { MEETING_KINDS } from '../../shared/domain/meetings';
import type { AuditContext } from './audit';
import { writeAudit } from './audit';
import type { Db } from './database';
import { prepared } from './prepared';

/**
 * The District Intervention/Resource Group's papers (migration 010): the meetings they are made for,
 * the figures a pack needs that no other area reads, and the papers themselves as presented.
 */
export const DIG = MEETING_KINDS[0];

export interface PaperMeeting {
  id: number;
  heldOn: string;
  kind: string;
  doubleDistrictId: number | null;
  /** The double district's name; null for a county-wide meeting. */
  doubleDistrict: string | null;
}

const MEETING = `
  SELECT m.id, m.held_on AS heldOn, m.kind, m.double_district_id AS doubleDistrictId, dd.name AS doubleDistrict
  FROM meetings m LEFT JOIN double_districts dd ON dd.id = m.double_district_id`;

export function paperMeeting(db: Db, id: number): PaperMeeting | undefined {
  return prepared(db, `${MEETING} WHERE m.id = ?`).get(id) as PaperMeeting | undefined;
}

/** The group's meeting for a double district (null: county-wide) on a day, the first if there are two. */
export function digMeetingOn(
  db: Db,
  doubleDistrictId: number | null,
  heldOn: string,
): PaperMeeting | undefined {
  return prepared(
    db,
    `${MEETING} WHERE m.kind = '${DIG}' AND m.double_district_id IS ? AND m.held_on = ? ORDER BY m.id LIMIT 1`,
  ).get(doubleDistrictId, heldOn) as PaperMeeting | undefined;
}

/** The group's next meeting for a double district on or after a day. */
export function nextDigMeeting(
  db: Db,
  doubleDistrictId: number | null,
  from: string,
): PaperMeeting | undefined {
  return prepared(
    db,
    `${MEETING} WHERE m.kind = '${DIG}' AND m.double_district_id IS ? AND m.held_on >= ?
     ORDER BY m.held_on, m.id LIMIT 1`,
  ).get(doubleDistrictId, from) as PaperMeeting | undefined;
}

/** A new meeting of the group, with no attendees, agenda or minutes yet. */
export function insertDigMeeting(db: Db, doubleDistrictId: number | null, heldOn: string): number {
  return Number(
    prepared(db, `INSERT INTO meetings (held_on, kind, double_district_id) VALUES (?, '${DIG}', ?)`).run(
      heldOn,
      doubleDistrictId,
    ).lastInsertRowid,
  );
}

export interface PaperRow {
  id: number;
  meetingId: number;
  generatedAt: string;
  generatedBy: string;
  workbookBytes: number;
  pdfBytes: number;
  /** The date of the meeting whose papers these were compared with; null for a first pack. */
  comparedWith: string | null;
}

const PAPER = `
  SELECT id, meeting_id AS meetingId, generated_at AS generatedAt, generated_by AS generatedBy,
         length(workbook) AS workbookBytes, length(pdf) AS pdfBytes,
         json_extract(content, '$.previous.heldOn') AS comparedWith
  FROM meeting_papers`;

/** A meeting's papers, latest (the ones presented) first. */
export function papersOf(db: Db, meetingId: number): PaperRow[] {
  return prepared(db, `${PAPER} WHERE meeting_id = ? ORDER BY id DESC`).all(meetingId) as PaperRow[];
}

export function paperFile(
  db: Db,
  id: number,
  format: 'xlsx' | 'pdf',
): { data: Buffer; heldOn: string; doubleDistrict: string | null } | undefined {
  const column = format === 'xlsx' ? 'p.workbook' : 'p.pdf';
  return prepared(
    db,
    `SELECT ${column} AS data, m.held_on AS heldOn, dd.name AS doubleDistrict
     FROM meeting_papers p JOIN meetings m ON m.id = p.meeting_id
     LEFT JOIN double_districts dd ON dd.id = m.double_district_id WHERE p.id = ?`,
  ).get(id) as { data: Buffer; heldOn: string; doubleDistrict: string | null } | undefined;
}

/**
 * The content of the papers last presented before a meeting: the latest papers of the latest earlier
 * meeting of the same kind and double district that has any.
 */
export function previousPapers(
  db: Db,
  meeting: PaperMeeting,
): { meetingId: number; heldOn: string; content: string } | undefined {
  return prepared(
    db,
    `SELECT m.id AS meetingId, m.held_on AS heldOn, p.content
     FROM meetings m JOIN meeting_papers p ON p.meeting_id = m.id
     WHERE m.kind = ? AND m.double_district_id IS ? AND (m.held_on < ? OR (m.held_on = ? AND m.id < ?))
     ORDER BY m.held_on DESC, m.id DESC, p.id DESC LIMIT 1`,
  ).get(meeting.kind, meeting.doubleDistrictId, meeting.heldOn, meeting.heldOn, meeting.id) as
    { meetingId: number; heldOn: string; content: string } | undefined;
}

/**
 * Saves papers with their meeting, made by someone at an instant, with no entry in the record of
 * changes: only for papers nobody made in this file (the demo authority's, born with it).
 */
export function storePapers(
  db: Db,
  meetingId: number,
  made: { at: string; by: string },
  papers: { content: string; workbook: Buffer; pdf: Buffer },
): PaperRow {
  const id = Number(
    prepared(
      db,
      `INSERT INTO meeting_papers (meeting_id, generated_at, generated_by, content, workbook, pdf)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, made.at, made.by, papers.content, papers.workbook, papers.pdf).lastInsertRowid,
  );
  return prepared(db, `${PAPER} WHERE id = ?`).get(id) as PaperRow;
}

/**
 * Saves papers with their meeting and records that they were made. The record of changes notes the
 * papers, not the files: the files are kept here, unchanged, as handed out.
 */
export function insertPapers(
  db: Db,
  ctx: AuditContext,
  meeting: PaperMeeting,
  papers: { content: string; workbook: Buffer; pdf: Buffer; title: string },
): PaperRow {
  const row = storePapers(db, meeting.id, { at: ctx.now().toISOString(), by: ctx.user }, papers);
  writeAudit(db, ctx, {
    entity: 'meeting-papers',
    entityId: row.id,
    schoolId: null,
    action: 'add',
    summary: `Generated the papers for the ${papers.title}`,
    changes: [],
    after: row,
  });
  return row;
}

/** Schools' pending category proposals (none confirmed yet), oldest first. */
export function pendingProposals(db: Db): Array<{
  id: number;
  schoolId: number;
  proposedOn: string;
  source: string;
  proposedBy: string | null;
  proposedCategory: number;
}> {
  return prepared(
    db,
    `SELECT c.id, c.school_id AS schoolId, c.proposed_on AS proposedOn, c.source, p.name AS proposedBy,
            c.proposed_category AS proposedCategory
     FROM category_reviews c LEFT JOIN people p ON p.id = c.proposed_by_id
     WHERE c.decided_on IS NULL ORDER BY c.proposed_on, c.id`,
  ).all() as ReturnType<typeof pendingProposals>;
}

/** Each school's latest Ofsted judgement of overall effectiveness (monitoring inspections set none). */
export function latestOfstedOverall(db: Db): Map<number, { overall: number; on: string }> {
  const rows = prepared(
    db,
    `SELECT school_id AS schoolId, overall, inspected_on AS "on" FROM (
       SELECT school_id, overall, inspected_on, row_number() OVER (
         PARTITION BY school_id ORDER BY inspected_on DESC, id DESC) AS n
       FROM inspections WHERE type <> 'Monitoring inspection' AND overall IS NOT NULL)
     WHERE n = 1`,
  ).all() as Array<{ schoolId: number; overall: number; on: string }>;
  return new Map(rows.map((r) => [r.schoolId, { overall: r.overall, on: r.on }]));
}

/** Inspections and HMI monitoring visits on or after a day, by date. */
export function ofstedActivitySince(
  db: Db,
  since: string,
): Array<{ schoolId: number; on: string; type: string; overall: number | null; result: string }> {
  return prepared(
    db,
    `SELECT school_id AS schoolId, inspected_on AS "on", type, overall, outcome AS result
       FROM inspections WHERE inspected_on >= @since
     UNION ALL
     SELECT school_id, visited_on, 'HMI monitoring visit', NULL, 'Progress: ' || progress
       FROM monitoring_visits WHERE visited_on >= @since
     ORDER BY 2, 1`,
  ).all({ since }) as ReturnType<typeof ofstedActivitySince>;
}
