import { Autocomplete, Checkbox, SimpleGrid, Textarea } from '@mantine/core';
import type { z } from 'zod';
import { barrierDraft, brokerageLabels, type barrierRow } from '../../../../shared/api/brokerage';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { useSchoolChoices } from './schools';

type Barrier = z.infer<typeof barrierRow>;

/**
 * A barrier to effectiveness a school raises. Its theme groups it with others on the LA's agenda, so
 * the themes already in use are offered as the user types.
 */
export function BarrierForm({
  schoolId,
  barrier,
  onClose,
  onSaved,
  onDeleted,
}: {
  /** The school raising it, when raised from its page. */
  schoolId?: number | undefined;
  barrier?: Barrier | undefined;
  onClose: () => void;
  onSaved: () => void;
  onDeleted?: (auditId: number) => void;
}) {
  const schools = useSchoolChoices();
  const themes = [...new Set((useOperation('partnerships.agenda', {}).data ?? []).map((a) => a.theme))];
  const [draft, set, initial] = useDraft(() => ({
    schoolId: barrier?.schoolId ?? schoolId ?? null,
    raisedOn: barrier?.raisedOn ?? todayInLondon(),
    theme: barrier?.theme ?? '',
    description: barrier?.description ?? '',
    beyondSchool: barrier?.beyondSchool ?? false,
  }));
  return (
    <RecordModal
      title={barrier ? 'Correct barrier' : 'Raise a barrier to effectiveness'}
      submitLabel={barrier ? 'Save barrier' : 'Raise barrier'}
      rules={barrierDraft}
      labels={brokerageLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('partnerships.saveBarrier', { ...(barrier ? { id: barrier.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        barrier && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the barrier "${barrier.theme}" raised ${formatDate(barrier.raisedOn)}?`,
              run: () => call('partnerships.deleteBarrier', { id: barrier.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          {schoolId === undefined && (
            <TypeaheadSelect
              label="School"
              required
              style={{ gridColumn: '1 / -1' }}
              data={schools}
              value={draft.schoolId === null ? null : String(draft.schoolId)}
              onChange={(v) => set({ schoolId: v ? Number(v) : null })}
              limit={30}
              error={fields.error('schoolId')}
            />
          )}
          <Autocomplete
            label="Theme"
            required
            description="Barriers with the same theme are grouped on the LA’s agenda"
            data={themes}
            value={draft.theme}
            onChange={(theme) => set({ theme })}
            error={fields.error('theme')}
          />
          <DateField
            label="Raised on"
            required
            value={draft.raisedOn}
            onChange={(iso) => set({ raisedOn: iso })}
            {...fields.date('raisedOn')}
          />
          <Textarea
            label="Description"
            required
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fields.error('description')}
          />
          <Checkbox
            label="Beyond the school"
            description="An issue the school cannot address itself, which the LA may need to"
            style={{ gridColumn: '1 / -1' }}
            checked={draft.beyondSchool}
            onChange={(e) => set({ beyondSchool: e.currentTarget.checked })}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
