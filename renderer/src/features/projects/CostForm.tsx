import { Checkbox, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { costDraft, costRow, projectLabels, type CostDraft } from '../../../../shared/api/projects';
import type { z } from 'zod';
import { formatDate, formatPounds, todayInLondon } from '../../../../shared/domain/format';
import {
  COST_SOURCE_LABELS,
  COST_SOURCES,
  COST_STATUSES,
  PSS_CAPS,
  type CostSource,
  type CostStatus,
} from '../../../../shared/domain/money';
import { call, useOperation } from '../../api';
import { DateField } from '../../components/DateField';
import { numberFrom } from '../../components/numbers';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { penceFrom, type ProjectRecordProps } from './forms';

type Cost = z.infer<typeof costRow>;
type Draft = Omit<CostDraft, 'days' | 'amountPence'> & { days: number | null; amountPence: number | null };

/** Pounds typed (1,250.50) to whole pence; blank stays blank for the field rules to name. */

/**
 * A cost of the project by its source. Priority School Support is capped; past a cap the save is
 * refused at the field naming the cap, unless the DSIM records an exception with a reason.
 */
export function CostForm({
  projectId,
  cost,
  onClose,
  onSaved,
  onDeleted,
}: ProjectRecordProps & { cost?: Cost | undefined }) {
  const rates = useOperation('money.rates', {}).data;
  const [draft, set, initial] = useDraft((): Draft => ({
    projectId,
    source: cost?.source ?? 'pss-audit',
    incurredOn: cost?.incurredOn ?? todayInLondon(),
    description: cost?.description ?? '',
    days: cost?.days ?? null,
    amountPence: cost?.amountPence ?? null,
    status: cost?.status ?? 'Committed',
    exceptionReason: cost?.exceptionReason ?? '',
  }));
  const [exception, setException] = useState(draft.exceptionReason !== '');
  // Priority School Support is costed at its day rate until the user types an amount of their own.
  const [amountTyped, setAmountTyped] = useState(cost !== undefined);
  const cap = PSS_CAPS[draft.source];
  const rules = exception
    ? costDraft.superRefine((d, ctx) => {
        if (d.exceptionReason.trim() === '')
          ctx.addIssue({
            code: 'custom',
            path: ['exceptionReason'],
            message: 'Say why this cost may go past the cap',
          });
      })
    : costDraft;
  const atDayRate = (source: CostSource, days: number | null) =>
    !amountTyped && PSS_CAPS[source] && rates && days !== null && !Number.isNaN(days)
      ? { amountPence: Math.round(days * rates.pssDayRatePence) }
      : {};
  return (
    <RecordModal
      title={cost ? 'Update cost' : 'Record a cost'}
      submitLabel={cost ? 'Save cost' : 'Record cost'}
      rules={rules}
      labels={projectLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('projects.saveCost', { ...(cost ? { id: cost.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
      remove={
        cost
          ? {
              label: 'Delete',
              question: `Delete the cost of ${formatPounds(cost.amountPence)} on ${formatDate(cost.incurredOn)}?`,
              run: () => call('projects.deleteCost', { id: cost.id }),
              onRemoved: (auditId) => onDeleted(auditId, 'Cost deleted.'),
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Source"
            required
            style={{ gridColumn: '1 / -1' }}
            data={COST_SOURCES.map((s) => ({ value: s, label: COST_SOURCE_LABELS[s] }))}
            value={draft.source}
            onChange={(v) => {
              if (!v) return;
              const source = v as CostSource;
              set({
                source,
                ...(source === 'already-funded' ? { amountPence: 0 } : atDayRate(source, draft.days)),
                ...(PSS_CAPS[source] ? {} : { exceptionReason: '' }),
              });
              if (!PSS_CAPS[source]) setException(false);
            }}
            allowDeselect={false}
            description={
              cap
                ? `Capped at ${formatPounds(cap.pence)} and ${cap.days} days for the project`
                : draft.source === 'already-funded'
                  ? 'Recorded for the picture, not costed again'
                  : undefined
            }
            error={fields.error('source')}
          />
          <DateField
            label="Date"
            required
            value={draft.incurredOn}
            onChange={(iso) => set({ incurredOn: iso })}
            {...fields.date('incurredOn')}
          />
          <Select
            label="Status"
            required
            data={[...COST_STATUSES]}
            value={draft.status}
            onChange={(v) => v && set({ status: v as CostStatus })}
            allowDeselect={false}
            error={fields.error('status')}
          />
          <NumberInput
            label="Officer days"
            description="Whole or half days"
            step={0.5}
            min={0}
            clampBehavior="none"
            value={draft.days ?? ''}
            onChange={(v) => {
              const days = numberFrom(v);
              set({ days, ...atDayRate(draft.source, days) });
            }}
            error={fields.error('days')}
          />
          <NumberInput
            label="Amount"
            description={
              cap && rates
                ? `${formatPounds(rates.pssDayRatePence)} a day unless you type another amount`
                : undefined
            }
            prefix="£"
            thousandSeparator=","
            decimalScale={2}
            min={0}
            clampBehavior="none"
            value={draft.amountPence === null ? '' : draft.amountPence / 100}
            onChange={(v) => {
              setAmountTyped(true);
              set({ amountPence: penceFrom(v) });
            }}
            error={fields.error('amountPence')}
          />
          <TextInput
            label="Description"
            style={{ gridColumn: '1 / -1' }}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fields.error('description')}
          />
          {cap && (
            <Checkbox
              label="Record as an exception to the cap"
              description="Only the DSIM lets a cost go past the cap, and says why"
              style={{ gridColumn: '1 / -1' }}
              checked={exception}
              onChange={(e) => {
                setException(e.currentTarget.checked);
                if (!e.currentTarget.checked) set({ exceptionReason: '' });
              }}
            />
          )}
          {exception && (
            <Textarea
              label="Reason for the exception"
              required
              autosize
              minRows={2}
              style={{ gridColumn: '1 / -1' }}
              value={draft.exceptionReason}
              onChange={(e) => set({ exceptionReason: e.currentTarget.value })}
              error={fields.error('exceptionReason')}
            />
          )}
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
