import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Backup } from '../../../../shared/api/backups';
import { backupReasonLabel, formatSize } from '../../../../shared/domain/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { call, errorMessage, useOperation } from '../../api';
import { confirm } from '../../components/confirm';

/**
 * The file's backups, newest first, and a way back to any of them. Restoring first backs up the file
 * as it is, so a restore can itself be undone from this list.
 */
export function BackupsPage() {
  const list = useOperation('backups.list', {});
  // Someone else has the file to change: the backups can be seen, but only they can make or restore one.
  const readOnly = useOperation('app.state', {}).data?.file?.readOnly ?? false;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setError(null);
    try {
      notifications.show({ color: 'teal', message: await work(), autoClose: 10_000 });
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const backUpNow = () =>
    run('create', async () => `Backed up to ${(await call('backups.create', {})).path}`);

  const restore = async (backup: Backup) => {
    const agreed = await confirm({
      title: 'Restore this backup?',
      message: `The file will be put back as it was on ${formatDateTime(backup.takenAt)}. Everything changed since then will be undone. The file as it is now is backed up first, so you can come back to it.`,
      confirmLabel: 'Restore backup',
    });
    if (!agreed) return;
    await run(backup.path, async () => {
      const { safetyCopy } = await call('backups.restore', { path: backup.path });
      return `Restored the backup of ${formatDateTime(backup.takenAt)}. The file as it was is kept in ${safetyCopy.path}`;
    });
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>Backups</Title>
        <Button
          variant="light"
          onClick={() => void backUpNow()}
          loading={busy === 'create'}
          disabled={readOnly}
        >
          Back up now
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        The app backs the file up on its first opening each day and before every import, upgrade and restore.
        It keeps the latest 14 backups and one for every month
        {list.data ? (
          <>
            , in{' '}
            <Text span ff="monospace" size="sm">
              {list.data.folder}
            </Text>
          </>
        ) : null}
        .
      </Text>
      {(error ?? list.error) && (
        <Alert color="red" role="alert" title="That did not work">
          {error ?? list.error}
        </Alert>
      )}
      <Paper withBorder>
        {!list.data ? (
          <Group p="md">
            <Loader size="sm" />
            <Text size="sm">Reading the backups…</Text>
          </Group>
        ) : list.data.backups.length === 0 ? (
          <Text p="md" size="sm" c="dimmed">
            No backups yet. One is made the first time the file is opened each day, and before every import.
          </Text>
        ) : (
          <Table striped highlightOnHover aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.backups.map((backup) => (
                <Table.Tr key={backup.path}>
                  <Table.Td title={backup.path}>{formatDateTime(backup.takenAt)}</Table.Td>
                  <Table.Td>{backupReasonLabel(backup.reason)}</Table.Td>
                  <Table.Td>{formatSize(backup.size)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => void restore(backup)}
                      loading={busy === backup.path}
                      disabled={readOnly || (busy !== null && busy !== backup.path)}
                      aria-label={`Restore the backup of ${formatDateTime(backup.takenAt)}`}
                    >
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
