import { SimpleGrid, Text, Textarea } from '@mantine/core';
import { closureDraft, concernLabels, type ConcernRow } from '../../../../shared/api/concerns';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';

/** Closing a concern with its outcome: the school no longer causes concern, or has moved on. */
export function ClosureForm({
  concern,
  onClose,
  onSaved,
}: {
  concern: ConcernRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(() => ({ closedOn: todayInLondon(), outcome: '' }));
  return (
    <RecordModal
      title="Close the concern"
      submitLabel="Close concern"
      rules={closureDraft}
      labels={concernLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('concerns.close', { id: concern.id, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={1} spacing="sm">
          <Text size="sm">
            {concern.school} will no longer be on the concern register. The concern and its history are kept,
            and a new concern can be raised at any time.
          </Text>
          <DateField
            label="Closed"
            required
            value={draft.closedOn}
            onChange={(iso) => set({ closedOn: iso })}
            {...fields.date('closedOn')}
          />
          <Textarea
            label="Outcome"
            required
            autosize
            minRows={2}
            value={draft.outcome}
            onChange={(e) => set({ outcome: e.currentTarget.value })}
            error={fields.error('outcome')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
