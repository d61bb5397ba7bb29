import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

/**
 * Asks the user before something they may regret (deleting, discarding, unassigning); resolves true
 * only when they agree. Closing the question any other way (Escape, clicking outside) means no.
 */
export function confirm({
  title,
  message,
  confirmLabel,
  cancelLabel = 'Cancel',
}: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{message}</Text>,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: { color: 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

export const confirmDiscard = () =>
  confirm({
    title: 'Discard your changes?',
    message: 'What you have changed in this form has not been saved.',
    confirmLabel: 'Discard changes',
    cancelLabel: 'Keep editing',
  });
