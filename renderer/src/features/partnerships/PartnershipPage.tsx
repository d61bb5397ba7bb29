import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { showUndoNotice } from '../../components/UndoNotice';
import { NetworkMoney } from './NetworkMoney';
import { PartnershipForm } from './PartnershipForm';

/** One partnership: its members past and present, its lead school, and its money year by year. */
export function PartnershipPage({
  id,
  onBack,
  schoolHref,
}: {
  id: number;
  onBack: () => void;
  schoolHref: (schoolId: number) => string;
}) {
  const { data, error, reload } = useOperation('partnerships.list', {});
  const [editing, setEditing] = useState(false);
  const partnership = data?.find((p) => p.id === id);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Text c="dimmed">Loading…</Text>;
  if (!partnership)
    return (
      <Stack>
        <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
          ← All partnerships
        </Anchor>
        <Text>This partnership is no longer in the file.</Text>
      </Stack>
    );
  const members = [...partnership.members].sort(
    (a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name),
  );

  return (
    <Stack maw={1100}>
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← All partnerships
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={2}>{partnership.name}</Title>
          <Text c="dimmed">
            {partnership.kind}
            {partnership.districts.length > 0 && ` · ${partnership.districts.join(', ')}`}
          </Text>
        </div>
        <Button onClick={() => setEditing(true)}>Edit partnership</Button>
      </Group>
      {partnership.notes && <Text size="sm">{partnership.notes}</Text>}
      <Paper withBorder p="md" component="section" aria-label="Members">
        <Title order={3} size="h4" mb="xs">
          Members
        </Title>
        {members.length === 0 ? (
          <Text c="dimmed" size="sm">
            No members yet. Edit the partnership to add its schools.
          </Text>
        ) : (
          <Table aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>School</Table.Th>
                <Table.Th>District</Table.Th>
                <Table.Th>Joined</Table.Th>
                <Table.Th>Left</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={`${m.schoolId}-${m.joinedOn}`} c={m.current ? 'inherit' : 'dimmed'}>
                  <Table.Td>
                    <Group gap={6}>
                      <Anchor href={schoolHref(m.schoolId)}>{m.name}</Anchor>
                      {m.schoolId === partnership.leadSchoolId && (
                        <Badge size="sm" variant="light">
                          Lead
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.district}</Table.Td>
                  <Table.Td>{formatDate(m.joinedOn)}</Table.Td>
                  <Table.Td>{m.leftOn ? formatDate(m.leftOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <NetworkMoney partnershipId={partnership.id} />
      {editing && (
        <PartnershipForm
          partnership={partnership}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
            notifications.show({ message: 'Changes saved.' });
          }}
          onDeleted={(auditId) => {
            setEditing(false);
            showUndoNotice(`${partnership.name} deleted.`, auditId, reload);
            onBack();
          }}
        />
      )}
    </Stack>
  );
}
