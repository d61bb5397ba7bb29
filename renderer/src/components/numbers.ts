/**
 * What a NumberInput holds, as the draft keeps it: blank is null, and anything else is kept as typed
 * (never clamped or rounded), so the field rules can say what is wrong with it.
 */
export function numberFrom(value: string | number): number | null {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? null : Number(value);
}
