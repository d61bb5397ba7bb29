-- Intervention projects and their money (DOMAIN §10): a project for one school, its action plan,
-- meetings, termly reports, review decisions and costs; each double district's intervention fund.
-- Ids are AUTOINCREMENT so a deleted record's id is never reused and can be restored with it.

CREATE TABLE projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  -- The concern the project serves, when there is one (the concerns table is another area's).
  concern_id INTEGER,
  stage TEXT NOT NULL CHECK (stage IN ('Stage 2', 'Stage 3', 'Ofsted category')),
  lead_officer_id INTEGER NOT NULL REFERENCES people(id),
  team TEXT NOT NULL DEFAULT '[]',
  objectives TEXT NOT NULL DEFAULT '[]',
  started_on TEXT NOT NULL,
  review_on TEXT NOT NULL CHECK (review_on > started_on),
  status TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'Referred to DMT', 'Closed')),
  closed_on TEXT,
  CHECK ((status = 'Closed') = (closed_on IS NOT NULL))
);
CREATE INDEX projects_school ON projects(school_id, started_on);
CREATE INDEX projects_concern ON projects(concern_id) WHERE concern_id IS NOT NULL;

CREATE TABLE project_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  decided_on TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('continue', 'refer', 'close')),
  reason TEXT NOT NULL,
  next_review_on TEXT,
  CHECK (decision <> 'continue' OR next_review_on IS NOT NULL)
);
CREATE INDEX project_decisions_project ON project_decisions(project_id, decided_on);

CREATE TABLE project_milestones (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Not started', 'In progress', 'Met', 'Partly met', 'Not met')),
  notes TEXT
);
CREATE INDEX project_milestones_project ON project_milestones(project_id, due_on);

CREATE TABLE project_meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  met_on TEXT NOT NULL,
  attendees TEXT NOT NULL,
  notes TEXT
);
CREATE INDEX project_meetings_project ON project_meetings(project_id, met_on);

CREATE TABLE project_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  academic_year INTEGER NOT NULL,
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  -- Each objective's text with its rating, so a later edit of the objectives leaves the report as it was.
  ratings TEXT NOT NULL DEFAULT '[]',
  overall TEXT NOT NULL CHECK (overall IN ('Red', 'Amber', 'Green')),
  impact_evidence TEXT,
  significant_improvement INTEGER NOT NULL CHECK (significant_improvement IN (0, 1)),
  UNIQUE (project_id, academic_year, term)
);

CREATE TABLE project_costs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('pss-audit', 'pss-monitoring', 'cpd', 'already-funded')),
  incurred_on TEXT NOT NULL,
  description TEXT,
  days REAL NOT NULL CHECK (days >= 0 AND days * 2 = CAST(days * 2 AS INTEGER)),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  status TEXT NOT NULL CHECK (status IN ('Committed', 'Spent')),
  -- Why the DSIM let a Priority School Support cost past its cap; empty when within it.
  exception_reason TEXT
);
CREATE INDEX project_costs_project ON project_costs(project_id, source);
CREATE INDEX project_costs_date ON project_costs(incurred_on);

-- Each double district's intervention fund (Priority School Support) for a financial year, with the
-- officer posts (full-time equivalents) whose days it is set against.
CREATE TABLE intervention_funds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  double_district_id INTEGER NOT NULL REFERENCES double_districts(id),
  financial_year TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  allocation_pence INTEGER NOT NULL CHECK (allocation_pence >= 0),
  held_back_pence INTEGER NOT NULL CHECK (held_back_pence BETWEEN 0 AND allocation_pence),
  officer_fte REAL NOT NULL CHECK (officer_fte >= 0),
  UNIQUE (double_district_id, financial_year)
);

-- Day rates: £500 a day for Priority School Support, £480 for officer and consultant time (L1583, L1597).
INSERT OR IGNORE INTO app_settings (key, value) VALUES
  ('money.pssDayRatePence', '50000'),
  ('money.officerDayRatePence', '48000');
