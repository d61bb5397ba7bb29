-- Savings options (DOMAIN §12, seed 002 §D): the division's register of ways to save, exchanged with
-- the LA's savings options workbook. Cash is integer pence and FTE hundredths of a post. An owner
-- types "?" where a figure is not known yet: that figure is NULL with its *_unknown flag set, so it
-- is neither zero nor blank, and is written back as "?".
CREATE TABLE savings_options (
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (ref <> ''),
  service TEXT NOT NULL DEFAULT '',
  option_header TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL DEFAULT '',
  do_anyway TEXT NOT NULL DEFAULT '',
  fte_hundredths INTEGER,
  fte_unknown INTEGER NOT NULL DEFAULT 0 CHECK (fte_unknown IN (0, 1)),
  cash1_pence INTEGER,
  cash1_unknown INTEGER NOT NULL DEFAULT 0 CHECK (cash1_unknown IN (0, 1)),
  cash2_pence INTEGER,
  cash2_unknown INTEGER NOT NULL DEFAULT 0 CHECK (cash2_unknown IN (0, 1)),
  cash3_pence INTEGER,
  cash3_unknown INTEGER NOT NULL DEFAULT 0 CHECK (cash3_unknown IN (0, 1)),
  diff_pence INTEGER,
  diff_unknown INTEGER NOT NULL DEFAULT 0 CHECK (diff_unknown IN (0, 1)),
  sponsor TEXT NOT NULL DEFAULT '',
  -- F frontline service cut, S support service cut, E efficiency; blank until the owner says.
  code TEXT NOT NULL DEFAULT '' CHECK (code IN ('', 'F', 'S', 'E')),
  position INTEGER NOT NULL,
  CHECK (NOT (fte_unknown AND fte_hundredths IS NOT NULL)),
  CHECK (NOT (cash1_unknown AND cash1_pence IS NOT NULL)),
  CHECK (NOT (cash2_unknown AND cash2_pence IS NOT NULL)),
  CHECK (NOT (cash3_unknown AND cash3_pence IS NOT NULL)),
  CHECK (NOT (diff_unknown AND diff_pence IS NOT NULL))
);
