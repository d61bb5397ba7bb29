import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { SavingsList, SavingsPreview } from '../../../../shared/api/savings';
import { formatPounds } from '../../../../shared/domain/format';
import {
  describeTotal,
  SAVINGS_CODES,
  showCash,
  showFte,
  UNKNOWN,
  type Figure,
  type FigureTotal,
  type SavingsCode,
} from '../../../../shared/domain/savings';
import { call, errorMessage, useOperation } from '../../api';
import { ImportWorkflow } from '../../components/ImportWorkflow';
import { runJob } from '../../components/jobs';
import { ProblemList } from '../../components/ProblemList';
import { download } from '../../components/workbook-files';

const CASH_COLUMNS = [
  ['cash1', '2008/09'],
  ['cash2', '2009/10'],
  ['cash3', '2010/11'],
  ['diff', 'Diff'],
] as const;

const counts = (p: SavingsPreview) => ({
  new: p.newOptions.length,
  changed: p.changed.length,
  unchanged: p.unchangedCount,
});

/** A figure in its cell: "?" (not known yet) marked so it is never read as a blank or a nought. */
function FigureCell({ figure, show }: { figure: Figure; show: (f: Figure) => string }) {
  if (figure !== UNKNOWN)
    return (
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {show(figure)}
      </Table.Td>
    );
  return (
    <Table.Td ta="right">
      <Tooltip label="Not known yet">
        <Text span c="orange.8" fw={700} aria-label="not known yet">
          ?
        </Text>
      </Tooltip>
    </Table.Td>
  );
}

const posts = (hundredths: number) => String(hundredths / 100);

/** A column's total, with how many unknowns it left out on a line of its own so the column stays narrow. */
function TotalCell({ total, show }: { total: FigureTotal; show: (n: number) => string }) {
  return (
    <Table.Th ta="right">
      <Text span inherit style={{ whiteSpace: 'nowrap' }}>
        {show(total.total)}
      </Text>
      {total.unknown > 0 && (
        <Text size="xs" c="orange.8" fw={600}>
          {total.unknown} not known yet
        </Text>
      )}
    </Table.Th>
  );
}

function OptionsTable({ list }: { list: SavingsList }) {
  if (list.options.length === 0)
    return <Text c="dimmed">There are no savings options in this file yet. Import the workbook below.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped withTableBorder verticalSpacing="xs" horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Option and sponsor</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th ta="right">FTE</Table.Th>
            {CASH_COLUMNS.map(([key, label]) => (
              <Table.Th key={key} ta="right">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.options.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.ref}</Table.Td>
              <Table.Td>
                <Text size="sm">{o.optionHeader}</Text>
                <Text size="xs" c="dimmed">
                  {[o.sponsor, o.status && `Status ${o.status}`, o.priority && `${o.priority} priority`]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {o.code && (
                  <Tooltip label={SAVINGS_CODES[o.code as SavingsCode]}>
                    <Badge variant="light">{o.code}</Badge>
                  </Tooltip>
                )}
              </Table.Td>
              <FigureCell figure={o.fte} show={showFte} />
              {CASH_COLUMNS.map(([key]) => (
                <FigureCell key={key} figure={o[key]} show={showCash} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>Total, leaving out ? figures</Table.Th>
            <TotalCell total={list.totals.fte} show={posts} />
            {CASH_COLUMNS.map(([key]) => (
              <TotalCell key={key} total={list.totals[key]} show={formatPounds} />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The savings per code in the first year, so frontline cuts are seen apart from efficiencies. */
function ByCode({ list }: { list: SavingsList }) {
  const codes = Object.keys(SAVINGS_CODES) as SavingsCode[];
  return (
    <Group gap="lg">
      {codes.map((code) => {
        const options = list.options.filter((o) => o.code === code);
        const unknown = options.filter((o) => o.cash1 === UNKNOWN).length;
        const total = options.reduce((sum, o) => sum + (typeof o.cash1 === 'number' ? o.cash1 : 0), 0);
        return (
          <Text key={code} size="sm">
            <b>{code}</b> {SAVINGS_CODES[code]}: {options.length} option{options.length === 1 ? '' : 's'},{' '}
            {describeTotal({ total, unknown }, formatPounds)}
          </Text>
        );
      })}
    </Group>
  );
}

/** The preview's corrections, one row per changed field: before → after. */
function ChangedOptions({ changed }: { changed: SavingsPreview['changed'] }) {
  if (changed.length === 0) return null;
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Option</Table.Th>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changed.flatMap((o) =>
          o.changes.map((c) => (
            <Table.Tr key={`${o.ref}-${c.field}`}>
              <Table.Td>
                {o.ref} {o.optionHeader}
              </Table.Td>
              <Table.Td>{c.field}</Table.Td>
              <Table.Td>{c.before ?? '—'}</Table.Td>
              <Table.Td>{c.after ?? '—'}</Table.Td>
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  );
}

export function SavingsPage() {
  const list = useOperation('savings.list', {});
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportWorkbook = async () => {
    setExporting(true);
    setError(null);
    try {
      const file = await call('savings.export', {});
      download(file.fileName, file.dataBase64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const data = list.data;
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>Savings options</Title>
        <Button variant="light" onClick={() => void exportWorkbook()} loading={exporting}>
          Export savings options
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {data && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={600} data-testid="savings-total">
              Total 2008/09 {describeTotal(data.totals.cash1, formatPounds)}
            </Text>
            <ByCode list={data} />
            <OptionsTable list={data} />
            <Text size="xs" c="dimmed">
              ? means the owner does not know the figure yet: it is left out of the totals, which say how many
              were left out, and goes back to the workbook as ?.
            </Text>
          </Stack>
        </Paper>
      )}
      <ImportWorkflow
        description="The savings options workbook returned by the owners. You will see every change before anything is saved."
        chooseLabel="Choose savings workbook…"
        testId="savings-preview"
        preview={(upload, onStage) => runJob('savings.preview', upload, onStage)}
        apply={async (upload, onStage) => {
          const done = await runJob('savings.apply', upload, onStage);
          list.reload();
          return `Imported ${done.newOptions.length} new and ${done.changed.length} changed savings options.`;
        }}
        counts={counts}
        problemsTitle="This workbook cannot be imported until these are put right"
        applyLabel={(p) => `Import ${p.newOptions.length + p.changed.length} savings options`}
      >
        {(preview) => (
          <>
            <ProblemList problems={preview.warnings} title="Read but not imported" color="yellow" />
            <ChangedOptions changed={preview.changed} />
          </>
        )}
      </ImportWorkflow>
    </Stack>
  );
}
