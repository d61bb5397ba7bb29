-- Schools causing concern (DOMAIN §8): concerns with their stage decisions and duty checklists,
-- warning notices, and the LA's follow-up of an Ofsted category.

CREATE TABLE concerns (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  source TEXT NOT NULL,
  -- A JSON array of the factors chosen from the shared list; factor_notes says more.
  factors TEXT NOT NULL DEFAULT '[]',
  factor_notes TEXT,
  raised_by_id INTEGER REFERENCES people(id),
  opened_on TEXT NOT NULL,
  -- Identified by the District Focus Group, confirmed by the District Intervention/Resource Group.
  focus_group_on TEXT,
  dig_confirmed_on TEXT,
  stage INTEGER NOT NULL CHECK (stage IN (1, 2, 3)),
  -- The date the current stage began: the opening, or the last stage decision.
  stage_since TEXT NOT NULL,
  -- The Head of SID's notification to the headteacher and chair of governors: when, and what was said.
  notified_on TEXT,
  notification TEXT,
  closed_on TEXT,
  outcome TEXT,
  CHECK ((notified_on IS NULL) = (notification IS NULL)),
  CHECK ((closed_on IS NULL) = (outcome IS NULL))
);
-- One open concern per school, whatever writes to the file.
CREATE UNIQUE INDEX concerns_one_open ON concerns(school_id) WHERE closed_on IS NULL;
CREATE INDEX concerns_school ON concerns(school_id, opened_on);
CREATE INDEX concerns_stage ON concerns(stage) WHERE closed_on IS NULL;

CREATE TABLE concern_stage_decisions (
  id INTEGER PRIMARY KEY,
  concern_id INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
  decided_on TEXT NOT NULL,
  from_stage INTEGER NOT NULL CHECK (from_stage IN (1, 2, 3)),
  to_stage INTEGER NOT NULL CHECK (to_stage IN (1, 2, 3) AND to_stage <> from_stage),
  reason TEXT NOT NULL CHECK (reason <> ''),
  decided_by_id INTEGER NOT NULL REFERENCES people(id),
  meeting TEXT
);
CREATE INDEX concern_stage_decisions_concern ON concern_stage_decisions(concern_id, decided_on);

-- One row per duty of a concern: the latest check (a half-termly duty's date moves on each time;
-- the record of changes keeps the earlier ones).
CREATE TABLE concern_duty_checks (
  concern_id INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
  duty TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  checked_on TEXT,
  by_id INTEGER REFERENCES people(id),
  notes TEXT,
  CHECK (done = 0 OR (checked_on IS NOT NULL AND by_id IS NOT NULL)),
  PRIMARY KEY (concern_id, duty)
);

-- The response date is not stored: it follows by statute from given_on (15 working days), so it is
-- computed in shared/domain/warning-notices.ts and moves with a corrected date or a new bank holiday.
CREATE TABLE warning_notices (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  grounds TEXT NOT NULL DEFAULT '[]',
  grounds_notes TEXT,
  advised_on TEXT,
  approved_on TEXT,
  given_on TEXT,
  representations_on TEXT,
  ofsted_decision TEXT,
  ofsted_decision_on TEXT,
  compliance_due_on TEXT,
  outcome TEXT CHECK (outcome IN ('Rescinded', 'Complied', 'Powers used')),
  outcome_on TEXT,
  powers TEXT NOT NULL DEFAULT '[]',
  ieb_consent_on TEXT,
  partner_name TEXT,
  partnership_form TEXT,
  notes TEXT
);
CREATE INDEX warning_notices_school ON warning_notices(school_id, given_on);
CREATE INDEX warning_notices_open ON warning_notices(given_on) WHERE outcome IS NULL;

-- The follow-up of one Ofsted category judgement (Notice to Improve or Special Measures).
CREATE TABLE ofsted_follow_ups (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL UNIQUE REFERENCES inspections(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  report_on TEXT,
  formal_meeting_on TEXT,
  formal_meeting_attendees TEXT,
  core_group_chair_id INTEGER REFERENCES people(id),
  core_group_members TEXT,
  -- Null: the default, 10 working days from the report.
  statement_due_on TEXT,
  statement_submitted_on TEXT,
  lead_officer_id INTEGER REFERENCES people(id),
  dmt_involved_on TEXT,
  parental_engagement TEXT,
  sos_notice_on TEXT,
  -- Null: the default, 10 working days from the Secretary of State's notice.
  new_statement_due_on TEXT,
  new_statement_submitted_on TEXT,
  closure_decision_on TEXT,
  closure_decision TEXT,
  notes TEXT
);
CREATE INDEX ofsted_follow_ups_school ON ofsted_follow_ups(school_id);
