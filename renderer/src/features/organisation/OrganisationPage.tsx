import { CalendarSettings } from './CalendarSettings';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { ROLES, type Role } from '../../../../shared/domain/organisation';
import { call, errorMessage } from '../../api';

type Org = OpOutput<'organisation.get'>;

export function OrganisationPage() {
  const [org, setOrg] = useState<Org | null>(null);
  const [district, setDistrict] = useState({ name: '', doubleDistrictId: null as string | null });
  const [person, setPerson] = useState({ name: '', roles: [] as string[] });
  const load = useCallback(() => void call('organisation.get', {}).then(setOrg), []);
  useEffect(load, [load]);

  const save = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notifications.show({ message: done });
      load();
      return true;
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
      return false;
    }
  };
  const addDistrict = async (event: FormEvent) => {
    event.preventDefault();
    if (!district.name.trim() || !district.doubleDistrictId) return;
    const ok = await save(
      () =>
        call('organisation.saveDistrict', {
          name: district.name,
          doubleDistrictId: Number(district.doubleDistrictId),
        }),
      `Added ${district.name}.`,
    );
    if (ok) setDistrict({ name: '', doubleDistrictId: null });
  };
  const addPerson = async (event: FormEvent) => {
    event.preventDefault();
    if (!person.name.trim()) return;
    const ok = await save(
      () => call('organisation.savePerson', { name: person.name, roles: person.roles as Role[] }),
      `Added ${person.name}.`,
    );
    if (ok) setPerson({ name: '', roles: [] });
  };

  if (!org) return <Text c="dimmed">Loading…</Text>;
  const doubleName = new Map(org.doubleDistricts.map((d) => [d.id, d.name]));
  return (
    <Stack maw={1100}>
      <Title order={2}>Organisation</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
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
                        data={org.doubleDistricts.map((dd) => ({ value: String(dd.id), label: dd.name }))}
                        value={String(d.doubleDistrictId)}
                        onChange={(v) =>
                          v &&
                          void save(
                            () =>
                              call('organisation.saveDistrict', {
                                id: d.id,
                                name: d.name,
                                doubleDistrictId: Number(v),
                              }),
                            `${d.name} is now in ${doubleName.get(Number(v)) ?? ''}.`,
                          )
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group component="form" onSubmit={(e: FormEvent) => void addDistrict(e)} align="end" mt="md">
            <TextInput
              label="New district"
              value={district.name}
              onChange={(e) => setDistrict({ ...district, name: e.currentTarget.value })}
            />
            <Select
              label="In double district"
              data={org.doubleDistricts.map((dd) => ({ value: String(dd.id), label: dd.name }))}
              value={district.doubleDistrictId}
              onChange={(v) => setDistrict({ ...district, doubleDistrictId: v })}
            />
            <Button type="submit" variant="light">
              Add
            </Button>
          </Group>
          <AddDoubleDistrict
            onAdd={(name) => save(() => call('organisation.saveDoubleDistrict', { name }), `Added ${name}.`)}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            People and roles
          </Title>
          {org.people.length === 0 ? (
            <Text c="dimmed" size="sm">
              No people yet. SIPs named in an imported register are added here.
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {org.people.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>
                      <MultiSelect
                        aria-label={`Roles of ${p.name}`}
                        size="xs"
                        data={[...ROLES]}
                        value={p.roles}
                        onChange={(roles) =>
                          void save(
                            () =>
                              call('organisation.savePerson', {
                                id: p.id,
                                name: p.name,
                                roles: roles as Role[],
                              }),
                            `Updated ${p.name}.`,
                          )
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group component="form" onSubmit={(e: FormEvent) => void addPerson(e)} align="end" mt="md">
            <TextInput
              label="New person"
              value={person.name}
              onChange={(e) => setPerson({ ...person, name: e.currentTarget.value })}
            />
            <MultiSelect
              label="Roles"
              data={[...ROLES]}
              value={person.roles}
              onChange={(roles) => setPerson({ ...person, roles })}
              w={220}
            />
            <Button type="submit" variant="light">
              Add
            </Button>
          </Group>
        </Paper>
      </SimpleGrid>
      <CalendarSettings />
    </Stack>
  );
}

function AddDoubleDistrict({ onAdd }: { onAdd: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  return (
    <Group
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (name.trim()) void onAdd(name.trim()).then((ok) => ok && setName(''));
      }}
      align="end"
      mt="sm"
    >
      <TextInput label="New double district" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Button type="submit" variant="light">
        Add
      </Button>
    </Group>
  );
}
