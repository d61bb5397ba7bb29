import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { budgetDraft, partnershipLabels, type BudgetRow } from '../../../../shared/api/partnerships';
import { academicYearLabel } from '../../../../shared/domain/calendar';
import { formatPounds } from '../../../../shared/domain/format';
import { DEFAULT_NETWORK_ALLOCATION_PENCE } from '../../../../shared/domain/partnerships';
import { call } from '../../api';
import { RecordModal, useDraft } from '../../components/RecordModal';
import { penceFrom, poundsOf } from './money';
import { rowErrors } from './row-errors';

interface Line {
  id: number | null;
  description: string;
  plannedPence: number | null;
}

/** A network's allocation for a year and its spending plan, line by line. */
export function BudgetForm({
  partnershipId,
  academicYear,
  budget,
  onClose,
  onSaved,
}: {
  partnershipId: number;
  academicYear: number;
  budget?: BudgetRow | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, set, initial] = useDraft(() => ({
    partnershipId,
    academicYear,
    allocationPence: (budget?.allocationPence ?? DEFAULT_NETWORK_ALLOCATION_PENCE) as number | null,
    lines: (budget?.lines ?? []).map((l): Line => ({
      id: l.id,
      description: l.description,
      plannedPence: l.plannedPence,
    })),
  }));
  const spentOn = new Map(budget?.lines.map((l) => [l.id, l.spentPence]) ?? []);
  const setLine = (index: number, patch: Partial<Line>) =>
    set({ lines: draft.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  const perRow = rowErrors(budgetDraft, draft, 'lines');
  const planned = draft.lines.reduce((sum, l) => sum + (l.plannedPence ?? 0), 0);
  const label = academicYearLabel(academicYear);

  return (
    <RecordModal
      title={budget ? `Allocation and plan, ${label}` : `Set up ${label}`}
      submitLabel={budget ? 'Save plan' : 'Set up'}
      rules={budgetDraft}
      labels={partnershipLabels}
      initial={initial}
      draft={draft}
      save={(checked) =>
        call('partnerships.saveBudget', { ...(budget ? { id: budget.id } : {}), draft: checked })
      }
      onClose={onClose}
      onSaved={onSaved}
    >
      {(fields) => {
        const linesError = fields.error('lines');
        return (
          <Stack gap="sm">
            <NumberInput
              label="Allocation"
              description="£5,000 unless agreed otherwise"
              required
              prefix="£"
              thousandSeparator=","
              decimalScale={2}
              min={0}
              clampBehavior="none"
              w={260}
              value={poundsOf(draft.allocationPence)}
              onChange={(v) => set({ allocationPence: penceFrom(v) })}
              error={fields.error('allocationPence')}
            />
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={500} size="sm" mb={4}>
                Spending plan
              </Text>
              {draft.lines.length === 0 && (
                <Text size="sm" c="dimmed">
                  No lines yet.
                </Text>
              )}
              <Stack gap="xs">
                {draft.lines.map((l, i) => {
                  const problems = linesError ? (perRow.get(i) ?? {}) : {};
                  const spent = l.id === null ? 0 : (spentOn.get(l.id) ?? 0);
                  return (
                    <Group
                      key={i}
                      align="start"
                      gap="xs"
                      wrap="nowrap"
                      role="group"
                      aria-label={`Plan line ${i + 1}`}
                    >
                      <TextInput
                        label="Line"
                        style={{ flex: 2 }}
                        value={l.description}
                        onChange={(e) => setLine(i, { description: e.currentTarget.value })}
                        error={problems.description}
                      />
                      <NumberInput
                        label="Planned"
                        style={{ flex: 1 }}
                        prefix="£"
                        thousandSeparator=","
                        decimalScale={2}
                        min={0}
                        clampBehavior="none"
                        value={poundsOf(l.plannedPence)}
                        onChange={(v) => setLine(i, { plannedPence: penceFrom(v) })}
                        error={problems.plannedPence}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        disabled={spent > 0}
                        title={spent > 0 ? `${formatPounds(spent)} is recorded against this line` : undefined}
                        aria-label={`Remove ${l.description || `line ${i + 1}`}`}
                        onClick={() => set({ lines: draft.lines.filter((_, j) => j !== i) })}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  );
                })}
              </Stack>
              {linesError && perRow.size === 0 && (
                <Text size="sm" c="red" mt={4} role="alert">
                  {linesError}
                </Text>
              )}
              <Group justify="space-between" mt="xs">
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() =>
                    set({ lines: [...draft.lines, { id: null, description: '', plannedPence: null }] })
                  }
                >
                  Add a line
                </Button>
                <Text size="sm" c="dimmed">
                  Planned {formatPounds(planned)}
                  {draft.allocationPence !== null && ` of ${formatPounds(draft.allocationPence)}`}
                </Text>
              </Group>
            </fieldset>
          </Stack>
        );
      }}
    </RecordModal>
  );
}
