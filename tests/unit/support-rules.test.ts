import { describe, expect, it } from 'vitest';
import { budgetSummary, checkBudget, checkSpend } from '../../shared/domain/network-money';
import { memberOn } from '../../shared/domain/partnerships';
import { suggestSupport, weakAreas, type Standing, type StrengthEntry } from '../../shared/domain/support';

const standing = (schoolId: number, name: string, more: Partial<Standing> = {}): Standing => ({
  schoolId,
  name,
  districtId: 1,
  doubleDistrictId: 1,
  closed: false,
  category: 2,
  ofstedCategory: null,
  causingConcern: false,
  partnershipIds: [],
  supporting: 0,
  ...more,
});
const strength = (id: number, schoolId: number, area = 'sef:teaching', validated = true): StrengthEntry => ({
  id,
  schoolId,
  area,
  aspect: '',
  evidence: 'Lesson observations',
  validatedBy: validated ? 'Kath Kent' : null,
  validatedOn: validated ? '2008-10-01' : null,
  contact: 'Head',
});

const weak = standing(1, 'Weak Primary', { category: 4, causingConcern: true, partnershipIds: [9] });
const suggest = (schools: Standing[], strengths: StrengthEntry[], limit = 3, areas = ['sef:teaching']) =>
  suggestSupport({ school: weak, areas, schools: [weak, ...schools], strengths, limit });

describe('who can help a school', () => {
  it('finds its weak areas: lowest SEF judgements if satisfactory or worse, concern factors, profile themes', () => {
    expect(
      weakAreas({
        sef: { sefOn: '2008-10-01', grades: { overall: 3, teaching: 4, leadership: 4, care: 2 } },
        concernFactors: ['Significant weaknesses in teaching and learning', 'Budgetary problems'],
        themes: { academicYear: 2008, elements: ['networks'] },
      }),
    ).toEqual([
      {
        area: 'sef:teaching',
        label: 'Teaching and learning',
        because:
          'graded 4 (inadequate) on the SEF of 01/10/2008; a factor of its concern: significant weaknesses in teaching and learning',
      },
      {
        area: 'sef:leadership',
        label: 'Leadership and management',
        because: 'graded 4 (inadequate) on the SEF of 01/10/2008',
      },
      {
        area: 'element:networks',
        label: 'Networks of professional practice',
        because: 'a theme for improvement in Networks of professional practice in its 2008/09 profile',
      },
    ]);
    expect(
      weakAreas({
        sef: { sefOn: '2008-10-01', grades: { overall: 2, teaching: 2 } },
        concernFactors: [],
        themes: null,
      }),
    ).toEqual([]);
  });

  it('suggests only validated strengths in the wanted area, and never the school itself', () => {
    const result = suggest(
      [standing(2, 'Validated'), standing(3, 'Unvalidated'), standing(4, 'Other area')],
      [strength(1, 2), strength(2, 3, 'sef:teaching', false), strength(3, 4, 'sef:care'), strength(4, 1)],
    );
    expect(result.suggestions.map((s) => s.schoolId)).toEqual([2]);
    expect(result.excluded).toEqual([]);
  });

  it('never suggests a school in category 3 or 4, in an Ofsted category, causing concern, or closed', () => {
    const result = suggest(
      [
        standing(2, 'Cat 3', { category: 3 }),
        standing(3, 'Cat 4', { category: 4 }),
        standing(4, 'In SM', { ofstedCategory: 'Special Measures' }),
        standing(5, 'With NtI', { ofstedCategory: 'Notice to Improve' }),
        standing(6, 'Concern', { causingConcern: true }),
        standing(7, 'Closed', { closed: true }),
        standing(8, 'Fine', { category: 1 }),
      ],
      [2, 3, 4, 5, 6, 7, 8].map((school) => strength(school, school)),
    );
    expect(result.suggestions.map((s) => s.name)).toEqual(['Fine']);
    expect(result.excluded).toEqual([
      { schoolId: 2, name: 'Cat 3', reason: 'is itself in category 3' },
      { schoolId: 3, name: 'Cat 4', reason: 'is itself in category 4' },
      { schoolId: 6, name: 'Concern', reason: 'is itself causing concern' },
      { schoolId: 4, name: 'In SM', reason: 'is itself in Special Measures' },
      { schoolId: 5, name: 'With NtI', reason: 'itself has a Notice to Improve' },
    ]);
  });

  it('leaves out a school already supporting as many schools as the limit', () => {
    const schools = [standing(2, 'Busy', { supporting: 3 }), standing(3, 'Free', { supporting: 2 })];
    const strengths = [strength(1, 2), strength(2, 3)];
    expect(suggest(schools, strengths, 3).excluded).toEqual([
      { schoolId: 2, name: 'Busy', reason: 'already supports 3 schools (the limit is 3)' },
    ]);
    expect(suggest(schools, strengths, 4).suggestions.map((s) => s.name)).toEqual(['Free', 'Busy']);
    expect(suggest(schools, strengths, 2).suggestions).toEqual([]);
  });

  it('puts the nearest first: same district, same double district, same partnership, then elsewhere', () => {
    const result = suggest(
      [
        standing(2, 'A elsewhere', { districtId: 5, doubleDistrictId: 3 }),
        standing(3, 'B partner', { districtId: 4, doubleDistrictId: 2, partnershipIds: [9] }),
        standing(4, 'C double district', { districtId: 2 }),
        standing(5, 'D district'),
      ],
      [2, 3, 4, 5].map((school) => strength(school, school)),
    );
    expect(result.suggestions.map((s) => [s.name, s.nearness])).toEqual([
      ['D district', 'same district'],
      ['C double district', 'same double district'],
      ['B partner', 'same partnership'],
      ['A elsewhere', 'elsewhere'],
    ]);
  });

  it('within the same nearness, prefers more matching areas, then fewer schools already supported', () => {
    const result = suggest(
      [
        standing(2, 'Busier', { supporting: 1 }),
        standing(3, 'Idle'),
        standing(4, 'Two areas', { supporting: 2 }),
      ],
      [strength(1, 2), strength(2, 3), strength(3, 4), strength(4, 4, 'sef:leadership')],
      3,
      ['sef:teaching', 'sef:leadership'],
    );
    expect(result.suggestions.map((s) => s.name)).toEqual(['Two areas', 'Idle', 'Busier']);
  });
});

