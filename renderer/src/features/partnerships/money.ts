import { numberFrom } from '../../components/numbers';

/** Pounds typed (1,250.50) to whole pence; blank stays blank for the field rules to name. */
export function penceFrom(value: string | number): number | null {
  const pounds = numberFrom(value);
  return pounds === null || Number.isNaN(pounds) ? pounds : Math.round(pounds * 100);
}

/** What a pounds field shows for an amount held in pence. */
export const poundsOf = (pence: number | null): number | '' => (pence === null ? '' : pence / 100);
