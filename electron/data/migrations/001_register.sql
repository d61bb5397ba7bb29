-- The register: organisation, people and schools, and the audit log every change is written to.
CREATE TABLE double_districts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE districts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  double_district_id INTEGER NOT NULL REFERENCES double_districts(id)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE person_roles (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (person_id, role)
);

CREATE TABLE schools (
  id INTEGER PRIMARY KEY,
  dfe TEXT NOT NULL UNIQUE CHECK (dfe GLOB '[0-9][0-9][0-9]/[0-9][0-9][0-9][0-9]'),
  urn INTEGER UNIQUE,
  name TEXT NOT NULL CHECK (name <> ''),
  type TEXT,
  phase TEXT NOT NULL,
  district_id INTEGER NOT NULL REFERENCES districts(id),
  diocese TEXT,
  number_on_roll INTEGER CHECK (number_on_roll >= 0),
  headteacher TEXT,
  chair_of_governors TEXT,
  sip_id INTEGER REFERENCES people(id),
  postcode TEXT,
  closed_on TEXT
);
CREATE INDEX schools_district ON schools(district_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
