import { Textarea } from '@mantine/core';
import type { z } from 'zod';
import { brokerageLabels, responseDraft, type responseRow } from '../../../../shared/api/brokerage';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';

/** The LA's response to one theme of its agenda, and when it was given. */
export function ResponseForm({
  theme,
  response,
  onClose,
  onSaved,
}: {
  theme: string;
  response: z.infer<typeof responseRow> | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(() => ({
    theme: response?.theme ?? theme,
    response: response?.response ?? '',
    respondedOn: response?.respondedOn ?? todayInLondon(),
  }));
  return (
    <RecordModal
      title={`The LA’s response: ${theme}`}
      submitLabel="Save response"
      rules={responseDraft}
      labels={brokerageLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('partnerships.saveResponse', { ...(response ? { id: response.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <>
          <Textarea
            label="LA response"
            required
            autosize
            minRows={4}
            value={draft.response}
            onChange={(e) => set({ response: e.currentTarget.value })}
            error={fields.error('response')}
          />
          <DateField
            label="Responded on"
            required
            value={draft.respondedOn}
            onChange={(iso) => set({ respondedOn: iso })}
            {...fields.date('respondedOn')}
          />
        </>
      )}
    </RecordModal>
  );
}
