import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  addTerms,
  calendarFrom,
  defaultTermDates,
  easterSunday,
  financialYearOf,
  parseTermLabel,
  termLabel,
  termOf,
} from '../../shared/domain/calendar';

describe('the school calendar', () => {
  it('computes Easter, which moves the spring term', () => {
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2009)).toBe('2009-04-12');
    expect(easterSunday(2024)).toBe('2024-03-31');
  });

  it('gives sensible default term dates for 2008/09', () => {
    expect(defaultTermDates(2008)).toEqual([
      {
        academicYear: 2008,
        term: 'autumn',
        startsOn: '2008-09-01',
        secondHalfOn: '2008-11-03',
        endsOn: '2008-12-19',
      },
      {
        academicYear: 2008,
        term: 'spring',
        startsOn: '2009-01-05',
        secondHalfOn: '2009-02-23',
        endsOn: '2009-04-03',
      },
      {
        academicYear: 2008,
        term: 'summer',
        startsOn: '2009-04-20',
        secondHalfOn: '2009-06-01',
        endsOn: '2009-07-17',
      },
    ]);
  });

  it('names academic and financial years', () => {
    expect(academicYearOf('2008-09-01')).toBe(2008);
    expect(academicYearOf('2009-08-31')).toBe(2008);
    expect(financialYearOf('2009-03-31')).toBe('2008/09');
    expect(financialYearOf('2009-04-01')).toBe('2009/10');
    expect(financialYearOf('1999-04-01')).toBe('1999/00');
  });

  it('answers which term a date is in, holidays counting towards the next term', () => {
    expect(termLabel(termOf('2008-10-15'))).toBe('Autumn 2008');
    expect(termLabel(termOf('2008-12-19'))).toBe('Autumn 2008');
    expect(termLabel(termOf('2008-12-27'))).toBe('Spring 2009');
    expect(termLabel(termOf('2009-04-10'))).toBe('Summer 2009');
    expect(termLabel(termOf('2009-08-10'))).toBe('Autumn 2009');
  });

  it('counts terms across academic years, keeping the distance into the term', () => {
    expect(addTerms('2008-10-15', 2)).toBe('2009-06-03'); // 44 days into autumn → 44 days into summer
    expect(termLabel(termOf(addTerms('2008-10-15', 3)))).toBe('Autumn 2009');
    expect(termLabel(termOf(addTerms('2009-06-01', 1)))).toBe('Autumn 2009');
    expect(termLabel(termOf(addTerms('2009-01-10', -1)))).toBe('Autumn 2008');
    expect(termLabel(termOf(addTerms('2008-10-15', 7)))).toBe('Spring 2011');
    // Late in a long term, landing in a short one: kept to that term's last day.
    expect(addTerms('2008-12-18', 1)).toBe('2009-04-03');
  });

  it("uses the LA's own term dates where it set them", () => {
    const calendar = calendarFrom([
      {
        academicYear: 2008,
        term: 'autumn',
        startsOn: '2008-09-03',
        secondHalfOn: '2008-11-03',
        endsOn: '2008-12-17',
      },
    ]);
    expect(termLabel(termOf('2008-12-18', calendar))).toBe('Spring 2009');
    expect(termLabel(termOf('2008-12-18'))).toBe('Autumn 2008');
  });

  it('reads and writes term labels', () => {
    expect(parseTermLabel(' autumn 2008 ')).toEqual({ academicYear: 2008, term: 'autumn' });
    expect(parseTermLabel('Spring 2009')).toEqual({ academicYear: 2008, term: 'spring' });
    expect(parseTermLabel('Michaelmas 2008')).toBeNull();
    expect(termLabel({ academicYear: 2008, term: 'summer' })).toBe('Summer 2009');
  });
});
