import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import { formatDate } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { BarrierForm } from './BarrierForm';
import { ResponseForm } from './ResponseForm';

type Item = OpOutput<'partnerships.agenda'>[number];

/**
 * The barriers schools raise, grouped by theme into the LA's agenda: the most raised first, which
 * schools raised them, and what the LA has said in response.
 */
export function AgendaPage({ schoolHref }: { schoolHref: (schoolId: number) => string }) {
  const { data, error, reload } = useOperation('partnerships.agenda', {});
  const [form, setForm] = useState<'raise' | Item | null>(null);
  const saved = (message: string) => () => {
    setForm(null);
    reload();
    notifications.show({ message });
  };
  const unanswered = (data ?? []).filter((a) => a.response === null).length;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>Barriers agenda</Title>
          <Text c="dimmed">
            Barriers to effectiveness that schools raise, grouped by theme, with the LA’s response to each.
          </Text>
        </div>
        <Button onClick={() => setForm('raise')}>Raise a barrier</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Text c="dimmed">Loading…</Text>}
      {data && data.length === 0 && (
        <Text c="dimmed">No barriers raised yet. Raise one from here or from a school’s page.</Text>
      )}
      {data && data.length > 0 && (
        <Text size="sm" c="dimmed">
          {data.length} {data.length === 1 ? 'theme' : 'themes'};{' '}
          {unanswered === 0 ? 'all answered' : `${unanswered} awaiting the LA’s response`}.
        </Text>
      )}
      {data?.map((item) => (
        <Paper key={item.theme} withBorder p="md" component="section" aria-label={item.theme}>
          <Group justify="space-between" align="start" mb="xs">
            <Group gap="xs">
              <Title order={3} size="h4">
                {item.theme}
              </Title>
              <Badge variant="light">
                {item.count} raised by {item.schools.length}{' '}
                {item.schools.length === 1 ? 'school' : 'schools'}
              </Badge>
            </Group>
            <Button size="xs" variant={item.response ? 'subtle' : 'light'} onClick={() => setForm(item)}>
              {item.response ? 'Correct the response' : 'Record the LA’s response'}
            </Button>
          </Group>
          {item.response ? (
            <Alert
              color="teal"
              variant="light"
              title={`LA response, ${formatDate(item.response.respondedOn)}`}
              mb="sm"
            >
              {item.response.response}
            </Alert>
          ) : (
            <Text size="sm" c="orange.8" mb="sm">
              No response from the LA yet.
            </Text>
          )}
          <Table aria-label={`Barriers: ${item.theme}`} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Raised</Table.Th>
                <Table.Th w={240}>School</Table.Th>
                <Table.Th>Barrier</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.barriers.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{formatDate(b.raisedOn)}</Table.Td>
                  <Table.Td>
                    <Anchor href={schoolHref(b.schoolId)}>{b.school}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    {b.description}
                    {b.beyondSchool && (
                      <Badge ml="xs" size="xs" color="grape" variant="light">
                        Beyond the school
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {form === 'raise' && <BarrierForm onClose={() => setForm(null)} onSaved={saved('Barrier raised.')} />}
      {form !== null && form !== 'raise' && (
        <ResponseForm
          theme={form.theme}
          response={form.response}
          onClose={() => setForm(null)}
          onSaved={saved('Response saved.')}
        />
      )}
    </Stack>
  );
}
