import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { CATEGORIES } from '../../../../shared/domain/categories';
import { INSPECTION_TYPES, LA_RESPONSES, OUTCOMES, PROGRESS } from '../../../../shared/domain/ofsted';
import { call } from '../../api';
import { DateField } from '../../DateField';
import { RecordModal, todayIso, useDraft, type RecordFormProps } from './RecordModal';

const grades = Object.entries(CATEGORIES).map(([value, name]) => ({ value, label: `${value} ${name}` }));

export function InspectionForm({ schoolId, onClose, onSaved }: RecordFormProps) {
  const [draft, set] = useDraft({
    inspectedOn: todayIso(),
    type: 'Section 5 inspection' as (typeof INSPECTION_TYPES)[number],
    overall: null as number | null,
    outcome: 'None' as (typeof OUTCOMES)[number],
    laResponse: null as (typeof LA_RESPONSES)[number] | null,
    laResponseOutcome: '',
  });
  return (
    <RecordModal
      title="Record an Ofsted inspection"
      submitLabel="Record inspection"
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('ofsted.saveInspection', { draft: { schoolId, ...draft, grades: {} } })}
    >
      {() => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="Date" value={draft.inspectedOn} onChange={(iso) => set({ inspectedOn: iso })} />
          <Select
            label="Type"
            data={[...INSPECTION_TYPES]}
            value={draft.type}
            onChange={(v) => set({ type: (v ?? draft.type) as typeof draft.type })}
            allowDeselect={false}
          />
          <Select
            label="Overall effectiveness"
            clearable
            data={grades}
            value={draft.overall === null ? null : String(draft.overall)}
            onChange={(v) => set({ overall: v ? Number(v) : null })}
          />
          <Select
            label="Outcome"
            data={[...OUTCOMES]}
            value={draft.outcome}
            onChange={(v) => set({ outcome: (v ?? 'None') as typeof draft.outcome })}
            allowDeselect={false}
          />
          <Select
            label="LA response, where Ofsted and the LA disagree"
            clearable
            data={[...LA_RESPONSES]}
            value={draft.laResponse}
            onChange={(v) => set({ laResponse: v as typeof draft.laResponse })}
          />
          <TextInput
            label="Outcome of the response"
            value={draft.laResponseOutcome}
            onChange={(e) => set({ laResponseOutcome: e.currentTarget.value })}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}

export function MonitoringVisitForm({ schoolId, onClose, onSaved }: RecordFormProps) {
  const [draft, set] = useDraft({
    visitedOn: todayIso(),
    progress: 'Satisfactory' as (typeof PROGRESS)[number],
    notes: '',
  });
  return (
    <RecordModal
      title="Record an HMI monitoring visit"
      submitLabel="Record monitoring visit"
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('ofsted.saveMonitoring', { schoolId, ...draft })}
    >
      {() => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="Date" value={draft.visitedOn} onChange={(iso) => set({ visitedOn: iso })} />
          <Select
            label="Progress"
            data={[...PROGRESS]}
            value={draft.progress}
            onChange={(v) => set({ progress: (v ?? 'Satisfactory') as typeof draft.progress })}
            allowDeselect={false}
          />
          <Textarea
            label="Notes"
            style={{ gridColumn: '1 / -1' }}
            value={draft.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
