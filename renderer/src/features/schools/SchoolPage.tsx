import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../../../shared/domain/format';
import { call, useOperation } from '../../api';
import { SchoolConcern } from '../concerns';
import { SchoolMonitoring } from '../monitoring';
import { SchoolPartnerships } from '../partnerships';
import { SchoolForm } from './SchoolForm';

export function SchoolPage({
  id,
  onBack,
  onOpenConcern,
}: {
  id: number;
  onBack: () => void;
  onOpenConcern: (concernId: number) => void;
}) {
  const { data: detail, error, reload: load } = useOperation('schools.get', { id });
  const org = useOperation('organisation.get', {}).data;
  const [editing, setEditing] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);

  const setClosed = async (closed: boolean) => {
    setConfirmClose(false);
    await call('schools.setClosed', { id, closed });
    load();
    notifications.show({
      message: closed ? 'School closed. It is kept and hidden from the list by default.' : 'School reopened.',
      ...(closed ? { autoClose: 8000 } : {}),
    });
  };

  if (error) return <Alert color="red">{error}</Alert>;
  // Another school's page may still be on screen while this one loads.
  if (!detail || detail.school.id !== id) return <Text c="dimmed">Loading…</Text>;
  const { school, history } = detail;
  const facts: Array<[string, string | number | null]> = [
    ['DfE number', school.dfe],
    ['URN', school.urn],
    ['Type', school.type],
    ['Phase', school.phase],
    ['District', `${school.district} (${school.doubleDistrict})`],
    ['Diocese', school.diocese],
    ['Number on roll', school.numberOnRoll?.toLocaleString('en-GB') ?? null],
    ['Headteacher', school.headteacher],
    ['Chair of governors', school.chairOfGovernors],
    ['SIP', school.sip],
    ['Postcode', school.postcode],
  ];

  return (
    <Stack maw={1000}>
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← All schools
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{school.name}</Title>
          {school.closedOn && <Badge color="gray">Closed {formatDate(school.closedOn)}</Badge>}
        </Group>
        {!editing && (
          <Group>
            <Button onClick={() => setEditing(true)} disabled={!org}>
              Edit
            </Button>
            {school.closedOn ? (
              <Button variant="default" onClick={() => void setClosed(false)}>
                Reopen school
              </Button>
            ) : (
              <Button variant="default" color="red" onClick={() => setConfirmClose(true)}>
                Close school
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Paper withBorder p="md">
        {editing && org ? (
          <SchoolForm
            org={org}
            school={school}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              load();
              notifications.show({ message: 'Changes saved.' });
            }}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
            {facts.map(([label, value]) => (
              <Group key={label} gap="xs" wrap="nowrap">
                <Text component="dt" c="dimmed" w={160} size="sm">
                  {label}
                </Text>
                <Text component="dd" m={0} data-field={label}>
                  {value ?? '—'}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        )}
      </Paper>
      {org && (
        <SchoolConcern org={org} schoolId={id} closed={school.closedOn !== null} onOpen={onOpenConcern} />
      )}
      <SchoolPartnerships school={school} onChanged={load} />
      {org && <SchoolMonitoring school={school} org={org} history={history} onChanged={load} />}
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title="Close this school?">
        <Text mb="md">
          {school.name} will be marked closed today and hidden from the schools list by default. Its records
          are kept, and you can reopen it at any time.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmClose(false)}>
            Keep it open
          </Button>
          <Button color="red" onClick={() => void setClosed(true)}>
            Close school
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
