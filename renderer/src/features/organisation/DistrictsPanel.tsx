import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Organisation } from '../../../../shared/api/contract';
import type { FieldErrors } from '../../../../shared/api/errors';
import { districtDraft, doubleDistrictDraft } from '../../../../shared/api/organisation';
import { call } from '../../api';
import { saveDraft } from './saving';

/** The districts, the double district each belongs to, and adding either. */
export function DistrictsPanel({ org, onChanged }: { org: Organisation; onChanged: () => void }) {
  const doubles = org.doubleDistricts.map((dd) => ({ value: String(dd.id), label: dd.name }));
  const doubleName = new Map(org.doubleDistricts.map((d) => [d.id, d.name]));
  const move = async (district: Organisation['districts'][number], doubleDistrictId: number) => {
    const saved = await saveDraft(
      districtDraft,
      { name: district.name, doubleDistrictId },
      (draft) => call('organisation.saveDistrict', { id: district.id, draft }),
      (errors) => {
        const problem = Object.values(errors)[0];
        if (problem) notifications.show({ color: 'red', message: `${district.name}: ${problem}` });
      },
    );
    if (!saved) return;
    notifications.show({ message: `${saved.name} is now in ${doubleName.get(doubleDistrictId) ?? ''}.` });
    onChanged();
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Districts
      </Title>
      {org.districts.length === 0 ? (
        <Text c="dimmed" size="sm">
          No districts yet. Importing a register workbook brings them from its Districts sheet.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>District</Table.Th>
              <Table.Th>Double district</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {org.districts.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Double district of ${d.name}`}
                    size="xs"
                    data={doubles}
                    value={String(d.doubleDistrictId)}
                    onChange={(v) => v && void move(d, Number(v))}
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddDistrict doubles={doubles} onAdded={onChanged} />
      <AddDoubleDistrict onAdded={onChanged} />
    </Paper>
  );
}

function AddDistrict({
  doubles,
  onAdded,
}: {
  doubles: Array<{ value: string; label: string }>;
  onAdded: () => void;
}) {
  const [name, setName] = useState('');
  const [doubleDistrictId, setDoubleDistrictId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft(
      districtDraft,
      { name: name.trim(), doubleDistrictId: doubleDistrictId === null ? null : Number(doubleDistrictId) },
      (draft) => call('organisation.saveDistrict', { draft }),
      setErrors,
    );
    if (!saved) return;
    notifications.show({ message: `Added ${saved.name}.` });
    setName('');
    setDoubleDistrictId(null);
    onAdded();
  };
  return (
    <Group component="form" onSubmit={(e: FormEvent) => void add(e)} align="start" wrap="nowrap" mt="md">
      <TextInput
        label="New district"
        flex={1}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Select
        label="In double district"
        flex={1}
        data={doubles}
        value={doubleDistrictId}
        onChange={setDoubleDistrictId}
        error={errors.doubleDistrictId}
      />
      <Button type="submit" variant="light" mt={25}>
        Add
      </Button>
    </Group>
  );
}

function AddDoubleDistrict({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft(
      doubleDistrictDraft,
      { name: name.trim() },
      (draft) => call('organisation.saveDoubleDistrict', { draft }),
      setErrors,
    );
    if (!saved) return;
    notifications.show({ message: `Added ${saved.name}.` });
    setName('');
    onAdded();
  };
  return (
    <Group component="form" onSubmit={(e: FormEvent) => void add(e)} align="start" mt="sm">
      <TextInput
        label="New double district"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Button type="submit" variant="light" mt={25}>
        Add
      </Button>
    </Group>
  );
}
