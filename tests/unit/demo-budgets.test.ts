import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { openDatabase } from '../../electron/data/database';
import { fillDemoAuthority } from '../../electron/data/demo';
import { budgetTotals, variance } from '../../shared/domain/budgets';
import { ok, RESOURCES, tempSession } from './helpers';

async function demoSession(today: string) {
  const { dir } = tempSession();
  const session = new Session(RESOURCES, () => new Date(`${today}T10:00:00Z`));
  await ok(session, 'app.create', { path: join(dir, 'demo.sid'), demo: true });
  return session;
}

describe('the demo authority’s money', () => {
  it('holds two financial years of budget monitoring whose totals reconcile with their lines', async () => {
    const session = await demoSession('2026-11-23');
    const summaries = await ok(session, 'budgets.list', {});
    expect(summaries.map((s) => `${s.financialYear} ${s.asAt} ${s.projectedAt}`)).toEqual([
      '2025/26 2025-06-30 June 2025',
      '2025/26 2025-09-30 September 2025',
      '2025/26 2025-11-30 November 2025',
      '2025/26 2026-01-31 January 2026',
      '2025/26 2026-03-31 March 2026',
      '2026/27 2026-06-30 June 2026',
      '2026/27 2026-09-30 September 2026',
    ]);
    for (const summary of summaries) {
      expect(summary.lines).toHaveLength(16);
      for (const line of summary.lines) {
        const sign = line.kind === 'income' ? -1 : 1;
        for (const figure of [line.budget, line.actual, line.projected]) expect(Math.sign(figure)).toBe(sign);
      }
      const totals = budgetTotals(summary.lines);
      // A division that roughly balances its books: the projected deficit is a small part of its spending.
      expect(Math.abs(totals['Projected Deficit'].projected)).toBeLessThan(
        totals['Gross Expenditure'].budget * 0.05,
      );
      // No line strays more than 8% from its budget (give or take the rounding to £10).
      for (const line of summary.lines)
        expect(Math.abs(variance(line))).toBeLessThanOrEqual(Math.abs(line.budget) * 0.08 + 1000);
    }
    // At the year's outturn what was spent is what was projected; before it, spending is part-way.
    const outturn = summaries.find((s) => s.asAt === '2026-03-31')!;
    for (const line of outturn.lines) expect(line.actual).toBe(line.projected);
    const june = budgetTotals(summaries.find((s) => s.asAt === '2026-06-30')!.lines)['Gross Expenditure'];
    expect(june.actual / june.projected).toBeGreaterThan(0.15);
    expect(june.actual / june.projected).toBeLessThan(0.35);
    // A year's budget stands across its monitoring dates, and grows a little from one year to the next.
    const budgetOf = (asAt: string) =>
      budgetTotals(summaries.find((s) => s.asAt === asAt)!.lines)['Gross Expenditure'].budget;
    expect(budgetOf('2025-06-30')).toBe(budgetOf('2026-03-31'));
    expect(budgetOf('2026-06-30')).toBeGreaterThan(budgetOf('2026-03-31'));

    // Exported into the LA's template, every total the workbook holds agrees with its lines on the
    // way back in, and the figures come back the same.
    const file = await ok(session, 'budgets.export', { financialYear: '2025/26', asAt: '2026-01-31' });
    const preview = await ok(session, 'budgets.preview', {
      fileName: file.fileName,
      dataBase64: file.dataBase64,
    });
    expect(preview.problems).toEqual([]);
    expect(preview.isNew).toBe(false);
    expect(preview.changes).toEqual([]);
  });

  it('holds a savings register with F/S/E codes, some figures not known yet and totals that say so', async () => {
    const session = await demoSession('2026-11-23');
    const { options, totals } = await ok(session, 'savings.list', {});
    expect(options.length).toBeGreaterThanOrEqual(12);
    expect(options.length).toBeLessThanOrEqual(24);
    expect(new Set(options.map((o) => o.code))).toEqual(new Set(['F', 'S', 'E']));
    expect(new Set(options.map((o) => o.ref)).size).toBe(options.length);
    expect(
      options.filter((o) => [o.fte, o.cash1, o.cash2, o.cash3, o.diff].includes('?')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(totals.cash1.unknown).toBeGreaterThan(0);
    expect(totals.cash1.total).toBe(
      options.reduce((sum, o) => sum + (typeof o.cash1 === 'number' ? o.cash1 : 0), 0),
    );
    expect(totals.cash1.total).toBeGreaterThan(0);
    expect(options.every((o) => o.sponsor !== '')).toBe(true);
  });

  it('ends its history with the last financial year that has had a monitoring date', async () => {
    const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'sid-demo-')), 'demo.sid'), {
      create: true,
    });
    fillDemoAuthority(db, '2027-04-10');
    const years = db
      .prepare('SELECT DISTINCT financial_year FROM budget_monitorings ORDER BY 1')
      .pluck()
      .all();
    expect(years).toEqual(['2025/26', '2026/27']);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    db.close();
  });
});
