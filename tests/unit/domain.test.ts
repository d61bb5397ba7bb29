import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../shared/domain/changes';
import { parseDfe } from '../../shared/domain/dfe';
import { formatDate } from '../../shared/domain/format';
import { checkSchool } from '../../shared/domain/school';
import { emptyFilter, filterSchools, searchText, sortRows } from '../../shared/domain/school-filter';
import { goodSchoolDraft as draft } from './school-draft';

describe('DfE numbers', () => {
  it('accepts both typed forms and stores the one with the slash', () => {
    expect(parseDfe('860/2001')).toBe('860/2001');
    expect(parseDfe('8602001')).toBe('860/2001');
    expect(parseDfe(' 860 / 2001 ')).toBe('860/2001');
  });
  it('rejects anything else', () => {
    for (const bad of ['86O/2001', '860/200', '860-2001', '', '8602001x', '86/02001'])
      expect(parseDfe(bad)).toBeNull();
  });
});

describe('school rules', () => {
  it('normalises a good draft', () => {
    const checked = checkSchool(draft);
    expect(checked.ok && checked.fields).toMatchObject({
      dfe: '860/2001',
      urn: 124004,
      name: 'Stafford Nursery School',
      type: 'Community',
      phase: 'Nursery',
      diocese: null,
      numberOnRoll: 67,
    });
  });
  it('names every field that is wrong', () => {
    const checked = checkSchool({
      ...draft,
      dfe: '86O/2001',
      name: ' ',
      phase: '',
      districtId: null,
      numberOnRoll: '6.5',
      type: 'Academy',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual([
      'dfe',
      'districtId',
      'name',
      'numberOnRoll',
      'phase',
      'type',
    ]);
    expect(checked.errors.dfe).toBe('DfE number "86O/2001" is not a valid DfE number (like 860/2001)');
  });
});

describe('schools list filter and sort', () => {
  const rows = [
    {
      dfe: '860/2001',
      name: 'Alpha Primary',
      doubleDistrictId: 1,
      districtId: 1,
      phase: 'Primary',
      type: 'Community',
      closedOn: null,
      roll: 200,
      category: 2,
      supportLevel: 'low',
      concernStage: 2,
      dutiesMissing: 0,
      ofstedCategory: null,
      sipVisitedThisTerm: true,
    },
    {
      dfe: '860/3100',
      name: 'Beta High',
      doubleDistrictId: 2,
      districtId: 3,
      phase: 'Secondary',
      type: 'Foundation',
      closedOn: null,
      roll: 900,
      category: 3,
      supportLevel: 'high',
      concernStage: 3,
      dutiesMissing: 4,
      ofstedCategory: null,
      sipVisitedThisTerm: true,
    },
    {
      dfe: '860/3101',
      name: 'Gamma Infant',
      doubleDistrictId: 2,
      districtId: 4,
      phase: 'Infant',
      type: 'Community',
      closedOn: '2026-01-01',
      roll: null,
      category: null,
      supportLevel: null,
      concernStage: null,
      dutiesMissing: 0,
      ofstedCategory: null,
      sipVisitedThisTerm: true,
    },
  ];
  it('filters on the concern stage, 0 meaning not causing concern, and on duties missing', () => {
    const all = { ...emptyFilter, showClosed: true };
    expect(filterSchools(rows, { ...all, concernStage: 3 }).map((r) => r.name)).toEqual(['Beta High']);
    expect(filterSchools(rows, { ...all, concernStage: 2 }).map((r) => r.name)).toEqual(['Alpha Primary']);
    expect(filterSchools(rows, { ...all, concernStage: 1 })).toEqual([]);
    expect(filterSchools(rows, { ...all, concernStage: 0 }).map((r) => r.name)).toEqual(['Gamma Infant']);
    expect(filterSchools(rows, { ...all, dutiesMissing: true }).map((r) => r.name)).toEqual(['Beta High']);
    expect(filterSchools(rows, { ...all, concernStage: 2, dutiesMissing: true })).toEqual([]);
  });
  it('filters on the confirmed category and the support level, 0 meaning none yet', () => {
    const all = { ...emptyFilter, showClosed: true };
    expect(filterSchools(rows, { ...all, category: 3 }).map((r) => r.name)).toEqual(['Beta High']);
    expect(filterSchools(rows, { ...all, category: 0 }).map((r) => r.name)).toEqual(['Gamma Infant']);
    expect(filterSchools(rows, { ...all, supportLevel: 'low' }).map((r) => r.name)).toEqual([
      'Alpha Primary',
    ]);
  });
  it('hides closed schools unless asked', () => {
    expect(filterSchools(rows, emptyFilter).map((r) => r.name)).toEqual(['Alpha Primary', 'Beta High']);
    expect(filterSchools(rows, { ...emptyFilter, showClosed: true })).toHaveLength(3);
  });
  it('searches by name and by DfE number with or without the slash', () => {
    expect(filterSchools(rows, { ...emptyFilter, search: 'beta' }).map((r) => r.dfe)).toEqual(['860/3100']);
    expect(filterSchools(rows, { ...emptyFilter, search: '8603100' }).map((r) => r.dfe)).toEqual([
      '860/3100',
    ]);
    expect(filterSchools(rows, { ...emptyFilter, search: '310', showClosed: true })).toHaveLength(2);
  });
  it('filters by double district, district, phase and type together', () => {
    expect(
      filterSchools(rows, { ...emptyFilter, doubleDistrictId: 2, showClosed: true, type: 'Community' }).map(
        (r) => r.name,
      ),
    ).toEqual(['Gamma Infant']);
  });
  it('sorts numbers as numbers and puts blanks last', () => {
    expect(sortRows(rows, 'roll', 'asc').map((r) => r.roll)).toEqual([200, 900, null]);
    expect(sortRows(rows, 'roll', 'desc').map((r) => r.roll)).toEqual([900, 200, null]);
  });
});

describe('formatting and diffs', () => {
  it('writes dates as dd/mm/yyyy', () => expect(formatDate('2026-11-22')).toBe('22/11/2026'));
  it('lists only changed fields', () => {
    expect(diffRecords({ a: '1', b: null }, { a: '1', b: '2' })).toEqual([
      { field: 'b', before: null, after: '2' },
    ]);
  });
});

describe('dates as staff type them', () => {
  it('reads dd/mm/yyyy and ISO, and refuses dates that do not exist', async () => {
    const { parseDate } = await import('../../shared/domain/format');
    expect(['04/09/2008', '4.9.2008', '4-9-2008', '2008-09-04', ' 04/09/2008 '].map(parseDate)).toEqual(
      Array(5).fill('2008-09-04'),
    );
    expect(parseDate('31/02/2009')).toBeNull();
    expect(parseDate('09/04')).toBeNull();
    expect(parseDate('2008-9-4')).toBeNull();
  });
});

describe('searching school names as staff type them', () => {
  const school = (dfe: string, name: string) => ({
    dfe,
    name,
    doubleDistrictId: 1,
    districtId: 1,
    phase: 'Primary',
    type: null,
    closedOn: null,
    category: null,
    supportLevel: null,
    concernStage: null,
    dutiesMissing: 0,
    ofstedCategory: null,
    sipVisitedThisTerm: true,
  });
  const rows = [
    school('860/3401', "St Mary's Catholic Primary School"),
    school('860/3402', 'St Mary’s CE (VC) First School'),
    school('860/3403', 'St. John’s Church-of-England Primary'),
    school('860/3404', 'Marysville Infant School'),
    school('860/3405', 'St Marks Primary'),
  ];
  const found = (search: string) => filterSchools(rows, { ...emptyFilter, search }).map((r) => r.dfe);

  it('ignores straight and curly apostrophes and case', () => {
    expect(found('st marys')).toEqual(['860/3401', '860/3402']);
    expect(found('ST MARY’S')).toEqual(['860/3401', '860/3402']);
    expect(found("st mary's catholic")).toEqual(['860/3401']);
  });
  it('ignores full stops, hyphens and extra spaces', () => {
    expect(found('st johns')).toEqual(['860/3403']);
    expect(found('St.  Johns')).toEqual(['860/3403']);
    expect(found('church of england')).toEqual(['860/3403']);
    expect(found('church-of-england')).toEqual(['860/3403']);
  });
  it('still tells different names apart', () => {
    expect(found('st mark')).toEqual(['860/3405']);
    expect(found('st marys primary')).toEqual([]);
    expect(found('marys')).toEqual(['860/3401', '860/3402', '860/3404']);
  });
  it('still finds a DfE number typed with or without the slash', () => {
    expect(found('860/3403')).toEqual(['860/3403']);
    expect(found('8603403')).toEqual(['860/3403']);
  });
  it('reduces a name to lower case words without punctuation', () => {
    expect(searchText('  St. Mary’s  Church-of-England\tSchool ')).toBe('st marys church of england school');
  });
});
