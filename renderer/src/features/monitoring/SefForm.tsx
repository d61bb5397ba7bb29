import { Checkbox, SimpleGrid } from '@mantine/core';
import { sefDraft, sefLabels, type SefDraft, type SefRow } from '../../../../shared/api/sef';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { GradeSelects, useFramework } from './GradeSelects';
import { RecordModal, useDraft, type RecordFormProps } from '../../components/RecordModal';

export function SefForm({ schoolId, sef, onClose, onSaved, onDeleted }: RecordFormProps & { sef?: SefRow }) {
  const framework = useFramework(sef?.framework);
  const [draft, set, initial] = useDraft((): SefDraft => ({
    schoolId,
    sefOn: sef?.sefOn ?? todayInLondon(),
    validated: sef?.validated ?? false,
    grades: sef?.grades ?? {},
  }));
  return (
    <RecordModal
      title={sef ? 'Correct a SEF' : 'Record a SEF'}
      submitLabel={sef ? 'Save SEF' : 'Record SEF'}
      rules={sefDraft}
      labels={sefLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('sef.save', { ...(sef ? { id: sef.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
      remove={
        sef && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the SEF of ${formatDate(sef.sefOn)}?`,
              run: () => call('sef.delete', { id: sef.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'SEF deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="SEF date"
            required
            value={draft.sefOn}
            onChange={(iso) => set({ sefOn: iso })}
            {...fields.date('sefOn')}
          />
          <Checkbox
            label="Validated by the SIP"
            checked={draft.validated}
            onChange={(e) => set({ validated: e.currentTarget.checked })}
            error={fields.error('validated')}
            mt={28}
          />
          <GradeSelects
            framework={framework}
            value={draft.grades}
            onChange={(grades) => set({ grades })}
            markRequired
            error={fields.error('grades')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
