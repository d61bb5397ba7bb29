import { fundDraft, fundLabels, type FundDraft } from '../../shared/api/funds';
import { formatPounds } from '../../shared/domain/format';
import { DEFAULT_DAY_RATES, type DayRates } from '../../shared/domain/money';
import type { Db } from './database';
import { prepared } from './prepared';
import type { RecordTable } from './write';

export interface StoredFund extends FundDraft {
  id: number;
  doubleDistrict: string;
}

const SELECT = `
  SELECT f.id, f.double_district_id AS doubleDistrictId, dd.name AS doubleDistrict, f.financial_year AS financialYear,
         f.allocation_pence AS allocationPence, f.held_back_pence AS heldBackPence, f.officer_fte AS officerFte
  FROM intervention_funds f JOIN double_districts dd ON dd.id = f.double_district_id`;

export function fundFor(db: Db, doubleDistrictId: number, financialYear: string): StoredFund | undefined {
  return prepared(db, `${SELECT} WHERE f.double_district_id = ? AND f.financial_year = ?`).get(
    doubleDistrictId,
    financialYear,
  ) as StoredFund | undefined;
}

export const listDoubleDistrictIds = (db: Db) =>
  db.prepare('SELECT id FROM double_districts ORDER BY name').pluck().all() as number[];

/** Funds are corrected, never deleted: a year's allocation stays on record. */
export const funds: RecordTable<StoredFund, FundDraft> = {
  entity: 'fund',
  rules: fundDraft,
  labels: fundLabels,
  get: (db, id) => prepared(db, `${SELECT} WHERE f.id = ?`).get(id) as StoredFund | undefined,
  insert: (db, d) =>
    Number(
      prepared(
        db,
        `INSERT INTO intervention_funds (double_district_id, financial_year, allocation_pence, held_back_pence, officer_fte)
           VALUES (@doubleDistrictId, @financialYear, @allocationPence, @heldBackPence, @officerFte)`,
      ).run(d).lastInsertRowid,
    ),
  update: (db, id, d) =>
    void prepared(
      db,
      `UPDATE intervention_funds SET double_district_id = @doubleDistrictId, financial_year = @financialYear,
         allocation_pence = @allocationPence, held_back_pence = @heldBackPence, officer_fte = @officerFte
         WHERE id = @id`,
    ).run({ ...d, id }),
  describe: (f) => ({
    'Double district': f.doubleDistrict,
    'Financial year': f.financialYear,
    Allocation: formatPounds(f.allocationPence),
    'Held back': formatPounds(f.heldBackPence),
    'Officers (full-time equivalent)': String(f.officerFte),
  }),
  schoolOf: () => null,
  title: (f) => `intervention fund for ${f.doubleDistrict}, ${f.financialYear}`,
};

const RATE_KEYS: Record<keyof DayRates, string> = {
  pssDayRatePence: 'money.pssDayRatePence',
  officerDayRatePence: 'money.officerDayRatePence',
};

export function readDayRates(db: Db): DayRates {
  const read = (key: keyof DayRates) => {
    const value = db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(RATE_KEYS[key]) as
      string | undefined;
    return value === undefined ? DEFAULT_DAY_RATES[key] : Number(value);
  };
  return { pssDayRatePence: read('pssDayRatePence'), officerDayRatePence: read('officerDayRatePence') };
}

export function writeDayRates(db: Db, rates: DayRates): void {
  const upsert = prepared(
    db,
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of Object.keys(RATE_KEYS) as Array<keyof DayRates>)
    upsert.run(RATE_KEYS[key], String(rates[key]));
}
