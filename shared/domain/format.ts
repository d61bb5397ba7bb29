/** dd/mm/yyyy, the way every user of the app writes dates. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * Money held as integer pence, shown as the LA writes it: £1,234 for whole pounds, £2,500.01 where
 * there are pence, −£1,200 below zero.
 */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const rest = abs % 100;
  return `${sign}£${pounds}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** dd/mm/yyyy hh:mm in Europe/London, for audit entries, wherever the computer's clock is set. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const t = londonParts(at);
  return `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute}`;
}

/**
 * A date as staff type it — 04/09/2008, 4.9.2008, 4-9-2008 — or the ISO form a date cell reads as,
 * to ISO `yyyy-mm-dd`; null if it is not a real date.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const ukMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = isoMatch
    ? [isoMatch[1], isoMatch[2], isoMatch[3]].map(Number)
    : ukMatch
      ? [ukMatch[3], ukMatch[2], ukMatch[1]].map(Number)
      : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}

/**
 * The date in Europe/London at an instant, as ISO `yyyy-mm-dd`. Staff work on UK time: between
 * midnight and 1 am in summer the UTC date is still yesterday, so "today" never comes from UTC.
 */
export function londonDate(at: Date): string {
  const t = londonParts(at);
  return `${t.year}-${t.month}-${t.day}`;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock fields in London at an instant, each as the two (or four) digits shown. */
function londonParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = LONDON.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** Today's date in Europe/London. */
export const todayInLondon = (): string => londonDate(new Date());
