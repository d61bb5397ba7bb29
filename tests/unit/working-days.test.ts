import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { addWorkingDays, bankHolidays, isBankHoliday, isWorkingDay } from '../../shared/domain/working-days';

/**
 * The bank holidays in England and Wales as published on GOV.UK (substitute days as listed there),
 * written out by hand so the rules are checked against the record rather than against themselves.
 */
const PUBLISHED: Record<number, string> = {
  2008: '01/01 21/03 24/03 05/05 26/05 25/08 25/12 26/12',
  2009: '01/01 10/04 13/04 04/05 25/05 31/08 25/12 28/12',
  2010: '01/01 02/04 05/04 03/05 31/05 30/08 27/12 28/12',
  2011: '03/01 22/04 25/04 29/04 02/05 30/05 29/08 26/12 27/12',
  2012: '02/01 06/04 09/04 07/05 04/06 05/06 27/08 25/12 26/12',
  2013: '01/01 29/03 01/04 06/05 27/05 26/08 25/12 26/12',
  2014: '01/01 18/04 21/04 05/05 26/05 25/08 25/12 26/12',
  2015: '01/01 03/04 06/04 04/05 25/05 31/08 25/12 28/12',
  2016: '01/01 25/03 28/03 02/05 30/05 29/08 26/12 27/12',
  2017: '02/01 14/04 17/04 01/05 29/05 28/08 25/12 26/12',
  2018: '01/01 30/03 02/04 07/05 28/05 27/08 25/12 26/12',
  2019: '01/01 19/04 22/04 06/05 27/05 26/08 25/12 26/12',
  2020: '01/01 10/04 13/04 08/05 25/05 31/08 25/12 28/12',
  2021: '01/01 02/04 05/04 03/05 31/05 30/08 27/12 28/12',
  2022: '03/01 15/04 18/04 02/05 02/06 03/06 29/08 19/09 26/12 27/12',
  2023: '02/01 07/04 10/04 01/05 08/05 29/05 28/08 25/12 26/12',
  2024: '01/01 29/03 01/04 06/05 27/05 26/08 25/12 26/12',
  2025: '01/01 18/04 21/04 05/05 26/05 25/08 25/12 26/12',
  2026: '01/01 03/04 06/04 04/05 25/05 31/08 25/12 28/12',
  2027: '01/01 26/03 29/03 03/05 31/05 30/08 27/12 28/12',
};
const published = (year: number) =>
  PUBLISHED[year]!.split(' ').map((dm) => `${year}-${dm.slice(3)}-${dm.slice(0, 2)}`);

describe('bank holidays in England and Wales', () => {
  for (const year of Object.keys(PUBLISHED).map(Number)) {
    it(`match the published list for ${year}`, () => {
      expect(bankHolidays(year)).toEqual(published(year));
    });
  }

  it('know every day of 2008–2027 for what it is, holiday or not', () => {
    const all = new Set(Object.keys(PUBLISHED).flatMap((y) => published(Number(y))));
    for (let day = '2008-01-01'; day <= '2027-12-31'; day = addDays(day, 1))
      expect(isBankHoliday(day), day).toBe(all.has(day));
  });

  it('include the one-off days and the moved holidays before 2008', () => {
    expect(bankHolidays(1999)).toContain('1999-12-31');
    expect(bankHolidays(1995)).toContain('1995-05-08');
    expect(bankHolidays(1995)).not.toContain('1995-05-01');
    expect(bankHolidays(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(bankHolidays(2002)).not.toContain('2002-05-27');
  });
});

describe('working days', () => {
  it('are weekdays that are not holidays; school holidays count', () => {
    expect(isWorkingDay('2025-10-27')).toBe(true); // Monday of the autumn half-term
    expect(isWorkingDay('2025-08-04')).toBe(true); // the summer holiday
    expect(isWorkingDay('2025-11-01')).toBe(false); // Saturday
    expect(isWorkingDay('2025-11-02')).toBe(false); // Sunday
    expect(isWorkingDay('2025-04-18')).toBe(false); // Good Friday
    expect(isWorkingDay('2025-05-26')).toBe(false); // spring bank holiday
    expect(isWorkingDay('2021-12-25')).toBe(false); // Christmas Day on a Saturday
    expect(isWorkingDay('2021-12-27')).toBe(false); // its substitute
    expect(isWorkingDay('2021-12-29')).toBe(true); // between Christmas and New Year
  });

  it('count the 15th working day after a notice given before Christmas', () => {
    // 2025: Christmas Thursday, Boxing Day Friday, New Year's Day Thursday.
    expect(addWorkingDays('2025-12-19', 15)).toBe('2026-01-14');
    // 2020: Boxing Day on a Saturday, so its substitute is Monday 28 December.
    expect(addWorkingDays('2020-12-18', 15)).toBe('2021-01-13');
    // 2021: Christmas at the weekend, New Year's Day on Saturday, substitutes on 27, 28 December and 3 January.
    expect(addWorkingDays('2021-12-23', 5)).toBe('2022-01-04');
  });

  it('step over a bank holiday and start counting the day after', () => {
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // over Easter
    expect(addWorkingDays('2025-05-23', 1)).toBe('2025-05-27'); // over the spring bank holiday
    expect(addWorkingDays('2025-12-20', 1)).toBe('2025-12-22'); // given on a Saturday
    expect(addWorkingDays('2025-05-27', -1)).toBe('2025-05-23');
    expect(addWorkingDays('2025-05-26', 0)).toBe('2025-05-26');
  });
});
