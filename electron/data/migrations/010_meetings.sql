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
