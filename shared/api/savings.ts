import { z } from 'zod';
import { download, fieldChange, id, nothing, op, upload } from './common';
import { problems } from './errors';

/** A figure: a whole number (pence, or hundredths of a post), `?` for not known yet, or null for none. */
export const figure = z.union([
  z.number().int({ message: 'Enter a whole number' }).safe(),
  z.literal('?'),
  z.null(),
]);

const text = z.string().max(4000);

export const savingsOptionDraft = z
  .object({
    ref: z.string().trim().min(1, { message: 'Enter the option’s reference' }).max(40),
    service: text,
    optionHeader: text,
    comments: text,
    status: text,
    priority: text,
    doAnyway: text,
    fte: figure,
    cash1: figure,
    cash2: figure,
    cash3: figure,
    diff: figure,
    sponsor: text,
    code: z.enum(['', 'F', 'S', 'E'], { message: 'Use F, S or E' }),
    position: z.number().int().min(0),
  })
  .strict();
export type SavingsOptionDraft = z.infer<typeof savingsOptionDraft>;
export const savingsOptionRow = savingsOptionDraft.extend({ id });
export type SavingsOptionRow = z.infer<typeof savingsOptionRow>;

export const savingsLabels: Record<keyof SavingsOptionDraft, string> = {
  ref: 'Ref',
  service: 'Service',
  optionHeader: 'Option',
  comments: 'Comments',
  status: 'Status',
  priority: 'Priority',
  doAnyway: 'Do anyway',
  fte: 'FTE saving',
  cash1: 'Cash 2008/09',
  cash2: 'Cash 2009/10',
  cash3: 'Cash 2010/11',
  diff: 'Diff',
  sponsor: 'Sponsor',
  code: 'F/S/E',
  position: 'Order',
};

const total = z.object({ total: z.number(), unknown: z.number() });

export const savingsList = z.object({
  options: z.array(savingsOptionRow),
  totals: z.object({ fte: total, cash1: total, cash2: total, cash3: total, diff: total }),
});
export type SavingsList = z.infer<typeof savingsList>;

export const savingsPreview = z.object({
  problems,
  warnings: problems,
  newOptions: z.array(z.object({ ref: z.string(), optionHeader: z.string() })),
  changed: z.array(z.object({ ref: z.string(), optionHeader: z.string(), changes: z.array(fieldChange) })),
  unchangedCount: z.number(),
});
export type SavingsPreview = z.infer<typeof savingsPreview>;

export const savingsOps = {
  'savings.list': op(nothing, savingsList),
  'savings.preview': op(upload, savingsPreview),
  'savings.apply': op(upload, savingsPreview),
  'savings.export': op(nothing, download),
};
