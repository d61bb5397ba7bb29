import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

let openQuestions = 0;

/**
 * Whether a question is open. Escape reaches every modal on screen, so a form's modal checks this
 * before treating Escape as "close me": the key press that answers a question must not also ask
 * again. A question counts as open until that key press has reached every modal.
 */
export const asking = () => openQuestions > 0;

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
  openQuestions += 1;
  return new Promise<boolean>((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{message}</Text>,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: { color: 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  }).finally(() => setTimeout(() => (openQuestions -= 1)));
}

export const confirmDiscard = () =>
  confirm({
    title: 'Discard your changes?',
    message: 'What you have changed in this form has not been saved.',
    confirmLabel: 'Discard changes',
    cancelLabel: 'Keep editing',
  });
