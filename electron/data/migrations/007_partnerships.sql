-- Partnerships (DOMAIN §13, seed 001): the Welsh School Effectiveness Profile, partnerships and their
-- network money, the key strengths register, brokered support and the barriers schools raise.

-- The Welsh School Effectiveness Framework grades nothing (seed 001): a school and its LA write a
-- profile each year, per element (or one of its aspects): a narrative, themes for improvement, key
-- strengths and barriers to effectiveness. Aspect '' is the element as a whole.
CREATE TABLE effectiveness_profiles (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  academic_year INTEGER NOT NULL,
  UNIQUE (school_id, academic_year)
);
CREATE TABLE effectiveness_sections (
  profile_id INTEGER NOT NULL REFERENCES effectiveness_profiles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  element TEXT NOT NULL,
  aspect TEXT NOT NULL DEFAULT '',
  narrative TEXT NOT NULL DEFAULT '',
  themes TEXT NOT NULL DEFAULT '',
  strengths TEXT NOT NULL DEFAULT '',
  barriers TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (profile_id, element, aspect)
);

-- The app used to grade the six Welsh elements 1–4 like SEF judgements, which the framework never
-- did. Each grade already stored becomes a sentence in the narrative of that element in the profile
-- of the SEF's academic year (September to August), so nothing is lost; then the grades go.
INSERT OR IGNORE INTO effectiveness_profiles (school_id, academic_year)
SELECT DISTINCT e.school_id,
       CAST(substr(e.sef_on, 1, 4) AS INTEGER) - (CAST(substr(e.sef_on, 6, 2) AS INTEGER) < 9)
FROM sef_entries e JOIN sef_frameworks f ON f.id = e.framework_id
WHERE f.code = 'welsh-six-elements';

INSERT INTO effectiveness_sections (profile_id, position, element, narrative)
SELECT p.id, j.position, g.judgement,
       group_concat(
         'Graded ' || g.grade || ' ('
           || CASE g.grade WHEN 1 THEN 'outstanding' WHEN 2 THEN 'good' WHEN 3 THEN 'satisfactory' ELSE 'inadequate' END
           || ') on the SEF of ' || substr(e.sef_on, 9, 2) || '/' || substr(e.sef_on, 6, 2) || '/' || substr(e.sef_on, 1, 4)
           || CASE e.validated WHEN 1 THEN ', validated by the SIP,' ELSE '' END
           || ' before the framework was corrected.',
         char(10) ORDER BY e.sef_on, e.id)
FROM sef_entries e
JOIN sef_frameworks f ON f.id = e.framework_id AND f.code = 'welsh-six-elements'
JOIN sef_grades g ON g.entry_id = e.id
LEFT JOIN sef_judgements j ON j.framework_id = f.id AND j.code = g.judgement
JOIN effectiveness_profiles p
  ON p.school_id = e.school_id
 AND p.academic_year = CAST(substr(e.sef_on, 1, 4) AS INTEGER) - (CAST(substr(e.sef_on, 6, 2) AS INTEGER) < 9)
GROUP BY p.id, g.judgement;

DELETE FROM sef_grades WHERE entry_id IN (
  SELECT e.id FROM sef_entries e JOIN sef_frameworks f ON f.id = e.framework_id
  WHERE f.code = 'welsh-six-elements');
DELETE FROM sef_entries WHERE framework_id IN (SELECT id FROM sef_frameworks WHERE code = 'welsh-six-elements');
DELETE FROM sef_judgements WHERE framework_id IN (SELECT id FROM sef_frameworks WHERE code = 'welsh-six-elements');
DELETE FROM sef_frameworks WHERE code = 'welsh-six-elements';
UPDATE app_settings SET value = 'english-sef' WHERE key = 'sef.framework';

-- Clusters, networks, federations, trusts, alliances: a school may be in several at once, joining
-- and leaving on dates; members may come from any district.
CREATE TABLE partnerships (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
  kind TEXT NOT NULL,
  lead_school_id INTEGER REFERENCES schools(id),
  notes TEXT
);
CREATE TABLE partnership_members (
  partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  joined_on TEXT NOT NULL,
  left_on TEXT,
  CHECK (left_on IS NULL OR left_on >= joined_on),
  PRIMARY KEY (partnership_id, position)
);
CREATE INDEX partnership_members_school ON partnership_members(school_id);

-- A network's money for an academic year, its spending plan, and what was spent against each line.
CREATE TABLE network_budgets (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
  academic_year INTEGER NOT NULL,
  allocation_pence INTEGER NOT NULL CHECK (allocation_pence >= 0),
  UNIQUE (partnership_id, academic_year)
);
CREATE TABLE network_plan_lines (
  id INTEGER PRIMARY KEY,
  budget_id INTEGER NOT NULL REFERENCES network_budgets(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL CHECK (description <> ''),
  planned_pence INTEGER NOT NULL CHECK (planned_pence >= 0)
);
CREATE TABLE network_spend (
  id INTEGER PRIMARY KEY,
  plan_line_id INTEGER NOT NULL REFERENCES network_plan_lines(id),
  spent_on TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  description TEXT NOT NULL,
  overspend_reason TEXT
);
CREATE INDEX network_spend_line ON network_spend(plan_line_id);

-- The register of schools' key strengths others may ask for: an area is an English SEF judgement
-- ('sef:teaching') or a Welsh element ('element:leadership'), with an aspect where it is narrower.
CREATE TABLE key_strengths (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  area TEXT NOT NULL,
  aspect TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL,
  validated_by TEXT,
  validated_on TEXT,
  contact TEXT,
  CHECK ((validated_by IS NULL) = (validated_on IS NULL))
);
CREATE INDEX key_strengths_area ON key_strengths(area);

-- School-to-school support the LA brokered.
CREATE TABLE brokered_support (
  id INTEGER PRIMARY KEY,
  supporting_school_id INTEGER NOT NULL REFERENCES schools(id),
  supported_school_id INTEGER NOT NULL REFERENCES schools(id),
  area TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  agreed_by TEXT NOT NULL,
  outcome TEXT,
  CHECK (supporting_school_id <> supported_school_id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX brokered_support_supporting ON brokered_support(supporting_school_id);
CREATE INDEX brokered_support_supported ON brokered_support(supported_school_id);

-- Barriers to effectiveness schools raise; grouped by theme they are the LA's agenda, and the LA's
-- response is kept once per theme.
CREATE TABLE barriers (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  raised_on TEXT NOT NULL,
  theme TEXT NOT NULL CHECK (theme <> ''),
  description TEXT NOT NULL,
  beyond_school INTEGER NOT NULL CHECK (beyond_school IN (0, 1))
);
CREATE INDEX barriers_theme ON barriers(theme COLLATE NOCASE);
CREATE TABLE barrier_responses (
  id INTEGER PRIMARY KEY,
  theme TEXT NOT NULL UNIQUE COLLATE NOCASE,
  response TEXT NOT NULL,
  responded_on TEXT NOT NULL
);

INSERT OR IGNORE INTO app_settings (key, value) VALUES ('partnerships.supportLimit', '3');
