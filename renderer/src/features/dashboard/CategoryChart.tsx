import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { CATEGORIES } from '../../../../shared/domain/categories';
import { formatDate } from '../../../../shared/domain/format';

/** The schools list's colours for categories 1–4, and grey for none confirmed. */
const SERIES = [
  { name: `1 ${CATEGORIES[1]}`, color: 'green.6', index: 1 },
  { name: `2 ${CATEGORIES[2]}`, color: 'blue.6', index: 2 },
  { name: `3 ${CATEGORIES[3]}`, color: 'orange.6', index: 3 },
  { name: `4 ${CATEGORIES[4]}`, color: 'red.6', index: 4 },
  { name: 'None confirmed', color: 'gray.4', index: 0 },
];

/** Schools by LA category at the end of each of the last six terms, stacked, with the same figures as a table. */
export function CategoryChart({ terms }: { terms: Dashboard['categoryTerms'] }) {
  const data = terms.map((t) => ({
    term: t.term,
    ...Object.fromEntries(SERIES.map((s) => [s.name, t.counts[s.index] ?? 0])),
  }));
  const empty = terms.every((t) => t.counts.every((n) => n === 0));
  return (
    <Paper withBorder p="md" data-testid="category-chart">
      <Title order={3} size="h4">
        Categories over the last six terms
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Open schools by the category in force at the end of each term (this term: as at today).
      </Text>
      {empty ? (
        <Text c="dimmed" size="sm">
          No schools to chart yet.
        </Text>
      ) : (
        <>
          <BarChart
            h={220}
            data={data}
            dataKey="term"
            type="stacked"
            series={SERIES.map(({ name, color }) => ({ name, color }))}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisLabel="Schools"
            // Every term named under its bar; the table below names them too.
            xAxisProps={{ interval: 0, tick: { fontSize: 11 } }}
            aria-hidden
          />
          <Table fz="xs" mt="sm" striped aria-label="Schools by category at the end of each term">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Category</Table.Th>
                {terms.map((t) => (
                  <Table.Th key={t.term} ta="right" title={`As at ${formatDate(t.asAt)}`}>
                    {t.term}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SERIES.map((s) => (
                <Table.Tr key={s.name}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.name}</Table.Td>
                  {terms.map((t) => (
                    <Table.Td key={t.term} ta="right">
                      {t.counts[s.index] ?? 0}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
