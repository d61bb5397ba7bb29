import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import type { CategoryRow } from '../../../../shared/api/monitoring';
import {
  CATEGORIES,
  PROPOSAL_SOURCES,
  SUPPORT_LEVELS,
  supportFor,
  type Category,
  type SupportLevel,
} from '../../../../shared/domain/categories';
import { formatDate } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, todayIso, useDraft, type RecordFormProps } from './RecordModal';

const categoryOptions = Object.entries(CATEGORIES).map(([value, name]) => ({
  value,
  label: `${value} ${name}`,
}));

export function ProposeCategoryForm({
  schoolId,
  org,
  proposal,
  onClose,
  onSaved,
}: RecordFormProps & { org: OpOutput<'organisation.get'>; proposal?: CategoryRow }) {
  const [draft, set] = useDraft({
    proposedOn: proposal?.proposedOn ?? todayIso(),
    source: proposal?.source ?? ('SIP summary report' as (typeof PROPOSAL_SOURCES)[number]),
    proposedById: proposal?.proposedById ?? (null as number | null),
    category: proposal?.proposedCategory ?? (null as number | null),
    evidence: proposal?.evidence ?? '',
  });
  return (
    <RecordModal
      title={proposal ? 'Correct a category proposal' : 'Propose a category'}
      submitLabel={proposal ? 'Save proposal' : 'Propose category'}
      onClose={onClose}
      onSaved={onSaved}
      save={() =>
        draft.category === null
          ? Promise.reject(new Error('Choose the proposed category.'))
          : call('categories.propose', {
              ...(proposal ? { id: proposal.id } : {}),
              schoolId,
              ...draft,
              category: draft.category,
            })
      }
    >
      {() => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Proposed on"
            value={draft.proposedOn}
            onChange={(iso) => set({ proposedOn: iso })}
          />
          <Select
            label="Proposed category"
            required
            data={categoryOptions}
            value={draft.category === null ? null : String(draft.category)}
            onChange={(v) => set({ category: v ? Number(v) : null })}
          />
          <Select
            label="Source"
            data={[...PROPOSAL_SOURCES]}
            value={draft.source}
            onChange={(v) => set({ source: (v ?? 'DSIM') as typeof draft.source })}
            allowDeselect={false}
          />
          <Select
            label="Proposed by"
            clearable
            searchable
            data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.proposedById === null ? null : String(draft.proposedById)}
            onChange={(v) => set({ proposedById: v ? Number(v) : null })}
          />
          <Textarea
            label="Evidence"
            required
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            value={draft.evidence}
            onChange={(e) => set({ evidence: e.currentTarget.value })}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}

export function ConfirmCategoryForm({
  proposal,
  onClose,
  onSaved,
}: {
  proposal: CategoryRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set] = useDraft({
    decidedOn: todayIso(),
    category: proposal.proposedCategory,
    notes: '',
    supportOverride: null as SupportLevel | null,
    overrideReason: '',
  });
  const natural = supportFor(draft.category as Category);
  return (
    <RecordModal
      title="DIG decision on the category"
      submitLabel="Confirm category"
      onClose={onClose}
      onSaved={onSaved}
      save={() => call('categories.decide', { id: proposal.id, ...draft })}
    >
      {(errors) => (
        <>
          <Text size="sm">
            Proposed {formatDate(proposal.proposedOn)}: category {proposal.proposedCategory} (
            {proposal.source}). {proposal.evidence}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label="Decided on"
              value={draft.decidedOn}
              onChange={(iso) => set({ decidedOn: iso })}
            />
            <Select
              label="Confirmed category"
              data={categoryOptions}
              value={String(draft.category)}
              onChange={(v) => set({ category: Number(v ?? proposal.proposedCategory) })}
              allowDeselect={false}
            />
            <Select
              label="Support level"
              description={`Category ${draft.category} brings ${natural} support`}
              data={SUPPORT_LEVELS.map((level) => ({
                value: level,
                label: level === natural ? `${level} (from the category)` : level,
              }))}
              value={draft.supportOverride ?? natural}
              onChange={(v) =>
                set({ supportOverride: v === null || v === natural ? null : (v as SupportLevel) })
              }
              allowDeselect={false}
            />
            <TextInput
              label="Reason for a different support level"
              disabled={draft.supportOverride === null}
              value={draft.overrideReason}
              onChange={(e) => set({ overrideReason: e.currentTarget.value })}
              error={errors.overrideReason}
            />
            <NotesField label="Moderation notes" value={draft.notes} onChange={(notes) => set({ notes })} />
          </SimpleGrid>
        </>
      )}
    </RecordModal>
  );
}
