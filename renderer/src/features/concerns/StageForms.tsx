import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { OpOutput } from '../../../../shared/api/contract';
import {
  concernLabels,
  dutyCheckDraft,
  stageDecisionDraft,
  type ConcernRow,
  type DutyCheckDraft,
  type StageDecisionDraft,
} from '../../../../shared/api/concerns';
import { INSUFFICIENT_PACE, STAGE_NAMES, STAGES, type Stage } from '../../../../shared/domain/concerns';
import { todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { NotesField, RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';

type Org = OpOutput<'organisation.get'>;
const peopleOf = (org: Org) => org.people.map((p) => ({ value: String(p.id), label: p.name }));

/**
 * A change of stage is a decision: to which stage, why, who decided and at which meeting. From
 * Stage 2 the usual step is to Stage 3 for insufficient pace, so that is offered first.
 */
export function StageChangeForm({
  org,
  concern,
  onClose,
  onSaved,
}: {
  org: Org;
  concern: ConcernRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(
    (): Omit<StageDecisionDraft, 'decidedById'> & { decidedById: number | null } => ({
      decidedOn: todayInLondon(),
      to: concern.stage === 3 ? 2 : ((concern.stage + 1) as Stage),
      reason: concern.stage === 2 ? INSUFFICIENT_PACE : '',
      decidedById: null,
      meeting: '',
    }),
  );
  return (
    <RecordModal
      title={`Change stage from Stage ${concern.stage}`}
      submitLabel="Change stage"
      rules={stageDecisionDraft}
      labels={concernLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('concerns.changeStage', { id: concern.id, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="New stage"
            required
            data={STAGES.filter((s) => s !== concern.stage).map((s) => ({
              value: String(s),
              label: STAGE_NAMES[s],
            }))}
            value={String(draft.to)}
            onChange={(v) => v && set({ to: Number(v) as Stage })}
            allowDeselect={false}
            error={fields.error('to')}
          />
          <DateField
            label="Decision date"
            required
            value={draft.decidedOn}
            onChange={(iso) => set({ decidedOn: iso })}
            {...fields.date('decidedOn')}
          />
          <TypeaheadSelect
            label="Decided by"
            required
            data={peopleOf(org)}
            value={draft.decidedById === null ? null : String(draft.decidedById)}
            onChange={(v) => set({ decidedById: v ? Number(v) : null })}
            error={fields.error('decidedById')}
          />
          <TextInput
            label="Meeting"
            placeholder="DIG, spring 2026"
            value={draft.meeting}
            onChange={(e) => set({ meeting: e.currentTarget.value })}
            error={fields.error('meeting')}
          />
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            style={{ gridColumn: '1 / -1' }}
            value={draft.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={fields.error('reason')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}

/** Ticking (or unticking) one duty of the concern's stage: when it was done and by whom. */
export function DutyForm({
  org,
  concernId,
  duty,
  check,
  onClose,
  onSaved,
}: {
  org: Org;
  concernId: number;
  duty: { code: string; label: string };
  check: ConcernRow['duties'][number] | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft((): DutyCheckDraft => ({
    duty: duty.code,
    done: !check?.done,
    checkedOn: todayInLondon(),
    byId: check?.byId ?? null,
    notes: check?.notes ?? '',
  }));
  return (
    <RecordModal
      title={draft.done ? 'Duty done' : 'Duty not done'}
      submitLabel="Save"
      rules={dutyCheckDraft}
      labels={concernLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('concerns.checkDuty', { id: concernId, draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <Stack gap="sm">
          <Text fw={500}>{duty.label}</Text>
          <Checkbox
            label="Done"
            checked={draft.done}
            onChange={(e) => set({ done: e.currentTarget.checked })}
          />
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label={draft.done ? 'Date done' : 'Date looked at'}
              required={draft.done}
              value={draft.checkedOn}
              onChange={(iso) => set({ checkedOn: iso || null })}
              {...fields.date('checkedOn')}
            />
            <TypeaheadSelect
              label="Who"
              required={draft.done}
              clearable
              data={peopleOf(org)}
              value={draft.byId === null ? null : String(draft.byId)}
              onChange={(v) => set({ byId: v ? Number(v) : null })}
              error={fields.error('byId')}
            />
          </SimpleGrid>
          <NotesField
            value={draft.notes}
            onChange={(notes) => set({ notes })}
            error={fields.error('notes')}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
