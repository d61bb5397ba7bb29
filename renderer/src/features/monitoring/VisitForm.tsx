import { NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import type { VisitRow } from '../../../../shared/api/monitoring';
import { CLAIM_STATUSES, VISIT_PURPOSES, VISITOR_ROLES } from '../../../../shared/domain/visits';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, todayIso, useDraft } from './RecordModal';

type Org = OpOutput<'organisation.get'>;

export function VisitForm({
  schoolId,
  sipId,
  org,
  visit,
  onClose,
  onSaved,
}: {
  schoolId: number;
  sipId: number | null;
  org: Org;
  visit?: VisitRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set] = useDraft({
    schoolId,
    visitedOn: visit?.visitedOn ?? todayIso(),
    visitorId: visit?.visitorId ?? sipId,
    role: visit?.role ?? 'SIP',
    purpose: visit?.purpose ?? 'Data analysis and target setting',
    days: visit?.days ?? 1,
    notes: visit?.notes ?? '',
    reportReceivedOn: visit?.reportReceivedOn ?? '',
    qaOn: visit?.qaOn ?? '',
    claimStatus: visit?.claimStatus ?? 'Not claimed',
  });
  const save = () => {
    if (draft.visitorId === null) return Promise.reject(new Error('Choose who visited.'));
    return call('visits.save', {
      ...(visit ? { id: visit.id } : {}),
      draft: {
        ...draft,
        visitorId: draft.visitorId,
        reportReceivedOn: draft.reportReceivedOn || null,
        qaOn: draft.qaOn || null,
      },
    });
  };
  return (
    <RecordModal
      title={visit ? 'Update visit' : 'Record a visit'}
      submitLabel={visit ? 'Save visit' : 'Record visit'}
      onClose={onClose}
      onSaved={onSaved}
      save={save}
    >
      {(errors) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Date of visit"
            required
            value={draft.visitedOn}
            onChange={(iso) => set({ visitedOn: iso })}
          />
          <Select
            label="Visitor"
            required
            searchable
            data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.visitorId === null ? null : String(draft.visitorId)}
            onChange={(v) => set({ visitorId: v ? Number(v) : null })}
            error={errors.visitorId}
          />
          <Select
            label="Role"
            required
            data={[...VISITOR_ROLES]}
            value={draft.role}
            onChange={(v) => set({ role: (v ?? 'SIP') as typeof draft.role })}
            allowDeselect={false}
          />
          <Select
            label="Purpose"
            required
            data={[...VISIT_PURPOSES]}
            value={draft.purpose}
            onChange={(v) => set({ purpose: (v ?? 'Other') as typeof draft.purpose })}
            allowDeselect={false}
          />
          <NumberInput
            label="Days"
            description="Whole or half days"
            min={0.5}
            step={0.5}
            decimalScale={1}
            value={draft.days}
            onChange={(v) => set({ days: typeof v === 'number' ? v : Number(v) })}
            error={errors.days}
          />
          <Select
            label="Claim"
            data={[...CLAIM_STATUSES]}
            value={draft.claimStatus}
            onChange={(v) => set({ claimStatus: (v ?? 'Not claimed') as typeof draft.claimStatus })}
            allowDeselect={false}
          />
          <DateField
            label="Report received"
            value={draft.reportReceivedOn}
            onChange={(iso) => set({ reportReceivedOn: iso })}
          />
          <DateField
            label="Quality-assured by the DSIM"
            value={draft.qaOn}
            onChange={(iso) => set({ qaOn: iso })}
            error={errors.qaOn}
          />
          <NotesField value={draft.notes} onChange={(notes) => set({ notes })} />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
