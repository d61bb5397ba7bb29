import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { InspectionRow, MonitoringRow } from '../../../../shared/api/monitoring';
import { INSPECTION_TYPES, LA_RESPONSES, OUTCOMES, PROGRESS } from '../../../../shared/domain/ofsted';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { GRADE_OPTIONS, GradeSelects, useFramework } from './GradeSelects';
import { NotesField, RecordModal, todayIso, useDraft, type RecordFormProps } from './RecordModal';

export function InspectionForm({
  schoolId,
  inspection,
  onClose,
  onSaved,
}: RecordFormProps & { inspection?: InspectionRow }) {
  const framework = useFramework();
  const [draft, set] = useDraft({
    inspectedOn: inspection?.inspectedOn ?? todayIso(),
    type: inspection?.type ?? ('Section 5 inspection' as (typeof INSPECTION_TYPES)[number]),
    overall: inspection?.overall ?? (null as number | null),
    grades: inspection?.grades ?? ({} as Record<string, number>),
    outcome: inspection?.outcome ?? ('None' as (typeof OUTCOMES)[number]),
    laResponse: inspection?.laResponse ?? (null as (typeof LA_RESPONSES)[number] | null),
    laResponseOutcome: inspection?.laResponseOutcome ?? '',
  });
  return (
    <RecordModal
      title={inspection ? 'Correct an Ofsted inspection' : 'Record an Ofsted inspection'}
      submitLabel={inspection ? 'Save inspection' : 'Record inspection'}
      onClose={onClose}
      onSaved={onSaved}
      save={() =>
        call('ofsted.saveInspection', {
          ...(inspection ? { id: inspection.id } : {}),
          draft: { schoolId, ...draft },
        })
      }
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
            data={GRADE_OPTIONS}
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
          <GradeSelects
            framework={framework}
            value={draft.grades}
            onChange={(grades) => set({ grades })}
            markRequired={false}
            except={['overall']}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}

export function MonitoringVisitForm({
  schoolId,
  visit,
  onClose,
  onSaved,
}: RecordFormProps & { visit?: MonitoringRow }) {
  const [draft, set] = useDraft({
    visitedOn: visit?.visitedOn ?? todayIso(),
    progress: visit?.progress ?? ('Satisfactory' as (typeof PROGRESS)[number]),
    notes: visit?.notes ?? '',
  });
  return (
    <RecordModal
      title={visit ? 'Correct an HMI monitoring visit' : 'Record an HMI monitoring visit'}
      submitLabel={visit ? 'Save monitoring visit' : 'Record monitoring visit'}
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('ofsted.saveMonitoring', { ...(visit ? { id: visit.id } : {}), schoolId, ...draft })}
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
          <NotesField value={draft.notes} onChange={(notes) => set({ notes })} />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
