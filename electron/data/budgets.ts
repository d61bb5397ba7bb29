import { budgetDraft, budgetLabels, type BudgetDraft, type BudgetSummary } from '../../shared/api/budgets';
import { BUDGET_FIGURES, FIGURE_LABELS } from '../../shared/domain/budgets';
import { formatDate, formatPounds } from '../../shared/domain/format';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

interface MonitoringRow {
  id: number;
  financialYear: string;
  asAt: string;
  projectedAt: string;
}

const SELECT = `SELECT id, financial_year AS financialYear, as_at AS asAt, projected_at AS projectedAt
  FROM budget_monitorings`;

function linesOf(db: Db, monitoringId: number): BudgetSummary['lines'] {
  return prepared(
    db,
    `SELECT l.label, l.kind, f.budget_pence AS budget, f.actual_pence AS actual, f.projected_pence AS projected
       FROM budget_figures f JOIN budget_lines l ON l.id = f.line_id
      WHERE f.monitoring_id = ? ORDER BY l.position, l.id`,
  ).all(monitoringId) as BudgetSummary['lines'];
}

const withLines = (db: Db, row: MonitoringRow | undefined): BudgetSummary | undefined =>
  row && { ...row, lines: linesOf(db, row.id) };

/** Every summary held, oldest monitoring date first. */
export function allBudgets(db: Db): BudgetSummary[] {
  return (prepared(db, `${SELECT} ORDER BY as_at, id`).all() as MonitoringRow[]).map((row) =>
    withLines(db, row)!,
  );
}

export function budgetAt(db: Db, financialYear: string, asAt: string): BudgetSummary | undefined {
  return withLines(
    db,
    prepared(db, `${SELECT} WHERE financial_year = ? AND as_at = ?`).get(financialYear, asAt) as
      MonitoringRow | undefined,
  );
}

/** Each line is kept once, in the sheet's order; a summary's figures point at it. */
function putFigures(db: Db, id: number, d: BudgetDraft): void {
  prepared(db, 'DELETE FROM budget_figures WHERE monitoring_id = ?').run(id);
  d.lines.forEach((line, position) => {
    prepared(
      db,
      `INSERT INTO budget_lines (label, kind, position) VALUES (?, ?, ?)
         ON CONFLICT (label) DO UPDATE SET kind = excluded.kind`,
    ).run(line.label, line.kind, position);
    prepared(
      db,
      `INSERT INTO budget_figures (monitoring_id, line_id, budget_pence, actual_pence, projected_pence)
         SELECT ?, id, ?, ?, ? FROM budget_lines WHERE label = ?`,
    ).run(id, line.budget, line.actual, line.projected, line.label);
  });
}

export const budgets: RecordTable<BudgetSummary, BudgetDraft> = {
  entity: 'budget-summary',
  rules: budgetDraft,
  labels: budgetLabels,
  get: (db, id) => withLines(db, prepared(db, `${SELECT} WHERE id = ?`).get(id) as MonitoringRow | undefined),
  insert: (db, d) => {
    const id = Number(
      prepared(
        db,
        'INSERT INTO budget_monitorings (financial_year, as_at, projected_at) VALUES (?, ?, ?)',
      ).run(d.financialYear, d.asAt, d.projectedAt).lastInsertRowid,
    );
    putFigures(db, id, d);
    return id;
  },
  update: (db, id, d) => {
    prepared(
      db,
      'UPDATE budget_monitorings SET financial_year = ?, as_at = ?, projected_at = ? WHERE id = ?',
    ).run(d.financialYear, d.asAt, d.projectedAt, id);
    putFigures(db, id, d);
  },
  describe: (b) => ({
    'Financial year': b.financialYear,
    'Actual as at': formatDate(b.asAt),
    'Projected outturn at': b.projectedAt || null,
    ...Object.fromEntries(
      b.lines.flatMap((line) =>
        BUDGET_FIGURES.map((f) => [`${line.label}: ${FIGURE_LABELS[f]}`, formatPounds(line[f])]),
      ),
    ),
  }),
  schoolOf: () => null,
  title: (b) => `budget summary ${b.financialYear} as at ${formatDate(b.asAt)}`,
};
