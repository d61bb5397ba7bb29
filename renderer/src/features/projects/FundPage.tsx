import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { financialYearOf } from '../../../../shared/domain/calendar';
import { formatPounds, todayInLondon } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { Section } from '../../components/Section';
import { ChargingBandCalculator } from './ChargingBandCalculator';
import { CountyFunds } from './CountyFunds';
import { DayRates } from './DayRates';
import { FundForm } from './FundForm';

type Summary = OpOutput<'funds.get'>;
const DD_KEY = 'sid-fund-double-district';

/** This financial year and the three before it, newest first. */
function recentYears(): string[] {
  const start = Number(financialYearOf(todayInLondon()).slice(0, 4));
  return [1, 0, -1, -2, -3].map((i) => `${start + i}/${String((start + i + 1) % 100).padStart(2, '0')}`);
}

/** A double district's intervention fund for a financial year: what is left, and where it went. */
export function FundPage() {
  const org = useOperation('organisation.get', {}).data;
  const [stored] = useState(() => Number(sessionStorage.getItem(DD_KEY)) || null);
  const [chosenDd, setDdId] = useState<number | null>(stored);
  const [year, setYear] = useState(() => financialYearOf(todayInLondon()));
  const [editing, setEditing] = useState(false);
  // The calculator charges at the officer day rate: it is asked again when the rates change.
  const [ratesChanged, setRatesChanged] = useState(0);
  const ddId = chosenDd ?? org?.doubleDistricts[0]?.id ?? null;
  const { data, error, reload } = useOperation(
    'funds.get',
    ddId === null ? null : { doubleDistrictId: ddId, financialYear: year },
  );
  const summary = data && data.doubleDistrictId === ddId && data.financialYear === year ? data : null;
  const openDoubleDistrict = (id: number) => {
    sessionStorage.setItem(DD_KEY, String(id));
    setDdId(id);
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Intervention fund</Title>
          <Text c="dimmed">Priority School Support: what each double district has, and where it goes.</Text>
        </div>
        <Group align="end">
          <Select
            label="Double district"
            data={org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []}
            value={ddId === null ? null : String(ddId)}
            onChange={(v) => v && openDoubleDistrict(Number(v))}
            allowDeselect={false}
            w={240}
          />
          <Select
            label="Financial year"
            data={recentYears()}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
            w={140}
          />
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {org && org.doubleDistricts.length === 0 && (
        <Alert color="blue">Add a double district on the Organisation page to give it a fund.</Alert>
      )}
      {summary && <FundFigures summary={summary} onEdit={() => setEditing(true)} />}
      {summary && <Spending summary={summary} />}
      <CountyFunds
        financialYear={year}
        onOpen={(id) => {
          openDoubleDistrict(id);
          window.scrollTo(0, 0);
        }}
      />
      <DayRates onChanged={() => setRatesChanged((n) => n + 1)} />
      <ChargingBandCalculator key={ratesChanged} />
      {editing && summary && (
        <FundForm
          doubleDistrictId={summary.doubleDistrictId}
          doubleDistrict={summary.doubleDistrict}
          financialYear={summary.financialYear}
          fund={summary.fund}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
            notifications.show({ message: 'Fund saved.' });
          }}
        />
      )}
    </Stack>
  );
}

function FundFigures({ summary, onEdit }: { summary: Summary; onEdit: () => void }) {
  const { officerDays } = summary;
  const figures: Array<[string, number]> = [
    ['Allocation', summary.allocationPence],
    ['Held back', summary.heldBackPence],
    ['Committed', summary.committedPence],
    ['Spent', summary.spentPence],
    ['Remaining', summary.remainingPence],
  ];
  const share =
    officerDays.capacityDays > 0 ? (officerDays.committedDays / officerDays.capacityDays) * 100 : 0;
  return (
    <Paper withBorder p="md" component="section" aria-label="The fund">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {summary.doubleDistrict}, {summary.financialYear}
        </Title>
        <Button size="xs" variant="light" onClick={onEdit}>
          {summary.fund ? 'Change allocation' : 'Set allocation'}
        </Button>
      </Group>
      {!summary.fund && (
        <Text size="sm" c="dimmed" mb="sm">
          No allocation recorded for {summary.financialYear} yet.
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {figures.map(([label, pence]) => (
          <div key={label} data-testid={`fund-${label.toLowerCase().replace(' ', '-')}`}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={600} {...(label === 'Remaining' && pence < 0 ? { c: 'red' } : {})}>
              {formatPounds(pence)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="md">
        Officer days: {officerDays.committedDays} of {officerDays.capacityDays} committed
        {summary.interventions > 0
          ? ` across ${summary.interventions} ${summary.interventions === 1 ? 'intervention' : 'interventions'}`
          : ''}
        {officerDays.over ? ' — more than the officers can give' : ''}
      </Text>
      <Progress
        mt={4}
        value={Math.min(100, share)}
        color={officerDays.over ? 'red' : 'blue'}
        aria-label="Officer days committed against capacity"
      />
    </Paper>
  );
}

function Spending({ summary }: { summary: Summary }) {
  const views = [
    ['school', 'By school', summary.bySchool],
    ['project', 'By project', summary.byProject],
    ['stage', 'By stage', summary.byStage],
    ['source', 'By source', summary.bySource],
  ] as const;
  const none = summary.bySource.length === 0;
  return (
    <Section title="Spending" empty={none && `No costs recorded for ${summary.financialYear} yet.`}>
      <Tabs defaultValue="school">
        <Tabs.List>
          {views.map(([key, label]) => (
            <Tabs.Tab key={key} value={key}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {views.map(([key, , lines]) => (
          <Tabs.Panel key={key} value={key} pt="xs">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">From the fund</Table.Th>
                  <Table.Th ta="right">All costs</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => (
                  <Table.Tr key={l.key}>
                    <Table.Td>{l.label}</Table.Td>
                    <Table.Td ta="right">{formatPounds(l.fundPence)}</Table.Td>
                    <Table.Td ta="right">{formatPounds(l.totalPence)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Section>
  );
}
