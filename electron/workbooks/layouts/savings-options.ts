import type { SheetLayout } from '../layout';

/**
 * The LA's savings options workbook (resources/templates/savings-options.xlsx), described once for
 * the reader and the writer. The FTE, cash and Diff columns hold figures (cash in £ millions) or `?`
 * where an owner does not know one yet; they are read as text and judged by shared/domain/savings.ts.
 */
export const SAVINGS_SHEET = {
  sheet: 'Savings Options',
  columns: [
    { field: 'ref', label: 'Ref', kind: 'text', required: true },
    { field: 'service', label: 'Service', kind: 'text' },
    { field: 'optionHeader', label: 'Option Header', kind: 'text', required: true },
    { field: 'comments', label: 'Service Review Board & Managers Comments', kind: 'text' },
    { field: 'status', label: 'Status', kind: 'text' },
    { field: 'priority', label: 'Priority', kind: 'text' },
    { field: 'doAnyway', label: 'Do Anyway', kind: 'text' },
    { field: 'fte', label: 'FTE Saving', kind: 'text' },
    { field: 'cash1', label: 'Cash £M 08/09', kind: 'text' },
    { field: 'cash2', label: 'Cash £M 09/10', kind: 'text' },
    { field: 'cash3', label: 'Cash £M 10/11', kind: 'text' },
    { field: 'diff', label: 'Diff', kind: 'text' },
    { field: 'sponsor', label: 'Sponsor / Benefit Owner', kind: 'text' },
    {
      field: 'code',
      label: 'Frontline service cut (F) / support service cut (S) / efficiency (E)',
      kind: 'text',
      required: true,
    },
  ],
  // The sheet's own "Total" row (under Do Anyway, with sums under the figures) is not an option.
  rowWhen: ['ref', 'service', 'optionHeader', 'comments', 'sponsor', 'code'],
} as const satisfies SheetLayout;

export type SavingsField = (typeof SAVINGS_SHEET.columns)[number]['field'];

/** The columns that hold figures: FTE in posts, the rest in £ millions. */
export const FIGURE_FIELDS = ['fte', 'cash1', 'cash2', 'cash3', 'diff'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
