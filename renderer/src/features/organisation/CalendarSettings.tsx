import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { academicYearLabel, academicYearOf } from '../../../../shared/domain/calendar';
import { call, errorMessage } from '../../api';
import { DateField } from '../../components/DateField';

type Term = OpOutput<'calendar.terms'>[number];

/** The LA's own term dates for a year (defaults until set), and the SEF framework in use. */
export function CalendarSettings() {
  const thisYear = academicYearOf(new Date().toISOString().slice(0, 10));
  const [year, setYear] = useState(thisYear);
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [frameworks, setFrameworks] = useState<OpOutput<'sef.frameworks'> | null>(null);
  useEffect(() => {
    void call('calendar.terms', { academicYear: year }).then(setTerms);
  }, [year]);
  useEffect(() => {
    void call('sef.frameworks', {}).then(setFrameworks);
  }, []);

  const edit = (index: number, patch: Partial<Term>) =>
    setTerms((list) => list && list.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const save = async (t: Term) => {
    try {
      const { academicYear, term, startsOn, secondHalfOn, endsOn } = t;
      setTerms(await call('calendar.saveTerm', { academicYear, term, startsOn, secondHalfOn, endsOn }));
      notifications.show({ message: `${t.label} dates saved.` });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" align="end">
          <div>
            <Title order={3} size="h4">
              Term dates
            </Title>
            <Text size="sm" c="dimmed">
              Visits and profiles are counted by term. Until you set a year&apos;s dates, typical ones are
              used.
            </Text>
          </div>
          <Select
            label="Academic year"
            data={[-2, -1, 0, 1].map((n) => ({
              value: String(thisYear + n),
              label: academicYearLabel(thisYear + n),
            }))}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={160}
          />
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th>Starts</Table.Th>
              <Table.Th>Back after half-term</Table.Th>
              <Table.Th>Ends</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms?.map((t, i) => (
              <Table.Tr key={`${t.academicYear}-${t.term}`}>
                <Table.Td>
                  <Group gap={6}>
                    {t.label}
                    {!t.custom && (
                      <Badge size="xs" variant="light" color="gray">
                        typical
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <DateField
                    label={`${t.label} starts`}
                    value={t.startsOn}
                    onChange={(iso) => edit(i, { startsOn: iso })}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField
                    label={`${t.label} second half`}
                    value={t.secondHalfOn}
                    onChange={(iso) => edit(i, { secondHalfOn: iso })}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField
                    label={`${t.label} ends`}
                    value={t.endsOn}
                    onChange={(iso) => edit(i, { endsOn: iso })}
                  />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void save(t)}>
                    Save
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Select
          label="SEF framework"
          description="The judgements SEFs and SEF grids are recorded against"
          data={frameworks?.frameworks.map((f) => ({ value: f.code, label: f.name })) ?? []}
          value={frameworks?.active ?? null}
          onChange={(code) =>
            code &&
            void call('sef.setFramework', { code }).then(() => {
              setFrameworks((f) => f && { ...f, active: code });
              notifications.show({ message: 'SEF framework changed.' });
            })
          }
          allowDeselect={false}
          w={360}
        />
      </Stack>
    </Paper>
  );
}
