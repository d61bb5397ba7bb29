import { z } from 'zod';
import { nothing, id, op, saveOf } from './common';
import { pence } from './projects';

/** `2025/26`: a financial year, April to March. */
export const financialYear = z.string().refine(
  (text) => {
    const match = /^(\d{4})\/(\d{2})$/.exec(text);
    return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
  },
  { message: 'Enter a financial year, like 2025/26' },
);

export const fundDraft = z
  .object({
    doubleDistrictId: id,
    financialYear,
    allocationPence: pence,
    /** Kept back for unexpected calls on officer time during the year. */
    heldBackPence: pence,
    /** Officer posts (full-time equivalents) whose 170 days a year the interventions draw on. */
    officerFte: z
      .number({ message: 'Enter the number of officers, like 1 or 1.5' })
      .min(0, { message: 'This cannot be negative' })
      .max(100, { message: 'This cannot be more than 100' }),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.heldBackPence > d.allocationPence)
      ctx.addIssue({
        code: 'custom',
        path: ['heldBackPence'],
        message: 'The amount held back cannot be more than the allocation',
      });
  });
export type FundDraft = z.infer<typeof fundDraft>;
export const fundRow = z.object({
  id,
  doubleDistrictId: id,
  financialYear: z.string(),
  allocationPence: z.number(),
  heldBackPence: z.number(),
  officerFte: z.number(),
});

const spendLine = z.object({
  key: z.string(),
  label: z.string(),
  fundPence: z.number(),
  totalPence: z.number(),
});

/** A double district's fund for a year and what its interventions have committed and spent. */
export const fundSummary = z.object({
  doubleDistrictId: id,
  doubleDistrict: z.string(),
  financialYear: z.string(),
  /** Null until an allocation is recorded for that year. */
  fund: fundRow.nullable(),
  allocationPence: z.number(),
  heldBackPence: z.number(),
  committedPence: z.number(),
  spentPence: z.number(),
  remainingPence: z.number(),
  officerDays: z.object({ capacityDays: z.number(), committedDays: z.number(), over: z.boolean() }),
  /** Projects with a cost charged to the fund this year. */
  interventions: z.number(),
  bySchool: z.array(spendLine),
  byProject: z.array(spendLine),
  byStage: z.array(spendLine),
  bySource: z.array(spendLine),
});

export const dayRates = z
  .object({
    /** What a Priority School Support officer day is costed at (£500 by default). */
    pssDayRatePence: pence.refine((n) => n > 0, { message: 'A day rate must be more than £0' }),
    /** What officer and consultant time is charged at (£480 by default). */
    officerDayRatePence: pence.refine((n) => n > 0, { message: 'A day rate must be more than £0' }),
  })
  .strict();

export const chargingBandResult = z.object({
  days: z.number(),
  band: z.string(),
  chargeableDays: z.number(),
  ratePence: z.number(),
  chargePence: z.number(),
});

export const fundLabels = {
  financialYear: 'Financial year',
  allocationPence: 'Allocation',
  heldBackPence: 'Held back',
  officerFte: 'Officers (full-time equivalent)',
  pssDayRatePence: 'Priority School Support day rate',
  officerDayRatePence: 'Officer day rate',
};

export const fundsOps = {
  'funds.get': op(z.object({ doubleDistrictId: id, financialYear }).strict(), fundSummary),
  /** Every double district's fund for a financial year, for the county-wide view. */
  'funds.list': op(z.object({ financialYear }).strict(), z.array(fundSummary)),
  'funds.save': op(saveOf(fundDraft), fundRow),
  /** What a school pays for a year's Secondary Strategy consultant days, at the officer day rate. */
  'money.chargingBand': op(
    z
      .object({
        days: z
          .number({ message: 'Enter the days' })
          .min(0, { message: 'Days cannot be negative' })
          .max(1000, { message: 'That is too many days for one year' }),
      })
      .strict(),
    chargingBandResult,
  ),
  'money.rates': op(nothing, dayRates),
  'money.setRates': op(dayRates, dayRates),
};
