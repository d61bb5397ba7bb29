import { describe, expect, it } from 'vitest';
import { formatPounds } from '../../shared/domain/format';
import {
  capBreach,
  chargingBand,
  costedTwice,
  fundFigures,
  officerCapacity,
  spendBy,
  type CostLine,
} from '../../shared/domain/money';

const audit = (amountPence: number, days = 1): CostLine => ({ source: 'pss-audit', days, amountPence });

describe('money as the LA writes it', () => {
  it('shows whole pounds without pence, and pence only where there are some', () => {
    expect(formatPounds(192_000)).toBe('£1,920');
    expect(formatPounds(250_001)).toBe('£2,500.01');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(-120_000)).toBe('−£1,200');
    expect(formatPounds(0)).toBe('£0');
  });
});

describe('Priority School Support caps', () => {
  it('accepts an audit and action plan at exactly £2,500 and refuses a penny more, naming the cap', () => {
    expect(capBreach([audit(150_000, 3)], audit(100_000, 2))).toBeNull();
    expect(capBreach([audit(150_000, 3)], audit(100_001, 2))).toEqual({
      field: 'amountPence',
      message:
        'Priority School Support for an audit and action plan is capped at £2,500 and 5 days; this would make £2,500.01.',
    });
  });

  it('caps the days as well as the money', () => {
    expect(capBreach([audit(50_000, 4)], audit(0, 1))).toBeNull();
    expect(capBreach([audit(50_000, 4)], audit(0, 1.5))?.message).toBe(
      'Priority School Support for an audit and action plan is capped at £2,500 and 5 days; this would make 5.5 days.',
    );
  });

  it('caps monitoring at 4 days and £2,000, counting only monitoring costs', () => {
    const monitoring = (amountPence: number, days: number): CostLine => ({
      source: 'pss-monitoring',
      days,
      amountPence,
    });
    expect(capBreach([audit(250_000, 5)], monitoring(200_000, 4))).toBeNull();
    expect(capBreach([monitoring(150_000, 3)], monitoring(60_000, 1))?.message).toBe(
      'Priority School Support for monitoring is capped at £2,000 and 4 days; this would make £2,100.',
    );
  });

  it('puts no cap on CPD the school pays for', () => {
    expect(capBreach([], { source: 'cpd', days: 30, amountPence: 1_000_000 })).toBeNull();
  });

  it('does not cost support already funded twice', () => {
    expect(costedTwice({ source: 'already-funded', days: 3, amountPence: 0 })).toBeNull();
    expect(costedTwice({ source: 'already-funded', days: 3, amountPence: 144_000 })).toMatch(
      /not costed again/,
    );
    expect(costedTwice({ source: 'cpd', days: 3, amountPence: 144_000 })).toBeNull();
  });
});

describe('Secondary Strategy charging bands', () => {
  const pays = (days: number) => chargingBand(days, 48_000).chargeableDays;
  it('gives 10 days free and charges from the 11th', () => {
    expect(pays(0)).toBe(0);
    expect(pays(10)).toBe(0);
    expect(pays(10.5)).toBe(2);
    expect(pays(11)).toBe(2);
    expect(pays(20)).toBe(2);
    expect(pays(21)).toBe(4);
    expect(pays(30)).toBe(4);
    expect(pays(31)).toBe(6);
    expect(pays(40)).toBe(6);
    expect(pays(41)).toBe(8);
    expect(pays(50)).toBe(8);
    expect(pays(51)).toBe(10);
    expect(pays(120)).toBe(10);
  });

  it('charges 25 days as 4 days at £480: £1,920', () => {
    expect(chargingBand(25, 48_000)).toEqual({
      days: 25,
      band: '21 to 30 days',
      chargeableDays: 4,
      ratePence: 48_000,
      chargePence: 192_000,
    });
  });
});

describe("a double district's intervention fund", () => {
  it('leaves the allocation less what is held back, committed and spent, counting only PSS', () => {
    const figures = fundFigures({ allocationPence: 5_000_000, heldBackPence: 500_000 }, [
      { source: 'pss-audit', status: 'Spent', amountPence: 250_000 },
      { source: 'pss-monitoring', status: 'Committed', amountPence: 200_000 },
      { source: 'cpd', status: 'Spent', amountPence: 900_000 },
      { source: 'already-funded', status: 'Spent', amountPence: 0 },
    ]);
    expect(figures).toEqual({
      allocationPence: 5_000_000,
      heldBackPence: 500_000,
      committedPence: 200_000,
      spentPence: 250_000,
      remainingPence: 4_050_000,
    });
  });

  it('sets officer days against 170 a year for each officer: twenty interventions overrun one officer', () => {
    const twenty = Array.from({ length: 20 }, () => [
      { source: 'pss-audit' as const, days: 5 },
      { source: 'pss-monitoring' as const, days: 4 },
    ]).flat();
    expect(officerCapacity(1, twenty)).toEqual({ capacityDays: 170, committedDays: 180, over: true });
    expect(officerCapacity(1.5, twenty)).toEqual({ capacityDays: 255, committedDays: 180, over: false });
    expect(officerCapacity(1, [{ source: 'cpd', days: 200 }]).committedDays).toBe(0);
  });

  it('sums spending under a key, the fund part apart from the whole', () => {
    const lines = spendBy(
      [
        { school: 'Alder', source: 'pss-audit' as const, amountPence: 100_000 },
        { school: 'Alder', source: 'cpd' as const, amountPence: 50_000 },
        { school: 'Birch', source: 'pss-monitoring' as const, amountPence: 200_000 },
      ],
      (c) => ({ key: c.school, label: c.school }),
    );
    expect(lines).toEqual([
      { key: 'Birch', label: 'Birch', fundPence: 200_000, totalPence: 200_000 },
      { key: 'Alder', label: 'Alder', fundPence: 100_000, totalPence: 150_000 },
    ]);
  });
});
