-- Monitoring: term dates, visits, categories, SEF judgements, Ofsted, termly profiles.

-- Term dates the LA set for a year; years without rows use the defaults computed in shared/.
CREATE TABLE term_dates (
  academic_year INTEGER NOT NULL,
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  starts_on TEXT NOT NULL,
  second_half_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  CHECK (starts_on < second_half_on AND second_half_on <= ends_on),
  PRIMARY KEY (academic_year, term)
);

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  visited_on TEXT NOT NULL,
  visitor_id INTEGER NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  purpose TEXT NOT NULL,
  days REAL NOT NULL CHECK (days > 0 AND days * 2 = CAST(days * 2 AS INTEGER)),
  notes TEXT,
  report_received_on TEXT,
  qa_on TEXT,
  claim_status TEXT NOT NULL DEFAULT 'Not claimed'
);
CREATE INDEX visits_school ON visits(school_id, visited_on);

-- One row per proposal; the DIG's moderation and confirmation complete it.
CREATE TABLE category_reviews (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  proposed_on TEXT NOT NULL,
  source TEXT NOT NULL,
  proposed_by_id INTEGER REFERENCES people(id),
  proposed_category INTEGER NOT NULL CHECK (proposed_category BETWEEN 1 AND 4),
  evidence TEXT NOT NULL,
  decided_on TEXT,
  confirmed_category INTEGER CHECK (confirmed_category BETWEEN 1 AND 4),
  decision_notes TEXT,
  support_override TEXT CHECK (support_override IN ('low', 'medium', 'high')),
  override_reason TEXT,
  CHECK ((decided_on IS NULL) = (confirmed_category IS NULL)),
  CHECK (support_override IS NULL OR override_reason IS NOT NULL)
);
CREATE INDEX category_reviews_school ON category_reviews(school_id, decided_on);

CREATE TABLE sef_frameworks (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE TABLE sef_judgements (
  framework_id INTEGER NOT NULL REFERENCES sef_frameworks(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  optional INTEGER NOT NULL CHECK (optional IN (0, 1)),
  PRIMARY KEY (framework_id, code)
);
CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

INSERT INTO sef_frameworks (id, code, name) VALUES
  (1, 'english-sef', 'Ofsted self-evaluation form (England)'),
  (2, 'welsh-six-elements', 'Six-element framework (Wales)');
INSERT INTO sef_judgements (framework_id, position, code, label, optional) VALUES
  (1, 1, 'overall', 'Overall effectiveness', 0),
  (1, 2, 'capacity', 'Capacity to improve', 0),
  (1, 3, 'achievement', 'Achievement and standards', 0),
  (1, 4, 'personal', 'Personal development and well-being', 0),
  (1, 5, 'teaching', 'Teaching and learning', 0),
  (1, 6, 'curriculum', 'Curriculum and other activities', 0),
  (1, 7, 'care', 'Care, guidance and support', 0),
  (1, 8, 'leadership', 'Leadership and management', 0),
  (1, 9, 'eyfs', 'EYFS', 1),
  (1, 10, 'sixth-form', 'Sixth form', 1),
  (2, 1, 'leadership', 'Leadership', 0),
  (2, 2, 'curriculum-teaching', 'Curriculum and teaching', 0),
  (2, 3, 'working-with-others', 'Working with others', 0),
  (2, 4, 'networks', 'Networks of professional practice', 0),
  (2, 5, 'intervention-support', 'Intervention and support', 0),
  (2, 6, 'improvement-accountability', 'Improvement and accountability', 0);
INSERT INTO app_settings (key, value) VALUES ('sef.framework', 'english-sef');

CREATE TABLE sef_entries (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  framework_id INTEGER NOT NULL REFERENCES sef_frameworks(id),
  sef_on TEXT NOT NULL,
  validated INTEGER NOT NULL CHECK (validated IN (0, 1)),
  UNIQUE (school_id, framework_id, sef_on)
);
CREATE TABLE sef_grades (
  entry_id INTEGER NOT NULL REFERENCES sef_entries(id) ON DELETE CASCADE,
  judgement TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
  PRIMARY KEY (entry_id, judgement)
);

CREATE TABLE inspections (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  inspected_on TEXT NOT NULL,
  type TEXT NOT NULL,
  overall INTEGER CHECK (overall BETWEEN 1 AND 4),
  grades TEXT NOT NULL DEFAULT '{}',
  outcome TEXT NOT NULL CHECK (outcome IN ('None', 'Notice to Improve', 'Special Measures')),
  la_response TEXT CHECK (la_response IN ('Appeal to Ofsted', 'Presentation to governors')),
  la_response_outcome TEXT
);
CREATE INDEX inspections_school ON inspections(school_id, inspected_on);

CREATE TABLE monitoring_visits (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  visited_on TEXT NOT NULL,
  progress TEXT NOT NULL CHECK (progress IN ('Good', 'Satisfactory', 'Inadequate')),
  notes TEXT
);

CREATE TABLE termly_profiles (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year INTEGER NOT NULL,
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  number_on_roll INTEGER CHECK (number_on_roll >= 0),
  attendance REAL CHECK (attendance BETWEEN 0 AND 100),
  exclusions INTEGER CHECK (exclusions >= 0),
  budget_position INTEGER,
  new_headteacher INTEGER NOT NULL DEFAULT 0 CHECK (new_headteacher IN (0, 1)),
  staff_changes TEXT,
  notes TEXT,
  UNIQUE (school_id, academic_year, term)
);
