import { formatPounds } from './format';
import { shorten } from './shorten';

/**
 * One owner's figure for a savings option: a number (pence, or hundredths of a post for FTE), `?`
 * where the owner has typed that it is not known yet, or null where nothing was given. Unknown is
 * data, kept apart from zero and from blank, and written back to the workbook as `?`.
 */
export type Figure = number | '?' | null;
export const UNKNOWN = '?';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The frontline / support / efficiency code, exactly as the LA's sheet uses it. */
export const SAVINGS_CODES = {
  F: 'frontline service cut',
  S: 'support service cut',
  E: 'efficiency',
} as const;
export type SavingsCode = keyof typeof SAVINGS_CODES;

const PENCE_PER_MILLION = 100_000_000;

/** A number as staff type it: "£0.15", "0.15m", "1,250", "-0.02". Null when it is not one. */
function numberIn(text: string, allowMillions: boolean): number | null {
  let flat = text.replace(/[\s,]/g, '').replace(/^(-?)£/, '$1');
  if (allowMillions) flat = flat.replace(/m$/i, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(flat)) return null;
  return Number(flat);
}

const unknownOrBlank = (text: string): Parsed<Figure> | null => {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (trimmed === UNKNOWN) return { ok: true, value: UNKNOWN };
  return null;
};

/** A cash cell of the sheet, which counts in £ millions (0.15 is £150,000), as pence. */
export function parseCashMillions(text: string): Parsed<Figure> {
  const early = unknownOrBlank(text);
  if (early) return early;
  const millions = numberIn(text.trim(), true);
  if (millions === null)
    return {
      ok: false,
      message: `"${shorten(text)}" is not an amount in £ millions (like 0.15 for £150,000), or ? if not known yet`,
    };
  return { ok: true, value: Math.round(millions * PENCE_PER_MILLION) };
}

/** An FTE saving (posts, like 1 or 0.5), as hundredths of a post. */
export function parseFte(text: string): Parsed<Figure> {
  const early = unknownOrBlank(text);
  if (early) return early;
  const posts = numberIn(text.trim(), false);
  if (posts === null)
    return {
      ok: false,
      message: `"${shorten(text)}" is not a number of posts (like 1 or 0.5), or ? if not known yet`,
    };
  const hundredths = Math.round(posts * 100);
  if (Math.abs(hundredths - posts * 100) > 1e-6)
    return {
      ok: false,
      message: `${posts} has more than two decimal places; give posts to the nearest 0.01`,
    };
  return { ok: true, value: hundredths };
}

/** The F/S/E code as typed; blank until the owner says. Anything else is refused, saying what is allowed. */
export function parseCode(text: string): Parsed<SavingsCode | ''> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed in SAVINGS_CODES) return { ok: true, value: trimmed as SavingsCode | '' };
  return {
    ok: false,
    message: `"${shorten(text)}" is not a code: use F (frontline service cut), S (support service cut) or E (efficiency)`,
  };
}

export interface FigureTotal {
  /** The sum of the known figures. */
  total: number;
  /** How many figures were `?` and so left out of the total. */
  unknown: number;
}

/** Adds the known figures; an unknown one is left out and counted, never taken as zero. */
export function totalOf(figures: readonly Figure[]): FigureTotal {
  let total = 0;
  let unknown = 0;
  for (const figure of figures) {
    if (figure === UNKNOWN) unknown++;
    else if (figure !== null) total += figure;
  }
  return { total, unknown };
}

/** A cash figure as shown: £150,000, ? for not known yet, blank for none given. */
export const showCash = (figure: Figure): string =>
  figure === UNKNOWN ? UNKNOWN : figure === null ? '' : formatPounds(figure);

/** An FTE figure as shown: 1.5, ? for not known yet, blank for none given. */
export const showFte = (figure: Figure): string =>
  figure === UNKNOWN ? UNKNOWN : figure === null ? '' : String(figure / 100);

/** "£290,000 (2 not known yet)": a total that says how many figures it could not count. */
export function describeTotal({ total, unknown }: FigureTotal, show: (n: number) => string): string {
  return unknown === 0 ? show(total) : `${show(total)} (${unknown} not known yet)`;
}

/** The value a cash figure takes in the sheet's £ millions column. */
export const inMillions = (pence: number): number => pence / PENCE_PER_MILLION;
