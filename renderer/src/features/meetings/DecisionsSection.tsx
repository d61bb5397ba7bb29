import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MeetingRow, DecisionChange } from '../../../../shared/api/meetings';
import { formatDateTime } from '../../../../shared/domain/format';
import { decisionText } from '../../../../shared/domain/meetings';
import { call, errorMessage } from '../../api';
import { confirm } from '../../components/confirm';
import { DecisionForm } from './DecisionForm';
import { meetingDraftOf } from './drafts';

type Preview = { changes: DecisionChange[]; problems: Array<{ decisionId: number; message: string }> };

/**
 * The decisions the minutes record, and applying them: a preview of exactly what will change (school,
 * record, each field before → after), then every change in one go, or none.
 */
export function DecisionsSection({ meeting, onChanged }: { meeting: MeetingRow; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = meeting.decisions.filter((d) => d.appliedAt === null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const changed = () => {
    setPreview(null);
    onChanged();
  };
  const remove = (id: number) =>
    run(async () => {
      const current = meetingDraftOf(meeting);
      await call('meetings.save', {
        id: meeting.id,
        draft: { ...current, decisions: current.decisions.filter((d) => d.id !== id) },
      });
      changed();
    });
  const showPreview = () =>
    run(async () => setPreview(await call('meetings.previewDecisions', { meetingId: meeting.id })));
  const apply = () =>
    run(async () => {
      const agreed = await confirm({
        title: 'Apply these decisions?',
        message: `The ${pending.length} decision${pending.length === 1 ? '' : 's'} will change the schools’ records as the preview shows, each noted as made at this meeting.`,
        confirmLabel: 'Apply',
      });
      if (!agreed) return;
      const { changes } = await call('meetings.applyDecisions', { meetingId: meeting.id });
      notifications.show({
        message: `Applied: ${changes.length} change${changes.length === 1 ? '' : 's'} made.`,
      });
      changed();
    });

  return (
    <Paper withBorder p="md" component="section" aria-label="Decisions">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Decisions
        </Title>
        <Group gap="xs">
          {pending.length > 0 && (
            <Button size="xs" variant="default" onClick={() => void showPreview()} loading={busy && !preview}>
              Preview changes
            </Button>
          )}
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add decision
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {meeting.decisions.length === 0 ? (
          <Text c="dimmed" size="sm">
            No decisions recorded. Add the minutes’ decisions here: categories confirmed, stages changed,
            projects continued, referred or closed, and funding agreed.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Tbody>
                {meeting.decisions.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{decisionText(d, d.school)}</Table.Td>
                    <Table.Td w={250}>
                      {d.appliedAt ? (
                        <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
                          Applied {formatDateTime(d.appliedAt)}
                        </Badge>
                      ) : (
                        <Group gap="xs" wrap="nowrap">
                          <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                            Not applied yet
                          </Badge>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(d.id)}
                            aria-label={`Remove the decision: ${decisionText(d, d.school)}`}
                          >
                            Remove
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {preview && (
          <Stack gap="xs">
            <Title order={4} size="h5">
              What applying will change
            </Title>
            {preview.problems.map((p) => {
              const d = meeting.decisions.find((x) => x.id === p.decisionId);
              return (
                <Alert key={p.decisionId} color="red">
                  {d ? `“${decisionText(d, d.school)}” no longer applies: ` : ''}
                  {p.message}
                </Alert>
              );
            })}
            <Table.ScrollContainer minWidth={700}>
              <Table withTableBorder withColumnBorders fz="sm" aria-label="Changes to apply">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>School</Table.Th>
                    <Table.Th>Record</Table.Th>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.changes.flatMap((c, i) =>
                    c.changes.map((f, j) => (
                      <Table.Tr key={`${i}-${f.field}`}>
                        {/* A record's school and what is done to it once, beside all its fields. */}
                        {j === 0 && (
                          <>
                            <Table.Td rowSpan={c.changes.length} valign="top">
                              {c.school ?? '—'}
                            </Table.Td>
                            <Table.Td rowSpan={c.changes.length} valign="top">
                              {c.summary}
                            </Table.Td>
                          </>
                        )}
                        <Table.Td>{f.field}</Table.Td>
                        <Table.Td>{f.before ?? '—'}</Table.Td>
                        <Table.Td>{f.after ?? '—'}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)}>
                Close preview
              </Button>
              <Button onClick={() => void apply()} loading={busy} disabled={preview.problems.length > 0}>
                Apply
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      {adding && (
        <DecisionForm
          meeting={meeting}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            changed();
          }}
        />
      )}
    </Paper>
  );
}
