import { Select, SimpleGrid, TextInput } from '@mantine/core';
import {
  inspectionDraft,
  monitoringDraft,
  ofstedLabels,
  type InspectionDraft,
  type InspectionRow,
  type MonitoringDraft,
  type MonitoringRow,
} from '../../../../shared/api/ofsted';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { INSPECTION_TYPES, LA_RESPONSES, OUTCOMES, PROGRESS } from '../../../../shared/domain/ofsted';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { GRADE_OPTIONS, GradeSelects, useFramework } from './GradeSelects';
import { NotesField, RecordModal, useDraft, type RecordFormProps } from '../../components/RecordModal';

export function InspectionForm({
  schoolId,
  inspection,
  onClose,
  onSaved,
  onDeleted,
}: RecordFormProps & { inspection?: InspectionRow }) {
  const framework = useFramework();
  const [draft, set, initial] = useDraft((): InspectionDraft => ({
    schoolId,
    inspectedOn: inspection?.inspectedOn ?? todayInLondon(),
    type: inspection?.type ?? 'Section 5 inspection',
    overall: inspection?.overall ?? null,
    grades: inspection?.grades ?? {},
    outcome: inspection?.outcome ?? 'None',
    laResponse: inspection?.laResponse ?? null,
    laResponseOutcome: inspection?.laResponseOutcome ?? '',
  }));
  return (
    <RecordModal
      title={inspection ? 'Correct an Ofsted inspection' : 'Record an Ofsted inspection'}
      submitLabel={inspection ? 'Save inspection' : 'Record inspection'}
      rules={inspectionDraft}
      labels={ofstedLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('ofsted.saveInspection', { ...(inspection ? { id: inspection.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        inspection && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the Ofsted ${inspection.type.toLowerCase()} of ${formatDate(inspection.inspectedOn)}?`,
              run: () => call('ofsted.deleteInspection', { id: inspection.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Inspection deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Date"
            required
            value={draft.inspectedOn}
            onChange={(iso) => set({ inspectedOn: iso })}
            {...fields.date('inspectedOn')}
          />
          <Select
            label="Type"
            data={[...INSPECTION_TYPES]}
            value={draft.type}
            onChange={(v) => v && set({ type: v as InspectionDraft['type'] })}
            allowDeselect={false}
            error={fields.error('type')}
          />
          <Select
            label="Overall effectiveness"
            clearable
            data={GRADE_OPTIONS}
            value={draft.overall === null ? null : String(draft.overall)}
            onChange={(v) => set({ overall: v ? Number(v) : null })}
            error={fields.error('overall')}
          />
          <Select
            label="Outcome"
            data={[...OUTCOMES]}
            value={draft.outcome}
            onChange={(v) => v && set({ outcome: v as InspectionDraft['outcome'] })}
            allowDeselect={false}
            error={fields.error('outcome')}
          />
          <Select
            label="LA response, where Ofsted and the LA disagree"
            clearable
            data={[...LA_RESPONSES]}
            value={draft.laResponse}
            onChange={(v) => set({ laResponse: v as InspectionDraft['laResponse'] })}
            error={fields.error('laResponse')}
          />
          <TextInput
            label="Outcome of the response"
            value={draft.laResponseOutcome}
            onChange={(e) => set({ laResponseOutcome: e.currentTarget.value })}
            error={fields.error('laResponseOutcome')}
          />
          <GradeSelects
            framework={framework}
            value={draft.grades}
            onChange={(grades) => set({ grades })}
            markRequired={false}
            except={['overall']}
            error={fields.error('grades')}
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
  onDeleted,
}: RecordFormProps & { visit?: MonitoringRow }) {
  const [draft, set, initial] = useDraft((): MonitoringDraft => ({
    schoolId,
    visitedOn: visit?.visitedOn ?? todayInLondon(),
    progress: visit?.progress ?? 'Satisfactory',
    notes: visit?.notes ?? '',
  }));
  return (
    <RecordModal
      title={visit ? 'Correct an HMI monitoring visit' : 'Record an HMI monitoring visit'}
      submitLabel={visit ? 'Save monitoring visit' : 'Record monitoring visit'}
      rules={monitoringDraft}
      labels={ofstedLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('ofsted.saveMonitoring', { ...(visit ? { id: visit.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        visit && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the HMI monitoring visit of ${formatDate(visit.visitedOn)}?`,
              run: () => call('ofsted.deleteMonitoring', { id: visit.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Monitoring visit deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Date"
            required
            value={draft.visitedOn}
            onChange={(iso) => set({ visitedOn: iso })}
            {...fields.date('visitedOn')}
          />
          <Select
            label="Progress"
            data={[...PROGRESS]}
            value={draft.progress}
            onChange={(v) => v && set({ progress: v as MonitoringDraft['progress'] })}
            allowDeselect={false}
            error={fields.error('progress')}
          />
          <NotesField
            value={draft.notes}
            onChange={(notes) => set({ notes })}
            error={fields.error('notes')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
