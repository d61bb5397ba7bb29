import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { PARTNERSHIP_KINDS } from '../../../../shared/domain/partnerships';
import { useOperation } from '../../api';
import { ExportButton } from './ExportButton';
import { PartnershipForm } from './PartnershipForm';

/** Every partnership — clusters, networks, federations… — with its members and the districts it spans. */
export function PartnershipsPage({
  onOpen,
  hrefOf,
}: {
  onOpen: (id: number) => void;
  hrefOf: (id: number) => string;
}) {
  const { data, error } = useOperation('partnerships.list', {});
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (data ?? []).filter(
    (p) =>
      (kind === null || p.kind === kind) &&
      words.every((w) =>
        [p.name, p.kind, p.leadSchool ?? '', ...p.districts, ...p.members.map((m) => m.name)]
          .join(' ')
          .toLowerCase()
          .includes(w),
      ),
  );

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Partnerships</Title>
          <Text c="dimmed">
            Clusters, networks, federations and other groups of schools, and each network’s money.
          </Text>
        </div>
        <Group>
          <ExportButton />
          <Button onClick={() => setAdding(true)}>Add partnership</Button>
        </Group>
      </Group>
      <Group align="end">
        <TextInput
          label="Search"
          placeholder="Name, school or district"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Kind"
          placeholder="Any kind"
          clearable
          data={[...PARTNERSHIP_KINDS]}
          value={kind}
          onChange={setKind}
          w={280}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Text c="dimmed">Loading…</Text>}
      {data && data.length === 0 && (
        <Text c="dimmed">No partnerships yet. Add one to record its members and its money.</Text>
      )}
      {data && data.length > 0 && shown.length === 0 && (
        <Text c="dimmed">No partnership matches. Try fewer words or any kind.</Text>
      )}
      {shown.length > 0 && (
        <Table striped highlightOnHover aria-label="Partnerships">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Lead school</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
              <Table.Th>Districts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => {
              const current = p.members.filter((m) => m.current).length;
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      href={hrefOf(p.id)}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(p.id);
                      }}
                    >
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.kind}</Table.Td>
                  <Table.Td>{p.leadSchool ?? '—'}</Table.Td>
                  <Table.Td ta="right">{current}</Table.Td>
                  <Table.Td>{p.districts.join(', ') || '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {adding && (
        <PartnershipForm
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            notifications.show({ message: `${saved.name} added.` });
            onOpen(saved.id);
          }}
        />
      )}
    </Stack>
  );
}
