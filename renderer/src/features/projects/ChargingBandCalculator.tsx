import { NumberInput, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatPounds } from '../../../../shared/domain/format';
import { useOperation } from '../../api';
import { numberFrom } from '../../components/numbers';

/**
 * The Secondary Strategy's charging bands as a calculator: a school's consultant days in a year give
 * the days it pays for and what that costs at the officer day rate.
 */
export function ChargingBandCalculator() {
  const [days, setDays] = useState<number | null>(null);
  const valid = days !== null && !Number.isNaN(days) && days >= 0 && days <= 1000;
  const { data, error } = useOperation('money.chargingBand', valid ? { days } : null);
  const shown = valid && data?.days === days ? data : null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Charging bands">
      <Title order={3} size="h4" mb="xs">
        Charging bands
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Up to 10 consultant days a year are free; beyond that the school pays for 2 days in each band of ten,
        up to 10 days.
      </Text>
      <NumberInput
        label="Consultant days this year"
        w={240}
        min={0}
        step={1}
        clampBehavior="none"
        value={days ?? ''}
        onChange={(v) => setDays(numberFrom(v))}
        error={days !== null && !valid ? 'Enter the days, from 0 to 1,000' : undefined}
      />
      <Text mt="sm" aria-live="polite" data-testid="charging-band">
        {error
          ? error
          : shown
            ? `${shown.band}: the school pays ${shown.chargeableDays} ${shown.chargeableDays === 1 ? 'day' : 'days'} = ${formatPounds(shown.chargePence)} (at ${formatPounds(shown.ratePence)} a day).`
            : 'Enter the days to see the charge.'}
      </Text>
    </Paper>
  );
}
