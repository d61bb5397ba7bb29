import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { brokerageLabels, supportDraft, type SupportRow } from '../../../../shared/api/brokerage';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { useAreaChoices } from './areas';
import { useSchoolChoices } from './schools';

/** What a new record of brokered support starts from: usually a suggestion the user chose. */
export interface SupportStart {
  supportingSchoolId: number | null;
  supportedSchoolId: number;
  area: string;
}

/** School-to-school support the LA brokered: who supports whom, in what, from when, agreed by whom. */
export function SupportForm({
  start,
  support,
  onClose,
  onSaved,
  onDeleted,
}: {
  start?: SupportStart | undefined;
  support?: SupportRow | undefined;
  onClose: () => void;
  onSaved: () => void;
  onDeleted?: (auditId: number) => void;
}) {
  const schools = useSchoolChoices();
  const areas = useAreaChoices();
  const [draft, set, initial] = useDraft(() => ({
    supportingSchoolId: support?.supportingSchoolId ?? start?.supportingSchoolId ?? null,
    supportedSchoolId: support?.supportedSchoolId ?? start?.supportedSchoolId ?? null,
    area: support?.area ?? start?.area ?? '',
    startsOn: support?.startsOn ?? todayInLondon(),
    endsOn: support?.endsOn ?? null,
    agreedBy: support?.agreedBy ?? '',
    outcome: support?.outcome ?? '',
  }));
  const school = (
    field: 'supportingSchoolId' | 'supportedSchoolId',
    label: string,
    error: string | undefined,
  ) => (
    <TypeaheadSelect
      label={label}
      required
      style={{ gridColumn: '1 / -1' }}
      data={schools}
      value={draft[field] === null ? null : String(draft[field])}
      onChange={(v) => set({ [field]: v ? Number(v) : null })}
      limit={30}
      error={error}
    />
  );
  return (
    <RecordModal
      title={support ? 'Correct brokered support' : 'Record brokered support'}
      submitLabel={support ? 'Save support' : 'Record support'}
      rules={supportDraft}
      labels={brokerageLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('partnerships.saveSupport', { ...(support ? { id: support.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        support && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the support ${support.supportingSchool} gives ${support.supportedSchool} from ${formatDate(support.startsOn)}?`,
              run: () => call('partnerships.deleteSupport', { id: support.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          {school('supportingSchoolId', 'Supporting school', fields.error('supportingSchoolId'))}
          {school('supportedSchoolId', 'Supported school', fields.error('supportedSchoolId'))}
          <Select
            label="Area"
            required
            searchable
            data={areas}
            value={draft.area || null}
            onChange={(v) => set({ area: v ?? '' })}
            error={fields.error('area')}
          />
          <TextInput
            label="Agreed by"
            required
            description="Who agreed the support, e.g. the DSIM"
            value={draft.agreedBy}
            onChange={(e) => set({ agreedBy: e.currentTarget.value })}
            error={fields.error('agreedBy')}
          />
          <DateField
            label="Starts"
            required
            value={draft.startsOn}
            onChange={(iso) => set({ startsOn: iso })}
            {...fields.date('startsOn')}
          />
          <DateField
            label="Ends"
            value={draft.endsOn}
            onChange={(iso) => set({ endsOn: iso || null })}
            {...fields.date('endsOn')}
          />
          <NotesField
            label="Outcome"
            value={draft.outcome}
            onChange={(outcome) => set({ outcome })}
            error={fields.error('outcome')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
