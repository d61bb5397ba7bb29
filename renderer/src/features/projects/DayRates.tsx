import { Button, Group, NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { dayRates } from '../../../../shared/api/funds';
import { formatPounds } from '../../../../shared/domain/format';
import { call, useOperation } from '../../api';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { penceFrom } from './forms';

type Rates = z.infer<typeof dayRates>;
type Field = keyof Rates & string;

const LABELS: Record<Field, string> = {
  pssDayRatePence: 'PSS day rate',
  officerDayRatePence: 'Officer day rate',
};

/**
 * The two day rates the seed prices time at: Priority School Support days (£500, from its caps) and
 * officer and consultant time (£480, what charging bands are paid at). Settings of the whole file.
 */
export function DayRates({ onChanged }: { onChanged: () => void }) {
  const rates = useOperation('money.rates', {});
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-label="Day rates">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            Day rates
          </Title>
          {rates.data && (
            <Text size="sm" data-testid="day-rates">
              Priority School Support {formatPounds(rates.data.pssDayRatePence)} a day · officer time{' '}
              {formatPounds(rates.data.officerDayRatePence)} a day
            </Text>
          )}
        </div>
        <Button size="xs" variant="light" disabled={!rates.data} onClick={() => setEditing(true)}>
          Change day rates
        </Button>
      </Group>
      {editing && rates.data && (
        <DayRatesForm
          rates={rates.data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            rates.reload();
            onChanged();
            notifications.show({ message: 'Day rates saved.' });
          }}
        />
      )}
    </Paper>
  );
}

function DayRatesForm({
  rates,
  onClose,
  onSaved,
}: {
  rates: Rates;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft((): Record<Field, number | null> => ({
    pssDayRatePence: rates.pssDayRatePence,
    officerDayRatePence: rates.officerDayRatePence,
  }));
  const pounds = (field: Field) => {
    const pence = draft[field];
    return {
      label: LABELS[field],
      prefix: '£',
      thousandSeparator: ',',
      decimalScale: 2,
      clampBehavior: 'none' as const,
      value: pence === null ? '' : pence / 100,
      onChange: (v: string | number) => set({ [field]: penceFrom(v) }),
    };
  };
  return (
    <RecordModal
      title="Day rates"
      submitLabel="Save day rates"
      rules={dayRates}
      labels={LABELS}
      initial={initial}
      draft={draft}
      save={(checked) => call('money.setRates', checked)}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => (
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput
            {...pounds('pssDayRatePence')}
            description="What a Priority School Support day costs"
            error={fields.error('pssDayRatePence')}
          />
          <NumberInput
            {...pounds('officerDayRatePence')}
            description="What officer and consultant time is charged at"
            error={fields.error('officerDayRatePence')}
          />
        </SimpleGrid>
      )}
    </RecordModal>
  );
}
