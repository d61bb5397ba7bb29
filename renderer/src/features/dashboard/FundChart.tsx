import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { formatPounds } from '../../../../shared/domain/format';

type Fund = Dashboard['fund'];

const pounds = (pence: number) => pence / 100;
const money = (value: number) => formatPounds(Math.round(value * 100));

/** `2026-04` as "Apr 2026". */
const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The intervention fund this financial year: for the LA, each double district's spending and
 * commitments stacked against its allocation; for one, how they built up month by month, with the
 * allocation as a line. The table below gives every figure in words and numbers.
 */
export function FundChart({ fund, onOpenFund }: { fund: Fund; onOpenFund: () => void }) {
  const one = fund.byMonth.length > 0;
  const allocated = fund.doubleDistricts.some((d) => d.allocationPence > 0);
  const charged = fund.doubleDistricts.some((d) => d.spentPence + d.committedPence > 0);
  const single = fund.doubleDistricts[0];
  return (
    <Paper withBorder p="md" data-testid="fund-chart">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4">
          Intervention fund {fund.financialYear}
        </Title>
        <Anchor component="button" size="sm" onClick={onOpenFund}>
          Open the fund
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        Spent and committed from the fund against its allocation
        {one ? ', built up month by month from April.' : ', by double district.'}
      </Text>
      {!allocated && !charged ? (
        <Text c="dimmed" size="sm">
          No allocation or spending is recorded for {fund.financialYear} yet.
        </Text>
      ) : (
        <BarChart
          h={220}
          data={
            one
              ? fund.byMonth.map((m) => ({
                  label: monthLabel(m.month),
                  Spent: pounds(m.spentPence),
                  Committed: pounds(m.committedPence),
                }))
              : fund.doubleDistricts.map((d) => ({
                  label: d.doubleDistrict,
                  Spent: pounds(d.spentPence),
                  Committed: pounds(d.committedPence),
                  Unspent: pounds(Math.max(0, d.allocationPence - d.spentPence - d.committedPence)),
                }))
          }
          dataKey="label"
          type="stacked"
          series={[
            { name: 'Spent', color: 'teal.7' },
            { name: 'Committed', color: 'yellow.5' },
            ...(one ? [] : [{ name: 'Unspent', color: 'gray.3' }]),
          ]}
          referenceLines={
            one && single && single.allocationPence > 0
              ? [
                  {
                    y: pounds(single.allocationPence),
                    label: `Allocation ${formatPounds(single.allocationPence)}`,
                    color: 'red.7',
                  },
                ]
              : []
          }
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={money}
          // Double districts' long names read across, one bar each; months read along, with the
          // axis reaching the allocation so its line is always in view.
          orientation={one ? 'horizontal' : 'vertical'}
          xAxisProps={one ? { interval: 'preserveStartEnd' } : {}}
          yAxisProps={
            one
              ? {
                  width: 80,
                  domain: [0, (most: number) => Math.max(most, pounds(single?.allocationPence ?? 0))],
                }
              : { width: 170 }
          }
          aria-hidden
        />
      )}
      <Table fz="xs" mt="sm" striped aria-label={`Intervention fund ${fund.financialYear}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Double district</Table.Th>
            <Table.Th ta="right">Allocation</Table.Th>
            <Table.Th ta="right">Spent</Table.Th>
            <Table.Th ta="right">Committed</Table.Th>
            <Table.Th ta="right">Remaining</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fund.doubleDistricts.map((d) => (
            <Table.Tr key={d.doubleDistrictId}>
              <Table.Td>{d.doubleDistrict}</Table.Td>
              <Table.Td ta="right">{formatPounds(d.allocationPence)}</Table.Td>
              <Table.Td ta="right">{formatPounds(d.spentPence)}</Table.Td>
              <Table.Td ta="right">{formatPounds(d.committedPence)}</Table.Td>
              <Table.Td ta="right" c={d.remainingPence < 0 ? 'red.8' : 'inherit'}>
                {formatPounds(d.remainingPence)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        Remaining is the allocation less what is held back, spent and committed.
      </Text>
    </Paper>
  );
}
