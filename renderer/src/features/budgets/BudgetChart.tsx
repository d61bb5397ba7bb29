import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { BudgetSummary } from '../../../../shared/api/budgets';
import { budgetTotals } from '../../../../shared/domain/budgets';
import { formatDate, formatPounds } from '../../../../shared/domain/format';

const SERIES = [
  { name: 'Budgeted deficit', color: 'gray.5' },
  { name: 'Projected deficit', color: 'red.6' },
];

/**
 * The deficit the outturn was projected to leave at each monitoring date beside the one budgeted, in
 * pounds: the totals are millions but the deficit tens of thousands, so it is charted on its own scale.
 */
export function BudgetChart({ summaries }: { summaries: BudgetSummary[] }) {
  const data = summaries.map((s) => {
    const totals = budgetTotals(s.lines);
    return {
      date: `${formatDate(s.asAt)} (${s.financialYear})`,
      'Budgeted deficit': totals['Projected Deficit'].budget / 100,
      'Projected deficit': totals['Projected Deficit'].projected / 100,
    };
  });
  return (
    <div data-testid="budget-chart">
      <Text size="sm" fw={600} mb="xs">
        Deficit at each monitoring date
      </Text>
      <BarChart
        h={260}
        data={data}
        dataKey="date"
        series={SERIES}
        withLegend
        valueFormatter={(pounds) => formatPounds(Math.round(pounds * 100))}
        yAxisProps={{ width: 110 }}
      />
    </div>
  );
}
