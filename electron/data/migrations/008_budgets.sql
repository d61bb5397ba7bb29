-- Budget monitoring (DOMAIN §12, seed 002 §D): the division's budget summary, read from the LA's
-- workbook at each monitoring date. All money is integer pence; income lines are negative, as in the
-- LA's sheet, so a total is the plain sum of its lines.

-- The lines of the summary (Employees, TSF…), in the order the sheet lists them.
CREATE TABLE budget_lines (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('expenditure', 'income')),
  position INTEGER NOT NULL
);

-- One summary per monitoring date ("Actual as at 31/01/08") of a financial year ("2007/08").
CREATE TABLE budget_monitorings (
  id INTEGER PRIMARY KEY,
  financial_year TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  as_at TEXT NOT NULL,
  -- The month the projected outturn was made at, as the sheet says it ("January 2008").
  projected_at TEXT NOT NULL DEFAULT '',
  UNIQUE (financial_year, as_at)
);

-- Each line's budget, actual to the monitoring date and projected outturn.
CREATE TABLE budget_figures (
  monitoring_id INTEGER NOT NULL REFERENCES budget_monitorings(id) ON DELETE CASCADE,
  line_id INTEGER NOT NULL REFERENCES budget_lines(id),
  budget_pence INTEGER NOT NULL,
  actual_pence INTEGER NOT NULL,
  projected_pence INTEGER NOT NULL,
  PRIMARY KEY (monitoring_id, line_id)
);
