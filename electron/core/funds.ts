import { ApiError } from '../../shared/api/errors';
import type { fundsOps } from '../../shared/api/funds';
import { financialYearSpan } from '../../shared/domain/calendar';
import { formatDate, formatPounds } from '../../shared/domain/format';
import {
  chargingBand,
  COST_SOURCE_LABELS,
  fundFigures,
  officerCapacity,
  paidFromFund,
  spendBy,
  type DayRates,
} from '../../shared/domain/money';
import { writeAudit } from '../data/audit';
import {
  fundFor,
  funds,
  listDoubleDistrictIds,
  readDayRates,
  writeDayRates,
  type StoredFund,
} from '../data/funds';
import { doubleDistricts } from '../data/organisation';
import { costsInYear } from '../data/projects';
import { notFound, saveRecord, write } from '../data/write';
import type { Ctx, HandlersOf } from './context';

/** A fund as the API gives it: its double district is named by the summary around it. */
const asRow = ({ doubleDistrict: _name, ...row }: StoredFund) => row;

function requireDoubleDistrict(ctx: Ctx, id: number) {
  const found = doubleDistricts.get(ctx.db, id);
  if (!found) throw notFound('double-district', id);
  return found;
}

/**
 * A double district's fund for a financial year (none set reads as nothing allocated) and the costs
 * its projects are charged in that year, with the figures one sets against the other: the Fund page
 * and the dashboard's fund lines both read them here.
 */
export function fundYear(ctx: Ctx, doubleDistrictId: number, financialYear: string) {
  const { from, to } = financialYearSpan(financialYear);
  const fund = fundFor(ctx.db, doubleDistrictId, financialYear);
  const costs = costsInYear(ctx.db, doubleDistrictId, from, to);
  return { fund, costs, figures: fundFigures(fund ?? { allocationPence: 0, heldBackPence: 0 }, costs) };
}

/** A double district's fund for a financial year, set against the costs its projects are charged. */
function fundSummary(ctx: Ctx, doubleDistrictId: number, financialYear: string) {
  const doubleDistrict = requireDoubleDistrict(ctx, doubleDistrictId);
  const { fund, costs: yearCosts, figures } = fundYear(ctx, doubleDistrictId, financialYear);
  const fromFund = yearCosts.filter((c) => paidFromFund(c.source));
  return {
    doubleDistrictId,
    doubleDistrict: doubleDistrict.name,
    financialYear,
    fund: fund ? asRow(fund) : null,
    ...figures,
    officerDays: officerCapacity(fund?.officerFte ?? 0, yearCosts),
    interventions: new Set(fromFund.map((c) => c.projectId)).size,
    bySchool: spendBy(yearCosts, (c) => ({ key: String(c.schoolId), label: c.school })),
    byProject: spendBy(yearCosts, (c) => ({
      key: String(c.projectId),
      label: `${c.school}, from ${formatDate(c.projectStartedOn)}`,
    })),
    byStage: spendBy(yearCosts, (c) => ({ key: c.stage, label: c.stage })),
    bySource: spendBy(yearCosts, (c) => ({ key: c.source, label: COST_SOURCE_LABELS[c.source] })),
  };
}

const RATE_LABELS: Record<keyof DayRates, string> = {
  pssDayRatePence: 'Priority School Support day rate',
  officerDayRatePence: 'Officer day rate',
};

function setRates(ctx: Ctx, rates: DayRates): DayRates {
  write(ctx, () => {
    const before = readDayRates(ctx.db);
    const changes = (Object.keys(RATE_LABELS) as Array<keyof DayRates>)
      .filter((key) => before[key] !== rates[key])
      .map((key) => ({
        field: RATE_LABELS[key],
        before: formatPounds(before[key]),
        after: formatPounds(rates[key]),
      }));
    if (changes.length === 0) return;
    writeDayRates(ctx.db, rates);
    writeAudit(ctx.db, ctx, {
      entity: 'settings',
      entityId: 1,
      schoolId: null,
      action: 'edit',
      summary: 'Changed the day rates',
      changes,
      before,
      after: rates,
    });
  });
  return readDayRates(ctx.db);
}

export const fundsHandlers: HandlersOf<typeof fundsOps> = {
  'funds.get': ({ doubleDistrictId, financialYear }, s) =>
    fundSummary(s.ctx(), doubleDistrictId, financialYear),
  'funds.list': ({ financialYear }, s) => {
    const ctx = s.ctx();
    return listDoubleDistrictIds(ctx.db).map((id) => fundSummary(ctx, id, financialYear));
  },
  'funds.save': ({ id, draft }, s) => {
    const ctx = s.ctx();
    const saved = saveRecord(ctx, funds, id, draft, {
      check: () => {
        requireDoubleDistrict(ctx, draft.doubleDistrictId);
        const held = fundFor(ctx.db, draft.doubleDistrictId, draft.financialYear);
        if (held && held.id !== id)
          throw new ApiError({
            code: 'conflict',
            message: `${held.doubleDistrict} already has a fund for ${draft.financialYear}; correct that one instead.`,
            fields: { financialYear: 'Already recorded' },
          });
      },
    });
    return asRow(saved);
  },
  'money.chargingBand': ({ days }, s) => chargingBand(days, readDayRates(s.ctx().db).officerDayRatePence),
  'money.rates': (_, s) => readDayRates(s.ctx().db),
  'money.setRates': (rates, s) => setRates(s.ctx(), rates),
};
