import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, errorMessage } from '../api';

/**
 * Says a record went, with an Undo that puts it back exactly as it was (from the audit entry of its
 * deletion), then calls `onRestored` so the page shows it again.
 */
export function showUndoNotice(message: string, auditId: number, onRestored: () => void) {
  const id = `undo-${auditId}`;
  const undo = () => {
    notifications.hide(id);
    call('records.restore', { auditId }).then(
      () => {
        onRestored();
        notifications.show({ message: 'Restored.' });
      },
      (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }),
    );
  };
  notifications.show({
    id,
    autoClose: 15_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" onClick={undo}>
          Undo
        </Button>
      </Group>
    ),
  });
}
