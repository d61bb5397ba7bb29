import { Table, Text } from '@mantine/core';
import type { BudgetSummary } from '../../../../shared/api/budgets';
import {
  budgetTotals,
  variance,
  type BudgetLineFigures,
  type BudgetTotal,
  type Figures,
} from '../../../../shared/domain/budgets';
import { formatPounds } from '../../../../shared/domain/format';

/** Over budget (more spent, or less earned) is adverse; income is negative, so that is any positive variance. */
function Variance({ figures }: { figures: Figures }) {
  const v = variance(figures);
  if (v === 0) return <Table.Td ta="right">£0</Table.Td>;
  return (
    <Table.Td ta="right">
      <Text
        span
        size="sm"
        c={v > 0 ? 'red.8' : 'teal.8'}
        title={v > 0 ? 'Adverse' : 'Favourable'}
        aria-label={`${formatPounds(v)} ${v > 0 ? 'adverse' : 'favourable'}`}
      >
        {v > 0 ? '+' : ''}
        {formatPounds(v)}
      </Text>
    </Table.Td>
  );
}

function Row({ label, figures, total }: { label: string; figures: Figures; total?: boolean }) {
  return (
    <Table.Tr {...(total ? { fw: 700, bg: 'gray.0' } : {})}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{formatPounds(figures.budget)}</Table.Td>
      <Table.Td ta="right">{formatPounds(figures.actual)}</Table.Td>
      <Table.Td ta="right">{formatPounds(figures.projected)}</Table.Td>
      <Variance figures={figures} />
    </Table.Tr>
  );
}

/**
 * The summary as the LA lays it out: expenditure, its gross total, income (negative, as in the sheet),
 * its total, and the projected deficit, each total computed from the lines shown above it.
 */
export function BudgetTable({ summary }: { summary: Pick<BudgetSummary, 'lines' | 'asAt'> }) {
  const totals = budgetTotals(summary.lines);
  const section = (kind: BudgetLineFigures['kind'], total: BudgetTotal) => [
    ...summary.lines
      .filter((l) => l.kind === kind)
      .map((l) => <Row key={l.label} label={l.label} figures={l} />),
    <Row key={total} label={total} figures={totals[total]} total />,
  ];
  return (
    <Table.ScrollContainer minWidth={720}>
      {/* A figure broken across lines ("−" above "£12,458,830") misreads; narrow windows scroll instead. */}
      <Table withTableBorder fz="sm" data-testid="budget-table" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th ta="right">Budget</Table.Th>
            <Table.Th ta="right">Actual to date</Table.Th>
            <Table.Th ta="right">Projected outturn</Table.Th>
            <Table.Th ta="right">Variance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section('expenditure', 'Gross Expenditure')}
          {section('income', 'Total Income')}
          <Row label="Projected Deficit" figures={totals['Projected Deficit']} total />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
