import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { termDates } from '../../../../shared/api/calendar';
import type { OpOutput } from '../../../../shared/api/contract';
import type { FieldErrors } from '../../../../shared/api/errors';
import { academicYearLabel, academicYearOf } from '../../../../shared/domain/calendar';
import { todayInLondon } from '../../../../shared/domain/format';
import { call, errorMessage } from '../../api';
import { DateField } from '../../components/DateField';
import { saveDraft } from './saving';

type Term = OpOutput<'calendar.terms'>[number];

/** The LA's own term dates for a year (defaults until set), and the SEF framework in use. */
export function CalendarSettings() {
  const thisYear = academicYearOf(todayInLondon());
  const [year, setYear] = useState(thisYear);
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [frameworks, setFrameworks] = useState<OpOutput<'sef.frameworks'> | null>(null);
  useEffect(() => {
    void call('calendar.terms', { academicYear: year }).then(setTerms);
  }, [year]);
  useEffect(() => {
    void call('sef.frameworks', {}).then(setFrameworks);
  }, []);

  const setFramework = (code: string) =>
    call('sef.setFramework', { code }).then(
      () => {
        setFrameworks((f) => f && { ...f, active: code });
        notifications.show({ message: 'SEF framework changed.' });
      },
      (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }),
    );

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
            {terms?.map((t) => (
              <TermRow key={`${t.academicYear}-${t.term}`} term={t} onSaved={setTerms} />
            ))}
          </Table.Tbody>
        </Table>
        <Select
          label="SEF framework"
          description="The judgements SEFs and SEF grids are recorded against"
          data={frameworks?.frameworks.map((f) => ({ value: f.code, label: f.name })) ?? []}
          value={frameworks?.active ?? null}
          onChange={(code) => code && void setFramework(code)}
          allowDeselect={false}
          w={360}
        />
      </Stack>
    </Paper>
  );
}

const DATES = [
  ['startsOn', 'starts'],
  ['secondHalfOn', 'second half'],
  ['endsOn', 'ends'],
] as const;

/** One term's dates: saved only when each is a real date, with any problem shown at its date. */
function TermRow({ term, onSaved }: { term: Term; onSaved: (terms: Term[]) => void }) {
  const [dates, setDates] = useState({
    startsOn: term.startsOn,
    secondHalfOn: term.secondHalfOn,
    endsOn: term.endsOn,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const reportValidity = (field: string, valid: boolean) =>
    setBadDates((bad) => {
      if (bad.has(field) !== valid) return bad;
      const next = new Set(bad);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });

  const save = async () => {
    if (badDates.size > 0) return;
    const saved = await saveDraft(
      termDates.strict(),
      { academicYear: term.academicYear, term: term.term, ...dates },
      (checked) => call('calendar.saveTerm', checked),
      setErrors,
    );
    if (!saved) return;
    onSaved(saved);
    notifications.show({ message: `${term.label} dates saved.` });
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6}>
          {term.label}
          {!term.custom && (
            <Badge size="xs" variant="light" color="gray">
              typical
            </Badge>
          )}
        </Group>
      </Table.Td>
      {DATES.map(([field, words]) => (
        <Table.Td key={field}>
          <DateField
            label={`${term.label} ${words}`}
            value={dates[field]}
            onChange={(iso) => setDates((d) => ({ ...d, [field]: iso }))}
            error={errors[field]}
            onValidityChange={(valid: boolean) => reportValidity(field, valid)}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Button size="xs" variant="light" onClick={() => void save()} disabled={badDates.size > 0}>
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
