import { Button, Group, MultiSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Organisation } from '../../../../shared/api/contract';
import type { FieldErrors } from '../../../../shared/api/errors';
import { personDraft } from '../../../../shared/api/organisation';
import { ROLES } from '../../../../shared/domain/organisation';
import { call } from '../../api';
import { confirm } from '../../components/confirm';
import { saveDraft } from './saving';

type Person = Organisation['people'][number];

/** "A, B, C and 9 more": enough to recognise, never a wall of names. */
function someOf(names: string[], shown = 5): string {
  if (names.length <= shown)
    return names.length === 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/**
 * Taking the SIP role from someone leaves their schools with no SIP, so it is asked first, naming
 * those schools; other role changes are saved at once.
 */
async function changeRoles(person: Person, roles: string[]): Promise<boolean> {
  const losesSip = person.roles.includes('SIP') && !roles.includes('SIP');
  const theirs = losesSip
    ? (await call('schools.list', {}))
        .filter((s) => s.sipId === person.id)
        .map((s) => s.name)
        .sort((a, b) => a.localeCompare(b, 'en-GB'))
    : [];
  if (theirs.length > 0) {
    const schools = theirs.length === 1 ? 'one school' : `${theirs.length} schools`;
    const sure = await confirm({
      title: `Remove the SIP role from ${person.name}?`,
      message: `${person.name} is SIP to ${schools}: ${someOf(theirs)}. Those schools will have no SIP until you choose another.`,
      confirmLabel: 'Remove role',
    });
    if (!sure) return false;
  }
  const saved = await saveDraft(
    personDraft,
    { name: person.name, roles },
    (draft) =>
      call('organisation.savePerson', {
        id: person.id,
        draft,
        ...(theirs.length > 0 ? { unassignSchools: true } : {}),
      }),
    (errors) => {
      const problem = Object.values(errors)[0];
      if (problem) notifications.show({ color: 'red', message: `${person.name}: ${problem}` });
    },
  );
  if (!saved) return false;
  notifications.show({
    message:
      theirs.length > 0
        ? `${person.name} is no longer a SIP; ${someOf(theirs)} now ${theirs.length === 1 ? 'has' : 'have'} no SIP.`
        : `Updated ${person.name}.`,
  });
  return true;
}

/** The people who support schools, their roles, and adding someone. */
export function PeoplePanel({ org, onChanged }: { org: Organisation; onChanged: () => void }) {
  return (
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
                    onChange={(roles) => void changeRoles(p, roles).then((changed) => changed && onChanged())}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddPerson onAdded={onChanged} />
    </Paper>
  );
}

function AddPerson({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft(
      personDraft,
      { name: name.trim(), roles },
      (draft) => call('organisation.savePerson', { draft }),
      setErrors,
    );
    if (!saved) return;
    notifications.show({ message: `Added ${saved.name}.` });
    setName('');
    setRoles([]);
    onAdded();
  };
  return (
    <Group component="form" onSubmit={(e: FormEvent) => void add(e)} align="start" wrap="nowrap" mt="md">
      <TextInput
        label="New person"
        flex={1}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <MultiSelect
        label="Roles"
        data={[...ROLES]}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
        flex={1}
      />
      <Button type="submit" variant="light" mt={25}>
        Add
      </Button>
    </Group>
  );
}
