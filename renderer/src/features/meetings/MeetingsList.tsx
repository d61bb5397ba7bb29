import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/meetings';
import { useOperation } from '../../api';
import { NewMeetingForm } from './NewMeetingForm';

const DD_KEY = 'sid-meetings-double-district';
/** The filter's value for the county-wide meetings, which have no double district. */
const COUNTY = 'county';

/**
 * The group meetings, newest first: each double district's District Intervention/Resource Group,
 * Focus Group, core and project groups, and the county-wide ones.
 */
export function MeetingsList({ onOpen }: { onOpen: (id: number) => void }) {
  const org = useOperation('organisation.get', {}).data;
  const [area, setArea] = useState<string | null>(() => sessionStorage.getItem(DD_KEY) || null);
  const [kind, setKind] = useState<MeetingKind | null>(null);
  const [adding, setAdding] = useState(false);
  const filter = {
    ...(area === null ? {} : { doubleDistrictId: area === COUNTY ? null : Number(area) }),
    ...(kind === null ? {} : { kind }),
  };
  const { data, error } = useOperation('meetings.list', filter);
  const filtered = area !== null || kind !== null;
  const today = todayInLondon();

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Meetings</Title>
          <Text c="dimmed">
            The groups that confirm categories, stages, projects and funding, and what their minutes decided.
          </Text>
        </div>
        <Button onClick={() => setAdding(true)}>Record a meeting</Button>
      </Group>
      <Group gap="md" align="end">
        <Select
          label="Double district"
          placeholder="All"
          clearable
          data={[
            ...(org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []),
            { value: COUNTY, label: 'County-wide' },
          ]}
          value={area}
          onChange={(v) => {
            sessionStorage.setItem(DD_KEY, v ?? '');
            setArea(v);
          }}
          w={260}
        />
        <Select
          label="Meeting"
          placeholder="All kinds"
          clearable
          data={[...MEETING_KINDS]}
          value={kind}
          onChange={(v) => setKind(v as MeetingKind | null)}
          w={300}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && data.length === 0 ? (
        <Text c="dimmed" py="md">
          {filtered
            ? 'No meeting matches these filters.'
            : 'No meeting has been recorded yet. Record one to keep its minutes and apply its decisions.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Held on</Table.Th>
                <Table.Th>Meeting</Table.Th>
                <Table.Th>Double district</Table.Th>
                <Table.Th ta="right">Attendees</Table.Th>
                <Table.Th>Decisions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      size="sm"
                      onClick={() => onOpen(m.id)}
                      aria-label={`${m.kind} of ${formatDate(m.heldOn)}`}
                    >
                      {formatDate(m.heldOn)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.kind}</Table.Td>
                  <Table.Td>{m.doubleDistrict ?? 'County-wide'}</Table.Td>
                  <Table.Td ta="right">{m.attendees}</Table.Td>
                  <Table.Td>
                    {m.heldOn > today ? (
                      // Its full width: a badge may shrink, and at 1024 pixels "Coming up" was cut short.
                      <Badge color="blue" variant="light" miw="max-content">
                        Coming up
                      </Badge>
                    ) : m.decisions === 0 ? (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    ) : m.applied === m.decisions ? (
                      <Badge color="green" variant="light">
                        {m.decisions} applied
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light">
                        {m.decisions - m.applied} to apply
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && (
        <NewMeetingForm
          doubleDistrictId={area === null || area === COUNTY ? null : Number(area)}
          onClose={() => setAdding(false)}
          onSaved={onOpen}
        />
      )}
    </Stack>
  );
}
