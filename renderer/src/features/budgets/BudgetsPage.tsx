import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BudgetPreview } from '../../../../shared/api/budgets';
import { formatDate } from '../../../../shared/domain/format';
import { call, errorMessage, useOperation } from '../../api';
import { ImportWorkflow } from '../../components/ImportWorkflow';
import { runJob } from '../../components/jobs';
import { ProblemList } from '../../components/ProblemList';
import { download } from '../../components/workbook-files';
import { BudgetChart } from './BudgetChart';
import { BudgetTable } from './BudgetTable';

const counts = (p: BudgetPreview) => ({
  new: p.isNew ? 1 : 0,
  changed: !p.isNew && p.changes.length > 0 ? 1 : 0,
  unchanged: !p.isNew && p.changes.length === 0 ? 1 : 0,
});

const keyOf = (s: { financialYear: string; asAt: string }) => `${s.financialYear}|${s.asAt}`;

/** Budget monitoring: each monitoring date's summary, its totals and variance, and the trend across dates. */
export function BudgetsPage() {
  const list = useOperation('budgets.list', {});
  const summaries = list.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = summaries.find((s) => keyOf(s) === chosen) ?? summaries.at(-1);

  const exportSummary = async () => {
    if (!shown) return;
    setExporting(true);
    setError(null);
    try {
      const file = await call('budgets.export', { financialYear: shown.financialYear, asAt: shown.asAt });
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>Budget monitoring</Title>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      <Paper withBorder p="md">
        {shown ? (
          <Stack>
            <Group align="end" justify="space-between">
              <Select
                label="Monitoring date"
                data={[...summaries].reverse().map((s) => ({
                  value: keyOf(s),
                  label: `${s.financialYear}, actual as at ${formatDate(s.asAt)}`,
                }))}
                value={keyOf(shown)}
                onChange={setChosen}
                allowDeselect={false}
                w={320}
              />
              <Button variant="light" onClick={() => void exportSummary()} loading={exporting}>
                Export budget summary
              </Button>
            </Group>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              Budget {shown.financialYear}; actual to {formatDate(shown.asAt)}
              {shown.projectedAt && `; outturn projected at ${shown.projectedAt}`}. Income is shown negative,
              as in the LA&apos;s sheet. Variance is projected outturn less budget: + (red) is adverse, more
              spent or less earned than budgeted; − (green) is favourable.
            </Text>
            <BudgetTable summary={shown} />
            <BudgetChart summaries={summaries} />
          </Stack>
        ) : (
          !list.loading && <Text c="dimmed">No budget summary has been imported yet. Import one below.</Text>
        )}
      </Paper>
      <ImportWorkflow
        description="The LA's budget summary workbook. Every total in it must add up to its lines; you will see the figures before anything is saved."
        chooseLabel="Choose budget summary…"
        testId="budget-preview"
        preview={(upload, onStage) => runJob('budgets.preview', upload, onStage)}
        apply={async (upload, onStage) => {
          const done = await runJob('budgets.apply', upload, onStage);
          list.reload();
          return `Imported the budget summary ${done.financialYear} as at ${formatDate(done.asAt)}.`;
        }}
        counts={counts}
        heading={(p, upload) =>
          p.asAt
            ? `${upload.fileName} — ${p.financialYear}, actual as at ${formatDate(p.asAt)}`
            : upload.fileName
        }
        problemsTitle="This budget summary cannot be imported until these are put right"
        applyLabel={(p) => (p.isNew ? 'Import budget summary' : 'Update budget summary')}
      >
        {(preview) => (
          <>
            <ProblemList problems={preview.warnings} title="Read but not imported" color="yellow" />
            {preview.problems.length === 0 && <BudgetTable summary={preview} />}
            {preview.changes.length > 0 && (
              <Table withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Figure</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.changes.map((c) => (
                    <Table.Tr key={c.field}>
                      <Table.Td>{c.field}</Table.Td>
                      <Table.Td>{c.before ?? ''}</Table.Td>
                      <Table.Td>{c.after ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </ImportWorkflow>
    </Stack>
  );
}
