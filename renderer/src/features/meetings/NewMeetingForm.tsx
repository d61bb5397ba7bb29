import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useRef } from 'react';
import { meetingDraft, meetingLabels, type MeetingDraft } from '../../../../shared/api/meetings';
import { todayInLondon } from '../../../../shared/domain/format';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/meetings';
import { call, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';

/** A new meeting: when, which group and where; its attendees, agenda and minutes go on its page. */
export function NewMeetingForm({
  doubleDistrictId,
  onClose,
  onSaved,
}: {
  doubleDistrictId: number | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const org = useOperation('organisation.get', {}).data;
  const [draft, set, initial] = useDraft((): MeetingDraft => ({
    heldOn: todayInLondon(),
    kind: 'District Intervention/Resource Group',
    doubleDistrictId,
    attendees: [],
    agenda: '',
    minutes: '',
    decisions: [],
  }));
  const saved = useRef(0);
  return (
    <RecordModal
      title="Record a meeting"
      submitLabel="Record meeting"
      rules={meetingDraft}
      labels={meetingLabels}
      initial={initial}
      draft={draft}
      save={async (checked) => {
        saved.current = (await call('meetings.save', { draft: checked })).id;
      }}
      onClose={onClose}
      onSaved={() => onSaved(saved.current)}
    >
      {(fields) => (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label="Held on"
              required
              value={draft.heldOn}
              onChange={(iso) => set({ heldOn: iso })}
              {...fields.date('heldOn')}
            />
            <Select
              label="Meeting"
              required
              data={[...MEETING_KINDS]}
              value={draft.kind}
              onChange={(v) => v && set({ kind: v as MeetingKind })}
              allowDeselect={false}
              error={fields.error('kind')}
            />
          </SimpleGrid>
          <Select
            label="Double district"
            data={[
              { value: '', label: 'County-wide' },
              ...(org?.doubleDistricts.map((d) => ({ value: String(d.id), label: d.name })) ?? []),
            ]}
            value={draft.doubleDistrictId === null ? '' : String(draft.doubleDistrictId)}
            onChange={(v) => set({ doubleDistrictId: v ? Number(v) : null })}
            allowDeselect={false}
            error={fields.error('doubleDistrictId')}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
