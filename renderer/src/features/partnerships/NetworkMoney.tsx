import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { BudgetRow } from '../../../../shared/api/partnerships';
import { academicYearLabel, academicYearOf } from '../../../../shared/domain/calendar';
import { formatDate, formatPounds, todayInLondon } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { showUndoNotice } from '../../components/UndoNotice';
import { BudgetForm } from './BudgetForm';
import { SpendForm } from './SpendForm';

type Form = 'budget' | 'spend' | { spendId: number } | null;

/** A network's money for one academic year: its allocation, plan, what was spent and what is left. */
export function NetworkMoney({ partnershipId }: { partnershipId: number }) {
  const { data, error, reload } = useOperation('partnerships.budgets', { partnershipId });
  const thisYear = academicYearOf(todayInLondon());
  const [chosen, setChosen] = useState<number | null>(null);
  const [form, setForm] = useState<Form>(null);
  const budgets = data ?? [];
  const years = [...new Set([thisYear, ...budgets.map((b) => b.academicYear)])].sort((a, b) => b - a);
  const year = chosen ?? thisYear;
  const budget = budgets.find((b) => b.academicYear === year);
  const closed = (message: string) => () => {
    setForm(null);
    reload();
    notifications.show({ message });
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Network money">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={3} size="h4">
          Network money
        </Title>
        <Group align="end">
          <Select
            label="Academic year"
            data={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
            value={String(year)}
            onChange={(v) => v && setChosen(Number(v))}
            allowDeselect={false}
            w={140}
          />
          <Button variant="light" onClick={() => setForm('budget')} disabled={!data}>
            {budget ? 'Edit allocation and plan' : `Set up ${academicYearLabel(year)}`}
          </Button>
          {budget && <Button onClick={() => setForm('spend')}>Record spend</Button>}
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && !budget && (
        <Text c="dimmed" size="sm">
          No money recorded for {academicYearLabel(year)}. Set it up to give the network its allocation
          (£5,000 unless you change it) and a spending plan.
        </Text>
      )}
      {budget && <BudgetView budget={budget} onEditSpend={(spendId) => setForm({ spendId })} />}
      {form === 'budget' && (
        <BudgetForm
          partnershipId={partnershipId}
          academicYear={year}
          budget={budget}
          onClose={() => setForm(null)}
          onSaved={closed(budget ? 'Plan saved.' : `${academicYearLabel(year)} set up.`)}
        />
      )}
      {budget && form === 'spend' && (
        <SpendForm budget={budget} onClose={() => setForm(null)} onSaved={closed('Spend recorded.')} />
      )}
      {budget && typeof form === 'object' && form !== null && (
        <SpendForm
          budget={budget}
          spend={budget.spend.find((s) => s.id === form.spendId)}
          onClose={() => setForm(null)}
          onSaved={closed('Changes saved.')}
          onDeleted={(auditId) => {
            setForm(null);
            reload();
            showUndoNotice('Spend deleted.', auditId, reload);
          }}
        />
      )}
    </Paper>
  );
}

function BudgetView({ budget, onEditSpend }: { budget: BudgetRow; onEditSpend: (id: number) => void }) {
  const over = budget.remainingPence < 0;
  const lineName = new Map(budget.lines.map((l) => [l.id, l.description]));
  const figures: Array<[string, number, string]> = [
    ['Allocation', budget.allocationPence, 'inherit'],
    ['Planned', budget.plannedPence, 'inherit'],
    ['Spent', budget.spentPence, 'inherit'],
    [
      over ? 'Overspent' : 'Remaining',
      over ? -budget.remainingPence : budget.remainingPence,
      over ? 'red' : 'inherit',
    ],
  ];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={4} spacing="sm" data-testid="network-money">
        {figures.map(([label, pence, colour]) => (
          <div key={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={600} size="lg" c={colour} data-figure={label}>
              {formatPounds(pence)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {budget.lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          No spending plan yet. Add its lines to record spend against them.
        </Text>
      ) : (
        <Table aria-label="Spending plan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan line</Table.Th>
              <Table.Th ta="right">Planned</Table.Th>
              <Table.Th ta="right">Spent</Table.Th>
              <Table.Th ta="right">Left on the line</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {budget.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">{formatPounds(l.plannedPence)}</Table.Td>
                <Table.Td ta="right">{formatPounds(l.spentPence)}</Table.Td>
                <Table.Td ta="right" c={l.spentPence > l.plannedPence ? 'red' : 'inherit'}>
                  {formatPounds(l.plannedPence - l.spentPence)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4} size="h5">
        Spend
      </Title>
      {budget.spend.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing spent yet this year.
        </Text>
      ) : (
        <Table aria-label="Spend">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Plan line</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...budget.spend]
              .sort((a, b) => b.spentOn.localeCompare(a.spentOn))
              .map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.spentOn)}</Table.Td>
                  <Table.Td>{lineName.get(s.lineId)}</Table.Td>
                  <Table.Td>
                    {s.description}
                    {s.overspendReason && (
                      <Text size="xs" c="orange.8">
                        Agreed overspend: {s.overspendReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatPounds(s.amountPence)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onEditSpend(s.id)}
                      aria-label={`Correct the spend of ${formatPounds(s.amountPence)} on ${formatDate(s.spentOn)}`}
                    >
                      Correct
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
