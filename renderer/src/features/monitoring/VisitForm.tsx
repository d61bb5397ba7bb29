import { NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import { visitDraft, visitLabels, type VisitDraft, type VisitRow } from '../../../../shared/api/visits';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { CLAIM_STATUSES, VISIT_PURPOSES, VISITOR_ROLES } from '../../../../shared/domain/visits';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { numberFrom } from '../../components/numbers';
import { NotesField, RecordModal, useDraft, type RecordFormProps } from '../../components/RecordModal';

type Org = OpOutput<'organisation.get'>;

export function VisitForm({
  schoolId,
  sipId,
  org,
  visit,
  onClose,
  onSaved,
  onDeleted,
}: RecordFormProps & { sipId: number | null; org: Org; visit?: VisitRow }) {
  const [draft, set, initial] = useDraft(
    (): Omit<VisitDraft, 'visitorId' | 'days'> & { visitorId: number | null; days: number | null } => ({
      schoolId,
      visitedOn: visit?.visitedOn ?? todayInLondon(),
      visitorId: visit?.visitorId ?? sipId,
      role: visit?.role ?? 'SIP',
      purpose: visit?.purpose ?? 'Data analysis and target setting',
      days: visit?.days ?? 1,
      notes: visit?.notes ?? '',
      reportReceivedOn: visit?.reportReceivedOn ?? null,
      qaOn: visit?.qaOn ?? null,
      claimStatus: visit?.claimStatus ?? 'Not claimed',
    }),
  );
  return (
    <RecordModal
      title={visit ? 'Update visit' : 'Record a visit'}
      submitLabel={visit ? 'Save visit' : 'Record visit'}
      rules={visitDraft}
      labels={visitLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('visits.save', { ...(visit ? { id: visit.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
      remove={
        visit && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the ${visit.role} visit of ${formatDate(visit.visitedOn)}?`,
              run: () => call('visits.delete', { id: visit.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Visit deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Date of visit"
            required
            value={draft.visitedOn}
            onChange={(iso) => set({ visitedOn: iso })}
            {...fields.date('visitedOn')}
          />
          <Select
            label="Visitor"
            required
            searchable
            data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.visitorId === null ? null : String(draft.visitorId)}
            onChange={(v) => set({ visitorId: v ? Number(v) : null })}
            error={fields.error('visitorId')}
          />
          <Select
            label="Role"
            required
            data={[...VISITOR_ROLES]}
            value={draft.role}
            onChange={(v) => v && set({ role: v as VisitDraft['role'] })}
            allowDeselect={false}
            error={fields.error('role')}
          />
          <Select
            label="Purpose"
            required
            data={[...VISIT_PURPOSES]}
            value={draft.purpose}
            onChange={(v) => v && set({ purpose: v as VisitDraft['purpose'] })}
            allowDeselect={false}
            error={fields.error('purpose')}
          />
          <NumberInput
            label="Days"
            description="Whole or half days"
            required
            step={0.5}
            clampBehavior="none"
            value={draft.days ?? ''}
            onChange={(v) => set({ days: numberFrom(v) })}
            error={fields.error('days')}
          />
          <Select
            label="Claim"
            data={[...CLAIM_STATUSES]}
            value={draft.claimStatus}
            onChange={(v) => v && set({ claimStatus: v as VisitDraft['claimStatus'] })}
            allowDeselect={false}
            error={fields.error('claimStatus')}
          />
          <DateField
            label="Report received"
            value={draft.reportReceivedOn}
            onChange={(iso) => set({ reportReceivedOn: iso || null })}
            {...fields.date('reportReceivedOn')}
          />
          <DateField
            label="Quality-assured by the DSIM"
            value={draft.qaOn}
            onChange={(iso) => set({ qaOn: iso || null })}
            {...fields.date('qaOn')}
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
