-- Meetings of the groups that govern intervention (DOMAIN §9, seed 002 §D.2–D.3), the decisions their
-- minutes record, and the papers generated for them. Ids are AUTOINCREMENT so a deleted record's id is
-- never reused and can be restored with it.

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('District Intervention/Resource Group', 'District Focus Group',
                                     'Core group', 'Project group')),
  -- NULL: a county-wide meeting.
  double_district_id INTEGER REFERENCES double_districts(id),
  -- A JSON array of { name, role }: members include finance and JFU staff who are not people in the file.
  attendees TEXT NOT NULL DEFAULT '[]',
  agenda TEXT NOT NULL DEFAULT '',
  minutes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_held ON meetings(double_district_id, kind, held_on);

-- The papers as presented: the pack's content as data (what the next pack's "since the last meeting"
-- compares with) and the two files exactly as they were handed out. A pack generated again for the
-- same meeting is a new row; the latest is the one presented.
CREATE TABLE meeting_papers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  content TEXT NOT NULL,
  workbook BLOB NOT NULL,
  pdf BLOB NOT NULL
);
CREATE INDEX meeting_papers_meeting ON meeting_papers(meeting_id, id);

-- The decisions a meeting's minutes record, each about one school's proposal, concern or project, kept
-- as the user wrote them (`details`, JSON) until applied: applying makes the change through the same
-- rules as the school's own page, all of a meeting's decisions in one write, and stamps them here.
CREATE TABLE meeting_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('category', 'stage', 'project', 'funding')),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  -- The category proposal, concern or project decided on (by kind); no foreign key, as each of those
  -- can be deleted in error and restored with its id.
  subject_id INTEGER NOT NULL,
  details TEXT NOT NULL,
  applied_at TEXT,
  applied_by TEXT
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions(meeting_id, position);

-- A change made by applying a meeting's decisions points at that meeting. No foreign key: a meeting
-- deleted in error and restored keeps its id, and the record of changes must never refuse an entry.
ALTER TABLE audit_log ADD COLUMN meeting_id INTEGER;

-- The guard of 004, now covering the meeting pointer too: nothing may rewrite it either.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user IS NOT OLD.user
  OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.school_id IS NOT OLD.school_id
  OR NEW.action IS NOT OLD.action OR NEW.summary IS NOT OLD.summary OR NEW.changes IS NOT OLD.changes
  OR NEW.before_state IS NOT OLD.before_state OR NEW.after_state IS NOT OLD.after_state
  OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN
  SELECT RAISE(ABORT, 'The record of changes cannot be altered.');
END;