describe('network money', () => {
  it('sums the plan and the spend per line, and what remains', () => {
    const lines = [
      { id: 1, description: 'Supply cover', plannedPence: 300_000 },
      { id: 2, description: 'Visits', plannedPence: 150_000 },
    ];
    expect(
      budgetSummary(500_000, lines, [
        { lineId: 1, amountPence: 120_050 },
        { lineId: 1, amountPence: 30_000 },
        { lineId: 2, amountPence: 9_950 },
      ]),
    ).toEqual({
      allocationPence: 500_000,
      plannedPence: 450_000,
      spentPence: 160_000,
      remainingPence: 340_000,
      lines: [
        { ...lines[0], spentPence: 150_050 },
        { ...lines[1], spentPence: 9_950 },
      ],
    });
  });

  it('refuses spend beyond the allocation unless recorded as an agreed overspend with a reason', () => {
    const spend = { allocationPence: 500_000, otherSpentPence: 480_000, amountPence: 40_000 };
    expect(checkSpend({ ...spend, overspendReason: '' })).toBe(
      'This would bring spending to £5,200, £200 over the £5,000 allocation: record it as an agreed overspend, with the reason',
    );
    expect(checkSpend({ ...spend, overspendReason: '   ' })).not.toBeNull();
    expect(checkSpend({ ...spend, overspendReason: 'Agreed by the network on 12/03/2009' })).toBeNull();
    expect(checkSpend({ ...spend, amountPence: 20_000, overspendReason: '' })).toBeNull();
  });

  it('refuses a plan beyond the allocation, and lowering the allocation below what is spent', () => {
    const budget = { allocationPence: 500_000, plannedPence: 500_000, spentPence: 200_000 };
    expect(checkBudget({ ...budget, previousAllocationPence: null })).toBeNull();
    expect(checkBudget({ ...budget, plannedPence: 500_001, previousAllocationPence: null })).toEqual({
      field: 'lines',
      message: 'The plan comes to £5,000.01, more than the £5,000 allocation',
    });
    expect(
      checkBudget({ ...budget, allocationPence: 150_000, plannedPence: 0, previousAllocationPence: 500_000 }),
    ).toEqual({
      field: 'allocationPence',
      message: '£2,000 has already been spent, so the allocation cannot be less than that',
    });
  });

  it('counts a member from the day it joined to the day it left', () => {
    const m = { joinedOn: '2008-09-01', leftOn: '2009-07-31' };
    expect(['2008-08-31', '2008-09-01', '2009-07-31', '2009-08-01'].map((d) => memberOn(m, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
