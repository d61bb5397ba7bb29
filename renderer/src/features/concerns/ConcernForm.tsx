import { Checkbox, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useRef } from 'react';
import type { OpOutput } from '../../../../shared/api/contract';
import {
  concernDraft,
  concernLabels,
  type ConcernDraft,
  type ConcernRow,
} from '../../../../shared/api/concerns';
import { CONCERN_FACTORS, CONCERN_SOURCES, STAGE_NAMES, STAGES } from '../../../../shared/domain/concerns';
import { formatDate, todayInLondon } from '../../../../shared/domain/format';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';

type Org = OpOutput<'organisation.get'>;
type Draft = Omit<ConcernDraft, 'source'> & { source: ConcernDraft['source'] | null };

/** Raising a concern about a school, or correcting how it was raised. */
export function ConcernForm({
  org,
  schoolId,
  concern,
  onClose,
  onSaved,
  onDeleted,
}: {
  org: Org;
  schoolId: number;
  concern?: ConcernRow | undefined;
  onClose: () => void;
  onSaved: (saved: ConcernRow) => void;
  onDeleted?: ((auditId: number) => void) | undefined;
}) {
  const [draft, set, initial] = useDraft((): Draft => ({
    schoolId,
    source: concern?.source ?? null,
    factors: concern?.factors ?? [],
    factorNotes: concern?.factorNotes ?? '',
    raisedById: concern?.raisedById ?? null,
    openedOn: concern?.openedOn ?? todayInLondon(),
    // A correction keeps the stage: a change of stage is a decision with its reason.
    stage: concern?.stage ?? 1,
    focusGroupOn: concern?.focusGroupOn ?? null,
    digConfirmedOn: concern?.digConfirmedOn ?? null,
  }));
  const saved = useRef<ConcernRow | null>(null);
  return (
    <RecordModal
      title={concern ? 'Update concern' : 'Raise a concern'}
      submitLabel={concern ? 'Save concern' : 'Raise concern'}
      rules={concernDraft}
      labels={concernLabels}
      initial={initial}
      draft={draft}
      save={async (checked) => {
        saved.current = await call('concerns.save', {
          ...(concern ? { id: concern.id } : {}),
          draft: checked,
        });
      }}
      onClose={onClose}
      onSaved={() => saved.current && onSaved(saved.current)}
      remove={
        concern && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the concern opened on ${formatDate(concern.openedOn)}? Use this only for a concern raised in error; close a concern that has run its course.`,
              run: () => call('concerns.delete', { id: concern.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TypeaheadSelect
              label="Source"
              required
              data={[...CONCERN_SOURCES]}
              value={draft.source}
              onChange={(v) => set({ source: v as Draft['source'] })}
              error={fields.error('source')}
            />
            <Select
              label="Stage"
              required
              disabled={concern !== undefined}
              {...(concern ? { description: 'Change it with “Change stage”, giving the reason' } : {})}
              data={STAGES.map((s) => ({ value: String(s), label: STAGE_NAMES[s] }))}
              value={String(draft.stage)}
              onChange={(v) => v && set({ stage: Number(v) as ConcernDraft['stage'] })}
              allowDeselect={false}
              error={fields.error('stage')}
            />
            <DateField
              label="Opened"
              required
              value={draft.openedOn}
              onChange={(iso) => set({ openedOn: iso })}
              {...fields.date('openedOn')}
            />
            <TypeaheadSelect
              label="Raised by"
              clearable
              data={org.people.map((p) => ({ value: String(p.id), label: p.name }))}
              value={draft.raisedById === null ? null : String(draft.raisedById)}
              onChange={(v) => set({ raisedById: v ? Number(v) : null })}
              error={fields.error('raisedById')}
            />
            <DateField
              label="Identified by the District Focus Group"
              value={draft.focusGroupOn}
              onChange={(iso) => set({ focusGroupOn: iso || null })}
              {...fields.date('focusGroupOn')}
            />
            <DateField
              label="Confirmed by the District Intervention/Resource Group"
              value={draft.digConfirmedOn}
              onChange={(iso) => set({ digConfirmedOn: iso || null })}
              {...fields.date('digConfirmedOn')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Factors"
            value={draft.factors}
            onChange={(v) => set({ factors: v as Draft['factors'] })}
            error={fields.error('factors')}
          >
            <SimpleGrid cols={2} spacing={6} mt={6}>
              {CONCERN_FACTORS.map((f) => (
                <Checkbox key={f} value={f} label={f} size="sm" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="About the factors"
            autosize
            minRows={2}
            value={draft.factorNotes}
            onChange={(e) => set({ factorNotes: e.currentTarget.value })}
            error={fields.error('factorNotes')}
          />
        </Stack>
      )}
    </RecordModal>
  );
}
