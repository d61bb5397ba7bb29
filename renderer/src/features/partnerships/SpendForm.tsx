import { Checkbox, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import {
  partnershipLabels,
  spendDraft,
  type BudgetRow,
  type spendRow,
} from '../../../../shared/api/partnerships';
import { formatDate, formatPounds, todayInLondon } from '../../../../shared/domain/format';
import { checkSpend } from '../../../../shared/domain/network-money';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { penceFrom, poundsOf } from './money';

type Spend = z.infer<typeof spendRow>;

/**
 * Spend against a line of the network's plan. Spend that would take the network past its
 * allocation is refused at the amount, as the API refuses it, unless it is recorded as an agreed
 * overspend with the reason.
 */
export function SpendForm({
  budget,
  spend,
  onClose,
  onSaved,
  onDeleted,
}: {
  budget: BudgetRow;
  spend?: Spend | undefined;
  onClose: () => void;
  onSaved: () => void;
  onDeleted?: (auditId: number) => void;
}) {
  const [draft, set, initial] = useDraft(() => ({
    lineId: spend?.lineId ?? (budget.lines.length === 1 ? budget.lines[0]!.id : null),
    spentOn: spend?.spentOn ?? todayInLondon(),
    amountPence: (spend?.amountPence ?? null) as number | null,
    description: spend?.description ?? '',
    overspendReason: spend?.overspendReason ?? '',
  }));
  const [agreed, setAgreed] = useState(draft.overspendReason !== '');
  const otherSpentPence = budget.spend
    .filter((s) => s.id !== spend?.id)
    .reduce((a, s) => a + s.amountPence, 0);
  const over = draft.amountPence !== null && otherSpentPence + draft.amountPence > budget.allocationPence;
  const rules = spendDraft.superRefine((d, ctx) => {
    const problem = checkSpend({ allocationPence: budget.allocationPence, otherSpentPence, ...d });
    if (problem && !agreed) ctx.addIssue({ code: 'custom', path: ['amountPence'], message: problem });
    if (agreed && over && d.overspendReason.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['overspendReason'],
        message: 'Give the reason the overspend was agreed',
      });
  });
  // A reason is kept only for spend that does go over: below the allocation there is nothing to agree.
  const sent = { ...draft, overspendReason: agreed && over ? draft.overspendReason : '' };
  const left = budget.allocationPence - otherSpentPence;

  return (
    <RecordModal
      title={spend ? 'Correct spend' : `Record spend, ${budget.label}`}
      submitLabel={spend ? 'Save spend' : 'Record spend'}
      rules={rules}
      labels={partnershipLabels}
      initial={initial}
      draft={sent}
      save={(checked) =>
        call('partnerships.saveSpend', { ...(spend ? { id: spend.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
      remove={
        spend && onDeleted
          ? {
              label: 'Delete',
              question: `Delete the spend of ${formatPounds(spend.amountPence)} on ${formatDate(spend.spentOn)}?`,
              run: () => call('partnerships.deleteSpend', { id: spend.id }),
              onRemoved: onDeleted,
            }
          : undefined
      }
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Plan line"
            required
            style={{ gridColumn: '1 / -1' }}
            placeholder={budget.lines.length === 0 ? 'Add lines to the plan first' : 'Choose a line'}
            data={budget.lines.map((l) => ({
              value: String(l.id),
              label: `${l.description} (${formatPounds(l.plannedPence - l.spentPence)} left)`,
            }))}
            value={draft.lineId === null ? null : String(draft.lineId)}
            onChange={(v) => set({ lineId: v ? Number(v) : null })}
            error={fields.error('lineId')}
          />
          <DateField
            label="Date spent"
            required
            value={draft.spentOn}
            onChange={(iso) => set({ spentOn: iso })}
            {...fields.date('spentOn')}
          />
          <NumberInput
            label="Amount"
            required
            description={`${formatPounds(Math.max(0, left))} of the ${formatPounds(budget.allocationPence)} allocation left`}
            prefix="£"
            thousandSeparator=","
            decimalScale={2}
            min={0}
            clampBehavior="none"
            value={poundsOf(draft.amountPence)}
            onChange={(v) => set({ amountPence: penceFrom(v) })}
            error={fields.error('amountPence')}
          />
          <TextInput
            label="Description"
            required
            style={{ gridColumn: '1 / -1' }}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fields.error('description')}
          />
          {over && (
            <Checkbox
              label="Record as an agreed overspend"
              description="Spend past the allocation needs the overspend to have been agreed, and why"
              style={{ gridColumn: '1 / -1' }}
              checked={agreed}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
            />
          )}
          {over && agreed && (
            <Textarea
              label="Reason for the agreed overspend"
              required
              autosize
              minRows={2}
              style={{ gridColumn: '1 / -1' }}
              value={draft.overspendReason}
              onChange={(e) => set({ overspendReason: e.currentTarget.value })}
              error={fields.error('overspendReason')}
            />
          )}
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
