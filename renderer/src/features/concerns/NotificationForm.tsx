import { SimpleGrid, Textarea } from '@mantine/core';
import { concernLabels, notificationDraft, type ConcernRow } from '../../../../shared/api/concerns';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';

/**
 * The Head of SID tells the headteacher and chair of governors that the school causes concern, why
 * and at what stage: when, and what was said.
 */
export function NotificationForm({
  concern,
  onClose,
  onSaved,
}: {
  concern: ConcernRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(() => ({
    notifiedOn: concern.notifiedOn ?? todayInLondon(),
    notification: concern.notification ?? '',
  }));
  return (
    <RecordModal
      title="Notification to the school"
      submitLabel="Save notification"
      rules={notificationDraft}
      labels={concernLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('concerns.notify', { id: concern.id, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={1} spacing="sm">
          <DateField
            label="Notified"
            required
            value={draft.notifiedOn}
            onChange={(iso) => set({ notifiedOn: iso })}
            {...fields.date('notifiedOn')}
          />
          <Textarea
            label="What the headteacher and chair of governors were told"
            description="That the school causes concern, why, and at what stage"
            required
            autosize
            minRows={3}
            value={draft.notification}
            onChange={(e) => set({ notification: e.currentTarget.value })}
            error={fields.error('notification')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
