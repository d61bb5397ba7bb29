import {
  Alert,
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StrengthRow } from '../../../../shared/api/brokerage';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { showUndoNotice } from '../../components/UndoNotice';
import { useAreaChoices } from './areas';
import { StrengthForm } from './StrengthForm';
import { SupportLimitSetting } from './SupportLimitSetting';

/** "dd:3" for a double district, "d:7" for a district. */
const placeFilter = (place: string | null) => {
  const [kind, id] = (place ?? '').split(':');
  if (kind === 'dd') return { doubleDistrictId: Number(id) };
  if (kind === 'd') return { districtId: Number(id) };
  return {};
};

/**
 * The key strengths register: what schools are strong in, on what evidence and on whose validation,
 * searchable as a DSIM asks it — "who is strong in teaching and learning in the Tamworth district?"
 */
export function StrengthsPage({ schoolHref }: { schoolHref: (schoolId: number) => string }) {
  const org = useOperation('organisation.get', {}).data;
  const areas = useAreaChoices();
  const [area, setArea] = useState<string | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [validatedOnly, setValidatedOnly] = useState(false);
  const [words] = useDebouncedValue(text.trim(), 250);
  const { data, error, reload } = useOperation('partnerships.findStrengths', {
    ...(area ? { area } : {}),
    ...placeFilter(place),
    ...(words ? { text: words } : {}),
    ...(validatedOnly ? { validatedOnly } : {}),
  });
  const [form, setForm] = useState<'add' | StrengthRow | null>(null);
  const places = org
    ? [
        {
          group: 'Double districts',
          items: org.doubleDistricts.map((d) => ({ value: `dd:${d.id}`, label: d.name })),
        },
        { group: 'Districts', items: org.districts.map((d) => ({ value: `d:${d.id}`, label: d.name })) },
      ]
    : [];
  const filtered = area !== null || place !== null || words !== '' || validatedOnly;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Key strengths</Title>
          <Text c="dimmed">
            What schools are strong in and can offer others, with the evidence and who validated it.
          </Text>
        </div>
        <Group align="start">
          <SupportLimitSetting />
          <Button mt={42} onClick={() => setForm('add')}>
            Add a strength
          </Button>
        </Group>
      </Group>
      <Group align="end" role="search" aria-label="Search the key strengths">
        <Select
          label="Area"
          placeholder="Any area"
          clearable
          searchable
          data={areas}
          value={area}
          onChange={setArea}
          w={300}
        />
        <Select
          label="District or double district"
          placeholder="Anywhere"
          clearable
          searchable
          data={places}
          value={place}
          onChange={setPlace}
          w={260}
        />
        <TextInput
          label="Words"
          placeholder="School, evidence, contact…"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={240}
        />
        <Switch
          label="Validated only"
          checked={validatedOnly}
          onChange={(e) => setValidatedOnly(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Text c="dimmed">Loading…</Text>}
      {data && (
        <Text size="sm" c="dimmed" data-testid="strength-count" aria-live="polite">
          {data.length === 0
            ? filtered
              ? 'No strength matches. Try another area, anywhere, or fewer words.'
              : 'No key strengths recorded yet. Add one when a school’s strength has been seen.'
            : `${data.length} ${data.length === 1 ? 'strength' : 'strengths'}`}
        </Text>
      )}
      {data && data.length > 0 && (
        <Table striped aria-label="Key strengths" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>School</Table.Th>
              <Table.Th>Area</Table.Th>
              <Table.Th>Evidence</Table.Th>
              <Table.Th>Validated</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Anchor href={schoolHref(k.schoolId)}>{k.school}</Anchor>
                  <Text size="xs" c="dimmed">
                    {k.district}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {k.areaLabel}
                  {k.aspect && (
                    <Text size="xs" c="dimmed">
                      {k.aspect}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={3} title={k.evidence}>
                    {k.evidence}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {k.validatedOn ? (
                    <>
                      <Text size="sm">{formatDate(k.validatedOn)}</Text>
                      <Text size="xs" c="dimmed">
                        {k.validatedBy}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="orange.8">
                      Not yet validated
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{k.contact || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setForm(k)}
                    aria-label={`${k.validatedOn ? 'Correct' : 'Validate'} ${k.school}’s strength in ${k.areaLabel}`}
                  >
                    {k.validatedOn ? 'Correct' : 'Validate'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {form !== null && (
        <StrengthForm
          strength={form === 'add' ? undefined : form}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            reload();
            notifications.show({ message: form === 'add' ? 'Strength added.' : 'Changes saved.' });
          }}
          onDeleted={(auditId) => {
            setForm(null);
            reload();
            showUndoNotice('Strength deleted.', auditId, reload);
          }}
        />
      )}
    </Stack>
  );
}
