import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import {
  categoryDecision,
  categoryLabels,
  categoryProposal,
  type CategoryDecision,
  type CategoryProposal,
  type CategoryRow,
} from '../../../../shared/api/categories';
import type { OpOutput } from '../../../../shared/api/contract';
import {
  CATEGORIES,
  SUPPORT_LEVELS,
  PROPOSAL_SOURCES,
  supportFor,
  type Category,
  type SupportLevel,
} from '../../../../shared/domain/categories';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft, type RecordFormProps } from '../../components/RecordModal';

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
  onDeleted,
}: RecordFormProps & { org: OpOutput<'organisation.get'>; proposal?: CategoryRow }) {
  const [draft, set, initial] = useDraft(
    (): Omit<CategoryProposal, 'category'> & { category: number | null } => ({
      schoolId,
      proposedOn: proposal?.proposedOn ?? todayInLondon(),
      source: proposal?.source ?? 'SIP summary report',
      proposedById: proposal?.proposedById ?? null,
      category: proposal?.proposedCategory ?? null,
      evidence: proposal?.evidence ?? '',
    }),
  );
  return (
    <RecordModal
      title={proposal ? 'Correct a category proposal' : 'Propose a category'}
      submitLabel={proposal ? 'Save proposal' : 'Propose category'}
      rules={categoryProposal}
      labels={categoryLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('categories.propose', { ...(proposal ? { id: proposal.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        proposal && onDeleted
          ? {
              label: 'Withdraw',
              question: `Withdraw the proposal of category ${proposal.proposedCategory} made on ${formatDate(proposal.proposedOn)}?`,
              run: () => call('categories.withdraw', { id: proposal.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Proposal withdrawn.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label="Proposed on"
            required
            value={draft.proposedOn}
            onChange={(iso) => set({ proposedOn: iso })}
            {...fields.date('proposedOn')}
          />
          <Select
            label="Proposed category"
            required
            data={categoryOptions}
            value={draft.category === null ? null : String(draft.category)}
            onChange={(v) => set({ category: v ? Number(v) : null })}
            error={fields.error('category')}
          />
          <Select
            label="Source"
            data={[...PROPOSAL_SOURCES]}
            value={draft.source}
            onChange={(v) => v && set({ source: v as CategoryProposal['source'] })}
            allowDeselect={false}
            error={fields.error('source')}
          />
          <Select
            label="Proposed by"
            clearable
            searchable
            data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.proposedById === null ? null : String(draft.proposedById)}
            onChange={(v) => set({ proposedById: v ? Number(v) : null })}
            error={fields.error('proposedById')}
          />
          <Textarea
            label="Evidence"
            required
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            value={draft.evidence}
            onChange={(e) => set({ evidence: e.currentTarget.value })}
            error={fields.error('evidence')}
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
  const [draft, set, initial] = useDraft((): CategoryDecision => ({
    decidedOn: todayInLondon(),
    category: proposal.proposedCategory,
    notes: '',
    supportOverride: null,
    overrideReason: '',
  }));
  const natural = supportFor(draft.category as Category);
  return (
    <RecordModal
      title="DIG decision on the category"
      submitLabel="Confirm category"
      rules={categoryDecision}
      labels={categoryLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('categories.decide', { id: proposal.id, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <>
          <Text size="sm">
            Proposed {formatDate(proposal.proposedOn)}: category {proposal.proposedCategory} (
            {proposal.source}). {proposal.evidence}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label="Decided on"
              required
              value={draft.decidedOn}
              onChange={(iso) => set({ decidedOn: iso })}
              {...fields.date('decidedOn')}
            />
            <Select
              label="Confirmed category"
              data={categoryOptions}
              value={String(draft.category)}
              onChange={(v) => v && set({ category: Number(v) })}
              allowDeselect={false}
              error={fields.error('category')}
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
              error={fields.error('supportOverride')}
            />
            <TextInput
              label="Reason for a different support level"
              disabled={draft.supportOverride === null}
              value={draft.overrideReason}
              onChange={(e) => set({ overrideReason: e.currentTarget.value })}
              error={fields.error('overrideReason')}
            />
            <NotesField
              label="Moderation notes"
              value={draft.notes}
              onChange={(notes) => set({ notes })}
              error={fields.error('notes')}
            />
          </SimpleGrid>
        </>
      )}
    </RecordModal>
  );
}
