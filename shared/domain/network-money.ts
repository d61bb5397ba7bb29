import { formatPounds } from './format';

/** A network's money for a year (seed 001): its allocation, its spending plan and what was spent. */
export interface PlanLine {
  id: number;
  description: string;
  plannedPence: number;
}
export interface SpendItem {
  lineId: number;
  amountPence: number;
}

export interface BudgetSummary {
  allocationPence: number;
  plannedPence: number;
  spentPence: number;
  remainingPence: number;
  lines: Array<PlanLine & { spentPence: number }>;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function budgetSummary(
  allocationPence: number,
  lines: readonly PlanLine[],
  spend: readonly SpendItem[],
): BudgetSummary {
  const spentPence = sum(spend.map((s) => s.amountPence));
  return {
    allocationPence,
    plannedPence: sum(lines.map((l) => l.plannedPence)),
    spentPence,
    remainingPence: allocationPence - spentPence,
    lines: lines.map((l) => ({
      ...l,
      spentPence: sum(spend.filter((s) => s.lineId === l.id).map((s) => s.amountPence)),
    })),
  };
}

/**
 * Spending beyond the allocation is refused unless it is recorded as an agreed overspend with the
 * reason. `otherSpentPence` is everything else spent from the same allocation.
 */
export function checkSpend(s: {
  allocationPence: number;
  otherSpentPence: number;
  amountPence: number;
  overspendReason: string;
}): string | null {
  const total = s.otherSpentPence + s.amountPence;
  if (total <= s.allocationPence || s.overspendReason.trim() !== '') return null;
  return `This would bring spending to ${formatPounds(total)}, ${formatPounds(total - s.allocationPence)} over the ${formatPounds(s.allocationPence)} allocation: record it as an agreed overspend, with the reason`;
}

/** A plan may not promise more than the allocation, and an allocation may not drop below what is spent. */
export function checkBudget(s: {
  allocationPence: number;
  plannedPence: number;
  spentPence: number;
  previousAllocationPence: number | null;
}): { field: 'allocationPence' | 'lines'; message: string } | null {
  const lowered = s.previousAllocationPence !== null && s.allocationPence < s.previousAllocationPence;
  if (lowered && s.allocationPence < s.spentPence)
    return {
      field: 'allocationPence',
      message: `${formatPounds(s.spentPence)} has already been spent, so the allocation cannot be less than that`,
    };
  if (s.plannedPence > s.allocationPence)
    return {
      field: 'lines',
      message: `The plan comes to ${formatPounds(s.plannedPence)}, more than the ${formatPounds(s.allocationPence)} allocation`,
    };
  return null;
}
