import { NumberInput, SimpleGrid } from '@mantine/core';
import { fundDraft, fundLabels, type FundDraft } from '../../../../shared/api/funds';
import { call } from '../../api';
import { numberFrom } from '../../components/numbers';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { penceFrom } from './forms';

type Draft = Omit<FundDraft, 'allocationPence' | 'heldBackPence' | 'officerFte'> & {
  allocationPence: number | null;
  heldBackPence: number | null;
  officerFte: number | null;
};

/** A double district's intervention fund for a financial year: what it is given and holds back. */
export function FundForm({
  doubleDistrictId,
  doubleDistrict,
  financialYear,
  fund,
  onClose,
  onSaved,
}: {
  doubleDistrictId: number;
  doubleDistrict: string;
  financialYear: string;
  fund: { id: number; allocationPence: number; heldBackPence: number; officerFte: number } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft((): Draft => ({
    doubleDistrictId,
    financialYear,
    allocationPence: fund?.allocationPence ?? null,
    heldBackPence: fund?.heldBackPence ?? 0,
    officerFte: fund?.officerFte ?? 1,
  }));
  const money = (field: 'allocationPence' | 'heldBackPence') => ({
    prefix: '£',
    thousandSeparator: ',',
    decimalScale: 2,
    min: 0,
    clampBehavior: 'none' as const,
    value: draft[field] === null ? '' : draft[field] / 100,
    onChange: (v: string | number) => set({ [field]: penceFrom(v) }),
  });
  return (
    <RecordModal
      title={`${doubleDistrict}: fund for ${financialYear}`}
      submitLabel="Save fund"
      rules={fundDraft}
      labels={fundLabels}
      initial={initial}
      draft={draft}
      save={(checked) => call('funds.save', { ...(fund ? { id: fund.id } : {}), draft: checked })}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput
            label="Allocation"
            required
            {...money('allocationPence')}
            error={fields.error('allocationPence')}
          />
          <NumberInput
            label="Held back"
            description="Kept for unexpected calls on officer time"
            {...money('heldBackPence')}
            error={fields.error('heldBackPence')}
          />
          <NumberInput
            label="Officers (full-time equivalent)"
            description="Each gives 170 days a year"
            step={0.5}
            min={0}
            clampBehavior="none"
            value={draft.officerFte ?? ''}
            onChange={(v) => set({ officerFte: numberFrom(v) })}
            error={fields.error('officerFte')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
